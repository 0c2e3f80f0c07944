// annotate rows of several shards back into one run's order: record order (chromosomes in the order
// the shards show them, positions ascending), then the carrying samples in the merged sample order.
// Each shard is read as blocks of rows at one position, so a shard's later variants at the same
// position are known when two shards meet there. A shard's rows held for a combined molecular profile
// (written after all records, src/cancer/aggregate.ts ProfileGate) come back behind all records too.
import { UsageError } from '../errors.js';
import type { Result } from '../sink/types.js';
import type { OutputReader } from './merge-read.js';

interface Block {
  chrom: string;
  pos: number;
  rows: Result[];
  /** After the shard's records: rows a combined profile held back (their position goes backwards). */
  held: boolean;
}

const variantKey = (r: Result): string => `${String(r.ref)}>${String(r.alt)}`;

/** Consecutive rows at one chrom:pos; a block that goes back in position starts the held rows. */
async function* blocks(shard: OutputReader): AsyncGenerator<Block> {
  const seen = new Set<string>();
  let cur: Block | undefined;
  let held = false;
  for (let r = await shard.next(); r !== undefined; r = await shard.next()) {
    const chrom = String(r.chrom);
    const pos = Number(r.pos);
    if (cur && cur.chrom === chrom && cur.pos === pos) {
      cur.rows.push(r);
      continue;
    }
    if (cur) yield cur;
    if (!held && cur && (chrom === cur.chrom ? pos < cur.pos : seen.has(chrom))) held = true;
    seen.add(chrom);
    cur = { chrom, pos, rows: [r], held };
  }
  if (cur) yield cur;
}

/** Chromosomes no shard orders against each other: 1…22, X, Y, M, then others by name. */
function chromRank(c: string): number {
  const n = c.replace(/^chr/i, '').toUpperCase();
  if (/^\d+$/.test(n)) return Number(n);
  return { X: 23, Y: 24, M: 25, MT: 25 }[n] ?? 100;
}

class Cursor {
  block: Block | undefined;
  /** Chromosomes this shard has been on (in the current phase). */
  readonly been = new Set<string>();
  /** Variant keys already written from this shard at the current position. */
  readonly done = new Set<string>();
  private readonly source: AsyncGenerator<Block>;

  constructor(
    readonly shard: OutputReader,
    readonly index: number,
  ) {
    this.source = blocks(shard);
  }

  async pull(): Promise<void> {
    const r = await this.source.next();
    this.block = r.done ? undefined : r.value;
    this.done.clear();
    if (this.block && !this.block.held) this.been.add(this.block.chrom);
  }

  head(phaseHeld: boolean): Result | undefined {
    return this.block && this.block.held === phaseHeld ? this.block.rows[0] : undefined;
  }

  /** Starts the held rows' phase: their order is learnt afresh. */
  enterHeld(): void {
    this.been.clear();
    if (this.block) this.been.add(this.block.chrom);
  }

  has(key: string): boolean {
    return (this.block?.rows ?? []).some((r) => variantKey(r) === key);
  }
}

export interface RowOrder {
  /** 'regions': no record may be in two shards. */
  disjointRecords: boolean;
  sampleIndex: ReadonlyMap<string, number>;
}

function compare(a: Cursor, b: Cursor, ra: Result, rb: Result, order: RowOrder): number {
  const ca = String(ra.chrom);
  const cb = String(rb.chrom);
  if (ca !== cb) {
    if (b.been.has(ca)) return -1;
    if (a.been.has(cb)) return 1;
    return chromRank(ca) - chromRank(cb) || (ca < cb ? -1 : 1);
  }
  if (ra.pos !== rb.pos) return Number(ra.pos) - Number(rb.pos);
  const ka = variantKey(ra);
  const kb = variantKey(rb);
  if (ka === kb) {
    if (order.disjointRecords) {
      throw new UsageError(`record ${ca}:${String(ra.pos)} ${ka} is in ${a.shard.file} and in ${b.shard.file}: region shards must not overlap (a sample × record × feature seen twice)`);
    }
    return (order.sampleIndex.get(String(ra.sample)) ?? -1) - (order.sampleIndex.get(String(rb.sample)) ?? -1);
  }
  // Two variants at one position: a shard that has both knows their order.
  if (a.has(kb) || b.done.has(ka)) return -1;
  if (b.has(ka) || a.done.has(kb)) return 1;
  return a.index - b.index;
}

async function drain(cursors: Cursor[], held: boolean, order: RowOrder, emit: (r: Result) => Promise<void>): Promise<void> {
  for (;;) {
    let best: Cursor | undefined;
    let bestRow: Result | undefined;
    for (const c of cursors) {
      const row = c.head(held);
      if (row === undefined) continue;
      if (best === undefined || compare(c, best, row, bestRow as Result, order) < 0) {
        best = c;
        bestRow = row;
      }
    }
    if (best === undefined || bestRow === undefined) return;
    const block = best.block as Block;
    block.rows.shift();
    best.done.add(variantKey(bestRow));
    await emit(bestRow);
    if (block.rows.length === 0) await best.pull();
  }
}

/** Writes the shards' annotate rows in one run's order (memory: one position's rows per shard). */
export async function mergeRows(shards: readonly OutputReader[], order: RowOrder, emit: (r: Result) => Promise<void>): Promise<void> {
  const cursors = shards.map((s, i) => new Cursor(s, i));
  for (const c of cursors) await c.pull();
  await drain(cursors, false, order, emit);
  for (const c of cursors) c.enterHeld();
  await drain(cursors, true, order, emit);
}
