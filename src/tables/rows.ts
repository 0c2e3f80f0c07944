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

interface Cells {
  get(column: (typeof OWN_COLUMNS)[number]): string;
  fail(column: (typeof OWN_COLUMNS)[number], why: string): never;
}

/** One data line → a row; `line` is 1-based. */
export function parseRow(text: string, h: TableHeader, file: string, line: number): TableRow {
  const cells = text.split('\t');
  if (cells.length !== h.columns.length) {
    const column = Math.min(cells.length, h.columns.length) + 1;
    throw new KbError(`${cells.length} cells where the column line has ${h.columns.length}`, { file, line, column, text });
  }
  const c: Cells = {
    get: (col) => (h.at[col] >= 0 ? (cells[h.at[col]] as string) : ''),
    fail: (col, why) => {
      throw new KbError(why, { file, line, column: h.at[col] + 1, text: cells[h.at[col]] as string });
    },
  };
  const label = c.get('label');
  if (label.trim() === '') c.fail('label', 'label is empty');
  const gene = c.get('gene');
  const protein = c.get('protein');
  const fields: Record<string, string> = {};
  h.columns.forEach((name, k) => {
    if (!(OWN_COLUMNS as readonly string[]).includes(name)) fields[name] = cells[k] as string;
  });
  if (c.get('chrom') !== '' || c.get('pos') !== '') {
    // A positional row's protein cell is shown, not matched.
    if (protein !== '') fields.protein = protein;
    return { line, label, gene, fields, ...positional(c) };
  }
  if (protein === '' || gene === '') {
    if (h.at.chrom < 0) c.fail(gene === '' ? 'gene' : 'protein', `a row of a table without positions needs a gene and a protein`);
    c.fail('chrom', 'a row needs chrom and pos, or gene and protein');
  }
  for (const col of ['end', 'ref', 'alt'] as const) if (c.get(col) !== '') c.fail(col, `${col} without chrom and pos`);
  const key = hgvspKey(protein.startsWith('p.') ? protein : `p.${protein}`);
  if (key === undefined || !/^[A-Z*]\d+[A-Z\d_*]*$/.test(key)) c.fail('protein', 'protein is not a protein change in p. short form (V600E, G12, E746_A750del)');
  return { line, kind: 'protein', label, gene, protein, proteinKey: key, fields };
}

function positional(c: Cells): Pick<TableRow, 'kind' | 'chrom' | 'contig' | 'pos' | 'end' | 'ref' | 'alt' | 'tpos' | 'tref' | 'talt'> {
  const chrom = c.get('chrom');
  if (chrom === '' || /\s/.test(chrom)) c.fail('chrom', chrom === '' ? 'pos without chrom' : 'chrom holds a space');
  const pos = position(c, 'pos');
  const end = c.get('end') === '' ? pos : position(c, 'end');
  if (end < pos) c.fail('end', `end is before pos (${pos})`);
  const ref = c.get('ref').toUpperCase();
  const alt = c.get('alt').toUpperCase();
  const place = { chrom, contig: canonicalContig(chrom), pos, end };
  if (ref === '' && alt === '') return { kind: 'range', ...place };
  for (const col of ['ref', 'alt'] as const) {
    const v = col === 'ref' ? ref : alt;
    if (v === '') c.fail(col, `${col} is empty: ref and alt go together (both for an exact match, neither for a range)`);
    if (!ALLELE.test(v)) c.fail(col, `${col} is not a run of A, C, G, T or N`);
  }
  if (ref === alt) c.fail('alt', 'alt is the same as ref');
  return { kind: 'exact', ...place, end: pos + ref.length - 1, ref, alt, ...trimAlleles(pos, ref, alt) };
}

function position(c: Cells, col: 'pos' | 'end'): number {
  const v = c.get(col);
  if (!POSITIVE.test(v) || Number(v) > MAX_POS) c.fail(col, `${col} is not a positive integer`);
  return Number(v);
}
