// Readers for the CIViC release files: TSVs without quoting (a field never contains a tab), read by
// column name, and the accepted-variants VCF, which gives anchored VCF alleles (indels included)
// per variant id.
import { KbError } from '../../errors.js';
import { columnIndex } from './sources.js';

export type Row = Record<string, string>;

/**
 * Tab-separated with a header line; quotes are ordinary characters. Columns are found by name, so
 * added or reordered columns do not matter; each of `required` (name → what it is used for) must be
 * in the header, else exit 4 naming the file and the column. Rows carry every column of the file.
 */
export function parseTsv(text: string, file: string, required: Readonly<Record<string, string>>): Row[] {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '').split('\t');
  for (const [name, why] of Object.entries(required)) columnIndex(header, name, file, why);
  const rows: Row[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const f = line.replace(/\r$/, '').split('\t');
    const row: Row = {};
    header.forEach((h, i) => {
      row[h] = (f[i] ?? '').trim();
    });
    rows.push(row);
  }
  return rows;
}

export interface VcfAllele {
  contig: string;
  pos: number;
  ref: string;
  alt: string;
}

/** variant id → anchored VCF allele (the first record of an id wins; ids are unique in practice). */
export function parseCivicVcf(text: string, file: string): Map<number, VcfAllele> {
  if (!text.startsWith('##fileformat=VCF')) throw new KbError("not a VCF: the first line is not '##fileformat=VCF…'", { file, line: 1 });
  const out = new Map<number, VcfAllele>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line === '') continue;
    const f = line.split('\t');
    const id = Number(f[2]);
    const ref = f[3] as string;
    const alt = f[4] as string;
    if (!Number.isInteger(id) || out.has(id) || !/^[ACGTN]+$/.test(ref) || !/^[ACGTN]+$/.test(alt)) continue;
    out.set(id, { contig: f[0] as string, pos: Number(f[1]), ref, alt });
  }
  return out;
}

// The knowledge base trims alleles with the normaliser's own rule, so KB and input compare equal.
export { trimAlleles } from '../../normalize/trim.js';

const COMPLEMENT: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N' };

export function reverseComplement(s: string): string {
  let out = '';
  for (let i = s.length - 1; i >= 0; i--) out += COMPLEMENT[s[i] as string] ?? 'N';
  return out;
}
