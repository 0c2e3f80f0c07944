// Region queries on a BGZF input with a .tbi/.csi index: the index is decoded only for the contigs
// queried (tabix-index.ts), blocks are inflated with Node's zlib and shared between neighbouring
// regions (tabix-blocks.ts), and lines are selected on their bytes without decoding them.

import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { BgzfBlocks, LineCursor } from './tabix-blocks.js';
import { parseTabixIndexAsync, type TabixIndex, type TabixLayout, tabixHead } from './tabix-index.js';

/** A query region: contig as named in the file, 0-based half-open (as tabix). */
export interface Region {
  chrom: string;
  start0: number;
  end: number;
}

/** The index beside `path` (`path.tbi`, else `path.csi`), if any. */
export function findIndex(path: string): string | undefined {
  for (const candidate of [`${path}.tbi`, `${path}.csi`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not there: try the next kind.
    }
  }
  return undefined;
}

export interface IndexedInput {
  name: string;
  /** Header lines, each ending in '\n'. */
  header(): Promise<string>;
  /** Contig names in the index, in file order (for mapping canonical names to the file's). */
  contigs(): Promise<string[]>;
  /**
   * Whole-line chunks of the records overlapping any region, in file order, each line once even
   * when regions overlap or a long record (END) spans several regions.
   */
  chunks(regions: Region[]): AsyncIterable<Buffer>;
}

/** Output chunk size. */
const CHUNK = 1 << 20;

export function openIndexed(path: string, indexPath = findIndex(path)): IndexedInput {
  if (!indexPath) throw new InputError('no .tbi or .csi index beside the input for a region query', { file: path });
  const wrap = async <T>(what: () => T | Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`cannot read indexed input: ${(e as Error).message}`, { file: path }, e);
    }
  };
  // The header and contig names need only the start of the index; the bins are inflated on the
  // thread pool from the first use on, while the caller works on the header.
  let bytes: Buffer | undefined;
  let head: Pick<TabixIndex, 'layout' | 'names'> | undefined;
  let full: Promise<TabixIndex> | undefined;
  const start = (): Pick<TabixIndex, 'layout' | 'names'> => {
    bytes ??= readFileSync(indexPath);
    full ??= parseTabixIndexAsync(bytes);
    full.catch(() => undefined);
    head ??= tabixHead(bytes);
    return head;
  };
  const load = (): Promise<TabixIndex> => {
    start();
    return full as Promise<TabixIndex>;
  };
  return {
    name: path,
    header: () => wrap(() => readHeader(path, start().layout)),
    contigs: () => wrap(() => [...start().names]),
    chunks: (regions) => guarded(query(path, load, regions), path),
  };
}

/** The leading meta lines, each ending in '\n'. */
function readHeader(path: string, layout: TabixLayout): string {
  const blocks = new BgzfBlocks(path);
  try {
    const cursor = new LineCursor(blocks, 0);
    let text = '';
    while (cursor.read() && cursor.buf[cursor.start] === layout.metaChar) text += `${cursor.buf.toString('utf8', cursor.start, cursor.end)}\n`;
    return text;
  } finally {
    blocks.close();
  }
}

