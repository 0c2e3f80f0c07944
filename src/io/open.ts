// Opens a VCF input (file or '-' for stdin), tells plain / gzip / BGZF apart by magic bytes, and
// streams whole-line chunks of the decompressed text.

import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { BgzfSource, type ScannableSource } from './bgzf-source.js';
import { LineLimit, limitLines } from './line-limit.js';
import { joinedPieces, wholeLines } from './lines.js';
import { type InputMeter, restartMeter } from './meter.js';
import { bytesToSniff, sniffFormat, type InputFormat } from './sniff.js';

export type { BgzfPiece, ScannableSource } from './bgzf-source.js';
export type { InputFormat } from './sniff.js';

export interface InputSource {
  /** The path as given, or 'stdin'. */
  name: string;
  format: InputFormat;
  /** Whole-line chunks of the decompressed text; the last may lack a final newline. Iterate once. */
  chunks(): AsyncIterable<Buffer>;
}

/**
 * Key of the extra face of a BGZF input's chunks(): the raw inflated pieces, in order but cut
 * anywhere (not at line ends), with a scan plugin that runs in the inflate workers (see
 * src/workers/inflate-worker.ts). A reader that knows the plugin's results uses this instead of the
 * whole-line chunks; anyone else sees a plain AsyncIterable<Buffer>.
 */
const SCAN = Symbol('vcfact.bgzf-scan');

/** The scannable face of `chunks`, when it has one (BGZF input). */
export function scannable(chunks: AsyncIterable<Buffer>): ScannableSource | undefined {
  return (chunks as { [SCAN]?: ScannableSource })[SCAN];
}

export interface OpenOptions {
  /** BGZF inflate workers; 0 or 1 inflates on the calling thread. Default min(2, CPUs). */
  threads?: number;
  /** Inflated bytes per BGZF batch (default 2 MB); tests make it small to cut lines across batches. */
  batchSize?: number;
  /** A longer line is exit 3 (--max-line-bytes; default DEFAULT_MAX_LINE_BYTES, src/io/line-limit.ts). */
  maxLineBytes?: number;
  /** Counts the file's bytes as they are read (not for stdin, whose size is unknown). */
  meter?: InputMeter;
}

const READ_SIZE = 4 << 20;
/** Output chunk size of gzip streams: large chunks keep per-chunk costs low downstream. */
const GUNZIP_CHUNK = 1 << 20;

export async function openInput(path: string, opts: OpenOptions = {}): Promise<InputSource> {
  if (path === '-') return openBytes(stdinBytes(), 'stdin', opts);
  const reads: ReadMode = { reuse: false };
  const { fh, size } = await openFile(path);
  restartMeter(opts.meter, size, 'bytes');
  const src = await openBytes(fileBytes(fh, path, reads, opts.meter), path, opts);
  // BGZF pieces are copied (cutBlocks) before the next read, so one read buffer serves the file.
  reads.reuse = src.format === 'bgzf';
  return src;
}

interface ReadMode {
  /** Read into the same buffer each time (the consumer copies each piece before asking for more). */
  reuse: boolean;
}

/** Same as openInput for any byte stream (stdin, tests feeding small pieces). */
export async function openBytes(raw: AsyncIterable<Buffer>, name: string, opts: OpenOptions = {}): Promise<InputSource> {
  const threads = opts.threads ?? Math.min(2, availableParallelism());
  const src = guard(raw, name);
  const head = await peek(src, 12);
  const need = bytesToSniff(head.bytes);
  const sniffed = need > head.bytes.length ? await peek(head.rest, need) : head;
  const format = sniffFormat(sniffed.bytes);
  let used = false;
  return {
    name,
    format,
    chunks() {
      if (used) throw new Error(`${name}: input chunks() can be iterated only once`);
      used = true;
      const bytes = sniffed.rest;
      // Checked before wholeLines, which holds a line until its newline arrives.
      const limit = new LineLimit(name, opts.maxLineBytes);
      if (format === 'plain') return wholeLines(limitLines(bytes, limit));
      if (format === 'gzip') return wholeLines(limitLines(gunzip(bytes, name), limit));
      const bgzf = new BgzfSource(bytes, name, threads, opts.batchSize, limit);
      const scan: ScannableSource = {
        scanWith: (plugin, config) => bgzf.scanWith(plugin, config),
        update: (msg) => bgzf.update(msg),
        [Symbol.asyncIterator]: () => joinedPieces(bgzf)[Symbol.asyncIterator](),
      };
      return {
        [Symbol.asyncIterator]: () => wholeLines(bgzf as AsyncIterable<Buffer>)[Symbol.asyncIterator](),
        [SCAN]: scan,
      };
    },
  };
}

