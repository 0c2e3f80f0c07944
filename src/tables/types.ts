// A user table (`--table`, DESIGN §3a, version 1) as vcfact holds it once parsed and checked.
// Coordinates are 1-based inclusive on canonical contigs (src/normalize/contig.ts).
import type { Build } from '../types.js';

/** How a row is matched: exact allele, any overlap of pos..end, or a protein change from CSQ/ANN. */
export type TableKind = 'exact' | 'range' | 'protein';
export const TABLE_KINDS: readonly TableKind[] = ['exact', 'range', 'protein'];

/** The columns vcfact reads itself; every other column is carried to the output under `fields`. */
export const OWN_COLUMNS = ['chrom', 'pos', 'end', 'ref', 'alt', 'gene', 'protein', 'label'] as const;

export interface TableRow {
  /** 1-based line of the file (for messages and `kb show`). */
  line: number;
  kind: TableKind;
  label: string;
  /** '' when the row names no gene. */
  gene: string;
  /** Positional rows (exact, range): canonical contig, as written, pos..end. */
  contig?: string;
  chrom?: string;
  pos?: number;
  end?: number;
  /** Exact rows: REF/ALT as written (upper case) and their minimal trimmed form (src/normalize/trim.ts). */
  ref?: string;
  alt?: string;
  tpos?: number;
  tref?: string;
  talt?: string;
  /** The protein cell as written; `protein` rows also carry its comparable key (src/cancer/protein.ts). */
  protein?: string;
  proteinKey?: string;
  /** Every other column, by name, in column order (empty cells included). */
  fields: Record<string, string>;
}

export interface LocalTable {
  /** The path as given on the command line. */
  file: string;
  name: string;
  version: string;
  build: Build;
  licence: string;
  description: string;
  /** sha256 of the file's bytes as read (compressed, if it was). */
  sha256: string;
  /** The column line's names, in order. */
  columns: string[];
  rows: TableRow[];
}

/** Rows per kind, for summaries and notes. */
export function rowsByKind(t: LocalTable): Record<TableKind, number> {
  const n: Record<TableKind, number> = { exact: 0, range: 0, protein: 0 };
  for (const r of t.rows) n[r.kind]++;
  return n;
}
