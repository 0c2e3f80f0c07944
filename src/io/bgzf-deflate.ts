// BGZF blocks from text: each block is a gzip member of at most 64 KiB with the BC extra field
// holding its size (SAM/BAM specification, section 4.1), so readers can seek and inflate blocks
// independently; a BGZF file ends with the 28-byte empty EOF block. The deflate work runs in the
// deflate workers (src/workers/deflate-worker.ts) or inline, with this one routine.
import { constants, gzipSync } from 'node:zlib';

/** Text bytes per block, as htslib: their deflated form, even stored, always fits in 64 KiB. */
export const BLOCK_DATA = 0xff00;
const MAX_BLOCK = 0x10000;
/** gzip header with FEXTRA (12 bytes), the BC subfield (6 bytes); CRC32 and ISIZE after the data. */
const HEADER = 18;
const TRAILER = 8;
/** zlib's own gzip header, without extra fields: the deflate data starts after it. */
const ZLIB_GZIP_HEADER = 10;

/** The empty block every BGZF file ends with (readers tell a truncated file by its absence). */
export const EOF_BLOCK = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex');

/**
 * Level 1: BGZF output must keep up with a streaming run (about 190 MB/s a core for VCF text,
 * against 50 at level 6) for files about a fifth larger.
 */
export const DEFLATE_LEVEL = 1;

/** One BGZF block holding `data` (at most BLOCK_DATA bytes). */
export function bgzfBlock(data: Uint8Array, level = DEFLATE_LEVEL): Buffer {
  // zlib's gzip member carries the deflate data and, in its trailer, the CRC32 and ISIZE BGZF needs.
  let gz = gzipSync(data, { level });
  if (gz.length - ZLIB_GZIP_HEADER + HEADER > MAX_BLOCK) gz = gzipSync(data, { level: constants.Z_NO_COMPRESSION });
  const cdata = gz.length - ZLIB_GZIP_HEADER - TRAILER;
  const size = HEADER + cdata + TRAILER;
  const block = Buffer.allocUnsafe(size);
  block.set([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 0x42, 0x43, 2, 0]);
  block.writeUInt16LE(size - 1, 16);
  gz.copy(block, HEADER, ZLIB_GZIP_HEADER);
  return block;
}

/** The BGZF blocks of `text`, cut every BLOCK_DATA bytes, one after the other, in a buffer of their own (transferable). */
export function bgzfBlocks(text: Uint8Array, level = DEFLATE_LEVEL): Uint8Array {
  const blocks: Buffer[] = [];
  let size = 0;
  for (let s = 0; s < text.length; s += BLOCK_DATA) {
    const b = bgzfBlock(text.subarray(s, s + BLOCK_DATA), level);
    blocks.push(b);
    size += b.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
