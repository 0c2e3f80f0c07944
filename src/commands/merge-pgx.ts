// pgx and report results of several shards in one run's order. Split by samples: each sample's
// results are in one shard, so the shards follow one another (--by-drug rows, sorted by sample and
// drug, are interleaved back). Split by regions: every shard has a result for every sample × gene,
// and only the shard holding the gene's positions has called it; that one is kept.
import { UsageError } from '../errors.js';
import type { Result } from '../sink/types.js';
import type { OutputReader } from './merge-read.js';

type Emit = (r: Result) => Promise<void>;

/** Sample shards: one after another, checking that no sample × gene (or sample) comes twice. */
export async function concatResults(shards: readonly OutputReader[], key: (r: Result) => string, emit: Emit): Promise<void> {
  const seen = new Map<string, string>();
  for (const s of shards) {
    for (let r = await s.next(); r !== undefined; r = await s.next()) {
      const k = key(r);
      const other = seen.get(k);
      if (other !== undefined) throw new UsageError(`${k} is in ${other} and in ${s.file}: a result seen twice`);
      seen.set(k, s.file);
      await emit(r);
    }
  }
}

const code = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** --by-drug sample shards: rows sorted by sample then drug (src/pgx/by-drug.ts), merged as such. */
export async function mergeByDrug(shards: readonly OutputReader[], emit: Emit): Promise<void> {
  const heads = await Promise.all(shards.map((s) => s.next()));
  for (;;) {
    let best = -1;
    heads.forEach((h, i) => {
      if (h === undefined) return;
      const b = heads[best];
      if (b === undefined || (code(String(h.sample), String(b.sample)) || code(String(h.drug), String(b.drug))) < 0) best = i;
    });
    if (best < 0) return;
    await emit(heads[best] as Result);
    heads[best] = await (shards[best] as OutputReader).next();
  }
}

/** A result called from this shard's records (not one made without any of the gene's positions). */
function hasData(r: Result): boolean {
  return r.call_quality !== 'not-called' || (Array.isArray(r.evidence) && r.evidence.length > 0) || Number(r.policy_no_calls ?? 0) > 0;
}

/** The other genes of the multi-gene recommendations in these results (warfarin: CYP2C9 with VKORC1, …). */
function partners(gene: string, rows: readonly Result[]): Set<string> {
  const out = new Set<string>();
  for (const r of rows) for (const h of (r.recommendations ?? []) as { genes?: string[] }[]) for (const g of h.genes ?? []) if (g !== gene) out.add(g);
  return out;
}

/**
 * One sample's results, per gene one row per shard: the row of the shard that called the gene; a
 * gene no shard called takes the row of the shard that called its recommendation partners (its
 * recommendations name them). A gene called in two shards, or a drug whose genes were called in
 * different shards, cannot be put back as one run would have written it: exit 2.
 */
function pickSample(byGene: Map<string, Result[]>, files: readonly string[]): Result[] {
  const home = new Map<string, number>();
  for (const [gene, rows] of byGene) {
    const called = rows.flatMap((r, i) => (hasData(r) ? [i] : []));
    if (called.length > 1) {
      const sample = String((rows[0] as Result).sample);
      throw new UsageError(`sample ${sample} × gene ${gene} is called in ${called.map((i) => files[i]).join(' and ')}: a sample × gene seen twice (the gene's positions are split between region shards, or a region is in two shards; with --missing-as-ref every shard calls every gene)`);
    }
    if (called[0] !== undefined) home.set(gene, called[0]);
  }
  const out: Result[] = [];
  for (const [gene, rows] of byGene) {
    const mates = [...partners(gene, rows)].filter((g) => home.has(g));
    const own = home.get(gene);
    for (const m of mates) {
      if (own !== undefined && home.get(m) !== own) {
        throw new UsageError(`genes ${gene} and ${m} share drug recommendations but were called in different region shards (${files[own]}, ${files[home.get(m) as number]}): keep them in one region shard`);
      }
    }
    out.push(rows[own ?? (mates[0] !== undefined ? (home.get(mates[0]) as number) : 0)] as Result);
  }
  return out;
}

/**
 * Region shards of pgx: the shards list the same samples × genes in the same order; each sample's
 * rows (one per gene per shard) are gathered and the right one of each kept (pickSample).
 */
export async function zipRegions(shards: readonly OutputReader[], emit: Emit): Promise<void> {
  const files = shards.map((s) => s.file);
  let sample: string | undefined;
  let byGene = new Map<string, Result[]>();
  for (;;) {
    const rows = await Promise.all(shards.map((s) => s.next()));
    const first = rows[0];
    const id = (r: Result | undefined): string => (r === undefined ? 'nothing' : `sample ${String(r.sample)} × gene ${String(r.gene)}`);
    rows.forEach((r, i) => {
      if (id(r) !== id(first)) throw new UsageError(`region shards list different results: ${files[0]} has ${id(first)} where ${files[i]} has ${id(r)}`);
    });
    if (first === undefined || String(first.sample) !== sample) {
      for (const r of pickSample(byGene, files)) await emit(r);
      byGene = new Map();
    }
    if (first === undefined) return;
    sample = String(first.sample);
    byGene.set(String(first.gene), rows as Result[]);
  }
}
