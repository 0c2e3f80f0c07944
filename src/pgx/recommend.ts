// Drug recommendations that apply to one sample: a CPIC recommendation applies when every gene
// of its lookup key matches the sample's lookup value for that gene (phenotype, activity score,
// or allele status for HLA). Genes without a result match 'No Result' rows.
import type { RecommendationRow } from './kb-types.js';
import { NO_RESULT } from './phenotype.js';

/** A recommendation that applies: the table row with its guideline flattened to name and url. */
export interface RecommendationHit extends Omit<RecommendationRow, 'comments' | 'guideline' | 'lookupKey'> {
  /** gene → the lookup value this recommendation applies to (snake_case like every output key). */
  lookup_key: Record<string, string>;
  guideline: string;
  url: string;
  /** For ambiguous calls: the candidate diplotype(s) this hit depends on ('GENE dip'). */
  candidate?: string;
}

/** Per gene, every value the sample's call can be looked up by (several for HLA allele statuses). */
export type LookupValues = Map<string, Set<string>>;

function scoreMatches(want: string, have: string): boolean {
  const w = want.replace(/^≥/, '');
  const a = Number(w);
  const b = Number(have);
  if (!Number.isFinite(a) || !Number.isFinite(b) || want === '' || have === '') return false;
  return want.startsWith('≥') ? b >= a : a === b;
}

function valueMatches(want: string, have: Set<string> | undefined): boolean {
  if (!have || have.size === 0) return want === NO_RESULT;
  for (const h of have) if (h === want || h.toLowerCase() === want.toLowerCase() || scoreMatches(want, h)) return true;
  return false;
}

// The genes of each row's lookup key, listed once (every sample with a new set of lookups reads them all).
const keyGenes = new WeakMap<RecommendationRow, string[]>();

function genesOf(r: RecommendationRow): string[] {
  let g = keyGenes.get(r);
  if (g === undefined) keyGenes.set(r, (g = Object.keys(r.lookupKey)));
  return g;
}

export function matchRecommendations(recs: readonly RecommendationRow[], lookup: LookupValues, candidate?: string): RecommendationHit[] {
  const out: RecommendationHit[] = [];
  for (const r of recs) {
    const genes = genesOf(r);
    if (genes.length === 0) continue;
    // Only drugs that involve at least one gene this sample has a result for.
    if (!genes.some((g) => (lookup.get(g)?.size ?? 0) > 0)) continue;
    if (!genes.every((g) => valueMatches(r.lookupKey[g] as string, lookup.get(g)))) continue;
    out.push({
      drug: r.drug,
      genes: r.genes,
      lookup_key: r.lookupKey,
      classification: r.classification,
      implications: r.implications,
      recommendation: r.recommendation,
      population: r.population,
      guideline: r.guideline.name,
      url: r.guideline.url,
      source: r.source,
      candidate,
    });
  }
  return out;
}

/** HLA outside calls: '<allele> positive' for each allele carried, '<allele> negative' for the rest named by any recommendation. */
export function hlaStatuses(recs: readonly RecommendationRow[], gene: string, diplotype: string): Set<string> {
  const carried = new Set(diplotype.split('/').map((a) => a.trim().replace(/^HLA-[AB]/, '')));
  const out = new Set<string>();
  for (const r of recs) {
    const v = r.lookupKey[gene];
    const m = v?.match(/^(\S+) (positive|negative)$/);
    if (!m) continue;
    out.add(`${m[1]} ${carried.has(m[1] as string) ? 'positive' : 'negative'}`);
  }
  return out;
}
