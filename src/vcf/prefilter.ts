// The hot path: decide from the raw bytes of a data line whether it can touch a knowledge-base
// site, before any string is made. A line spans [POS, POS + len(REF) - 1]; a gVCF-style block
// spans [POS, END]. Works on Buffer bytes with manual digit parsing; CHROM bytes are compared
// with the previous line's (contigs come in long runs) and decoded only when they change.
import { canonicalContig } from '../normalize/contig.js';
import type { SiteHandle, SiteIndex } from '../kb/site-index.js';

export const Verdict = {
  Skip: 0,
  Candidate: 1,
  /** Fewer than 8 tab-separated fields. */
  TooFewFields: 2,
  /** POS is not a positive integer. */
  BadPos: 3,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

const TAB = 9;
const SEMI = 59;
const LT = 60;
const DOT = 46;
const MAX_POS = 0x7fffffff;

export class Prefilter {
  /** Canonical contig of the last line checked (valid unless the verdict was TooFewFields). */
  contig = '';
  /** POS of the last line checked (valid for Skip and Candidate). */
  pos = 0;
  /** Last position the last line spans (END for blocks). */
  end = 0;
  /** 1-based field number where the last malformed line went wrong. */
  column = 0;

  private chromBytes = Buffer.alloc(256);
  private chromLen = -1;
  private handle: SiteHandle | undefined;

  constructor(
    private readonly index: SiteIndex | undefined,
    /** The header defines INFO END, so gVCF blocks can span beyond their REF. */
    private readonly hasEnd: boolean,
  ) {}

  /** Check the line buf[start, end) (no newline; a trailing '\r' is tolerated). */
  check(buf: Buffer, start: number, end: number): Verdict {
    // CHROM
    let i = start;
    while (i < end && buf[i] !== TAB) i++;
    if (i >= end) return this.bad(1, Verdict.TooFewFields);
    this.setChrom(buf, start, i);
    // POS: manual digits, no string
    let p = ++i;
    let pos = 0;
    while (p < end) {
      const c = buf[p] as number;
      if (c === TAB) break;
      const d = c - 48;
      if (d < 0 || d > 9 || pos > MAX_POS) return this.scanBadPos(buf, p, end);
      pos = pos * 10 + d;
      p++;
    }
    if (p >= end) return this.bad(2, Verdict.TooFewFields);
    if (p === i || pos === 0 || pos > MAX_POS) return this.scanBadPos(buf, p, end);
    this.pos = pos;
    // ID
    i = p + 1;
    while (i < end && buf[i] !== TAB) i++;
    if (i >= end) return this.bad(3, Verdict.TooFewFields);
    // REF
    const refStart = ++i;
    while (i < end && buf[i] !== TAB) i++;
    if (i >= end) return this.bad(4, Verdict.TooFewFields);
    const refLen = i - refStart;
    // ALT
    const altStart = ++i;
    while (i < end && buf[i] !== TAB) i++;
    if (i >= end) return this.bad(5, Verdict.TooFewFields);
    const altEnd = i;
    // QUAL
    i++;
    while (i < end && buf[i] !== TAB) i++;
    if (i >= end) return this.bad(6, Verdict.TooFewFields);
    // FILTER
    i++;
    while (i < end && buf[i] !== TAB) i++;
    if (i >= end) return this.bad(7, Verdict.TooFewFields);
    const infoStart = i + 1;
    this.end = pos + (refLen > 0 ? refLen - 1 : 0);
    const index = this.index;
    if (index === undefined) return Verdict.Candidate;
    const h = this.handle;
    if (h === undefined) return Verdict.Skip;
    if (index.overlapsHandle(h, pos, this.end)) return Verdict.Candidate;
    if (!this.hasEnd || !mayBeBlock(buf, altStart, altEnd)) return Verdict.Skip;
    const blockEnd = findEnd(buf, infoStart, end);
    if (blockEnd <= this.end) return Verdict.Skip;
    this.end = blockEnd;
    return index.overlapsHandle(h, pos, blockEnd) ? Verdict.Candidate : Verdict.Skip;
  }

  private bad(column: number, v: Verdict): Verdict {
    this.column = column;
    return v;
  }

  /** A non-digit in POS: still tell "too few fields" apart from "bad POS". */
  private scanBadPos(buf: Buffer, p: number, end: number): Verdict {
    while (p < end && buf[p] !== TAB) p++;
    return this.bad(2, p >= end ? Verdict.TooFewFields : Verdict.BadPos);
  }

  private setChrom(buf: Buffer, s: number, e: number): void {
    const len = e - s;
    if (len === this.chromLen) {
      const cb = this.chromBytes;
      let k = 0;
      while (k < len && cb[k] === buf[s + k]) k++;
      if (k === len) return;
    }
    if (len > this.chromBytes.length) this.chromBytes = Buffer.alloc(len * 2);
    buf.copy(this.chromBytes, 0, s, e);
    this.chromLen = len;
    this.contig = canonicalContig(buf.toString('latin1', s, e));
    this.handle = this.index?.handle(this.contig);
  }
}

/**
 * Only lines that can be blocks are searched for END: a symbolic ALT (<NON_REF>, <*>, <DEL>…) or
 * ALT '.' (Strelka2 genome VCF reference blocks). Plain SNV/indel lines never pay for an INFO scan.
 */
function mayBeBlock(buf: Buffer, s: number, e: number): boolean {
  if (e - s === 1 && buf[s] === DOT) return true;
  for (let i = s; i < e; i++) if (buf[i] === LT) return true;
  return false;
}

/** INFO END=<digits> in buf[s, e) (INFO runs to the next tab), or 0. */
function findEnd(buf: Buffer, s: number, e: number): number {
  let i = s;
  while (i < e) {
    if (buf[i] === 69 && buf[i + 1] === 78 && buf[i + 2] === 68 && buf[i + 3] === 61 && (i === s || buf[i - 1] === SEMI)) {
      let v = 0;
      let k = i + 4;
      while (k < e) {
        const d = (buf[k] as number) - 48;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
        k++;
      }
      return v > MAX_POS ? 0 : v;
    }
    const c = buf[i];
    if (c === TAB) return 0;
    i++;
  }
  return 0;
}
