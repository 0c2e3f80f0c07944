// The data lines of a VCF stream → VcfRecords: pieces of text (or batches already scanned in the
// BGZF inflate workers) go through the byte-level prefilter, whose events say which lines are
// candidates for a full parse (line-parser.ts) and which are skipped and why. Also checks the sort
// order across scans, once per input. In pass-through mode (VCF output) every byte of the data
// lines comes out too, in file order: the bytes between candidates as they are, each parsed
// record with its line.
import type { ScannableSource, BgzfPiece } from '../io/open.js';
import type { SiteIndex } from './site-index.js';
import type { Warnings } from '../log.js';
import { canonicalContig } from '../normalize/contig.js';
import type { Summary, VcfHeader, VcfRecord } from '../types.js';
import type { LineParser } from './line-parser.js';
import { EventKind, Prefilter, PREFILTER_PLUGIN, scanText, type ContigRun, type Scan, type WorkerConfig, type WorkerScan } from './prefilter.js';

/** Skip reason for data lines the prefilter found far from every knowledge-base site. */
export const SKIP_NO_SITE = 'not-at-kb-site';

const NEWLINE = Buffer.from('\n');

/** Pass-through mode: a parsed record and its line's bytes as in the input, line ending included. */
export interface LineRecord {
  record: VcfRecord;
  line: Buffer;
}

/**
 * What a pass-through read yields, in file order: data bytes to copy as they are (whole lines, the
 * last one perhaps without its newline; lines that failed to parse among them), or a parsed record.
 */
export type PassItem = Buffer | LineRecord;

type ScanItem = VcfRecord | PassItem;

export interface ScanInput {
  /** The pieces after the header; `source` is their scannable face (BGZF input) when there is one. */
  pieces: AsyncIterator<BgzfPiece>;
  source: ScannableSource | undefined;
  /** The piece holding the first data line, from `restAt`. */
  rest: Buffer | undefined;
  restAt: number;
  /** The input ended within the header. */
  ended: boolean;
}

export interface ScanContext {
  header: VcfHeader;
  index: SiteIndex | undefined;
  summary: Summary;
  warnings: Warnings;
  file: string;
  lines: LineParser;
  /** Yield every byte (PassItem) instead of records only. */
  passThrough: boolean;
}

export class RecordScan {
  private lineNo: number;
  /**
   * Raw CHROM → canonical as resolved on this thread: the workers look names up in this table
   * (canonicalContig cannot run there) and hand back a batch with a name they do not know.
   */
  private readonly names = new Map<string, string>();
  private fresh: [string, string][] = [];
  private readonly pre: Prefilter;
  private readonly inWorkers: boolean;
  // Sort order, joined across scans (each scan checks only its own lines).
  // undefined before the first record, so that every contig, even an empty CHROM, counts as seen.
  private lastContig: string | undefined;
  private lastPos = 0;
  private readonly seen = new Set<string>();
  private unsortedWarned = false;
  /** A line not yet ended by a newline, from the end of the previous piece. */
  private pending: Buffer | undefined;

  constructor(
    private readonly input: ScanInput,
    private readonly cx: ScanContext,
  ) {
    const { header, index } = cx;
    const hasEnd = header.info.has('END');
    this.lineNo = header.headerLines;
    for (const raw of header.contigs.keys()) this.canon(raw);
    this.pre = new Prefilter(index, hasEnd, this.canon);
    const config: WorkerConfig | undefined = index && { hasEnd, sites: index.sites(), contigs: this.fresh, passThrough: cx.passThrough };
    this.inWorkers = input.source !== undefined && config !== undefined && input.source.scanWith(PREFILTER_PLUGIN, config);
    this.fresh = [];
  }

  private readonly canon = (raw: string): string => {
    let c = this.names.get(raw);
    if (c === undefined) {
      this.names.set(raw, (c = canonicalContig(raw)));
      this.fresh.push([raw, c]);
    }
    return c;
  };

  /** Every record of the input in file order (pass-through: every PassItem). */
  async *items(): AsyncGenerator<ScanItem> {
    const { pieces, rest, restAt } = this.input;
    try {
      if (rest !== undefined) yield* this.piece(rest.subarray(restAt));
      while (!this.input.ended) {
        const next = await pieces.next();
        if (next.done) break;
        const p = next.value;
        if (Buffer.isBuffer(p)) yield* this.piece(p);
        else yield* this.batch(p.scanned as WorkerScan);
      }
      // The last line may lack its newline.
      const last = this.pending;
      if (last !== undefined && last.length > 0) yield* this.text(last, 0, last.length);
    } finally {
      // Stops the input (and its workers) when the records are abandoned or a warning is fatal.
      await pieces.return?.();
    }
  }

