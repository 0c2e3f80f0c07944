// Region queries on a BGZF input with a .tbi/.csi index, through @gmod/tabix.

import { statSync } from 'node:fs';
import { TabixIndexedFile } from '@gmod/tabix';
import { InputError } from '../errors.js';

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

/** Smallest window queried at once: bounds memory for whole-contig regions. */
const WINDOW = 1 << 20;
const CHUNK = 1 << 20;

export function openIndexed(path: string, indexPath = findIndex(path)): IndexedInput {
  if (!indexPath) throw new InputError('no .tbi or .csi index beside the input for a region query', { file: path });
  const file = new TabixIndexedFile(
    indexPath.endsWith('.csi') ? { path, csiPath: indexPath } : { path, tbiPath: indexPath },
  );
  const wrap = async <T>(what: () => Promise<T>): Promise<T> => {
    try {
      return await what();
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`cannot read indexed input: ${(e as Error).message}`, { file: path }, e);
    }
  };
  return {
    name: path,
    header: () =>
      wrap(async () => {
        const h = await file.getHeader();
        return h === '' || h.endsWith('\n') ? h : `${h}\n`;
      }),
    contigs: () => wrap(() => file.getReferenceSequenceNames()),
    chunks: (regions) => guarded(query(file, regions), path),
  };
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

/**
 * Queries window by window so a whole-contig region never sits in memory at once. A line can come
 * back from several windows (it overlaps both); lines are yielded in increasing file offset and a
 * line at or before the last yielded offset was already yielded, since the file is sorted by start.
 */
async function* query(file: TabixIndexedFile, regions: Region[]): AsyncGenerator<Buffer> {
  const meta = await file.getMetadata();
  let lastOffset = -1;
  let out: string[] = [];
  let outLen = 0;
  for (const region of planRegions(regions, meta.refNameToId)) {
    const end = Math.min(region.end, meta.maxRefLength);
    let window = WINDOW;
    for (let start = region.start0; start < end; ) {
      const stop = Math.min(end, start + window);
      const found: { offset: number; line: string }[] = [];
      await file.getLines(region.chrom, start, stop, (line, offset) => found.push({ offset, line }));
      found.sort((a, b) => a.offset - b.offset);
      for (const { offset, line } of found) {
        if (offset <= lastOffset) continue;
        lastOffset = offset;
        out.push(line);
        outLen += line.length + 1;
      }
      // Empty stretches (past the last record, large gaps) are crossed in doubling steps.
      window = found.length === 0 ? window * 2 : WINDOW;
      start = stop;
      if (outLen >= CHUNK) {
        yield Buffer.from(`${out.join('\n')}\n`);
        out = [];
        outLen = 0;
      }
    }
  }
  if (out.length > 0) yield Buffer.from(`${out.join('\n')}\n`);
}
