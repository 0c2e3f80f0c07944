// Memoised gene outcomes: a cohort repeats genotypes, so a gene's outcome is made once per
// distinct set of calls at its positions and reused for every sample that has it.
import type { GeneOutcome } from './result.js';
import type { RecommendationHit } from './recommend.js';

/**
 * Results reused across the samples of one run: a gene's outcome for every sample whose calls at
 * its positions are the same (PgxCollector.signature), and the recommendations for every sample
 * whose lookups are the same. Cohorts repeat genotypes, so most samples cost a few lookups.
 */
export class ResultMemo {
  readonly genes = new Map<string, { byKey: Map<string, GeneOutcome>; tries: number; hits: number }>();
  readonly recommendations = new Map<string, RecommendationHit[][]>();
}

/** A gene whose first MEMO_TRIAL samples repeat less than one time in MEMO_MIN_HITS is no longer memoised (its keys cost more than they save). */
const MEMO_TRIAL = 200;
const MEMO_MIN_HITS = 4;

export function geneOutcome(memo: ResultMemo | undefined, gene: string, key: () => string, sample: string, make: () => GeneOutcome): GeneOutcome {
  if (!memo) return make();
  let m = memo.genes.get(gene);
  if (!m) memo.genes.set(gene, (m = { byKey: new Map(), tries: 0, hits: 0 }));
  if (m.tries >= MEMO_TRIAL && m.hits * MEMO_MIN_HITS < m.tries) return make();
  m.tries++;
  const k = key();
  const hit = m.byKey.get(k);
  if (hit) {
    m.hits++;
    return { result: { ...hit.result, sample }, lookups: hit.lookups };
  }
  const made = make();
  m.byKey.set(k, made);
  return made;
}

/** Every gene for one sample (outside calls override), with the recommendations that apply. */
