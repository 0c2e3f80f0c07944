// pgx and report JSON outputs validate against their schemas, and carry the findings they should.
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';

function validated(name: string, args: string[]): Record<string, any> {
  const r = vcfact(args);
  expect(r.status, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  const validate = schema(name);
  expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return doc;
}

describe('pgx and report JSON', () => {
  it('pgx on the demo: CYP2C19 *2/*2 Poor Metabolizer with a clopidogrel recommendation', () => {
    const doc = validated('pgx.schema.json', ['pgx', fixture('demo', 'demo.vcf.gz'), '-O', 'json', '-q']);
    const call = doc.results.find((r: any) => r.sample === 'PATIENT_A' && r.gene === 'CYP2C19');
    expect(call.diplotype).toBe('*2/*2');
    expect(call.phenotype).toBe('Poor Metabolizer');
    // Most CYP2C19 positions are absent from the demo: said, not taken as reference.
    expect(call.call_quality).toBe('missing-sites');
    expect(call.missing_sites.length).toBeGreaterThan(0);
    const clopidogrel = call.recommendations.filter((x: any) => x.drug === 'clopidogrel');
    expect(clopidogrel.length).toBeGreaterThan(0);
    expect(clopidogrel.map((x: any) => x.recommendation).join(' ')).toMatch(/alternative/i);
    expect(doc.kb.map((k: any) => k.name)).toContain('pgx-recommendations');
  });

  it('report on the demo: ranked cancer findings with headlines for the tumour, none for the normal', () => {
    const doc = validated('report.schema.json', [
      'report', fixture('demo', 'demo.vcf.gz'), '--tumor', 'TUMOR_B', '--normal', 'PATIENT_A', '--tumor-type', 'colorectal cancer', '-q',
    ]);
    const tumour = doc.results.find((r: any) => r.sample === 'TUMOR_B');
    const normal = doc.results.find((r: any) => r.sample === 'PATIENT_A');
    expect(tumour.role).toBe('tumor');
    expect(normal.role).toBe('normal');
    expect(normal.cancer).toEqual([]);
    expect(tumour.cancer[0].relevance).toBe('on-label');
    // One finding per biomarker; its headline from the strongest on-label item names the patient's disease.
    const braf = tumour.cancer.filter((f: any) => f.feature === 'BRAF V600E');
    expect(braf).toHaveLength(1);
    expect(braf[0].best_level).toBe('A');
    expect(braf[0].headline).toMatch(/^BRAF V600E — tier I, level A — .* in colorectal cancer$/);
    expect(braf[0].evidence.length).toBe(braf[0].evidence_items);
    expect(new Set(tumour.cancer.map((f: any) => `${f.pos} ${f.feature}`)).size).toBe(tumour.cancer.length);
    // On-label findings all come before off-label ones.
    const rel = tumour.cancer.map((f: any) => f.relevance);
    expect(rel.lastIndexOf('on-label')).toBeLessThan(rel.indexOf('off-label'));
  });

  it('pgx results are identical streamed and through the index', () => {
    for (const input of [fixture('demo', 'demo.vcf.gz'), fixture('golden', 'indexed', 'T001-COAD.grch38.vcf.gz')]) {
      // The TCGA file is a somatic call set: called anyway (--somatic-pgx) to compare the two reads.
      const results = (index: string) => JSON.parse(vcfact(['pgx', input, '-O', 'json', '-q', '--somatic-pgx', '--index', index]).stdout).results;
      const streamed = results('never');
      expect(streamed.length).toBeGreaterThan(0);
      expect(results('auto')).toEqual(streamed);
    }
  });

  it('report refuses TSV with a usage error', () => {
    const r = vcfact(['report', fixture('demo', 'demo.vcf.gz'), '-O', 'tsv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/json or ndjson/);
  });
});
