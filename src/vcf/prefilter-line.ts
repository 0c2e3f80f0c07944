// The hot path: decide from the raw bytes of a data line whether it can touch a knowledge-base
// site, before any string is made. A line spans [POS, POS + len(REF) - 1]; a gVCF-style block
// spans [POS, END]. Works on Buffer bytes with manual digit parsing; CHROM bytes are compared
// with the previous line's (contigs come in long runs) and decoded only when they change.
import { canonicalContig } from '../normalize/contig.js';
import { overlaps, type SiteHandle, type SiteLookup } from './prefilter-sites.js';

const TAB = 9;
const SEMI = 59;
const LT = 60;
const DOT = 46;
const MAX_POS = 0x7fffffff;

/** Raw CHROM → canonical contig; undefined = unknown here (worker tables), stop and let the main thread scan. */
export type CanonFn = (raw: string) => string | undefined;

export const Verdict = {
  Skip: 0,
  Candidate: 1,
  /** Fewer than 8 tab-separated fields. */
  TooFewFields: 2,
  /** POS is not a positive integer. */
  BadPos: 3,
  /** CHROM unknown to canon() (workers only). */
  Unknown: 4,
} as const;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];

/**
 * Only lines that can be blocks are searched for END: a symbolic ALT (<NON_REF>, <*>, <DEL>…) or
 * ALT '.' (Strelka2 genome VCF reference blocks). Plain SNV/indel lines never pay for an INFO scan.
 */
function mayBeBlock(buf: Uint8Array, s: number, e: number): boolean {
  if (e - s === 1 && buf[s] === DOT) return true;
  for (let i = s; i < e; i++) if (buf[i] === LT) return true;
  return false;
}

/** INFO END=<digits> in buf[s, e) (INFO runs to the next tab), or 0. */
function findEnd(buf: Uint8Array, s: number, e: number): number {
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
    if (buf[i] === TAB) return 0;
    i++;
  }
  return 0;
}

/** The end of the tab-separated field starting at `i` (the tab, or `end`). */
function fieldEnd(buf: Buffer, i: number, end: number): number {
  while (i < end && buf[i] !== TAB) i++;
  return i;
}

export class Prefilter {
  /** Canonical contig of the last line checked (valid unless the verdict was TooFewFields). */
  contig = '';
  /** POS of the last line checked (valid for Skip and Candidate). */
  pos = 0;
  /** Last position the last line spans (END for blocks). */
  end = 0;
  /** 1-based field number where the last malformed line went wrong. */
  column = 0;
  /** Raw CHROM that canon() did not know (verdict Unknown). */
  unknown = '';
  private chromBytes = new Uint8Array(256);
  private chromLen = -1;
  private handle: SiteHandle | undefined = undefined;

  /**
   * @param sites KB sites; undefined = every well-formed line is a candidate.
   * @param hasEnd the header defines INFO END, so gVCF blocks can span beyond their REF.
   * @param canon raw CHROM → canonical name (the workers pass their table of names known so far).
   */
  constructor(
    private readonly sites: SiteLookup | undefined,
    private readonly hasEnd: boolean,
    private readonly canon: CanonFn = canonicalContig,
  ) {}

  /** Check the line buf[start, end) (no newline; a trailing '\r' is tolerated). */
  check(buf: Buffer, start: number, end: number): Verdict {
    let i = fieldEnd(buf, start, end); // CHROM
    if (i >= end) return this.bad(1, Verdict.TooFewFields);
    if (!this.setChrom(buf, start, i)) return Verdict.Unknown;
    // POS: manual digits, no string
    let p = ++i;
    // Spaces after the tab, as htslib tolerates them (the reader drops them and counts a warning).
    while (p < end && buf[p] === 32) p++;
    i = p;
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
    i = fieldEnd(buf, p + 1, end); // ID
    if (i >= end) return this.bad(3, Verdict.TooFewFields);
    const refStart = ++i;
    i = fieldEnd(buf, i, end); // REF
    if (i >= end) return this.bad(4, Verdict.TooFewFields);
    const refLen = i - refStart;
    const altStart = ++i;
    i = fieldEnd(buf, i, end); // ALT
    if (i >= end) return this.bad(5, Verdict.TooFewFields);
    const altEnd = i;
    i = fieldEnd(buf, i + 1, end); // QUAL
    if (i >= end) return this.bad(6, Verdict.TooFewFields);
    i = fieldEnd(buf, i + 1, end); // FILTER
    if (i >= end) return this.bad(7, Verdict.TooFewFields);
    return this.overlap(buf, pos, refLen, altStart, altEnd, i + 1, end);
  }

  /** The verdict of a well-formed line: does its span (REF, or END for a block) touch a site? */
  private overlap(buf: Buffer, pos: number, refLen: number, altStart: number, altEnd: number, infoStart: number, end: number): Verdict {
    this.end = pos + (refLen > 0 ? refLen - 1 : 0);
    if (this.sites === undefined) return Verdict.Candidate;
    const h = this.handle;
    if (h === undefined) return Verdict.Skip;
    if (overlaps(h, pos, this.end)) return Verdict.Candidate;
    if (!this.hasEnd || !mayBeBlock(buf, altStart, altEnd)) return Verdict.Skip;
    const blockEnd = findEnd(buf, infoStart, end);
    if (blockEnd <= this.end) return Verdict.Skip;
    this.end = blockEnd;
    return overlaps(h, pos, blockEnd) ? Verdict.Candidate : Verdict.Skip;
  }

  private bad(column: number, v: Verdict): Verdict {
    this.column = column;
    return v;
  }

  /** A non-digit in POS: still tell "too few fields" apart from "bad POS". */
  private scanBadPos(buf: Buffer, p: number, end: number): Verdict {
    return this.bad(2, fieldEnd(buf, p, end) >= end ? Verdict.TooFewFields : Verdict.BadPos);
  }

  /** False when canon() does not know the name. */
  private setChrom(buf: Buffer, s: number, e: number): boolean {
    const len = e - s;
    if (len === this.chromLen) {
      const cb = this.chromBytes;
      let k = 0;
      while (k < len && cb[k] === buf[s + k]) k++;
      if (k === len) return true;
    }
    const raw = buf.toString('latin1', s, e);
    const contig = this.canon(raw);
    if (contig === undefined) {
      this.unknown = raw;
      this.chromLen = -1;
      return false;
    }
    if (len > this.chromBytes.length) this.chromBytes = new Uint8Array(len * 2);
    this.chromBytes.set(buf.subarray(s, e));
    this.chromLen = len;
    this.contig = contig;
    this.handle = this.sites === undefined ? undefined : this.sites.handle(contig);
    return true;
  }
}
