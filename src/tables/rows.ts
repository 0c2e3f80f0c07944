// The rows of a user table (DESIGN §3a): each checked cell by cell, its kind decided (ref+alt →
// exact, neither → range, gene+protein without a position → protein), and every other column kept
// for the output. Every problem is a KbError naming line, column and the offending text.
import { hgvspKey } from '../cancer/protein.js';
import { KbError } from '../errors.js';
import { canonicalContig } from '../normalize/contig.js';
import { trimAlleles } from '../normalize/trim.js';
import type { TableHeader } from './header.js';
import { OWN_COLUMNS, type TableRow } from './types.js';

const POSITIVE = /^[1-9]\d{0,9}$/;
const MAX_POS = 2 ** 31 - 1;
const ALLELE = /^[ACGTN]+$/i;

/** Every row object has one shape (fast property access over 100,000 rows). */
function blank(line: number, label: string, gene: string, fields: Record<string, string>): TableRow {
  return { line, kind: 'range', label, gene, contig: undefined, chrom: undefined, pos: undefined, end: undefined, ref: undefined, alt: undefined, tpos: undefined, tref: undefined, talt: undefined, protein: undefined, proteinKey: undefined, fields };
}

/** A cell by column index (-1: the table has no such column). */
const cellAt = (cells: readonly string[], k: number): string => (k >= 0 ? (cells[k] as string) : '');

/** Where a row's problem is: the line, the column of `k` and its text. */
interface At {
  file: string;
  line: number;
  cells: readonly string[];
}

function fail(at: At, k: number, why: string): never {
  throw new KbError(why, { file: at.file, line: at.line, column: k + 1, text: at.cells[k] as string });
}

/** The parser of one table's data lines (1-based `line`), its column layout resolved once. */
export function rowParser(h: TableHeader, file: string): (text: string, line: number) => TableRow {
  const n = h.columns.length;
  const other = h.columns.flatMap((name, k) => ((OWN_COLUMNS as readonly string[]).includes(name) ? [] : [[name, k] as const]));
  const { at } = h;
  return (text, line) => {
    const cells = text.split('\t');
    if (cells.length !== n) throw new KbError(`${cells.length} cells where the column line has ${n}`, { file, line, column: Math.min(cells.length, n) + 1, text });
    const where: At = { file, line, cells };
    const label = cells[at.label] as string;
    if (label.trim() === '') fail(where, at.label, 'label is empty');
    const fields: Record<string, string> = {};
    for (const [name, k] of other) fields[name] = cells[k] as string;
    const row = blank(line, label, cellAt(cells, at.gene), fields);
    const protein = cellAt(cells, at.protein);
    if (cellAt(cells, at.chrom) !== '' || cellAt(cells, at.pos) !== '') {
      // A positional row's protein cell is shown, not matched.
      if (protein !== '') fields.protein = protein;
      return positional(row, at, where);
    }
    if (protein === '' || row.gene === '') {
      if (at.chrom < 0) fail(where, row.gene === '' ? at.gene : at.protein, 'a row of a table without positions needs a gene and a protein');
      fail(where, at.chrom, 'a row needs chrom and pos, or gene and protein');
    }
    for (const col of ['end', 'ref', 'alt'] as const) if (cellAt(cells, at[col]) !== '') fail(where, at[col], `${col} without chrom and pos`);
    const key = hgvspKey(protein.startsWith('p.') ? protein : `p.${protein}`);
    if (key === undefined || !/^[A-Z*]\d+[A-Z\d_*]*$/.test(key)) fail(where, at.protein, 'protein is not a protein change in p. short form (V600E, G12, E746_A750del)');
    row.kind = 'protein';
    row.protein = protein;
    row.proteinKey = key;
    return row;
  };
}

function position(where: At, k: number, name: string): number {
  const v = cellAt(where.cells, k);
  if (!POSITIVE.test(v) || Number(v) > MAX_POS) fail(where, k, `${name} is not a positive integer`);
  return Number(v);
}

function positional(row: TableRow, at: TableHeader['at'], where: At): TableRow {
  const chrom = cellAt(where.cells, at.chrom);
  if (chrom === '' || /\s/.test(chrom)) fail(where, at.chrom, chrom === '' ? 'pos without chrom' : 'chrom holds a space');
  const pos = position(where, at.pos, 'pos');
  const end = cellAt(where.cells, at.end) === '' ? pos : position(where, at.end, 'end');
  if (end < pos) fail(where, at.end, `end is before pos (${pos})`);
  row.chrom = chrom;
  row.contig = canonicalContig(chrom);
  row.pos = pos;
  row.end = end;
  const ref = cellAt(where.cells, at.ref).toUpperCase();
  const alt = cellAt(where.cells, at.alt).toUpperCase();
  if (ref === '' && alt === '') return row;
  for (const col of ['ref', 'alt'] as const) {
    const v = col === 'ref' ? ref : alt;
    if (v === '') fail(where, at[col], `${col} is empty: ref and alt go together (both for an exact match, neither for a range)`);
    if (!ALLELE.test(v)) fail(where, at[col], `${col} is not a run of A, C, G, T or N`);
  }
  if (ref === alt) fail(where, at.alt, 'alt is the same as ref');
  const t = trimAlleles(pos, ref, alt);
  row.kind = 'exact';
  // An exact row spans its REF (an end cell is not read).
  row.end = pos + ref.length - 1;
  row.ref = ref;
  row.alt = alt;
  row.tpos = t.tpos;
  row.tref = t.tref;
  row.talt = t.talt;
  return row;
}
