// The objects a result becomes, written out key by key in the output's key order. Spreading a
// result into an object with more keys (`{ ...r, drugs }`) makes V8 build each one slowly, about
// 40 µs an object: 2 s for the 50,000 results of a 2,500-sample cohort, each spread twice (the
// result, then its row), where literals cost next to nothing.
import type { GenotypeSource } from './germline.js';
import type { RecommendationHit } from './recommend.js';
import type { GeneOutcome, PgxResult } from './result.js';

/** A gene outcome with what the sample adds: its note, recommendations, genotype source and caveats. */
export function sampleResult(r: GeneOutcome['result'], note: string, recommendations: RecommendationHit[], source: GenotypeSource, caveats: string[]): PgxResult {
  return {
    sample: r.sample,
    gene: r.gene,
    diplotype: r.diplotype,
    diplotypes: r.diplotypes,
    labels: r.labels,
    phenotype: r.phenotype,
    activity_score: r.activity_score,
    lookup_key: r.lookup_key,
    functions: r.functions,
    missing_sites: r.missing_sites,
    call_quality: r.call_quality,
    source: r.source,
    note,
    candidates: r.candidates,
    evidence: r.evidence,
    recommendations,
    genotype_source: source,
    caveats,
  };
}

/** The suffix fromCall gives a position whose call the quality policy rejected. */
const POLICY_NO_CALL = / \[(filter|min-dp|min-gq|min-vaf)\]$/;

/**
 * The TSV row: the missing positions as a count (a gene can miss hundreds; their list is in JSON's
 * missing_sites) and how many of them the quality policy (--pass-only, --min-dp, …) turned into no-calls.
 */
export function toTsvRow(r: PgxResult): Record<string, unknown> {
  // A copy with three keys added by assignment (cheap, unlike a spread).
  const row = sampleResult(r, r.note, r.recommendations, r.genotype_source, r.caveats) as PgxResult & Record<string, unknown>;
  row.missing_positions = r.missing_sites.length;
  row.policy_no_calls = r.missing_sites.filter((m) => POLICY_NO_CALL.test(m)).length;
  row.drugs = [...new Set(r.recommendations.map((h) => h.drug))];
  return row;
}
