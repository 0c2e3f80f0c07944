// The lines of a tabix-indexed file that overlap a set of regions: regions planned per contig in
// file order with the index's start offset for each, then read block by block and selected on
// their bytes (tabix-lines.ts), each line once.
import { LineCursor, type BgzfBlocks } from './tabix-blocks.js';
import type { InputMeter } from './meter.js';
import type { TabixIndex, TabixLayout } from './tabix-index.js';
import { LineSpans } from './tabix-lines.js';

/** A query region: contig as named in the file, 0-based half-open (as tabix). */
export interface Region {
  chrom: string;
  start0: number;
  end: number;
}

/** A region to read: its contig's number in the index, and the index's offset to start from. */
export interface PlannedRegion extends Region {
  ref: number;
  from: number;
}

/** Output chunk size. */
const CHUNK = 1 << 20;

/** Regions per contig in file order, sorted and merged; contigs absent from the index dropped. */
export function planRegions(regions: Region[], contigOrder: Record<string, number>): Region[] {
  const known = regions.filter((r) => contigOrder[r.chrom] !== undefined && r.end > r.start0);
  known.sort((a, b) => (contigOrder[a.chrom] ?? 0) - (contigOrder[b.chrom] ?? 0) || a.start0 - b.start0);
  const merged: Region[] = [];
  for (const r of known) {
    const last = merged.at(-1);
    if (last && last.chrom === r.chrom && r.start0 <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ chrom: r.chrom, start0: Math.max(0, r.start0), end: r.end });
  }
  return merged;
}

/** planRegions, each region with the index's start offset (regions the index has nothing for dropped). */
export function planQuery(index: TabixIndex, regions: Region[]): PlannedRegion[] {
  const ids: Record<string, number> = {};
  index.names.forEach((n, i) => (ids[n] = i));
  const out: PlannedRegion[] = [];
  for (const r of planRegions(regions, ids)) {
    const ref = ids[r.chrom] as number;
    const end = Math.min(r.end, index.maxEnd);
    const from = index.firstOffset(ref, r.start0, end);
    if (from !== undefined) out.push({ chrom: r.chrom, start0: r.start0, end, ref, from });
  }
  return out;
}

/**
 * For each planned region, scans from its offset to the first record that starts at or past the
 * region's end, keeping lines that overlap it. A line at or before the last one kept was kept
 * already (the file is sorted by start); a later region on the same contig resumes where the
 * previous scan stopped, as every line before that point is settled. The line at an offset the
 * index gave must start a record of the region's contig; `misfit` makes the error when it does not.
 * `meter` (progress) counts the regions done.
 */
export function* queryLines(
  blocks: BgzfBlocks,
  plan: PlannedRegion[],
  layout: TabixLayout,
  misfit: (voff: number, chrom: string) => Error,
  meter?: InputMeter,
): Generator<Buffer> {
  const kept = new KeptLines();
  let lastKept = -1;
  let resumeRef = -1;
  let resume = -1;
  let spans: LineSpans | undefined;
  for (const [i, region] of plan.entries()) {
    if (meter) meter.done = i;
    let fromIndex = !(region.ref === resumeRef && resume > region.from);
    if (region.ref !== resumeRef || !spans) spans = new LineSpans(region.chrom, layout);
    resumeRef = region.ref;
    const cursor = new LineCursor(blocks, fromIndex ? region.from : resume);
    for (;;) {
      const at = cursor.offset();
      if (!cursor.read()) {
        if (fromIndex) throw misfit(region.from, region.chrom);
        resume = at;
        break;
      }
      const { buf, start, end } = cursor;
      const meta = buf[start] === layout.metaChar;
      // Another contig: this one's records are over (tabix files are grouped by contig).
      const here = !meta && spans.read(buf, start, end);
      if (fromIndex && !here) throw misfit(region.from, region.chrom);
      fromIndex = false;
      if (meta) continue;
      if (!here || spans.start0 >= region.end) {
        resume = at;
        break;
      }
      resume = cursor.offset();
      if (spans.end <= region.start0 || cursor.voff <= lastKept) continue;
      lastKept = cursor.voff;
      yield* kept.add(buf, start, end);
    }
  }
  if (meter) meter.done = plan.length;
  yield* kept.finish();
}

/**
 * Kept lines are copied into one buffer, handed on when full; consecutive kept lines of one block
 * are copied as one run (with their newlines).
 */
class KeptLines {
  private out = Buffer.allocUnsafe(CHUNK);
  private outLen = 0;
  private run: Buffer = Buffer.alloc(0);
  private runStart = 0;
  private runEnd = 0;

  /** Keeps the line buf[start, end) (its newline, if any, at buf[end]). */
  *add(buf: Buffer, start: number, end: number): Generator<Buffer> {
    if (buf === this.run && start === this.runEnd && end < buf.length) {
      this.runEnd = end + 1;
      return;
    }
    yield* this.flush();
    if (end < buf.length) {
      // Ended by a newline inside `buf`: start a new run.
      this.run = buf;
      this.runStart = start;
      this.runEnd = end + 1;
    } else {
      // A line joined from several blocks, or the file's last line without a newline.
      yield* this.room(end - start + 1);
      this.outLen += buf.copy(this.out, this.outLen, start, end);
      this.out[this.outLen++] = 10;
    }
  }

  *finish(): Generator<Buffer> {
    yield* this.flush();
    if (this.outLen > 0) yield this.out.subarray(0, this.outLen);
  }

  private *room(n: number): Generator<Buffer> {
    if (this.outLen + n <= this.out.length) return;
    if (this.outLen > 0) yield this.out.subarray(0, this.outLen);
    this.out = Buffer.allocUnsafe(Math.max(CHUNK, n));
    this.outLen = 0;
  }

  private *flush(): Generator<Buffer> {
    if (this.runEnd === this.runStart) return;
    yield* this.room(this.runEnd - this.runStart);
    this.outLen += this.run.copy(this.out, this.outLen, this.runStart, this.runEnd);
    this.runStart = this.runEnd;
  }
}