/** The open file and its size (undefined for a pipe or FIFO given as a path: its size is not its length). */
async function openFile(path: string): Promise<{ fh: FileHandle; size: number | undefined }> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new InputError(`cannot open input: ${osReason(e)}`, { file: path }, e);
  }
  const st = await fh.stat();
  if (st.isDirectory()) {
    await fh.close();
    throw new InputError('cannot open input: is a directory', { file: path });
  }
  return { fh, size: st.isFile() ? st.size : undefined };
}

async function* fileBytes(fh: FileHandle, file: string, mode: ReadMode, meter?: InputMeter): AsyncGenerator<Buffer> {
  let last: Buffer | undefined;
  try {
    for (;;) {
      // Otherwise a fresh buffer per read: chunks downstream are views into it.
      const buf = mode.reuse && last !== undefined ? last : Buffer.allocUnsafeSlow(READ_SIZE);
      last = buf;
      let n: number;
      try {
        ({ bytesRead: n } = await fh.read(buf, 0, READ_SIZE, null));
      } catch (e) {
        throw new InputError(`cannot read input: ${osReason(e)}`, { file }, e);
      }
      if (n === 0) return;
      if (meter) meter.done += n;
      yield n < READ_SIZE ? buf.subarray(0, n) : buf;
    }
  } finally {
    await fh.close();
  }
}

async function* stdinBytes(): AsyncGenerator<Buffer> {
  for await (const b of process.stdin) yield b as Buffer;
}

/** Turns OS errors raised while reading into InputError naming the input. */
async function* guard(bytes: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  try {
    yield* bytes;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read input: ${osReason(e)}`, { file: name }, e);
  }
}

interface Peeked {
  bytes: Buffer;
  /** The whole stream again, peeked bytes first. */
  rest: AsyncGenerator<Buffer>;
}

/** Reads at least `n` bytes (fewer only at end of input) without losing them for the reader. */
async function peek(src: AsyncIterable<Buffer>, n: number): Promise<Peeked> {
  const it = src[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let len = 0;
  let ended = false;
  while (len < n) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    got.push(r.value);
    len += r.value.length;
  }
  const bytes = got.length === 1 ? (got[0] as Buffer) : Buffer.concat(got);
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      if (bytes.length > 0) yield bytes;
      if (ended) return;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    } finally {
      // A reader that stops early (an error, `| head`) closes the file behind the stream.
      if (!ended) await it.return?.(undefined);
    }
  }
  return { bytes, rest: rest() };
}

/** gzip, multi-member included. zlib streams inflate on the libuv thread pool, so decompression
 * already overlaps with parsing on the main thread without a worker of our own. */
async function* gunzip(bytes: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  const z = createGunzip({ chunkSize: GUNZIP_CHUNK });
  const done = pipeline(Readable.from(bytes, { objectMode: false }), z);
  // The pipeline's rejection also surfaces through the iteration below; this keeps it handled.
  done.catch(() => undefined);
  try {
    for await (const b of z) yield b as Buffer;
    await done;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`truncated or corrupt gzip data (${(e as Error).message})`, { file: name }, e);
  } finally {
    z.destroy();
  }
}

function osReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (e as Error).message ?? String(e);
  }
}
