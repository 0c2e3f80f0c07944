// The hot path: decide from the raw bytes of a data line whether it can touch a knowledge-base
// site, before any string is made. A line spans [POS, POS + len(REF) - 1]; a gVCF-style block
// spans [POS, END]. Works on Buffer bytes with manual digit parsing; CHROM bytes are compared
// with the previous line's (contigs come in long runs) and decoded only when they change.
//
// One implementation for two places: `scanText` (split text into lines, run the prefilter, note
// malformed lines and sort order) runs on the main thread for plain/gzip input and, for BGZF,
// inside the inflate workers (src/io/inflate-worker.ts), which run from source text. So all of it
// sits in one self-contained function, `prefilterKit`, whose source is sent to the workers: it must
// not refer to anything outside itself, and declares no class fields (a transpiler targeting an
// older runtime could lower those to module-level helpers).
import { canonicalContig } from '../normalize/contig.js';

/** Per-contig sorted, merged KB intervals with a merge-join cursor (see src/kb/site-index.ts). */
export interface SiteHandle {
  starts: Int32Array;
  ends: Int32Array;
  /** Index of the first interval whose end ≥ the last query start. */
  cursor: number;
  lastStart: number;
}

/** What the prefilter needs from a site index: a handle per canonical contig. */
export interface SiteLookup {
  handle(contig: string): SiteHandle | undefined;
}

/** Raw CHROM → canonical contig; undefined = unknown here (worker tables), stop and let the main thread scan. */
export type CanonFn = (raw: string) => string | undefined;


/** A line of a scan that the reader must act on (anything but a plain skip). */
export interface ScanEvent {
  /** 1-based line number within the scan. */
  line: number;
  kind: EventKind;
  /** Candidate: the line's bytes [start, end) in the scanned buffer (in `bytes` for worker scans). */
  start: number;
  end: number;
  /** Candidate: canonical contig. */
  contig: string;
  /** Malformed lines: the text for the message. */
  text: string;
}

/** A run of records on one contig, for sort checks across scans. */
export interface ContigRun {
  contig: string;
  /** Line (within the scan) and POS of its first record. */
  line: number;
  pos: number;
}

export interface Scan {
  /** Lines consumed. */
  lines: number;
  /** Data lines checked by the prefilter (malformed ones included). */
  records: number;
  /** Records far from every site, and the line of the first of them (-1: none). */
  skipped: number;
  firstSkip: number;
  events: ScanEvent[];
  runs: ContigRun[];
  /** POS of the last well-formed record (valid when runs is not empty). */
  lastPos: number;
  /** First sort violation inside this scan. */
  unsorted: { line: number; why: string } | undefined;
  /** Set when canon() did not know a CHROM: the scan stopped there and is incomplete. */
  unknown: string | undefined;
}

/** A BGZF batch scanned in a worker: the text before its first and after its last newline
 * (lines crossing batch boundaries), and the candidate lines' bytes. */
export interface WorkerScan extends Scan {
  head: Uint8Array;
  tail: Uint8Array;
  bytes: Uint8Array;
}

export interface WorkerConfig {
  hasEnd: boolean;
  /** [canonical contig, starts, ends] of the site index. */
  sites: [string, Int32Array, Int32Array][];
  /** Raw CHROM → canonical names known so far. */
  contigs: [string, string][];
}

export interface WorkerPlugin {
  /** Scans the text of a batch; undefined when the main thread must scan it (no newline, unknown CHROM). */
  batch(text: Buffer): WorkerScan | undefined;
  update(msg: { contigs: [string, string][] }): void;
}

