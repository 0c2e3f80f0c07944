// End to end without the CLI: the documentation examples reproduce PharmCAT 3.1.0's report TSV
// gene by gene; a multi-sample VCF gives the single-sample calls; phenotypes and recommendations.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Warnings } from '../../src/log.js';
import { PgxCollector } from '../../src/pgx/collect.js';
import { OUTSIDE_ONLY_GENES, readOutsideCalls } from '../../src/pgx/outside.js';
import { phenotypeOf } from '../../src/pgx/phenotype.js';
import { byDrugRows } from '../../src/pgx/by-drug.js';
import { pgxTsvColumns, sampleResults, toTsvRow, type PgxResult } from '../../src/pgx/result.js';
import { CONF, readRecords, testKb } from './helpers.js';

const kb = testKb();
const EX = join(CONF, 'examples');

async function resultsOf(path: string, outsideFile?: string, missingAsRef = false): Promise<PgxResult[][]> {
  const { samples, records } = await readRecords(path);
  const col = new PgxCollector(kb, 'GRCh38', samples.length, { missingAsRef });
  for (const r of records) col.add(r);
  const known = new Set([...kb.genes().keys(), ...OUTSIDE_ONLY_GENES]);
  const outside = outsideFile ? readOutsideCalls(outsideFile, known, new Warnings()) : [];
  return samples.map((s, i) => sampleResults(kb, col, { index: i, name: s, source: 'germline', caveat: '' }, {}, outside));
}

describe('PharmCAT documentation examples', () => {
  for (const [name, outside] of [
    ['pharmcat.example', 'pharmcat.example.outsideCall.tsv'],
    ['pharmcat.example2', undefined],
  ] as const) {
    it(`${name}: diplotype, phenotype and activity score per gene equal PharmCAT 3.1.0's report`, async () => {
      const [res = []] = await resultsOf(join(EX, `${name}.vcf`), outside && join(EX, outside));
      const rows = readFileSync(join(EX, `${name}.report.tsv`), 'utf8').split('\n').slice(2).filter(Boolean).map((l) => l.split('\t'));
      expect(rows.length).toBeGreaterThan(15);
      for (const [gene, dip, pheno, score] of rows) {
        const r = res.find((x) => x.gene === gene);
        expect({ gene, dip: r?.diplotype, pheno: r?.phenotype ?? '', score: r?.activity_score ?? '' }).toEqual({ gene, dip, pheno: (pheno ?? '').trim(), score });
      }
    });
  }

  it('outside calls reach HLA-B and MT-RNR1 recommendations', async () => {
    const [res = []] = await resultsOf(join(EX, 'pharmcat.example.vcf'), join(EX, 'pharmcat.example.outsideCall.tsv'));
    const hla = res.find((r) => r.gene === 'HLA-B');
    expect(hla?.call_quality).toBe('outside-call');
    const abacavir = hla?.recommendations.find((h) => h.drug === 'abacavir');
    expect(abacavir?.lookup_key).toEqual({ 'HLA-B': '*57:01 positive' });
    expect(abacavir?.classification).toBe('Strong');
    expect(res.find((r) => r.gene === 'MT-RNR1')?.recommendations.map((h) => h.drug)).toContain('amikacin');
    expect(res.find((r) => r.gene === 'CYP2D6')?.phenotype).toBe('Intermediate Metabolizer');
  });
});

