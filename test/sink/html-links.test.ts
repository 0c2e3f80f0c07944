// Drug names and the finding ↔ PGx links of `report` (src/commands/drug-names.ts, report-links.ts).
import { describe, expect, it } from 'vitest';
import { drugsOf, normalizeDrug } from '../../src/commands/drug-names.js';
import { type LinkableFinding, linkReport, therapiesOf } from '../../src/commands/report-links.js';
import type { PgxResult } from '../../src/pgx/result.js';
import type { RecommendationHit } from '../../src/pgx/recommend.js';

function hit(drug: string, genes: string[], classification = 'Strong'): RecommendationHit {
  return {
    drug,
    genes,
    lookup_key: Object.fromEntries(genes.map((g) => [g, 'x'])),
    classification,
    implications: [],
    recommendation: `do this for ${drug}`,
    population: 'general',
    guideline: `CPIC ${drug}`,
    url: '',
    source: 'test',
  };
}

function result(gene: string, phenotype: string, recommendations: RecommendationHit[], quality: PgxResult['call_quality'] = 'complete'): PgxResult {
  return {
    sample: 'N', gene, diplotype: `${gene} dip`, labels: [], diplotypes: [], phenotype, activity_score: null, lookup_key: phenotype,
    functions: [], missing_sites: [], call_quality: quality, source: 'vcf', note: '', candidates: [], evidence: [], recommendations,
    genotype_source: 'normal', caveats: [],
  };
}

function finding(feature: string, sensitivity: string[], resistance: string[] = [], evidence: Record<string, unknown>[] = []): LinkableFinding {
  return { feature, sensitivity, resistance, evidence };
}

describe('drug names', () => {
  it('lower-cases, drops salt words and resolves synonyms', () => {
    expect(normalizeDrug('Pictilisib Bismesylate')).toBe('pictilisib');
    expect(normalizeDrug('Imatinib  Mesylate')).toBe('imatinib');
    expect(normalizeDrug('5-FU')).toBe('fluorouracil');
    expect(normalizeDrug('6-Mercaptopurine')).toBe('mercaptopurine');
    expect(normalizeDrug('Tioguanine')).toBe('thioguanine');
    // A salt word alone is a name, not a salt.
    expect(normalizeDrug('Sodium')).toBe('sodium');
  });
  it('splits combinations and expands named regimens', () => {
    expect(drugsOf('Bevacizumab + Oxaliplatin + Capecitabine')).toEqual(['bevacizumab', 'oxaliplatin', 'capecitabine']);
    expect(drugsOf('Cetuximab + FOLFOX-4 Regimen')).toEqual(['cetuximab', 'fluorouracil', 'leucovorin', 'oxaliplatin']);
    expect(drugsOf('XELOX')).toEqual(['capecitabine', 'oxaliplatin']);
    expect(drugsOf('sulfamethoxazole / trimethoprim')).toEqual(['sulfamethoxazole', 'trimethoprim']);
    expect(drugsOf('Chemotherapy')).toEqual(['chemotherapy']);
  });
});

describe('report links', () => {
  const dpyd = result('DPYD', 'Intermediate Metabolizer', [hit('capecitabine', ['DPYD']), hit('fluorouracil', ['DPYD'])]);
  const tpmt = result('TPMT', 'Poor Metabolizer', [hit('mercaptopurine', ['TPMT', 'NUDT15']), hit('thioguanine', ['TPMT', 'NUDT15'])]);
  const nudt15 = result('NUDT15', 'Normal Metabolizer', tpmt.recommendations);
  const cyp2d6 = result('CYP2D6', 'Poor Metabolizer', [hit('tamoxifen', ['CYP2D6'])]);
  const pgx = [cyp2d6, dpyd, nudt15, tpmt];

  it('links fluoropyrimidines in combinations and regimens to DPYD, and names the finding back', () => {
    const braf = finding('BRAF V600E', ['Vemurafenib'], ['Bevacizumab + Oxaliplatin + Capecitabine', 'Cetuximab + FOLFOX-4 Regimen']);
    const out = linkReport([braf], 'T', pgx, 'N');
    const links = out.findings[0]?.pgx ?? [];
    expect(links.map((l) => [l.drug, l.therapies])).toEqual([
      ['capecitabine', ['Bevacizumab + Oxaliplatin + Capecitabine']],
      ['fluorouracil', ['Cetuximab + FOLFOX-4 Regimen']],
    ]);
    expect(links[0]).toMatchObject({ genes: ['DPYD'], classification: 'Strong', pgx_sample: 'N', calls: [{ gene: 'DPYD', phenotype: 'Intermediate Metabolizer' }] });
    expect(out.pgx.find((r) => r.gene === 'DPYD')?.affects_findings).toEqual([{ sample: 'T', feature: 'BRAF V600E', drugs: ['capecitabine', 'fluorouracil'] }]);
    expect(out.pgx.find((r) => r.gene === 'CYP2D6')?.affects_findings).toBeUndefined();
  });

  it('links thiopurines to TPMT and NUDT15 once per recommendation, and tamoxifen to CYP2D6', () => {
    const ntc = finding('NT5C2 R367Q', [], ['6-Mercaptopurine'], [{ therapies: ['Thioguanine'] }]);
    const esr1 = finding('ESR1 Y537S', [], ['Tamoxifen Citrate']);
    const out = linkReport([ntc, esr1], 'T', pgx, 'N');
    expect(out.findings[0]?.pgx?.map((l) => [l.drug, l.genes, l.therapies])).toEqual([
      ['mercaptopurine', ['TPMT', 'NUDT15'], ['6-Mercaptopurine']],
      ['thioguanine', ['TPMT', 'NUDT15'], ['Thioguanine']],
    ]);
    expect(out.findings[1]?.pgx?.map((l) => l.drug)).toEqual(['tamoxifen']);
    for (const gene of ['TPMT', 'NUDT15']) {
      expect(out.pgx.find((r) => r.gene === gene)?.affects_findings).toEqual([{ sample: 'T', feature: 'NT5C2 R367Q', drugs: ['mercaptopurine', 'thioguanine'] }]);
    }
    expect(out.pgx.find((r) => r.gene === 'CYP2D6')?.affects_findings?.map((a) => a.feature)).toEqual(['ESR1 Y537S']);
  });

  it('leaves findings without a shared drug, and the inputs, unchanged', () => {
    const egfr = finding('EGFR L858R', ['Erlotinib', 'Chemotherapy']);
    const out = linkReport([egfr], 'T', pgx, 'N');
    expect(out.findings[0]).toBe(egfr);
    expect(out.findings[0]).not.toHaveProperty('pgx');
    expect(out.pgx).toEqual(pgx);
    expect(dpyd).not.toHaveProperty('affects_findings');
  });

  it('lists a call only for genes that were called', () => {
    const notCalled = result('NUDT15', '', tpmt.recommendations, 'not-called');
    const out = linkReport([finding('X', ['Mercaptopurine'])], 'T', [tpmt, notCalled], 'N');
    expect(out.findings[0]?.pgx?.[0]?.calls.map((c) => c.gene)).toEqual(['TPMT']);
  });

  it('gathers therapy labels from the lists and from other evidence items', () => {
    expect(therapiesOf(finding('X', ['A'], ['B', 'A'], [{ therapies: ['C', 'D'] }, { therapies: [] }, { therapies: ['A'] }]))).toEqual(['A', 'B', 'C + D']);
  });
});
