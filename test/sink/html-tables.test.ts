// `report --table FILE -O html`: the user's table findings get a section of their own on the page,
// ranked by the table's level, with the row's other columns; a run without tables shows no section.
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

const VCF = fixture('cancer', 'vep.grch38.vcf');
const CLINIC = fixture('tables', 'clinic.grch38.tsv');

function section(page: string): string | undefined {
  return /<section id="tables">[\s\S]*?<\/section>/.exec(page)?.[0];
}

describe('report -O html with --table', () => {
  const page = vcfact(['report', VCF, '--table', CLINIC, '-O', 'html', '-q']);
  const json = vcfact(['report', VCF, '--table', CLINIC, '-O', 'json', '-q']);
  const findings = (JSON.parse(json.stdout) as { results: { tables: { feature: string; level: string }[] }[] }).results[0]?.tables ?? [];

  it('lists every table finding of the JSON report, in its order, with level and columns', () => {
    expect(page.status).toBe(0);
    const s = section(page.stdout) ?? '';
    expect(findings.length).toBeGreaterThan(1);
    const heads = [...s.matchAll(/<div class="finding-head">([^<]*)<\/div>/g)].map((m) => m[1]);
    expect(heads).toEqual(findings.map((f) => f.feature));
    expect(s).toContain('<span class="tag">level A</span>');
    expect(s).toContain('<dt>drug</dt><dd>drug-x</dd>');
    expect(page.stdout).toContain(`<b>${findings.length}</b>findings of your tables`);
  });

  it('shows no table section without --table', () => {
    const plain = vcfact(['report', VCF, '-O', 'html', '-q']);
    expect(plain.status).toBe(0);
    expect(section(plain.stdout)).toBeUndefined();
    expect(plain.stdout).not.toContain('findings of your tables');
  });

  it('says so when no row of the tables matched the sample', () => {
    const none = vcfact(['report', fixture('demo', 'demo.vcf.gz'), '--table', CLINIC, '-s', 'PATIENT_A', '-O', 'html', '-q']);
    expect(none.status).toBe(0);
    expect(section(none.stdout)).toContain('No row of clinic matched this sample');
  });
});
