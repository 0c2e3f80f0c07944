// --by-drug: one row per sample × drug recommendation, with the phenotypes and call quality of the
// genes behind it.
import { NO_RESULT } from './phenotype.js';
import type { PgxResult } from './result.js';

export const byDrugColumns = ['sample', 'drug', 'genes', 'phenotypes', 'call_quality', 'classification', 'recommendation', 'population', 'lookup_key', 'candidate', 'guideline', 'source'] as const;

/** One row per sample × drug recommendation that applies. */
export function byDrugRows(results: readonly PgxResult[]): Record<string, unknown>[] {
  const bySample = new Map<string, PgxResult[]>();
  for (const r of results) bySample.set(r.sample, [...(bySample.get(r.sample) ?? []), r]);
  const rows: Record<string, unknown>[] = [];
  for (const [sample, rs] of bySample) {
    const pheno = new Map(rs.map((r) => [r.gene, r.phenotype ?? r.lookup_key]));
    const quality = new Map(rs.map((r) => [r.gene, r.call_quality]));
    const seen = new Set<string>();
    for (const h of rs.flatMap((r) => r.recommendations)) {
      const key = JSON.stringify([h.drug, h.lookup_key, h.population, h.recommendation, h.candidate]);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({
        sample,
        drug: h.drug,
        genes: h.genes,
        phenotypes: h.genes.map((g) => `${g}: ${pheno.get(g) ?? NO_RESULT}`),
        // How sure the calls behind the recommendation are (missing positions, --missing-as-ref, …).
        call_quality: h.genes.map((g) => `${g}: ${quality.get(g) ?? 'not-called'}`),
        classification: h.classification,
        recommendation: h.recommendation,
        population: h.population,
        lookup_key: Object.entries(h.lookup_key).map(([g, v]) => `${g}: ${v}`),
        candidate: h.candidate ?? '',
        guideline: h.guideline,
        source: h.source,
      });
    }
  }
  return rows.sort((a, b) => cmp(String(a.sample), String(b.sample)) || cmp(String(a.drug), String(b.drug)));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
