// Bounded reading of text input: a line longer than --max-line-bytes, or binary data where the
// header must be, stops the run (exit 3) as soon as it is seen, before the line is buffered
// whole. Memory then stays bounded by the limit whatever the input (a 4 GB line inflated from a
// 4 MB gzip, /dev/zero), instead of growing until the process dies.
import { constants } from 'node:buffer';
import { InputError } from '../errors.js';
import { bcfError, isBcf } from './sniff.js';

/** Default --max-line-bytes: 256 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;
/** The largest limit: a longer line could not be turned into one string by the parser. */
export const MAX_LINE_BYTES_CAP = constants.MAX_STRING_LENGTH;

/**
 * What this layer sees of a batch scanned in an inflate worker (WorkerScan in src/vcf/prefilter.ts
 * has these fields): the lines it consumed whole, and the partial lines at both ends.
 */
interface ScannedLines {
  lines: number;
  head: Uint8Array;
  tail: Uint8Array;
}

/**
 * Inflated text of one BGZF batch, at most: src/io/bgzf.ts cuts batches at 2 MiB of text and a
 * block adds up to 64 KiB more.
 */
const BATCH_TEXT = 2 << 20;
const BLOCK_TEXT = 1 << 16;

const NL = 0x0a;
const HASH = 0x23;

/**
 * Follows the text of one input in order and throws when a line grows past the limit. Lines are
 * counted so the error names the line (numbered as the reader numbers them). NUL bytes are looked
 * for in the leading '#' lines and the first line after them: a VCF never has one there, and
 * binary input (/dev/zero, a BAM, a random file) has one within its first few hundred bytes.
 * (Lines a worker scanned whole are not seen here: they are shorter than one batch.)
 */
export class LineLimit {
  /** 1-based number of the line in progress. */
  private line = 1;
  /** Bytes of the line in progress seen so far. */
  private run = 0;
  /** Still in the leading '#' lines or the first line after them. */
  private header = true;
  /** First byte of the line in progress (-1 before it is seen), while in the header. */
  private first = -1;

  constructor(
    private readonly file: string,
    readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES,
  ) {}

  /** Checks the next piece of text (cut anywhere). */
  text(buf: Buffer): void {
    const max = this.maxLineBytes;
    let s = this.header ? this.headerLines(buf) : 0;
    if (s < 0) return;
    // The hot loop: one indexOf per line, counters in locals.
    let line = this.line;
    let run = this.run;
    for (let nl = buf.indexOf(NL, s); nl >= 0; nl = buf.indexOf(NL, s)) {
      if (run + nl - s > max) {
        this.line = line;
        throw this.tooLong();
      }
      line++;
      run = 0;
      s = nl + 1;
    }
    this.line = line;
    this.run = run + buf.length - s;
    if (this.run > max) throw this.tooLong();
  }

  /**
   * The header-phase lines of `buf`: checked for length and NUL bytes. Returns where the lines after
   * the header phase start, or -1 when all of `buf` was taken.
   */
  private headerLines(buf: Buffer): number {
    // Searched once per piece: the first NUL, if any, is in the line that must not have it or after.
    const nul = buf.indexOf(0);
    let s = 0;
    for (let nl = buf.indexOf(NL); nl >= 0; nl = buf.indexOf(NL, s)) {
      if (this.run + nl - s > this.maxLineBytes) throw this.tooLong();
      this.headerPart(buf, s, nl, nul);
      this.line++;
      this.run = 0;
      s = nl + 1;
      // The first line that does not start with '#' is the last one checked.
      const hash = this.first === HASH;
      this.first = -1;
      if (!hash) {
        this.header = false;
        return s;
      }
    }
    this.headerPart(buf, s, buf.length, nul);
    this.run += buf.length - s;
    if (this.run > this.maxLineBytes) throw this.tooLong();
    return -1;
  }

  /**
   * Whether every line a worker would scan whole (inside one batch of `batchSize` text bytes) is
   * within the limit; else the text must be scanned where this limit sees it.
   */
  coversBatches(batchSize = BATCH_TEXT): boolean {
    return this.maxLineBytes >= batchSize + BLOCK_TEXT;
  }

  /** Follows a batch a worker scanned: its first line ends the line in progress. */
  scanned(r: ScannedLines): void {
    if (this.run + r.head.length > this.maxLineBytes) throw this.tooLong();
    // Workers scan only once the reader has the header.
    this.header = false;
    this.line += 1 + r.lines;
    this.run = r.tail.length;
    if (this.run > this.maxLineBytes) throw this.tooLong();
  }

  /** Checks a piece of an input read as BgzfPiece (src/io/open.ts): text, or a worker's scan. */
  piece(p: Buffer | { scanned: unknown }): void {
    if (Buffer.isBuffer(p)) this.text(p);
    else this.scanned(p.scanned as ScannedLines);
  }

  /** buf[s, e) is part of the line in progress, in the header phase; `nul` is buf's first NUL or -1. */
  private headerPart(buf: Buffer, s: number, e: number, nul: number): void {
    if (this.run === 0 && e > s) this.first = buf[s] as number;
    if (nul >= s && nul < e) {
      if (this.line === 1 && isBcf(buf, s)) throw bcfError(this.file);
      throw new InputError('binary data (a NUL byte), not a text VCF', { file: this.file, line: this.line });
    }
  }

  private tooLong(): InputError {
    return new InputError(`line longer than ${this.maxLineBytes} bytes (--max-line-bytes)`, { file: this.file, line: this.line });
  }
}

/** The pieces unchanged, each checked by `limit` before it is passed on. */
export async function* limitLines<T extends Buffer | { scanned: unknown }>(pieces: AsyncIterable<T>, limit: LineLimit): AsyncGenerator<T> {
  for await (const p of pieces) {
    limit.piece(p);
    yield p;
  }
}
