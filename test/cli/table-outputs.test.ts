// User tables in the annotated VCF (VCFACT_TABLE entries `allele|table|gene|label|match|level`, its
// ##INFO line and a ##vcfact_kb line per table, only when tables are given) and in `report`
// (per sample `tables[]`, ranked by level, counted under the table's name; the schema holds).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';
import { checkPassThrough } from '../helpers/vcf-output.js';

const table = (name: string) => fixture('tables', name);
const vcf = (name: string) => fixture('cancer', name);
const tmp = mkdtempSync(join(tmpdir(), 'vcfact-table-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The VCFACT_TABLE entries of a data line, each field decoded. */
function tableEntries(line: string): string[][] {
  const kv = (line.split('\t')[7] ?? '').split(';').find((x) => x.startsWith('VCFACT_TABLE='));
  return kv === undefined ? [] : kv.slice('VCFACT_TABLE='.length).split(',').map((e) => e.split('|').map(decodeURIComponent));
}

describe('annotate -O vcf --table', () => {
  it('tags each ALT × table row under VCFACT_TABLE and names the table in the header', () => {
    const input = vcf('vep.grch38.vcf');
    const r = vcfact(['annotate', input, '--table', table('clinic.grch38.tsv'), '-O', 'vcf', '-q']);
    expect(r.status, r.stderr).toBe(0);
    checkPassThrough(readFileSync(input, 'latin1'), r.stdout);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('##INFO=<ID=VCFACT_TABLE,Number=.,Type=String,Description="vcfact user-table match, one per ALT x table row (percent-encoded). Format: allele_index|table|gene|label|match|level">');
    expect(lines.filter((l) => l.startsWith('##vcfact_kb=<name=clinic,'))).toEqual([expect.stringMatching(/^##vcfact_kb=<name=clinic,version=2026-11-30,build=GRCh38,sha256=[0-9a-f]{64}>$/)]);
    const data = lines.filter((l) => l !== '' && !l.startsWith('#'));
    expect(data.map(tableEntries)).toEqual([
      [],
      [
        ['1', 'clinic', 'TP53', 'TP53 R282W (clinic)', 'exact', 'A'],
        ['1', 'clinic', 'TP53', 'TP53 exon 8 window', 'range', 'B'],
        ['1', 'clinic', 'TP53', 'TP53 R282W (protein)', 'protein', 'A'],
      ],
      [
        ['1', 'clinic', 'TP53', 'TP53 exon 8 window', 'range', 'B'],
        ['1', 'clinic', 'TP53', 'TP53 R273 frameshift (protein)', 'protein', 'C'],
      ],
    ]);
    // Spaces and other separators are percent-encoded as in the other tags.
    expect(data[1]).toContain('VCFACT_TABLE=1|clinic|TP53|TP53%20R282W%20(clinic)|exact|A,');
  });

  it('writes no VCFACT_TABLE header line without tables', () => {
    const r = vcfact(['annotate', vcf('vep.grch38.vcf'), '-O', 'vcf', '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('VCFACT_TABLE');
  });
});

describe('report --table', () => {
  it("gives each sample its table findings, ranked by level, beside the cancer findings", () => {
    const r = vcfact(['report', vcf('vep.grch38.vcf'), '--table', table('clinic.grch38.tsv'), '--table', table('protein-only.grch38.tsv')]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { tables: Record<string, unknown>[]; cancer: unknown[] }[]; summary: { produced: Record<string, number>; results: number } };
    expect(schema('report.schema.json')(doc), JSON.stringify(schema('report.schema.json').errors)).toBe(true);
    const [tumour] = doc.results;
    expect(tumour?.tables.map((f) => [f.level, f.table, f.feature, f.match, f.pos])).toEqual([
      ['A', 'clinic', 'TP53 R282W (clinic)', 'exact', 7673776],
      ['A', 'clinic', 'TP53 R282W (protein)', 'protein', 7673776],
      ['B', 'clinic', 'TP53 exon 8 window', 'range', 7673776],
      ['B', 'clinic', 'TP53 exon 8 window', 'range', 7673802],
      ['C', 'clinic', 'TP53 R273 frameshift (protein)', 'protein', 7673802],
      // lab_panel has no level column: its rows come last.
      ['', 'lab_panel', 'TP53 R282W (lab)', 'protein', 7673776],
    ]);
    expect(tumour?.tables[0]).toMatchObject({ headline: 'TP53 R282W (clinic) — clinic level A', gene: 'TP53', gt: '0/1', zygosity: 'het', filter: 'PASS', fields: { level: 'A', drug: 'drug-x' } });
    expect(doc.summary.produced).toMatchObject({ clinic: 5, lab_panel: 1 });
    expect(doc.summary.results).toBe((tumour?.cancer.length ?? 0) + 6);
  });

  it('has no tables key without --table (the output stays as it was)', () => {
    const r = vcfact(['report', vcf('vep.grch38.vcf')]);
    expect(r.status, r.stderr).toBe(0);
    expect(Object.keys((JSON.parse(r.stdout) as { results: object[] }).results[0] ?? {})).not.toContain('tables');
  });

  it('gives the normal of a pair no table findings; the tumour rows say whether the normal carries the variant', () => {
    // A range row at every position annotate reports for the pair (some somatic, one also in the normal).
    const rows = vcfact(['annotate', vcf('mutect2-pair.grch38.vcf'), '-q']).stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
    const body = [...new Set(rows.map((c) => `${c[1]}\t${c[2]}\tsite ${c[2]}\t1\n`))].join('');
    const file = join(tmp, 'pair.tsv');
    writeFileSync(file, `##vcfact-table=1\n##name=pair_list\n##version=1\n##build=GRCh38\n#chrom\tpos\tlabel\tlevel\n${body}`);
    const r = vcfact(['report', vcf('mutect2-pair.grch38.vcf'), '--table', file, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: { role: string; tables: { likely_germline?: boolean }[] }[] };
    expect(doc.results.find((s) => s.role === 'normal')?.tables).toEqual([]);
    const tumour = doc.results.find((s) => s.role === 'tumor')?.tables ?? [];
    expect(tumour.map((f) => f.likely_germline).sort()).toEqual([false, false, true]);
  });
});
