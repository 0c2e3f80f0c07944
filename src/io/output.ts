// Result output: a file written atomically (temp file renamed on close) or stdout, where a reader
// that goes away (EPIPE, as in `vcfact … | head`) ends the output quietly; BGZF-compressed
// (src/io/bgzf-writer.ts) for a name ending in .gz or when the output type asks for it.

import { createWriteStream, renameSync, type Stats, unlinkSync, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { VcfactError, EXIT } from '../errors.js';
import { BgzfOutput } from './bgzf-writer.js';
import { createTemp, inputStats, outputTarget, refuseInputOnStdout } from './output-target.js';

export interface Output {
  /** The path as given, or 'stdout'. */
  readonly name: string;
  /** True once the reader of stdout has gone away; further writes are dropped. */
  readonly closed: boolean;
  /** Resolves when the reader has gone away (never for files): the pipeline can stop reading. */
  readonly gone: Promise<void>;
  /** Returns a promise only when the caller should wait (back-pressure). */
  write(s: string | Buffer): void | Promise<void>;
  /** Flushes; for a file, renames the temp file over the destination. */
  close(): Promise<void>;
  /** Drops what was written; an existing destination file is left untouched. */
  abort(): Promise<void>;
}

/** Any -o name ending in .gz is written BGZF-compressed (its type comes from the name before .gz). */
export function isGzName(path: string | undefined): boolean {
  return path !== undefined && /\.gz$/i.test(path);
}

/**
 * stdout for no path or '-', else a file written atomically; BGZF when `bgzf` (by default for a
 * name ending in .gz). `input` (a path or '-') is the run's input: writing over it, by any name or
 * link, is refused (exit 2) before anything is written.
 */
export function openOutput(path?: string, input?: string, bgzf = isGzName(path)): Output {
  const source = inputStats(input);
  let out: Output;
  if (path === undefined || path === '-') {
    refuseInputOnStdout(source);
    out = new StdoutOutput(process.stdout);
  } else out = new FileOutput(path, source);
  return bgzf ? new BgzfOutput(out) : out;
}

/** Write failures after the output was opened (disk full, I/O error). Exit 3 like other I/O. */
function writeError(name: string, e: unknown): VcfactError {
  const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new VcfactError('output', `cannot write output: ${reason}`, EXIT.input, { file: name }, e);
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (e?: Error) => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      if (e) reject(e);
      else resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}

export class StdoutOutput implements Output {
  readonly name = 'stdout';
  closed = false;
  readonly gone: Promise<void>;
  private markGone!: () => void;
  private failure: unknown;

  constructor(private readonly stream: Writable) {
    this.gone = new Promise((resolve) => (this.markGone = resolve));
    // Kept for the stream's lifetime: an 'error' with no listener would crash the process.
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') this.end();
      else this.failure ??= e;
    });
  }

  write(s: string | Buffer): void | Promise<void> {
    if (this.failure) throw writeError(this.name, this.failure);
    if (this.closed) return;
    if (this.stream.write(s)) return;
    return Promise.race([drained(this.stream).catch(() => undefined), this.gone]);
  }

  async close(): Promise<void> {
    if (!this.closed && !this.stream.destroyed) {
      await Promise.race([new Promise<void>((resolve) => this.stream.write('', () => resolve())), this.gone]);
    }
    if (this.failure) throw writeError(this.name, this.failure);
  }

  async abort(): Promise<void> {
    // Nothing can be taken back from stdout; the caller reports the error.
  }

  private end(): void {
    this.closed = true;
    this.markGone();
  }
}

export class FileOutput implements Output {
  readonly closed = false;
  readonly gone: Promise<void> = new Promise<void>(() => undefined);
  private readonly tmp: string;
  /** Where the temp file is renamed to (-o, or the file a symlink given as -o points to). */
  private readonly dest: string;
  private readonly stream: WriteStream;
  private failure: unknown;
  private finished = false;
  private aborted = false;
  private closing: Promise<void> | undefined;

  constructor(
    readonly name: string,
    input?: Stats,
  ) {
    // Checked and opened synchronously so a bad -o path is reported before any result is written.
    const target = outputTarget(name, input);
    const { tmp, fd } = createTemp(target, name);
    this.tmp = tmp;
    this.dest = target.path;
    this.stream = createWriteStream('', { fd, highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => (this.failure ??= e));
  }

  write(s: string | Buffer): void | Promise<void> {
    if (this.failure) throw writeError(this.name, this.failure);
    if (this.stream.write(s)) return;
    return drained(this.stream).catch((e) => {
      throw writeError(this.name, e);
    });
  }

  async close(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.closing = this.endAndRename();
    await this.closing;
  }

  private async endAndRename(): Promise<void> {
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    await this.closedStream();
    if (this.failure || this.aborted) {
      this.removeTmp();
      if (this.failure) throw writeError(this.name, this.failure);
      return;
    }
    try {
      renameSync(this.tmp, this.dest);
    } catch (e) {
      this.removeTmp();
      throw writeError(this.name, e);
    }
  }

  async abort(): Promise<void> {
    if (this.finished) {
      // Interrupted while closing: the close must not rename the temp file, and the process must
      // not die before the close has removed it (the signal handler awaits this).
      this.aborted = true;
      await this.closing?.catch(() => undefined);
      return;
    }
    this.finished = true;
    this.stream.destroy();
    await this.closedStream();
    this.removeTmp();
  }

  private closedStream(): Promise<void> {
    if (this.stream.closed) return Promise.resolve();
    return new Promise((resolve) => this.stream.once('close', () => resolve()));
  }

  private removeTmp(): void {
    try {
      unlinkSync(this.tmp);
    } catch {
      // Already gone: nothing to clean.
    }
  }
}