async function* guarded(lines: AsyncIterable<Buffer>, path: string): AsyncGenerator<Buffer> {
  try {
    yield* lines;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot read indexed input: ${(e as Error).message}`, { file: path }, e);
  }
}

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

/**
 * Selects a file's data lines by their span: [start0, end) of a line on one contig, as tabix
 * computes it, read from the bytes without decoding the line.
 */
class LineSpans {
  private readonly chrom: Buffer;
  private readonly vcf: boolean;
  /** Start and end of column c (1-based) of the current line at [2c], [2c+1]. */
  private readonly cols: Int32Array;
  private readonly upTo: number;
  start0 = 0;
  end = 0;

  constructor(
    contig: string,
    private readonly layout: TabixLayout,
  ) {
    this.chrom = Buffer.from(contig);
    this.vcf = layout.format === 'vcf';
    this.upTo = Math.max(layout.colSeq, layout.colBeg, this.vcf ? 8 : layout.colEnd);
    this.cols = new Int32Array(2 * (this.upTo + 1));
  }

  /** Reads the span of line b[from, to) into start0/end; false when the line is on another contig. */
  read(b: Buffer, from: number, to: number): boolean {
    const cols = this.cols;
    let at = from;
    for (let c = 1; c <= this.upTo; c++) {
      const tab = at <= to ? b.indexOf(9, at) : -1;
      const stop = tab < 0 || tab > to ? to : tab;
      cols[2 * c] = Math.min(at, to);
      cols[2 * c + 1] = stop;
      at = stop + 1;
    }
    const { layout, chrom } = this;
    const s0 = cols[2 * layout.colSeq] as number;
    const s1 = cols[2 * layout.colSeq + 1] as number;
    if (s1 - s0 !== chrom.length || b.compare(chrom, 0, chrom.length, s0, s1) !== 0) return false;
    this.start0 = digits(b, cols[2 * layout.colBeg] as number, cols[2 * layout.colBeg + 1] as number) - (layout.zeroBased ? 0 : 1);
    if (this.vcf) this.end = vcfEnd(b, this.start0, (cols[9] as number) - (cols[8] as number), cols[16] as number, cols[17] as number);
    else if (layout.colEnd === 0 || layout.colEnd === layout.colBeg) this.end = this.start0 + 1;
    else this.end = digits(b, cols[2 * layout.colEnd] as number, cols[2 * layout.colEnd + 1] as number);
    return true;
  }
}

/** Leading digits as a number (0 for none), as tabix reads coordinates. */
function digits(b: Buffer, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = b[i] as number;
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  return v;
}

function startsWith(b: Buffer, at: number, end: number, text: string): boolean {
  if (end - at < text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** A VCF record's end (0-based, exclusive) as tabix computes it: REF length, or INFO END=. */
function vcfEnd(b: Buffer, start0: number, refLength: number, info: number, infoEnd: number): number {
  let end = start0 + refLength;
  if (b[info] === 46) return end; // INFO '.'
  let field = info;
  for (let i = info; i <= infoEnd; i++) {
    if (i === infoEnd || b[i] === 59) {
      if (startsWith(b, field, i, 'SVTYPE=TRA')) return start0 + 1;
      if (startsWith(b, field, i, 'END=')) end = digits(b, field + 4, i);
      field = i + 1;
    }
  }
  return end;
}

/**
 * For each region (sorted and merged), scans from the index's first offset to the first record
 * that starts at or past the region's end, keeping lines that overlap it. A line at or before the
 * last one kept was kept already (the file is sorted by start); a later region on the same contig
 * resumes where the previous scan stopped, as every line before that point is settled.
 */
async function* query(path: string, load: () => Promise<TabixIndex>, regions: Region[]): AsyncGenerator<Buffer> {
  const index = await load();
  const ids: Record<string, number> = {};
  index.names.forEach((n, i) => (ids[n] = i));
  const blocks = new BgzfBlocks(path);
  try {
    let lastKept = -1;
    let resumeRef = -1;
    let resume = -1;
    // Kept lines are copied into one buffer, handed on when full; consecutive kept lines of one
    // block are copied as one run (with their newlines).
    let out = Buffer.allocUnsafe(CHUNK);
    let outLen = 0;
    let run: Buffer = Buffer.alloc(0);
    let runStart = 0;
    let runEnd = 0;
    const room = function* (n: number): Generator<Buffer> {
      if (outLen + n <= out.length) return;
      if (outLen > 0) yield out.subarray(0, outLen);
      out = Buffer.allocUnsafe(Math.max(CHUNK, n));
      outLen = 0;
    };
    const flush = function* (): Generator<Buffer> {
      if (runEnd === runStart) return;
      yield* room(runEnd - runStart);
      outLen += run.copy(out, outLen, runStart, runEnd);
      runStart = runEnd;
    };
    let spans: LineSpans | undefined;
    for (const region of planRegions(regions, ids)) {
      const ref = ids[region.chrom] as number;
      const end = Math.min(region.end, index.maxEnd);
      let from = index.firstOffset(ref, region.start0, end);
      if (from === undefined) continue;
      if (ref === resumeRef && resume > from) from = resume;
      if (ref !== resumeRef || !spans) spans = new LineSpans(region.chrom, index.layout);
      resumeRef = ref;
      const cursor = new LineCursor(blocks, from);
      for (;;) {
        const at = cursor.offset();
        if (!cursor.read()) {
          resume = at;
          break;
        }
        const { buf, start, end: stop } = cursor;
        if (buf[start] === index.layout.metaChar) continue;
        // Another contig: this one's records are over (tabix files are grouped by contig).
        if (!spans.read(buf, start, stop) || spans.start0 >= end) {
          resume = at;
          break;
        }
        resume = cursor.offset();
        if (spans.end <= region.start0 || cursor.voff <= lastKept) continue;
        lastKept = cursor.voff;
        if (buf === run && start === runEnd && stop < buf.length) {
          runEnd = stop + 1;
          continue;
        }
        yield* flush();
        if (stop < buf.length) {
          // Ended by a newline inside `buf`: start a new run.
          run = buf;
          runStart = start;
          runEnd = stop + 1;
        } else {
          // A line joined from several blocks, or the file's last line without a newline.
          yield* room(stop - start + 1);
          outLen += buf.copy(out, outLen, start, stop);
          out[outLen++] = 10;
        }
      }
    }
    yield* flush();
    if (outLen > 0) yield out.subarray(0, outLen);
  } finally {
    blocks.close();
  }
}
