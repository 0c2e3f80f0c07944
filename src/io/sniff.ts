// Input format from the first bytes, never from the file name.

import { InputError } from '../errors.js';

export type InputFormat = 'plain' | 'gzip' | 'bgzf';

/** Bytes needed before `sniffFormat` can decide; more when the gzip FEXTRA field is longer. */
export function bytesToSniff(head: Buffer): number {
  if (head.length < 12 || !isGzip(head) || !hasExtra(head)) return 12;
  return 12 + head.readUInt16LE(10);
}

/** gzip = 1f 8b; BGZF = gzip whose FEXTRA field holds the 'BC' subfield (SAM spec §4.1). */
export function sniffFormat(head: Buffer): InputFormat {
  if (!isGzip(head)) return 'plain';
  return bgzfBlockSizeField(head, 0) === undefined ? 'gzip' : 'bgzf';
}

function isGzip(b: Buffer): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

function hasExtra(b: Buffer): boolean {
  return ((b[3] ?? 0) & 0x04) !== 0;
}

/**
 * Offset of the BSIZE value of the BGZF block starting at `at`, or undefined when the bytes there
 * are not a complete gzip header with a 'BC' subfield of length 2.
 */
export function bgzfBlockSizeField(b: Buffer, at: number): number | undefined {
  if (b.length < at + 12 || b[at] !== 0x1f || b[at + 1] !== 0x8b || b[at + 2] !== 8) return undefined;
  if (((b[at + 3] ?? 0) & 0x04) === 0) return undefined;
  const xlen = b.readUInt16LE(at + 10);
  const end = at + 12 + xlen;
  if (b.length < end) return undefined;
  for (let p = at + 12; p + 4 <= end; ) {
    const slen = b.readUInt16LE(p + 2);
    if (b[p] === 66 && b[p + 1] === 67 && slen === 2 && p + 6 <= end) return p + 4;
    p += 4 + slen;
  }
  return undefined;
}

/** BCF starts 'BCF' and its major version (1 or 2), whether it came BGZF-compressed or not. */
export function isBcf(buf: Buffer, at: number): boolean {
  return buf.length >= at + 4 && buf.toString('latin1', at, at + 3) === 'BCF' && (buf[at + 3] === 1 || buf[at + 3] === 2);
}

/** The one message for BCF input, wherever it is recognised (real BCF holds NUL bytes too). */
export function bcfError(file: string): InputError {
  return new InputError('this is BCF (binary VCF), which vcfact does not read: convert it on the way in, `bcftools view FILE.bcf | vcfact annotate -`', { file, line: 1 });
}
