// The one BGZF inflate routine. Every path that inflates blocks (the streaming reader inline or in
// its workers, index queries, the header read through an index, the index file itself) goes
// through `inflateBlock`, which always checks the block's CRC32 and ISIZE: a block that was
// damaged but still inflates must stop the run, not change a genotype.
//
// A BGZF block is a complete gzip member, so zlib's gunzip verifies both trailer fields while it
// inflates (in C, no second pass over the data); a mismatch is named by which field failed.

import { gunzipSync } from 'node:zlib';

/** A batch inflated, or the reason and index (in `starts`) of the first block that failed. */
export type BatchInflate = { out: Uint8Array } | { error: string; block: number };

/**
 * Inflates the whole block data[s, e) (header, deflate data and trailer) and checks it against
 * its CRC32 and ISIZE. Throws an Error saying what is wrong.
 */
export function inflateBlock(data: Uint8Array, s: number, e: number): Buffer {
  const isize = (data[e - 4] as number) | ((data[e - 3] as number) << 8) | ((data[e - 2] as number) << 16) | ((data[e - 1] as number) << 24);
  const expected = isize >>> 0;
  if (expected > 65536) throw new Error(`ISIZE ${expected} exceeds 65536`);
  let out: Buffer;
  try {
    // chunkSize just above ISIZE: one output buffer per block, no concatenation.
    out = gunzipSync(data.subarray(s, e), { chunkSize: Math.max(64, expected + 1) });
  } catch (err) {
    throw new Error(gzipReason(err as Error));
  }
  // gunzip has checked the trailer; a block holding more than one gzip member has not been.
  if (out.length !== expected) throw new Error(`inflated size ${out.length} differs from ISIZE ${expected}`);
  return out;
}

/** What zlib's gunzip error means, in the terms of the gzip trailer. */
export function gzipReason(err: Error): string {
  if (err.message === 'incorrect data check') return 'CRC32 mismatch (the inflated data is not what was compressed)';
  if (err.message === 'incorrect length check') return 'ISIZE mismatch (the inflated size is not what was compressed)';
  if (err.message === 'unexpected end of file') return 'the deflate data ends early';
  return err.message;
}

/**
 * Inflates the blocks data[starts[i], starts[i+1]) one after the other into `into` (reused by the
 * workers) or a new array of `outSize` bytes.
 */
export function inflateBatch(data: Uint8Array, starts: Int32Array, outSize: number, into?: Uint8Array): BatchInflate {
  const out = into ?? new Uint8Array(outSize);
  let at = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    let block: Buffer;
    try {
      block = inflateBlock(data, starts[i] as number, starts[i + 1] as number);
    } catch (err) {
      return { error: (err as Error).message, block: i };
    }
    if (at + block.length > outSize) return { error: 'inflated size exceeds the batch', block: i };
    out.set(block, at);
    at += block.length;
  }
  return { out };
}
