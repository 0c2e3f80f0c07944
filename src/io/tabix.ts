// Region queries on a BGZF input with a .tbi/.csi index: the index is decoded only for the contigs
// queried (tabix-index.ts), blocks are inflated, checked and shared between neighbouring regions
// (tabix-blocks.ts), and lines are selected on their bytes without decoding them (tabix-query.ts).
// An index that does not fit the file (tabix-trust.ts) is not used: the caller is told why, once,
// and gets every data line of the file, streamed as without an index.

import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { type InputMeter, restartMeter } from './meter.js';
import { openInput } from './open.js';
import { BgzfBlocks, LineCursor } from './tabix-blocks.js';
import { parseTabixIndexAsync, type TabixIndex, type TabixLayout, tabixHead } from './tabix-index.js';
import { planQuery, queryLines, type Region } from './tabix-query.js';
import { distrust } from './tabix-trust.js';

export { planRegions, type Region } from './tabix-query.js';

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
   * when regions overlap or a long record (END) spans several regions. When the index does not fit
   * the file: every data line of the file (the caller's filters must then select).
   */
  chunks(regions: Region[]): AsyncIterable<Buffer>;
}

export interface IndexedOptions {
  /** Told, once, why the index is not used (the whole file is then read instead). */
  warn(why: string): void;
  /** BGZF inflate threads for that whole-file read (see OpenOptions). */
  threads?: number;
  /** Counts the regions read (or, when the index does not fit, the file's bytes). */
  meter?: InputMeter;
}

type IndexHead = Pick<TabixIndex, 'layout' | 'names'>;

export function openIndexed(path: string, opts: IndexedOptions, indexPath = findIndex(path)): IndexedInput {
  if (!indexPath) throw new InputError('no .tbi or .csi index beside the input for a region query', { file: path });
  // The header and contig names need only the start of the index; the bins are inflated on the
  // thread pool from the first use on, while the caller works on the header.
  let bytes: Buffer | undefined;
  let head: IndexHead | undefined;
  let full: Promise<TabixIndex> | undefined;
  const start = (): IndexHead => {
    try {
      bytes ??= readFileSync(indexPath);
      full ??= parseTabixIndexAsync(bytes);
      full.catch(() => undefined);
      head ??= tabixHead(bytes);
      return head;
    } catch (e) {
      throw asInputError(e, indexPath, 'cannot read the index');
    }
  };
  const load = async (): Promise<TabixIndex> => {
    start();
    return (full as Promise<TabixIndex>).catch((e: unknown) => {
      throw asInputError(e, indexPath, 'cannot read the index');
    });
  };
  return {
    name: path,
    header: async () => {
      const { layout } = start();
      try {
        return readHeader(path, layout);
      } catch (e) {
        throw asInputError(e, path, 'cannot read indexed input');
      }
    },
    contigs: async () => [...start().names],
    chunks: (regions) => guarded(records(path, indexPath, opts, load, regions), path),
  };
}

/** `e` as an input error naming `file` (as it is when it is one already). */
function asInputError(e: unknown, file: string, what: string): InputError {
  return e instanceof InputError ? e : new InputError(`${what}: ${(e as Error).message}`, { file }, e);
}

/** The regions' lines through the index, or, when the index does not fit the file, all data lines. */
async function* records(path: string, indexPath: string, opts: IndexedOptions, load: () => Promise<TabixIndex>, regions: Region[]): AsyncGenerator<Buffer> {
  const index = await load();
  const blocks = new BgzfBlocks(path);
  let why: string | undefined;
  try {
    const plan = planQuery(index, regions);
    why = distrust(path, indexPath, index, blocks, plan);
    restartMeter(opts.meter, plan.length, 'regions');
    const misfit = (voff: number, chrom: string) =>
      new InputError(`the index ${indexPath} does not fit the file: the line at its offset ${voff} for ${chrom} is not a record of ${chrom} (re-index, or use --index never)`, { file: path });
    if (why === undefined) yield* queryLines(blocks, plan, index.layout, misfit, opts.meter);
  } finally {
    blocks.close();
  }
  if (why === undefined) return;
  opts.warn(`${why}; the index is not used and the whole file is read instead`);
  const input = await openInput(path, { ...(opts.threads === undefined ? {} : { threads: opts.threads }), ...(opts.meter ? { meter: opts.meter } : {}) });
  yield* afterHeader(input.chunks(), index.layout.metaChar);
}

/** Whole-line chunks without the leading meta lines (the caller has the header from header()). */
async function* afterHeader(chunks: AsyncIterable<Buffer>, metaChar: number): AsyncGenerator<Buffer> {
  let inHeader = true;
  for await (const c of chunks) {
    let at = 0;
    while (inHeader && at < c.length && c[at] === metaChar) {
      const nl = c.indexOf(10, at);
      at = nl < 0 ? c.length : nl + 1;
    }
    if (at < c.length) inHeader = false;
    if (at === 0) yield c;
    else if (at < c.length) yield c.subarray(at);
  }
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
    throw asInputError(e, path, 'cannot read indexed input');
  }
}