  /**
   * Acts on a scan's events in line order; `bytes` holds the candidate lines (pass-through: all of
   * the scanned text, [from, to)).
   */
  private *apply(r: Scan, bytes: Buffer, from = 0, to = 0): Generator<ScanItem> {
    const { summary, lines } = this.cx;
    const skipped = summary.skipped;
    const base = this.lineNo;
    const pass = this.cx.passThrough;
    let copied = from;
    let uns = this.unsortedWarned ? undefined : this.firstUnsorted(r);
    this.joinRuns(r);
    summary.records += r.records;
    for (const ev of r.events) {
      if (uns !== undefined && uns.line <= ev.line) {
        this.warnUnsorted(uns.why, base + uns.line);
        uns = undefined;
      }
      // The skip counter's key is created when the first skip happens (key order shows in outputs).
      if (r.firstSkip >= 0 && r.firstSkip < ev.line && skipped[SKIP_NO_SITE] === undefined) skipped[SKIP_NO_SITE] = 0;
      const line = base + ev.line;
      if (ev.kind === EventKind.Candidate) {
        summary.candidates++;
        const rec = lines.parse(bytes, ev.start, ev.end, line, ev.contig);
        if (rec === undefined) continue;
        summary.parsed++;
        if (!pass) yield rec;
        else {
          // The line with its newline (the last line of the input may have none).
          const end = ev.end < to ? ev.end + 1 : ev.end;
          if (ev.start > copied) yield bytes.subarray(copied, ev.start);
          yield { record: rec, line: bytes.subarray(ev.start, end) };
          copied = end;
        }
      } else if (ev.kind === EventKind.EmptyLine) lines.skip('empty-line', 'empty line', { line });
      else if (ev.kind === EventKind.HeaderInData) lines.skip('header-in-data', "'#' line after the first data line", { line, text: ev.text });
      else if (ev.kind === EventKind.TooFewFields) lines.skip('column-count', 'fewer than 8 tab-separated columns', { line, text: ev.text });
      else lines.skip('bad-pos', 'POS is not a positive integer', { line, column: 2, text: ev.text });
    }
    if (uns !== undefined) this.warnUnsorted(uns.why, base + uns.line);
    if (pass && to > copied) yield bytes.subarray(copied, to);
    if (r.skipped > 0) skipped[SKIP_NO_SITE] = (skipped[SKIP_NO_SITE] ?? 0) + r.skipped;
    this.lineNo = base + r.lines;
  }

  /** The scan's contigs count as seen; its last record is where the next scan continues from. */
  private joinRuns(r: Scan): void {
    r.runs.forEach((run, k) => {
      if (k > 0 || run.contig !== this.lastContig) this.seen.add(run.contig);
    });
    const lastRun = r.runs[r.runs.length - 1];
    if (lastRun !== undefined) {
      this.lastContig = lastRun.contig;
      this.lastPos = r.lastPos;
    }
  }

  /** The first sort violation of a scan, given the lines before it. */
  private firstUnsorted(r: Scan): { line: number; why: string } | undefined {
    const inside = r.unsorted;
    for (let k = 0; k < r.runs.length; k++) {
      const run = r.runs[k] as ContigRun;
      if (inside !== undefined && inside.line <= run.line) break;
      if (k === 0 && run.contig === this.lastContig) {
        if (run.pos < this.lastPos) return { line: run.line, why: `position ${run.pos} after ${this.lastPos} on ${run.contig}` };
      } else if (this.seen.has(run.contig)) return { line: run.line, why: `contig ${run.contig} appears again` };
    }
    return inside;
  }

  private warnUnsorted(why: string, line: number): void {
    this.unsortedWarned = true;
    this.cx.warnings.add('unsorted', `input is not position-sorted (${why}); results are still complete`, { file: this.cx.file, line });
  }

  /** Scans whole lines on this thread. */
  private *text(buf: Buffer, s: number, e: number): Generator<ScanItem> {
    const r = scanText(this.pre, buf, s, e);
    if (this.fresh.length > 0) {
      if (this.inWorkers) this.input.source?.update({ contigs: this.fresh });
      this.fresh = [];
    }
    yield* this.apply(r, buf, s, e);
  }

  /** Inflated or plain text cut anywhere: whole lines are scanned, the rest waits in `pending`. */
  private *piece(buf: Buffer): Generator<ScanItem> {
    const last = buf.lastIndexOf(10);
    if (last < 0) {
      this.pending = this.pending === undefined ? buf : Buffer.concat([this.pending, buf]);
      return;
    }
    let s = 0;
    if (this.pending !== undefined) {
      s = buf.indexOf(10) + 1;
      const line = Buffer.concat([this.pending, buf.subarray(0, s)]);
      this.pending = undefined;
      yield* this.text(line, 0, line.length);
    }
    if (s <= last) yield* this.text(buf, s, last + 1);
    this.pending = last + 1 < buf.length ? buf.subarray(last + 1) : undefined;
  }

  /**
   * A batch scanned in a worker: its first line joins `pending`, its last partial line waits. In
   * pass-through mode `bytes` is the batch's whole text, the scan covering it between head and tail.
   */
  private *batch(r: WorkerScan): Generator<ScanItem> {
    const line = Buffer.concat(this.pending === undefined ? [r.head, NEWLINE] : [this.pending, r.head, NEWLINE]);
    this.pending = undefined;
    yield* this.text(line, 0, line.length);
    const bytes = Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength);
    yield* this.apply(r, bytes, r.head.length + 1, bytes.length - r.tail.length);
    if (r.tail.length > 0) this.pending = Buffer.from(r.tail.buffer, r.tail.byteOffset, r.tail.byteLength);
  }
}
