// Result output: a file written atomically (temp file renamed on close) or stdout, where a reader
// that goes away (EPIPE, as in `vcfact … | head`) ends the output quietly.

import { createWriteStream, openSync, renameSync, statSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { UsageError, VcfactError, EXIT } from '../errors.js';

export interface Output {
  /** The path as given, or 'stdout'. */
  readonly name: string;
  /** True once the reader of stdout has gone away; further writes are dropped. */
  readonly closed: boolean;
  /** Resolves when the reader has gone away (never for files): the pipeline can stop reading. */
  readonly gone: Promise<void>;
  /** Returns a promise only when the caller should wait (back-pressure). */
  write(s: string): void | Promise<void>;
  /** Flushes; for a file, renames the temp file over the destination. */
  close(): Promise<void>;
  /** Drops what was written; an existing destination file is left untouched. */
  abort(): Promise<void>;
}

export function openOutput(path?: string): Output {
  return path === undefined || path === '-' ? new StdoutOutput(process.stdout) : new FileOutput(path);
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

  write(s: string): void | Promise<void> {
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
  private readonly stream: WriteStream;
  private failure: unknown;
  private finished = false;

  constructor(readonly name: string) {
    this.tmp = join(dirname(name), `.${basename(name)}.${process.pid}.tmp`);
    // Checked and opened synchronously so a bad -o path is reported before any input is read.
    if (statSync(name, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UsageError('cannot create output file: is a directory', { file: name });
    }
    let fd: number;
    try {
      fd = openSync(this.tmp, 'w');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code;
      throw new UsageError(`cannot create output file: ${why ?? (e as Error).message}`, { file: name }, e);
    }
    this.stream = createWriteStream('', { fd, highWaterMark: 1 << 20 });
    this.stream.on('error', (e) => (this.failure ??= e));
  }

  write(s: string): void | Promise<void> {
    if (this.failure) throw writeError(this.name, this.failure);
    if (this.stream.write(s)) return;
    return drained(this.stream).catch((e) => {
      throw writeError(this.name, e);
    });
  }

  async close(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    await this.closedStream();
    if (this.failure) {
      this.removeTmp();
      throw writeError(this.name, this.failure);
    }
    try {
      renameSync(this.tmp, this.name);
    } catch (e) {
      this.removeTmp();
      throw writeError(this.name, e);
    }
  }

  async abort(): Promise<void> {
    if (this.finished) return;
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
