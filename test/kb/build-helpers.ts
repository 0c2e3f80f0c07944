// Shared by the `vcfact kb build` tests: a private copy of the trimmed sources in fixtures/kb-build
// and edits of its CIViC TSVs by column name, as a newer CIViC release would differ.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

export const FIXTURE_SOURCES = join(ROOT, 'fixtures', 'kb-build', 'sources');
export const CIVIC = 'civic-2024-08';

/** A copy of the fixture sources under `dir`; returns its path. */
export function copySources(dir: string, name = 'sources'): string {
  const to = join(dir, name);
  cpSync(FIXTURE_SOURCES, to, { recursive: true });
  return to;
}

/** The path of the CIViC file whose name ends with `suffix` (e.g. '-VariantSummaries.tsv'). */
export function civicFile(sources: string, suffix: string): string {
  const name = readdirSync(join(sources, CIVIC)).find((n) => n.endsWith(suffix));
  if (!name) throw new Error(`no *${suffix} in the fixture`);
  return join(sources, CIVIC, name);
}

/** Appends a row given by column name; columns not named stay empty. */
export function appendRow(file: string, values: Record<string, string>): void {
  const text = readFileSync(file, 'utf8');
  const header = (text.split('\n')[0] as string).split('\t');
  for (const k of Object.keys(values)) if (!header.includes(k)) throw new Error(`no column ${k} in ${file}`);
  writeFileSync(file, `${text}${header.map((h) => values[h] ?? '').join('\t')}\n`);
}

/** Rewrites a TSV's columns: `order` maps the header to the new column list (by name). */
export function rewriteColumns(file: string, order: (header: string[]) => string[], fill: (column: string) => string = () => ''): void {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const header = (lines[0] as string).split('\t');
  const cols = order(header);
  const rows = lines.map((l, n) => {
    const f = l.split('\t');
    return cols.map((c) => (header.includes(c) ? (f[header.indexOf(c)] ?? '') : n === 0 ? c : fill(c))).join('\t');
  });
  writeFileSync(file, `${rows.join('\n')}\n`);
}

/** A one-sample VCF of `records` ('chrom pos ref alt gt', tab- or space-separated). */
export function vcf(build: 'GRCh37' | 'GRCh38', records: string[]): string {
  const chr = build === 'GRCh38' ? 'chr' : '';
  const len = build === 'GRCh38' ? { 7: 159345973, 12: 133275309 } : { 7: 159138663, 12: 133851895 };
  const head = [
    '##fileformat=VCFv4.2',
    `##reference=${build}`,
    `##contig=<ID=${chr}7,length=${len[7]}>`,
    `##contig=<ID=${chr}12,length=${len[12]}>`,
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  ];
  const body = records.map((r) => {
    const [chrom, pos, ref, alt, gt] = r.split(/\s+/);
    return `${chr}${chrom}\t${pos}\t.\t${ref}\t${alt}\t.\tPASS\t.\tGT\t${gt}`;
  });
  return `${[...head, ...body].join('\n')}\n`;
}
