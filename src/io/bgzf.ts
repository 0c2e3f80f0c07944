// Cuts a BGZF byte stream into batches of whole blocks by reading each block's BSIZE, without
// inflating anything, so the batches can be inflated independently (in workers) and in order.

import { InputError } from '../errors.js';
import { bgzfBlockSizeField } from './sniff.js';

/** A run of whole BGZF blocks; `data` (a view from offset 0) owns its ArrayBuffer so it can be transferred to a worker. */
export interface BgzfBatch {
  data: Uint8Array;
  /** Block start offsets within `data`, followed by `data.length`. */
  starts: Int32Array;
  /** Sum of the blocks' ISIZE: the inflated size of the batch. */
  outSize: number;
  /** Offset of `data[0]` in the compressed file, for error messages. */
  fileOffset: number;
}

/** Inflated bytes per batch: large enough to amortise a worker message, small enough to bound memory. */
const BATCH_OUT = 2 << 20;
const MAX_ISIZE = 65536;

/**
 * Every piece is copied into one working buffer before the next is asked for, so the producer
 * may reuse its read buffer. Batch data comes from `take` (a pool: it is transferred to a worker
 * and can come back).
 */
export async function* cutBlocks(
  bytes: AsyncIterable<Buffer>,
  file: string,
  batchOut = BATCH_OUT,
  take: (size: number) => Uint8Array = (size) => new Uint8Array(size),
): AsyncGenerator<BgzfBatch> {
  let work = Buffer.allocUnsafe(0);
  let len = 0;
  let base = 0;
  let lastIsize = -1;
  for await (const piece of bytes) {
    if (len + piece.length > work.length) {
      const grown = Buffer.allocUnsafe(Math.max(len + piece.length, 2 * work.length));
      work.copy(grown, 0, 0, len);
      work = grown;
    }
    piece.copy(work, len);
    len += piece.length;
    const buf = work.subarray(0, len);
    let o = 0;
    let batchStart = 0;
    let starts: number[] = [];
    let outSize = 0;
    for (;;) {
      const size = blockSize(buf, o, base, file);
      if (size === undefined || buf.length - o < size) break;
      lastIsize = buf.readUInt32LE(o + size - 4);
      if (lastIsize > MAX_ISIZE) throw corrupt(file, base + o, `ISIZE ${lastIsize} exceeds 65536`);
      starts.push(o);
      outSize += lastIsize;
      o += size;
      if (outSize >= batchOut) {
        yield batch(buf, batchStart, o, starts, outSize, base, take);
        batchStart = o;
        starts = [];
        outSize = 0;
      }
    }
    if (starts.length > 0) yield batch(buf, batchStart, o, starts, outSize, base, take);
    work.copyWithin(0, o, len);
    len -= o;
    base += o;
  }
  if (len > 0) throw corrupt(file, base, 'the last BGZF block is incomplete');
  if (lastIsize !== 0) {
    throw new InputError('truncated or corrupt gzip data: missing BGZF end-of-file marker', { file });
  }
}

/** Total size of the block at `o`, or undefined when its header is not all in `buf` yet. */
function blockSize(buf: Buffer, o: number, base: number, file: string): number | undefined {
  const magic = [0x1f, 0x8b, 8];
  for (let i = 0; i < 4 && o + i < buf.length; i++) {
    const ok = i < 3 ? buf[o + i] === magic[i] : ((buf[o + i] ?? 0) & 0x04) !== 0;
    if (!ok) throw corrupt(file, base + o, 'not a BGZF block header');
  }
  if (buf.length - o < 12) return undefined;
  const xlen = buf.readUInt16LE(o + 10);
  if (buf.length - o < 12 + xlen) return undefined;
  const field = bgzfBlockSizeField(buf, o);
  if (field === undefined) throw corrupt(file, base + o, 'not a BGZF block header');
  const size = buf.readUInt16LE(field) + 1;
  if (size < 12 + xlen + 8) throw corrupt(file, base + o, `BSIZE ${size - 1} is too small`);
  return size;
}

function batch(
  buf: Buffer,
  from: number,
  to: number,
  starts: number[],
  outSize: number,
  base: number,
  take: (size: number) => Uint8Array,
): BgzfBatch {
  const offsets = new Int32Array(starts.length + 1);
  starts.forEach((s, i) => (offsets[i] = s - from));
  offsets[starts.length] = to - from;
  const data = take(to - from);
  data.set(buf.subarray(from, to));
  return { data, starts: offsets, outSize, fileOffset: base + from };
}

export function corrupt(file: string, offset: number, why: string): InputError {
  return new InputError(`truncated or corrupt gzip data: ${why} (BGZF block at byte ${offset})`, { file });
}
