// What `vcfact kb` says about user tables: `kb show` rows in full, `kb validate` a summary per
// table, `kb list` a line per table. Text only; the CLI (src/cli/kb-table.ts) writes it.
import { fieldsText } from './fields.js';
import { type LocalTable, rowsByKind, type TableRow } from './types.js';

const SHOW_COLUMNS = ['table', 'line', 'kind', 'chrom', 'pos', 'end', 'ref', 'alt', 'gene', 'protein', 'label', 'fields'];

const showLine = (t: LocalTable, r: TableRow): string =>
  [t.name, r.line, r.kind, r.chrom ?? '', r.pos ?? '', r.end ?? '', r.ref ?? '', r.alt ?? '', r.gene, r.kind === 'protein' ? (r.protein ?? '') : '', r.label, fieldsText(r.fields)].join('\t');

/**
 * `kb show QUERY`: per table, the rows QUERY names (case-insensitive): every row of a table of that
 * name, else the rows of that gene or with that label. Undefined when no table has any.
 */
export function showTableRows(tables: readonly LocalTable[], query: string): string[] | undefined {
  const q = query.toUpperCase();
  const out: string[] = [];
  for (const t of tables) {
    const rows = t.name.toUpperCase() === q ? t.rows : t.rows.filter((r) => r.gene.toUpperCase() === q || r.label.toUpperCase() === q);
    if (rows.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(`# ${t.name} (${t.file}; ${t.build}; version ${t.version}${t.licence ? `; licence ${t.licence}` : ''}): ${rows.length} of ${t.rows.length} rows`);
    out.push(SHOW_COLUMNS.join('\t'), ...rows.map((r) => showLine(t, r)));
  }
  return out.length > 0 ? out : undefined;
}

export const SUMMARY_COLUMNS = ['table', 'file', 'build', 'version', 'licence', 'rows', 'exact', 'range', 'protein', 'genes', 'gene_names'];

/** `kb validate --table`: one line per table (SUMMARY_COLUMNS). */
export function tableSummary(t: LocalTable): string {
  const n = rowsByKind(t);
  const genes = [...new Set(t.rows.map((r) => r.gene).filter((g) => g !== ''))].sort();
  return [t.name, t.file, t.build, t.version, t.licence, t.rows.length, n.exact, n.range, n.protein, genes.length, genes.join(';')].join('\t');
}
