// The header phase of a VCF stream: '#' lines are collected from the first pieces until the first
// data line, which stays where it is (in `rest`, from `restAt`) for the record scan. Inputs that are
// not VCF text at all are told apart here, before any header parsing (BCF is named, with the
// bcftools view pipe that reads it).
import { decodeBytes } from '../text.js';
import { bcfError, isBcf } from '../io/sniff.js';
import { InputError } from '../errors.js';
import type { BgzfPiece } from '../io/open.js';
import { parseHeader } from './header.js';

export interface HeaderLines {
  /** Every header line, without its line ending. */
  lines: string[];
  /** The piece holding the first data line (from `restAt`); undefined when there is none. */
  rest?: Buffer;
  restAt: number;
  /** A header line ended in CRLF. */
  crlf: boolean;
  /** The input ended within the header (or right after it). */
  ended: boolean;
}

/** Header-phase pieces are text: scanning in workers has not been asked for yet. */
function textPiece(r: IteratorResult<BgzfPiece>): IteratorResult<Buffer> {
  if (!r.done && !Buffer.isBuffer(r.value)) throw new Error('scanned batch before the header was read');
  return r as IteratorResult<Buffer>;
}

/** Reads header lines from `pieces` until the first data line; checks that the input is a VCF. */
export async function readHeaderLines(pieces: AsyncIterator<BgzfPiece>, file: string): Promise<HeaderLines> {
  const h: HeaderLines = { lines: [], restAt: 0, crlf: false, ended: false };
  let carry: Buffer | undefined;
  while (h.rest === undefined) {
    const next = textPiece(await pieces.next());
    if (next.done) {
      h.ended = true;
      if (carry !== undefined && carry.length > 0) {
        const text = decodeBytes(carry);
        if (text.startsWith('#')) h.lines.push(text.replace(/\r$/, ''));
        else h.rest = carry;
      }
      break;
    }
    const buf: Buffer = carry !== undefined ? Buffer.concat([carry, next.value]) : next.value;
    carry = takeHeaderLines(buf, h);
  }
  checkIsVcf(h, file);
  return h;
}

/** Moves the whole '#' lines of `buf` into h.lines; returns an unfinished last line to carry. */
function takeHeaderLines(buf: Buffer, h: HeaderLines): Buffer | undefined {
  let s = 0;
  while (s < buf.length) {
    if (buf[s] !== 35) {
      h.rest = buf;
      h.restAt = s;
      return undefined;
    }
    const nl = buf.indexOf(10, s);
    if (nl < 0) return buf.subarray(s);
    let e = nl;
    if (e > s && buf[e - 1] === 13) {
      e--;
      h.crlf = true;
    }
    h.lines.push(decodeBytes(buf, s, e));
    s = nl + 1;
  }
  return undefined;
}

function checkIsVcf(h: HeaderLines, file: string): void {
  const { lines, rest, restAt } = h;
  if (lines.length === 0 && rest === undefined) throw new InputError('empty file, not a VCF', { file });
  if (rest !== undefined && lines.length > 0 && !lines.some((l) => l.startsWith('#CHROM'))) {
    if (!lines[0]!.startsWith('##fileformat=VCFv4')) parseHeader(lines, file);
    throw new InputError('no #CHROM header line before the data', { file, line: lines.length + 1 });
  }
  if (rest !== undefined && lines.length === 0) {
    if (isBcf(rest, restAt)) throw bcfError(file);
    const nl = rest.indexOf(10, restAt);
    throw new InputError('first line is not ##fileformat=VCFv4.x, not a VCF', {
      file,
      line: 1,
      text: rest.toString('utf8', restAt, nl < 0 ? rest.length : nl),
    });
  }
}
