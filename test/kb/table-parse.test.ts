// src/tables/: user tables (DESIGN §3a) parsed and checked whole. Good tables of each kind in both
// builds, plain and gzip; every malformed case of §3a with its exact message (file:line: column N:
// what is wrong: 'text'), all KbError (exit 4).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KbError } from '../../src/errors.js';
import { fieldsText, withFieldsText } from '../../src/tables/fields.js';
import { checkNames, checkTableBuilds, loadTables, parseTable } from '../../src/tables/load.js';
import { rowsByKind } from '../../src/tables/types.js';
import { fixture } from '../helpers/cli.js';

const tableAt = (name: string) => fixture('tables', name);
const load = (name: string) => parseTable(readFileSync(tableAt(name)), `tables/${name}`);

function problem(name: string): string {
  try {
    load(`bad/${name}`);
  } catch (e) {
    expect(e).toBeInstanceOf(KbError);
    return (e as KbError).describe();
  }
  throw new Error(`${name} was accepted`);
}

describe('a good table', () => {
  it.each(['clinic.grch37.tsv', 'clinic.grch38.tsv'])('%s: header, rows of every kind, other columns kept', (name) => {
    const t = load(name);
    expect([t.name, t.version, t.licence, t.build]).toEqual(['clinic', '2026-11-30', 'internal use', name.includes('37') ? 'GRCh37' : 'GRCh38']);
    expect(t.columns).toEqual(['chrom', 'pos', 'end', 'ref', 'alt', 'gene', 'protein', 'label', 'level', 'drug', 'note']);
    expect(rowsByKind(t)).toEqual({ exact: 2, range: 1, protein: 3 });
    const [exact, range, protein] = t.rows;
    expect(exact).toMatchObject({ line: 8, kind: 'exact', contig: '17', chrom: 'chr17', ref: 'G', alt: 'A', tref: 'G', talt: 'A', gene: 'TP53', label: 'TP53 R282W (clinic)' });
    // A positional row's protein cell is shown with the other columns, not matched.
    expect(exact?.fields).toEqual({ level: 'A', drug: 'drug-x', note: 'seen; twice=yes', protein: 'R282W' });
    expect(range).toMatchObject({ kind: 'range', end: (range?.pos ?? 0) + 150 });
    expect(protein).toMatchObject({ kind: 'protein', gene: 'TP53', protein: 'R282W', proteinKey: 'R282W', fields: { level: 'A', drug: 'drug-x', note: '' } });
    // The MNV is trimmed as the input's variants are.
    expect(t.rows[5]).toMatchObject({ kind: 'exact', ref: 'CC', alt: 'AA', tref: 'CC', talt: 'AA' });
  });

  it('reads a gzip table by its magic bytes, to the same rows; the sha256 is of the bytes read', () => {
    const gz = load('clinic.grch38.tsv.gz');
    const plain = load('clinic.grch38.tsv');
    expect(gz.rows).toEqual(plain.rows);
    expect(gz.sha256).not.toBe(plain.sha256);
    expect(gz.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the example of DESIGN §3a and a protein-only table (three-letter HGVSp accepted)', () => {
    const ex = load('example.grch38.tsv');
    expect(ex.rows.map((r) => [r.kind, r.label])).toEqual([
      ['exact', 'KRAS G12C (clinic)'],
      ['range', 'EGFR exon 19 window'],
      ['protein', 'BRAF V600E (protein)'],
    ]);
    expect(ex.description).toBe('');
    const lab = load('protein-only.grch38.tsv');
    expect(lab.rows.map((r) => r.proteinKey)).toEqual(['R282W', 'G12']);
    expect(lab.rows[0]?.fields).toEqual({ tier: 'II' });
  });

  it('trims an anchored indel to the minimal form the matcher compares', () => {
    const text = '##vcfact-table=1\n##name=t\n##version=1\n##build=GRCh38\n#chrom\tpos\tref\talt\tlabel\nchr7\t55174776\tTTAAGAGAAG\tT\tdel\n';
    const [row] = parseTable(Buffer.from(text), 't.tsv').rows;
    expect(row).toMatchObject({ tpos: 55174777, tref: 'TAAGAGAAG', talt: '', end: 55174785 });
  });
});

describe('every malformed case of §3a is exit 4 naming line, column and text', () => {
  const f = (name: string) => `tables/bad/${name}`;
  it.each([
    ['no-magic.tsv', "1: the first line must be '##vcfact-table=1': '##name=bad'"],
    ['version-2.tsv', "1: table format version '2' is not one this vcfact reads (1): '##vcfact-table=2'"],
    ['no-name.tsv', '4: the header has no ##name= line'],
    ['no-version.tsv', '4: the header has no ##version= line'],
    ['no-build.tsv', '4: the header has no ##build= line'],
    ['unknown-build.tsv', "4: unknown build: ##build= must be GRCh37 or GRCh38: 'hg19'"],
    ['bad-name.tsv', "2: the table name may hold only letters, digits, '_', '.' and '-': 'my table'"],
    ['reserved-name.tsv', "2: the table name 'cancer' is the bundled knowledge base's; choose another: 'cancer'"],
    ['twice-meta.tsv', "5: ##version= is given twice: '##version=2'"],
    ['no-column-line.tsv', "5: no column line ('#chrom<TAB>pos…' or '#gene<TAB>protein…') after the ## header lines: 'chr12\\t25245351\\t\\tC\\tA\\tKRAS\\t\\tKRAS G12C\\tA'"],
    ['no-label-column.tsv', "5: no 'label' column: '#chrom\\tpos\\tref\\talt\\tgene'"],
    ['no-key-columns.tsv', "5: no 'chrom' and 'pos' columns, nor 'gene' and 'protein' columns: a table needs one pair: '#chrom\\tgene\\tlabel'"],
    ['duplicate-column.tsv', "5: column 5: duplicate column 'level' (also column 4): 'level'"],
    ['cells.tsv', "7: column 9: 8 cells where the column line has 9: 'chr12\\t25245352\\t\\tC\\tA\\tKRAS\\t\\tKRAS G12x'"],
    ['pos-not-integer.tsv', "7: column 2: pos is not a positive integer: '25,245,352'"],
    ['pos-zero.tsv', "6: column 2: pos is not a positive integer: '0'"],
    ['end-before-pos.tsv', "6: column 3: end is before pos (55174830): '55174772'"],
    ['ref-not-bases.tsv', "6: column 4: ref is not a run of A, C, G, T or N: 'CX'"],
    ['ref-without-alt.tsv', "6: column 5: alt is empty: ref and alt go together (both for an exact match, neither for a range): ''"],
    ['empty-label.tsv', "6: column 8: label is empty: ''"],
    ['no-keys-in-row.tsv', "6: column 1: a row needs chrom and pos, or gene and protein: ''"],
    ['bad-protein.tsv', "6: column 7: protein is not a protein change in p. short form (V600E, G12, E746_A750del): 'valine 600'"],
  ])('%s', (name, message) => {
    expect(problem(name)).toBe(`${f(name)}:${message}`);
  });

  it('refuses two tables with one name, naming both files', () => {
    expect(() => loadTables([tableAt('clinic.grch38.tsv'), tableAt('same-name.grch38.tsv')])).toThrow(KbError);
    const twins = [load('clinic.grch38.tsv'), load('same-name.grch38.tsv')];
    expect(() => checkNames(twins)).toThrow("two tables are named 'clinic' (also tables/clinic.grch38.tsv); a table's name must be unique in a run");
    expect(() => checkNames([load('clinic.grch38.tsv'), load('example.grch38.tsv')])).not.toThrow();
  });

  it('refuses a table in the other build than the input, saying how the build was told', () => {
    const t = load('clinic.grch37.tsv');
    expect(() => checkTableBuilds([t], 'GRCh38', '##contig chr1 length 248956422 is GRCh38')).toThrow(
      "the table 'clinic' is GRCh37 but the input is GRCh38 (##contig chr1 length 248956422 is GRCh38); vcfact does not lift tables over: give a GRCh38 table",
    );
    expect(() => checkTableBuilds([t], 'GRCh37', 'x')).not.toThrow();
  });
});

describe('the TSV fields cell', () => {
  it("is name=value pairs joined by ';', with ';', '=', '%', tab and newline percent-encoded", () => {
    expect(fieldsText({ level: 'A', note: 'a;b=c', 'x=y': '50%', t: 'one\ttwo\nthree' })).toBe('level=A;note=a%3Bb%3Dc;x%3Dy=50%25;t=one%09two%0Athree');
    expect(fieldsText({})).toBe('');
  });

  it('replaces only a fields object (rows of the bundled KB keep their cells)', () => {
    expect(withFieldsText({ kb: 't', fields: { level: 'A' } })).toEqual({ kb: 't', fields: 'level=A' });
    const row = { kb: 'cancer', best_level: 'A' };
    expect(withFieldsText(row)).toBe(row);
  });
});
