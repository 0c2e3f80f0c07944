// `--table FILE` on annotate (compact and --evidence; TSV, JSON, NDJSON, -O vcf) and report, run as
// a user runs the built CLI: rows with kb = the table's name, fields carried, protein rows through
// VEP CSQ and SnpEff ANN in both builds, a gzip table, provenance in kb[] and ##vcfact_kb, the
// other-build and same-name refusals (exit 4, no row written).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';

const table = (name: string) => fixture('tables', name);
const vcf = (name: string) => fixture('cancer', name);
const tmp = mkdtempSync(join(tmpdir(), 'vcfact-table-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** TSV rows as objects, by the header row. */
function tsvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\n');
  const cols = (head ?? '').split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((c, i) => [cols[i], c])));
}

const tableRows = (rows: Record<string, string>[]) => rows.filter((r) => r.kb === 'clinic').map((r) => [r.pos, r.feature, r.match, r.fields]);

describe('annotate --table', () => {
  it.each([
    ['VEP CSQ, GRCh38', 'vep.grch38.vcf', 'clinic.grch38.tsv', ['7673776', '7673802']],
    ['VEP CSQ, GRCh37', 'vep.grch37.vcf', 'clinic.grch37.tsv', ['7577094', '7577120']],
    ['SnpEff ANN, GRCh38', 'snpeff.grch38.vcf', 'clinic.grch38.tsv', ['7673776', '7673802']],
    ['SnpEff ANN, GRCh37', 'snpeff.grch37.vcf', 'clinic.grch37.tsv', ['7577094', '7577120']],
  ])('%s: exact, range and protein rows, one per table row, fields in one cell', (_what, input, name, [missense, frameshift]) => {
    const r = vcfact(['annotate', vcf(input), '--table', table(name)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]?.split('\t').at(-1)).toBe('fields');
    expect(tableRows(tsvRows(r.stdout))).toEqual([
      [missense, 'TP53 R282W (clinic)', 'exact', 'level=A;drug=drug-x;note=seen%3B twice%3Dyes;protein=R282W'],
      [missense, 'TP53 exon 8 window', 'range', 'level=B;drug=;note='],
      [missense, 'TP53 R282W (protein)', 'protein', 'level=A;drug=drug-x;note='],
      [frameshift, 'TP53 exon 8 window', 'range', 'level=B;drug=;note='],
      [frameshift, 'TP53 R273 frameshift (protein)', 'protein', 'level=C;drug=;note='],
    ]);
    // KRAS p.G12= (VEP) / p.Gly12Gly (SnpEff) is synonymous: the codon row G12 does not take it.
    expect(r.stdout).not.toContain('KRAS G12 (protein)');
    expect(r.stderr).toMatch(/5 clinic\)/);
    expect(r.stderr).not.toMatch(/protein rows of the user tables were not evaluated/);
  });

  it('without CSQ/ANN protein rows are counted as not evaluated; the MNV matches its exact row', () => {
    const r = vcfact(['annotate', vcf('codon.grch38.vcf'), '--table', table('clinic.grch38.tsv'), '-O', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: Record<string, unknown>[]; summary: { produced: Record<string, number>; matchers: Record<string, Record<string, number>> } };
    expect(doc.results.filter((x) => x.kb === 'clinic').map((x) => [x.feature, x.match, x.fields])).toEqual([['KRAS CC>AA (clinic)', 'exact', { level: 'B', drug: '', note: '' }]]);
    expect(doc.summary.produced.clinic).toBe(1);
    expect(doc.summary.matchers.tables).toEqual({ rows: 6, protein_rows: 3, protein_rows_unevaluated: 3 });
    expect(r.stderr).toContain('note: 3 protein rows of the user tables were not evaluated: the input carries no VEP CSQ or SnpEff ANN consequence');
    expect(schema('annotate.schema.json')(doc)).toBe(true);
  });

  it('lists the table in kb[] with name, version, build, licence, rows and sha256; NDJSON and --evidence validate', () => {
    const r = vcfact(['annotate', vcf('vep.grch38.vcf'), '--table', table('clinic.grch38.tsv'), '--table', table('example.grch38.tsv'), '-O', 'ndjson', '--evidence', '-q']);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const kb = (lines[0]?.kb ?? []) as Record<string, unknown>[];
    expect(kb.slice(-2)).toEqual([
      { name: 'clinic', version: '2026-11-30', build: 'GRCh38', licence: 'internal use', records: 6, rows: 6, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { name: 'clinic_actionable', version: '2026-11-30', build: 'GRCh38', licence: 'internal use', records: 3, rows: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    // --evidence: still one row per table row (a table row is its own evidence item).
    expect(lines.filter((l) => l.kb === 'clinic')).toHaveLength(5);
    const validate = schema('annotate.ndjson.schema.json');
    for (const l of lines) expect(validate(l), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reads a gzip table to the same rows as the plain one', () => {
    const plain = vcfact(['annotate', vcf('vep.grch38.vcf'), '--table', table('clinic.grch38.tsv'), '-q']);
    const gz = vcfact(['annotate', vcf('vep.grch38.vcf'), '--table', table('clinic.grch38.tsv.gz'), '-q']);
    expect(gz.status, gz.stderr).toBe(0);
    expect(gz.stdout).toBe(plain.stdout);
  });

  it('matches the §3a example: the EGFR window takes a 9-bp exon-19 deletion', () => {
    const r = vcfact(['annotate', vcf('egfr-exon19.grch38.vcf'), '--table', table('example.grch38.tsv'), '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(tsvRows(r.stdout).filter((x) => x.kb === 'clinic_actionable').map((x) => [x.gene, x.feature, x.match, x.fields])).toEqual([['EGFR', 'EGFR exon 19 window', 'range', 'level=B;drug=;note=']]);
  });

  it('refuses a table in the other build, before any row, saying so (exit 4)', () => {
    for (const type of ['tsv', 'ndjson', 'vcf']) {
      const r = vcfact(['annotate', vcf('vep.grch37.vcf'), '--table', table('clinic.grch38.tsv'), '-O', type]);
      expect(r.status).toBe(4);
      expect(r.stderr).toMatch(/the table 'clinic' is GRCh38 but the input is GRCh37 \(##contig \d+ length \d+ is GRCh37\); vcfact does not lift tables over: give a GRCh37 table/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).not.toMatch(/TP53/);
    }
  });

  it('refuses the other build when only the data tells it (records held until then)', () => {
    // The Mutect2 pair without its ##contig and ##reference lines: its CIViC alleles vote GRCh38.
    const text = readFileSync(vcf('mutect2-pair.grch38.vcf'), 'utf8').replace(/^##(contig|reference)=.*\n/gm, '');
    const out = join(tmp, 'out.tsv');
    const r = vcfact(['annotate', '-', '--table', table('clinic.grch37.tsv'), '-o', out], { input: text });
    expect(r.status).toBe(4);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toMatch(/the table 'clinic' is GRCh37 but the input is GRCh38 \(data: \d+ record\(s\) carry GRCh38/);
  });

  it('refuses two tables with one name, and a malformed table, before reading the input (exit 4)', () => {
    const twin = vcfact(['annotate', vcf('vep.grch38.vcf'), '--table', table('clinic.grch38.tsv'), '--table', table('same-name.grch38.tsv')]);
    expect(twin.status).toBe(4);
    expect(twin.stderr).toContain(`two tables are named 'clinic' (also ${table('clinic.grch38.tsv')})`);
    const bad = vcfact(['annotate', '/nonexistent.vcf', '--table', table('bad/pos-zero.tsv')]);
    expect(bad.status).toBe(4);
    expect(bad.stderr).toBe(`vcfact: error: ${table('bad/pos-zero.tsv')}:6: column 2: pos is not a positive integer: '0'\n`);
  });
});

