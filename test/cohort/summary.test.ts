// vcfact summary: figures on an output with known counts, the JSON against its schema, the HTML page
// self-contained with every name escaped, and the same figures from a merged output as from one run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vcfact, vcfactAsync } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-summary-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const STANDARD = 'Initiate therapy with recommended starting dose.';
const REDUCE = 'Consider a 50% reduction of recommended starting dose.';
const rec = (classification: string, recommendation: string) => ({ drug: 'clopidogrel', genes: ['CYP2C19'], classification, recommendation });

/** A pgx NDJSON output of four samples with known calls (meta from a real run, results written here). */
function knownPgx(): string {
  const real = vcfact(['pgx', 'fixtures/demo/demo.vcf.gz', '-q', '-O', 'ndjson']).stdout.split('\n')[0] as string;
  const meta = { ...(JSON.parse(real) as object), samples: ['S1', 'S2', 'S3', '<b>S4</b>'] };
  const r = (sample: string, gene: string, q: string, diplotype: string, phenotype: string | null, score: string | null, recs: object[]) =>
    ({ type: 'result', sample, gene, diplotype, phenotype, activity_score: score, call_quality: q, recommendations: recs });
  const lines = [
    { type: 'meta', ...meta },
    r('S1', 'CYP2C19', 'complete', '*1/*1', 'Normal Metabolizer', null, [rec('Strong', STANDARD)]),
    r('S1', '<i>G</i>', 'not-called', '', null, null, []),
    r('S2', 'CYP2C19', 'missing-sites', '*1/*2', 'Intermediate Metabolizer', null, [rec('Strong', REDUCE), rec('Moderate', REDUCE)]),
    r('S2', '<i>G</i>', 'complete', '*1/*1', 'Normal Function', '2.0', []),
    r('S3', 'CYP2C19', 'complete', '*2/*2', 'Poor Metabolizer', null, [rec('Strong', REDUCE)]),
    r('S3', '<i>G</i>', 'not-called', '', null, null, []),
    r('<b>S4</b>', 'CYP2C19', 'not-called', '', null, null, [rec('No recommendation', 'No recommendation')]),
    r('<b>S4</b>', '<i>G</i>', 'ambiguous', '*1/*3', null, '1.0', []),
    { type: 'summary', warnings: [], summary: { records: 0, candidates: 0, parsed: 0, matched: 0, results: 8, skipped: {} } },
  ];
  const file = join(scratch, 'known.ndjson');
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  return file;
}

describe('summary', () => {
  const known = knownPgx();

  it('counts genes, diplotypes, phenotypes, scores and drugs as documented', () => {
    const r = vcfact(['summary', known, '-O', 'json']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(schema('summary.schema.json')(s)).toBe(true);
    expect(s.command).toBe('pgx');
    expect(s.samples).toBe(4);
    const cyp = s.genes.find((g: { gene: string }) => g.gene === 'CYP2C19');
    expect(cyp).toMatchObject({ samples: 4, called: 3, not_called: 1 });
    expect(cyp.diplotypes).toEqual([
      { diplotype: '*1/*1', count: 1, frequency: 0.3333 },
      { diplotype: '*1/*2', count: 1, frequency: 0.3333 },
      { diplotype: '*2/*2', count: 1, frequency: 0.3333 },
    ]);
    expect(cyp.phenotypes.map((p: { phenotype: string }) => p.phenotype)).toEqual(['Intermediate Metabolizer', 'Normal Metabolizer', 'Poor Metabolizer']);
    const g = s.genes.find((x: { gene: string }) => x.gene === '<i>G</i>');
    // The ambiguous call counts as called; it has no phenotype ('No Result') but a score.
    expect(g).toMatchObject({ samples: 4, called: 2, not_called: 2 });
    expect(g.phenotypes).toEqual([{ phenotype: 'No Result', count: 1, frequency: 0.5 }, { phenotype: 'Normal Function', count: 1, frequency: 0.5 }]);
    expect(g.activity_scores).toEqual([{ activity_score: '1.0', count: 1, frequency: 0.5 }, { activity_score: '2.0', count: 1, frequency: 0.5 }]);
    // Samples per classification (S2 counted once under Strong and once under Moderate); the
    // standard-dosing text and 'No recommendation' are not non-standard.
    expect(s.drugs).toEqual([{ drug: 'clopidogrel', classifications: [{ classification: 'Strong', count: 3 }, { classification: 'Moderate', count: 1 }, { classification: 'No recommendation', count: 1 }], non_standard: 2 }]);
    expect(s.biomarkers).toEqual([]);
  });

  it('writes the figures as TSV rows', () => {
    const r = vcfact(['summary', known]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('section\tkb\tsubject\tfeature\tvalue\tcount\ttotal\tfrequency');
    expect(lines).toContain('gene\t\tCYP2C19\t\tcalled\t3\t4\t0.75');
    expect(lines).toContain('drug\t\tclopidogrel\t\tnon_standard\t2\t4\t0.5');
  });

  it('HTML: self-contained, names escaped, the same bytes each time', () => {
    const a = vcfact(['summary', known, '-O', 'html']).stdout;
    expect(a).toBe(vcfact(['summary', known, '-O', 'html']).stdout);
    expect(a).toContain('Content-Security-Policy');
    expect(a).not.toMatch(/(src|href)\s*=|url\(|@import|<script/i);
    expect(a).not.toContain('<i>G</i>');
    expect(a).toContain('&lt;i&gt;G&lt;/i&gt;');
    expect(a).toContain('<svg');
  });

  it('biomarker carriers from annotate; one run and merged sample shards give the same figures', async () => {
    const one = join(scratch, 'one.json');
    const parts = ['PATIENT_A', 'TUMOR_B'].map((s) => join(scratch, `${s}.ndjson`));
    await vcfactAsync(['annotate', 'fixtures/demo/demo.vcf.gz', '-q', '-o', one]);
    await Promise.all(['PATIENT_A', 'TUMOR_B'].map((s, i) => vcfactAsync(['annotate', 'fixtures/demo/demo.vcf.gz', '-q', '-s', s, '-o', parts[i] as string])));
    const merged = join(scratch, 'merged.ndjson');
    expect(vcfact(['merge', ...parts, '-q', '-o', merged]).status).toBe(0);
    const s = JSON.parse(vcfact(['summary', one, '-O', 'json']).stdout);
    expect(schema('summary.schema.json')(s)).toBe(true);
    expect(vcfact(['summary', merged, '-O', 'json']).stdout).toBe(JSON.stringify(s, null, 2) + '\n');
    const rows = JSON.parse(readFileSync(one, 'utf8')).results as { kb: string; gene: string; feature: string; sample: string }[];
    const v600e = rows.filter((r) => r.feature === 'BRAF V600E');
    expect(v600e.length).toBeGreaterThan(0);
    const carriers = new Set(v600e.map((r) => r.sample)).size;
    expect(s.biomarkers.find((b: { feature: string }) => b.feature === 'BRAF V600E')).toEqual({ kb: 'cancer', gene: 'BRAF', feature: 'BRAF V600E', carriers, frequency: carriers / 2 });
  });

  it('refuses an output type it does not write', () => {
    const r = vcfact(['summary', known, '-O', 'xml']);
    expect(r.status).toBe(2);
  });
});