function prefilterKit() {
  const TAB = 9;
  const NL = 10;
  const CR = 13;
  const HASH = 35;
  const SEMI = 59;
  const LT = 60;
  const DOT = 46;
  const MAX_POS = 0x7fffffff;

  /** What a scan reports about a line (anything but a plain skip). */
  const EventKind = {
    Candidate: 0,
    EmptyLine: 1,
    /** A '#' line after the first data line. */
    HeaderInData: 2,
    TooFewFields: 3,
    BadPos: 4,
  } as const;
  type EventKind = (typeof EventKind)[keyof typeof EventKind];

  const Verdict = {
    Skip: 0,
    Candidate: 1,
    /** Fewer than 8 tab-separated fields. */
    TooFewFields: 2,
    /** POS is not a positive integer. */
    BadPos: 3,
    /** CHROM unknown to canon() (workers only). */
    Unknown: 4,
  } as const;
  type Verdict = (typeof Verdict)[keyof typeof Verdict];

  /** Does [start, end] overlap a site of the contig? Sorted queries move the cursor forward (O(1)
   * amortised); a query that goes backwards falls back to binary search. */
  function overlaps(s: SiteHandle, start: number, end: number): boolean {
    const starts = s.starts;
    const ends = s.ends;
    const n = ends.length;
    let i: number;
    if (start >= s.lastStart) {
      i = s.cursor;
      while (i < n && (ends[i] as number) < start) i++;
    } else {
      // First interval with end ≥ start.
      let lo = 0;
      let hi = n;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((ends[mid] as number) < start) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    s.cursor = i;
    s.lastStart = start;
    return i < n && (starts[i] as number) <= end;
  }

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

  // Members are all public: the class leaves the kit as a value, and exported types cannot carry private members.
  class Prefilter {
    /** Canonical contig of the last line checked (valid unless the verdict was TooFewFields). */
    declare contig: string;
    /** POS of the last line checked (valid for Skip and Candidate). */
    declare pos: number;
    /** Last position the last line spans (END for blocks). */
    declare end: number;
    /** 1-based field number where the last malformed line went wrong. */
    declare column: number;
    /** Raw CHROM that canon() did not know (verdict Unknown). */
    declare unknown: string;
    declare chromBytes: Uint8Array;
    declare chromLen: number;
    declare handle: SiteHandle | undefined;
    declare readonly sites: SiteLookup | undefined;
    declare readonly hasEnd: boolean;
    declare readonly canon: CanonFn;

    /**
     * @param sites KB sites; undefined = every well-formed line is a candidate.
     * @param hasEnd the header defines INFO END, so gVCF blocks can span beyond their REF.
     */
    constructor(sites: SiteLookup | undefined, hasEnd: boolean, canon: CanonFn) {
      this.contig = '';
      this.pos = 0;
      this.end = 0;
      this.column = 0;
      this.unknown = '';
      this.chromBytes = new Uint8Array(256);
      this.chromLen = -1;
      this.handle = undefined;
      this.sites = sites;
      this.hasEnd = hasEnd;
      this.canon = canon;
    }

    /** Check the line buf[start, end) (no newline; a trailing '\r' is tolerated). */
    check(buf: Buffer, start: number, end: number): Verdict {
      // CHROM
      let i = start;
      while (i < end && buf[i] !== TAB) i++;
      if (i >= end) return this.bad(1, Verdict.TooFewFields);
      if (!this.setChrom(buf, start, i)) return Verdict.Unknown;
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

    bad(column: number, v: Verdict): Verdict {
      this.column = column;
      return v;
    }

    /** A non-digit in POS: still tell "too few fields" apart from "bad POS". */
    scanBadPos(buf: Buffer, p: number, end: number): Verdict {
      while (p < end && buf[p] !== TAB) p++;
      return this.bad(2, p >= end ? Verdict.TooFewFields : Verdict.BadPos);
    }

    /** False when canon() does not know the name. */
    setChrom(buf: Buffer, s: number, e: number): boolean {
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

  /**
   * Scans the lines of buf[s, e) (e just past a newline, or the end of the data: the last line may
   * lack its newline). Plain skips are only counted; everything else becomes an event. Sort order
   * is checked within the scan only (the reader joins consecutive scans through `runs`).
   */
  function scanText(pre: Prefilter, buf: Buffer, s: number, e: number): Scan {
    const r: Scan = {
      lines: 0,
      records: 0,
      skipped: 0,
      firstSkip: -1,
      events: [],
      runs: [],
      lastPos: 0,
      unsorted: undefined,
      unknown: undefined,
    };
    const seen = new Set<string>();
    let lastContig: string | undefined;
    let lastPos = 0;
    let line = 0;
    const event = (kind: EventKind, start: number, end: number, contig: string, text: string) =>
      r.events.push({ line, kind, start, end, contig, text });
    while (s < e) {
      let nl = buf.indexOf(NL, s);
      if (nl < 0 || nl >= e) nl = e;
      line++;
      const ls = s;
      s = nl + 1;
      if (nl === ls || (nl === ls + 1 && buf[ls] === CR)) {
        event(EventKind.EmptyLine, ls, nl, '', '');
        continue;
      }
      if (buf[ls] === HASH) {
        event(EventKind.HeaderInData, ls, nl, '', buf.toString('utf8', ls, nl));
        continue;
      }
      r.records++;
      const v = pre.check(buf, ls, nl);
      if (v === Verdict.Unknown) {
        r.unknown = pre.unknown;
        return r;
      }
      if (v === Verdict.TooFewFields) {
        event(EventKind.TooFewFields, ls, nl, '', buf.toString('utf8', ls, nl));
        continue;
      }
      if (v === Verdict.BadPos) {
        const text = buf.toString('utf8', ls, nl);
        event(EventKind.BadPos, ls, nl, '', text.split('\t')[1] ?? text);
        continue;
      }
      const contig = pre.contig;
      const pos = pre.pos;
      if (contig !== lastContig) {
        if (seen.has(contig) && r.unsorted === undefined) r.unsorted = { line, why: `contig ${contig} appears again` };
        seen.add(contig);
        r.runs.push({ contig, line, pos });
        lastContig = contig;
      } else if (pos < lastPos && r.unsorted === undefined) {
        r.unsorted = { line, why: `position ${pos} after ${lastPos} on ${contig}` };
      }
      lastPos = pos;
      if (v === Verdict.Skip) {
        if (r.skipped++ === 0) r.firstSkip = line;
        continue;
      }
      event(EventKind.Candidate, ls, nl, contig, '');
    }
    r.lines = line;
    r.lastPos = lastPos;
    return r;
  }

  /** The worker side: prefilter built from a transferred site index and contig table. */
  function workerPlugin(cfg: WorkerConfig): WorkerPlugin {
    const handles = new Map<string, SiteHandle>();
    for (const [c, starts, ends] of cfg.sites) handles.set(c, { starts, ends, cursor: 0, lastStart: 0 });
    const names = new Map<string, string>(cfg.contigs);
    const pre = new Prefilter({ handle: (c) => handles.get(c) }, cfg.hasEnd, (raw) => names.get(raw));
    return {
      update(msg) {
        for (const [raw, c] of msg.contigs) names.set(raw, c);
      },
      batch(text) {
        const first = text.indexOf(NL);
        if (first < 0) return undefined;
        const last = text.lastIndexOf(NL);
        const r = scanText(pre, text, first + 1, last + 1);
        if (r.unknown !== undefined) return undefined;
        let n = 0;
        for (const ev of r.events) if (ev.kind === EventKind.Candidate) n += ev.end - ev.start;
        const bytes = new Uint8Array(n);
        let at = 0;
        for (const ev of r.events) {
          if (ev.kind !== EventKind.Candidate) continue;
          bytes.set(text.subarray(ev.start, ev.end), at);
          ev.end = at + ev.end - ev.start;
          ev.start = at;
          at = ev.end;
        }
        // Copies: `text` is the worker's reused output buffer.
        return { ...r, head: new Uint8Array(text.subarray(0, first)), tail: new Uint8Array(text.subarray(last + 1)), bytes };
      },
    };
  }

  return { EventKind, Verdict, Prefilter, overlaps, scanText, workerPlugin };
}

const kit = prefilterKit();

export const EventKind = kit.EventKind;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
export const Verdict = kit.Verdict;
export type Verdict = (typeof Verdict)[keyof typeof Verdict];
export const overlaps = kit.overlaps;
export const scanText = kit.scanText;
export const workerPlugin = kit.workerPlugin;

/** A JS expression for `(config: WorkerConfig) => WorkerPlugin`, for workers that run from source. */
export const WORKER_PLUGIN_SOURCE = `(${prefilterKit.toString()})().workerPlugin`;

/** The prefilter; contig names go through canonicalContig unless `canon` says otherwise. */
export class Prefilter extends kit.Prefilter {
  constructor(sites: SiteLookup | undefined, hasEnd: boolean, canon: CanonFn = canonicalContig) {
    super(sites, hasEnd, canon);
  }
}
