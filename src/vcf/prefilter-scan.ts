// Runs the prefilter over a run of lines: splits text into lines, counts plain skips, and reports
// everything else (candidates, malformed lines, sort order) as events. The reader runs it on the
// main thread for plain/gzip input; for BGZF it runs inside the inflate workers (prefilter-plugin.ts).
import { Prefilter, Verdict } from './prefilter-line.js';

const NL = 10;
const CR = 13;
const HASH = 35;

/** What a scan reports about a line (anything but a plain skip). */
export const EventKind = {
  Candidate: 0,
  EmptyLine: 1,
  /** A '#' line after the first data line. */
  HeaderInData: 2,
  TooFewFields: 3,
  BadPos: 4,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

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

/**
 * Scans the lines of buf[s, e) (e just past a newline, or the end of the data: the last line may
 * lack its newline). Plain skips are only counted; everything else becomes an event. Sort order
 * is checked within the scan only (the reader joins consecutive scans through `runs`).
 */
export function scanText(pre: Prefilter, buf: Buffer, s: number, e: number): Scan {
  const r: Scan = { lines: 0, records: 0, skipped: 0, firstSkip: -1, events: [], runs: [], lastPos: 0, unsorted: undefined, unknown: undefined };
  const order = new SortCheck(r);
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
    order.add(line, pre.contig, pre.pos);
    if (v === Verdict.Skip) {
      if (r.skipped++ === 0) r.firstSkip = line;
      continue;
    }
    event(EventKind.Candidate, ls, nl, pre.contig, '');
  }
  r.lines = line;
  r.lastPos = order.lastPos;
  return r;
}

/** Contig runs and the first sort violation of one scan. */
class SortCheck {
  private readonly seen = new Set<string>();
  private lastContig: string | undefined = undefined;
  lastPos = 0;

  constructor(private readonly r: Scan) {}

  add(line: number, contig: string, pos: number): void {
    const r = this.r;
    if (contig !== this.lastContig) {
      if (this.seen.has(contig) && r.unsorted === undefined) r.unsorted = { line, why: `contig ${contig} appears again` };
      this.seen.add(contig);
      r.runs.push({ contig, line, pos });
      this.lastContig = contig;
    } else if (pos < this.lastPos && r.unsorted === undefined) {
      r.unsorted = { line, why: `position ${pos} after ${this.lastPos} on ${contig}` };
    }
    this.lastPos = pos;
  }
}
