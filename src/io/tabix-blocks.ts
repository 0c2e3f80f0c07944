// Random access to a BGZF file for index queries: whole blocks by compressed offset, inflated and
// checked (CRC32, ISIZE) by src/io/inflate.ts, the last few kept (neighbouring regions often share
// a block), and lines read from any virtual offset onwards.
import { closeSync, openSync, readSync } from 'node:fs';
import { corrupt } from './bgzf.js';
import { inflateBlock } from './inflate.js';
import { bgzfBlockSizeField } from './sniff.js';

/** Raw bytes read at once: blocks of VCF text are ~10-20 KiB compressed, so this often holds the next one too. */
const READ = 1 << 15;
/** Inflated blocks kept. */
const KEEP = 16;

export interface Block {
  data: Buffer;
  /** Compressed offset of the following block. */
  next: number;
}

export interface BlockHead {
  /** Compressed size (BSIZE + 1). */
  size: number;
  isize: number;
}

export class BgzfBlocks {
  private readonly fd: number;
  /** One read buffer, reused: callers use the bytes before the next read. */
  private store = Buffer.allocUnsafe(READ);
  private raw = Buffer.alloc(0);
  private rawStart = 0;
  private readonly cache = new Map<number, Block>();

  constructor(private readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  close(): void {
    closeSync(this.fd);
  }

  /** File bytes [at, at+n), or fewer at the end of the file. */
  private bytes(at: number, n: number): Buffer {
    if (at < this.rawStart || at + n > this.rawStart + this.raw.length) {
      if (this.store.length < n) this.store = Buffer.allocUnsafe(n);
      const got = readSync(this.fd, this.store, 0, this.store.length, at);
      this.raw = this.store.subarray(0, got);
      this.rawStart = at;
    }
    return this.raw.subarray(at - this.rawStart, Math.min(at - this.rawStart + n, this.raw.length));
  }

  /**
   * Size and inflated size (ISIZE) of the block at compressed offset `at`, from its header and
   * trailer without inflating it; undefined at the end of the file. Throws when no whole BGZF block
   * starts there.
   */
  head(at: number): BlockHead | undefined {
    const start = this.bytes(at, 12);
    if (start.length === 0) return undefined;
    const xlen = start.length === 12 ? start.readUInt16LE(10) : 0;
    // The same header check as the streaming reader's (sniff.ts): gzip magic, FEXTRA, 'BC' subfield.
    const field = bgzfBlockSizeField(this.bytes(at, 12 + xlen), 0);
    if (field === undefined) throw corrupt(this.path, at, 'not a BGZF block header');
    const size = this.bytes(at, 12 + xlen).readUInt16LE(field) + 1;
    if (size < 12 + xlen + 8) throw corrupt(this.path, at, `BSIZE ${size - 1} is too small`);
    const whole = this.bytes(at, size);
    if (whole.length < size) throw corrupt(this.path, at, 'the BGZF block is incomplete');
    return { size, isize: whole.readUInt32LE(size - 4) };
  }

  /** The block at compressed offset `at`, inflated and checked; undefined at the end of the file. */
  block(at: number): Block | undefined {
    const hit = this.cache.get(at);
    if (hit) return hit;
    const head = this.head(at);
    if (head === undefined) return undefined;
    let data: Buffer;
    try {
      data = inflateBlock(this.bytes(at, head.size), 0, head.size);
    } catch (e) {
      throw corrupt(this.path, at, (e as Error).message);
    }
    const block = { data, next: at + head.size };
    if (this.cache.size >= KEEP) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(at, block);
    return block;
  }
}

/**
 * Lines from virtual offset `voff` on. A line's offset is given in the form (block, position)
 * with position inside the block's data, so offsets of successive lines increase. `read()` moves
 * to the next line and exposes it as `buf[start, end)` (no copy unless it spans blocks).
 */
export class LineCursor {
  private block: number;
  private data: Buffer;
  private pos: number;
  private next: number;
  /** The current line: bytes buf[start, end) without the newline, at virtual offset `voff`. */
  buf: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;
  voff = 0;

  constructor(
    private readonly blocks: BgzfBlocks,
    voff: number,
  ) {
    this.block = Math.floor(voff / 65536);
    this.pos = voff % 65536;
    const b = blocks.block(this.block);
    this.data = b?.data ?? Buffer.alloc(0);
    this.next = b?.next ?? this.block;
  }

  /** Moves to the next non-empty block when the current one is used up; false at the end. */
  private settle(): boolean {
    while (this.pos >= this.data.length) {
      const b = this.blocks.block(this.next);
      if (!b) return false;
      this.block = this.next;
      this.data = b.data;
      this.next = b.next;
      this.pos = 0;
    }
    return true;
  }

  /** The offset of the line `read()` would read next (at the end: past the last line). */
  offset(): number {
    this.settle();
    return this.block * 65536 + this.pos;
  }

  /** Reads the next line; false at the end of the file. */
  read(): boolean {
    if (!this.settle()) return false;
    this.voff = this.block * 65536 + this.pos;
    const nl = this.data.indexOf(10, this.pos);
    if (nl >= 0) {
      this.buf = this.data;
      this.start = this.pos;
      this.end = nl;
      this.pos = nl + 1;
      return true;
    }
    // The line goes on in the following block(s).
    const parts = [this.data.subarray(this.pos)];
    this.pos = this.data.length;
    while (this.settle()) {
      const end = this.data.indexOf(10, this.pos);
      parts.push(this.data.subarray(this.pos, end < 0 ? this.data.length : end));
      this.pos = end < 0 ? this.data.length : end + 1;
      if (end >= 0) break;
    }
    this.buf = Buffer.concat(parts);
    this.start = 0;
    this.end = this.buf.length;
    return true;
  }
}