describe('multi-sample input', () => {
  it('gives every sample the calls of its single-sample run', async () => {
    const files = readdirSync(join(CONF, 'vcf')).filter((f) => f.startsWith('PipelineTest__testCyp2c19') || f.startsWith('DpydTest__') || f.startsWith('ToxicGenesTest__testG6pd'));
    const single = await Promise.all(files.map(async (f) => (await resultsOf(join(CONF, 'vcf', f)))[0] ?? []));
    const merged = join(import.meta.dirname, '..', '..', 'fixtures', 'pgx', 'multi-sample.vcf');
    const multi = await resultsOf(merged);
    const names = readFileSync(merged, 'utf8').split('\n').find((l) => l.startsWith('#CHROM'))?.split('\t').slice(9) ?? [];
    expect(names).toEqual(files.map((f) => f.replace(/\.vcf$/, '')));
    files.forEach((_, i) => {
      const strip = (rs: PgxResult[]) => rs.map((r) => [r.gene, r.diplotypes, r.phenotype, r.activity_score, r.call_quality]);
      expect(strip(multi[i] ?? [])).toEqual(strip(single[i] ?? []));
    });
  });
});

describe('results', () => {
  it('flags every result --missing-as-ref touched', async () => {
    const f = join(CONF, 'vcf', 'PipelineTest__testCyp3a5Missing3Message.vcf');
    const [plain = []] = await resultsOf(f);
    const [filled = []] = await resultsOf(f, undefined, true);
    expect(plain.find((r) => r.gene === 'CYP3A5')?.call_quality).toBe('missing-sites');
    const r = filled.find((x) => x.gene === 'CYP3A5');
    expect(r?.call_quality).toBe('missing-as-ref');
    expect(r?.note).toMatch(/--missing-as-ref/);
  });

  it('an ambiguous call carries each candidate and its own recommendations', async () => {
    const [res = []] = await resultsOf(join(CONF, 'vcf', 'PipelineTest__testCyp2c19s4bs17rs28399504missing.vcf'));
    const r = res.find((x) => x.gene === 'CYP2C19');
    expect(r?.call_quality).toBe('ambiguous');
    expect(r?.candidates.map((c) => c.diplotype)).toEqual(['*4/*4', '*4/*17', '*17/*17']);
    expect(new Set(r?.candidates.map((c) => c.phenotype)).size).toBeGreaterThan(1);
    expect(r?.phenotype).toBeNull();
    expect(r?.recommendations.every((h) => h.candidate?.startsWith('CYP2C19 '))).toBe(true);
  });

  it('TSV rows have every column and by-drug rows name drug, genes and phenotypes', async () => {
    const [res = []] = await resultsOf(join(EX, 'pharmcat.example2.vcf'));
    const row = toTsvRow(res[0] as PgxResult);
    for (const c of pgxTsvColumns) expect(Object.keys(row)).toContain(c);
    const drugs = byDrugRows(res);
    const clop = drugs.filter((d) => d.drug === 'clopidogrel');
    expect(clop.length).toBeGreaterThan(0);
    expect(clop[0]?.phenotypes).toEqual(['CYP2C19: Poor Metabolizer']);
  });
});

describe('phenotypeOf', () => {
  const cyp2c9 = kb.phenotypes().get('CYP2C9');
  it('activity-score genes sum activity values', () => {
    expect(phenotypeOf(cyp2c9, ['*1', '*3'], '*1')).toMatchObject({ phenotype: 'Intermediate Metabolizer', activityScore: '1.0', lookupKey: '1.0' });
  });
  it('an allele without a known function is Indeterminate', () => {
    expect(phenotypeOf(cyp2c9, ['*1', '*999'], '*1')).toMatchObject({ phenotype: 'Indeterminate', lookupKey: 'Indeterminate' });
  });
  it('DPYD takes the two lowest-function alleles of a list', () => {
    const dpyd = kb.phenotypes().get('DPYD');
    const p = phenotypeOf(dpyd, ['c.1905+1G>A (*2A)', 'c.2846A>T', 'c.85T>C (*9A)'], 'Reference', true);
    expect(p.functions.map((f) => f.allele)).toEqual(['c.1905+1G>A (*2A)', 'c.2846A>T']);
    expect(p.activityScore).toBe('0.5');
  });
  it('no map, no phenotype', () => {
    expect(phenotypeOf(undefined, ['*1', '*1'], '*1').lookupKey).toBe('No Result');
  });
});
