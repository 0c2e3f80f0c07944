// The header of a user table (DESIGN §3a): `##vcfact-table=1` first, then `##key=value` lines
// (name, version and build required; licence and description optional; other keys are kept for
// later versions and ignored), then the `#` column line. Every problem is a KbError naming the
// line (and the column, on the column line) and quoting the text.
import { KbError } from '../errors.js';
import type { Build } from '../types.js';
import { OWN_COLUMNS } from './types.js';

export const MAGIC = '##vcfact-table=1';
const NAME = /^[A-Za-z0-9_.-]+$/;
/** Names the bundled knowledge base gives its own rows' `kb`. */
export const RESERVED_NAMES = ['pgx', 'cancer'];
const BUILDS: Record<string, Build> = { GRCh37: 'GRCh37', GRCh38: 'GRCh38' };

export interface TableHeader {
  name: string;
  version: string;
  build: Build;
  licence: string;
  description: string;
  columns: string[];
  /** Column index of each column vcfact reads (-1 when absent). */
  at: Record<(typeof OWN_COLUMNS)[number], number>;
  /** 0-based index of the column line in the file's lines. */
  columnLine: number;
}

/** Reads the header lines; `lines` are the file's lines (without line endings). */
export function parseHeader(lines: readonly string[], file: string): TableHeader {
  const first = lines[0] ?? '';
  if (first !== MAGIC) {
    const v = /^##vcfact-table=(.*)$/.exec(first)?.[1];
    const why = v !== undefined ? `table format version '${v}' is not one this vcfact reads (1)` : `the first line must be '${MAGIC}'`;
    throw new KbError(why, { file, line: 1, text: first });
  }
  const meta = new Map<string, string>();
  let i = 1;
  for (; i < lines.length && (lines[i] as string).startsWith('##'); i++) {
    const line = lines[i] as string;
    const eq = line.indexOf('=');
    if (eq < 3) throw new KbError('a header line must be ##key=value', { file, line: i + 1, text: line });
    const key = line.slice(2, eq);
    if (meta.has(key)) throw new KbError(`##${key}= is given twice`, { file, line: i + 1, text: line });
    meta.set(key, line.slice(eq + 1));
    checkMeta(key, line.slice(eq + 1), file, i + 1);
  }
  const colLine = lines[i];
  if (colLine === undefined || !colLine.startsWith('#')) {
    throw new KbError("no column line ('#chrom<TAB>pos…' or '#gene<TAB>protein…') after the ## header lines", { file, line: i + 1, text: colLine ?? '' });
  }
  for (const key of ['name', 'version', 'build']) {
    if (!meta.has(key)) throw new KbError(`the header has no ##${key}= line`, { file, line: i + 1 });
  }
  const columns = colLine.slice(1).split('\t');
  return {
    name: meta.get('name') as string,
    version: meta.get('version') as string,
    build: BUILDS[meta.get('build') as string] as Build,
    licence: meta.get('licence') ?? '',
    description: meta.get('description') ?? '',
    columns,
    at: columnIndex(columns, file, i + 1, colLine),
    columnLine: i,
  };
}

function checkMeta(key: string, value: string, file: string, line: number): void {
  const where = { file, line, text: value };
  if (key === 'name') {
    if (!NAME.test(value)) throw new KbError("the table name may hold only letters, digits, '_', '.' and '-'", where);
    if (RESERVED_NAMES.includes(value.toLowerCase())) throw new KbError(`the table name '${value}' is the bundled knowledge base's; choose another`, where);
  }
  if (key === 'version' && value.trim() === '') throw new KbError('##version= is empty', where);
  if (key === 'build' && BUILDS[value] === undefined) throw new KbError('unknown build: ##build= must be GRCh37 or GRCh38', where);
}

/** Where each column vcfact reads stands; duplicate or empty names and missing required columns are errors. */
function columnIndex(columns: string[], file: string, line: number, text: string): TableHeader['at'] {
  const seen = new Map<string, number>();
  columns.forEach((c, k) => {
    if (c === '') throw new KbError('empty column name', { file, line, column: k + 1, text });
    if (seen.has(c)) throw new KbError(`duplicate column '${c}' (also column ${(seen.get(c) as number) + 1})`, { file, line, column: k + 1, text: c });
    seen.set(c, k);
  });
  const at = Object.fromEntries(OWN_COLUMNS.map((c) => [c, seen.get(c) ?? -1])) as TableHeader['at'];
  if (at.label < 0) throw new KbError("no 'label' column", { file, line, text });
  const positional = at.chrom >= 0 && at.pos >= 0;
  const protein = at.gene >= 0 && at.protein >= 0;
  if (!positional && !protein) throw new KbError("no 'chrom' and 'pos' columns, nor 'gene' and 'protein' columns: a table needs one pair", { file, line, text });
  if ((at.chrom >= 0) !== (at.pos >= 0)) throw new KbError(`a '${at.chrom >= 0 ? 'chrom' : 'pos'}' column without a '${at.chrom >= 0 ? 'pos' : 'chrom'}' column`, { file, line, text });
  for (const c of ['end', 'ref', 'alt'] as const) {
    if (at[c] >= 0 && !positional) throw new KbError(`an '${c}' column without 'chrom' and 'pos' columns`, { file, line, column: at[c] + 1, text: c });
  }
  if (at.protein >= 0 && at.gene < 0) throw new KbError("a 'protein' column without a 'gene' column", { file, line, column: at.protein + 1, text: 'protein' });
  if ((at.ref >= 0) !== (at.alt >= 0)) throw new KbError("'ref' and 'alt' columns go together", { file, line, text });
  return at;
}
