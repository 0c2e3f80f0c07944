// Region queries on a BGZF input with a .tbi/.csi index: the index is decoded only for the contigs
// queried (tabix-index.ts), blocks are inflated with Node's zlib and shared between neighbouring
// regions (tabix-blocks.ts), and lines are selected on their bytes without decoding them.

import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { BgzfBlocks, LineCursor } from './tabix-blocks.js';
import { parseTabixIndex, type TabixIndex, type TabixLayout } from './tabix-index.js';

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
  let index: TabixIndex | undefined;
  const wrap = async <T>(what: () => T | Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`cannot read indexed input: ${(e as Error).message}`, { file: path }, e);
    }
  };
  const load = (): TabixIndex => {
    index ??= parseTabixIndex(readFileSync(indexPath));
    return index;
  };
  return {
    name: path,
    header: () => wrap(() => readHeader(path, load().layout)),
    contigs: () => wrap(() => [...load().names]),
    chunks: (regions) => guarded(query(path, load, regions), path),
  };
}

/** The leading meta lines, each ending in '\n'. */
function readHeader(path: string, layout: TabixLayout): string {
  const blocks = new BgzfBlocks(path);
  try {
    const cursor = new LineCursor(blocks, 0);
    const lines: Buffer[] = [];
    for (let line = cursor.read(); line && line.bytes[0] === layout.metaChar; line = cursor.read()) lines.push(line.bytes, NEWLINE);
    return Buffer.concat(lines).toString();
  } finally {
    blocks.close();
  }
}

/** Shorthand for one pass: the header and the records of `regions`. */
export function readRegions(
  path: string,
  regions: Region[],
  indexPath?: string,
): { header: Promise<string>; chunks(): AsyncIterable<Buffer> } {
  const input = openIndexed(path, indexPath);
  const header = input.header();
  header.catch(() => undefined);
  return { header, chunks: () => input.chunks(regions) };
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

const NEWLINE = Buffer.from('\n');

/** Column spans of one line (start inclusive, end exclusive); missing columns are empty. */
function columns(line: Buffer, upTo: number): Int32Array {
  const spans = new Int32Array(2 * (upTo + 1));
  let start = 0;
  for (let c = 1; c <= upTo; c++) {
    const tab = start <= line.length ? line.indexOf(9, start) : -1;
    const end = tab < 0 ? line.length : tab;
    spans[2 * c] = Math.min(start, line.length);
    spans[2 * c + 1] = end;
    start = end + 1;
  }
  return spans;
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
function vcfEnd(line: Buffer, start0: number, ref: [number, number], info: [number, number]): number {
  let end = start0 + (ref[1] - ref[0]);
  if (line[info[0]] === 46) return end; // INFO '.'
  let field = info[0];
  for (let i = info[0]; i <= info[1]; i++) {
    if (i === info[1] || line[i] === 59) {
      if (startsWith(line, field, i, 'SVTYPE=TRA')) return start0 + 1;
      if (startsWith(line, field, i, 'END=')) end = digits(line, field + 4, i);
      field = i + 1;
    }
  }
  return end;
}

/** [start0, end) of a data line on the contig named `chrom` (bytes), or undefined for another contig. */
function lineSpan(line: Buffer, chrom: Buffer, layout: TabixLayout): [number, number] | undefined {
  const vcf = layout.format === 'vcf';
  const cols = columns(line, Math.max(layout.colSeq, layout.colBeg, vcf ? 8 : layout.colEnd));
  const col = (c: number): [number, number] => [cols[2 * c] as number, cols[2 * c + 1] as number];
  const [s0, s1] = col(layout.colSeq);
  if (s1 - s0 !== chrom.length || line.compare(chrom, 0, chrom.length, s0, s1) !== 0) return undefined;
  const [b0, b1] = col(layout.colBeg);
  const start0 = digits(line, b0, b1) - (layout.zeroBased ? 0 : 1);
  if (vcf) return [start0, vcfEnd(line, start0, col(4), col(8))];
  if (layout.colEnd === 0 || layout.colEnd === layout.colBeg) return [start0, start0 + 1];
  const [e0, e1] = col(layout.colEnd);
  return [start0, digits(line, e0, e1)];
}

/**
 * For each region (sorted and merged), scans from the index's first offset to the first record
 * that starts at or past the region's end, keeping lines that overlap it. A line at or before the
 * last one kept was kept already (the file is sorted by start); a later region on the same contig
 * resumes where the previous scan stopped, as every line before that point is settled.
 */
async function* query(path: string, load: () => TabixIndex, regions: Region[]): AsyncGenerator<Buffer> {
  const index = load();
  const ids: Record<string, number> = {};
  index.names.forEach((n, i) => (ids[n] = i));
  const blocks = new BgzfBlocks(path);
  try {
    let lastKept = -1;
    let resumeRef = -1;
    let resume = -1;
    let out: Buffer[] = [];
    let outLen = 0;
    for (const region of planRegions(regions, ids)) {
      const ref = ids[region.chrom] as number;
      const end = Math.min(region.end, index.maxEnd);
      let from = index.firstOffset(ref, region.start0, end);
      if (from === undefined) continue;
      if (ref === resumeRef && resume > from) from = resume;
      const chrom = Buffer.from(region.chrom);
      const cursor = new LineCursor(blocks, from);
      for (;;) {
        const at = cursor.offset();
        const line = cursor.read();
        if (!line) {
          resume = at;
          break;
        }
        if (line.bytes[0] === index.layout.metaChar) continue;
        const span = lineSpan(line.bytes, chrom, index.layout);
        // Another contig: this one's records are over (tabix files are grouped by contig).
        if (!span || span[0] >= end) {
          resume = at;
          break;
        }
        resume = cursor.offset();
        if (span[1] <= region.start0 || line.voff <= lastKept) continue;
        lastKept = line.voff;
        out.push(line.bytes, NEWLINE);
        outLen += line.bytes.length + 1;
        if (outLen >= CHUNK) {
          yield Buffer.concat(out);
          out = [];
          outLen = 0;
        }
      }
      resumeRef = ref;
    }
    if (outLen > 0) yield Buffer.concat(out);
  } finally {
    blocks.close();
  }
}
