// src/tables/matcher.ts: user-table rows matched as the bundled KB matches — exact after trim,
// range on overlap (insertions need both flanks inside), protein through a CSQ/ANN HGVSp (a codon
// row such as G12 takes any change of that residue, never a synonymous one) — and the prefilter's
// intervals of each build.
import { describe, expect, it } from 'vitest';
import { tablesMatcher } from '../../src/tables/matcher.js';
import { parseTable } from '../../src/tables/load.js';
import type { FieldDef, Interval, VcfHeader } from '../../src/types.js';
import { sv } from '../cancer/helpers.js';

const TEXT = [
  '##vcfact-table=1',
  '##name=lab',
  '##version=1',
  '##build=GRCh38',
  '#chrom\tpos\tend\tref\talt\tgene\tprotein\tlabel\tlevel',
  'chr7\t55174776\t\tTTAAGAGAAG\tT\tEGFR\t\tEGFR 9-bp deletion (anchored)\tA',
  '7\t55174772\t55174830\t\t\tEGFR\t\tEGFR exon 19 window\tB',
  '7\t100\t\t\t\tX1\t\tone base\t',
  '\t\t\t\t\tKRAS\tG12\tKRAS codon 12\tA',
  '\t\t\t\t\tTP53\tp.Arg282Trp\tTP53 R282W\tB',
  '\t\t\t\t\tNOVEL1\tA1V\tnovel gene\tC',
].join('\n');
const table = parseTable(Buffer.from(TEXT), 'lab.tsv');
const spans: Record<string, Interval> = { KRAS: { contig: '12', start: 25205246, end: 25250936 }, TP53: { contig: '17', start: 7668402, end: 7687538 } };
const matcher = () => tablesMatcher([table], (_b, gene) => spans[gene]);

const CSQ: FieldDef = { id: 'CSQ', number: '.', type: 'String', description: 'Consequence annotations from Ensembl VEP. Format: Allele|Consequence|SYMBOL|HGVSp' };
const header = (withCsq: boolean) => ({ info: new Map(withCsq ? [['CSQ', CSQ]] : []) }) as unknown as VcfHeader;
const labels = (m: ReturnType<typeof matcher>, v: ReturnType<typeof sv>) => m.match(v, 'GRCh38').map((x) => `${x.feature}:${x.match}`);

describe('tables matcher', () => {
  it('matches an exact row in its minimal form, whatever the anchor, and the range around it', () => {
    const m = matcher();
    const found = ['EGFR 9-bp deletion (anchored):exact', 'EGFR exon 19 window:range'];
    expect(labels(m, sv('7', 55174776, 'TTAAGAGAAG', 'T'))).toEqual(found);
    // The same deletion anchored on the base after it compares equal; a 1-bp shorter one does not.
    expect(labels(m, sv('7', 55174777, 'TAAGAGAAGC', 'C'))).toEqual(found);
    expect(labels(m, sv('7', 55174776, 'TTAAGAGAA', 'T'))).toEqual(['EGFR exon 19 window:range']);
    expect(m.match(sv('7', 55174776, 'TTAAGAGAAG', 'T'), 'GRCh38')[0]).toMatchObject({ kb: 'lab', gene: 'EGFR', extra: { level: 'A' } });
    // Another build's rows: none (the run refuses a table in the other build before any match).
    expect(m.match(sv('7', 55174776, 'TTAAGAGAAG', 'T'), 'GRCh37')).toEqual([]);
  });

  it('a range row takes any variant overlapping pos..end; an insertion needs both flanks inside', () => {
    const m = matcher();
    expect(labels(m, sv('7', 55174830, 'G', 'A'))).toEqual(['EGFR exon 19 window:range']);
    expect(labels(m, sv('7', 55174831, 'G', 'A'))).toEqual([]);
    // A deletion starting before the window and reaching into it overlaps.
    expect(labels(m, sv('7', 55174760, 'ACGTACGTACGTAC', 'A'))).toEqual(['EGFR exon 19 window:range']);
    expect(labels(m, sv('7', 55174760, 'ACGTACGTACGTA', 'A'))).toEqual([]);
    expect(labels(m, sv('7', 100, 'C', 'T'))).toEqual(['one base:range']);
    expect(labels(m, sv('7', 100, 'C', 'CT'))).toEqual([]);
    // Reference blocks and symbolic alleles say nothing a row can use.
    expect(labels(m, sv('7', 100, 'C', '<NON_REF>'))).toEqual([]);
  });

  it('protein rows match through CSQ only: the change itself, or any non-synonymous change of a codon row', () => {
    const m = matcher();
    const csq = (s: string) => ({ info: { CSQ: [s] } });
    m.useHeader?.(header(true));
    expect(labels(m, sv('17', 7673776, 'G', 'A', csq('A|missense_variant|TP53|ENSP00000269305.4:p.Arg282Trp')))).toEqual(['TP53 R282W:protein']);
    expect(labels(m, sv('17', 7673776, 'G', 'T', csq('T|missense_variant|TP53|ENSP00000269305.4:p.Arg282Leu')))).toEqual([]);
    expect(labels(m, sv('12', 25245350, 'C', 'A', csq('A|missense_variant|KRAS|p.Gly12Cys')))).toEqual(['KRAS codon 12:protein']);
    expect(labels(m, sv('12', 25245350, 'C', 'A', csq('A|missense_variant|KRAS|p.Gly13Cys')))).toEqual([]);
    expect(labels(m, sv('12', 25245349, 'A', 'G', csq('G|synonymous_variant|KRAS|p.Gly12%3D')))).toEqual([]);
    expect(labels(m, sv('12', 25245349, 'A', 'G', csq('G|synonymous_variant|KRAS|p.Gly12Gly')))).toEqual([]);
    expect(m.notes?.()).toEqual({ rows: 6, protein_rows: 3, protein_rows_unevaluated: 0 });
  });

  it('without CSQ/ANN, protein rows are counted as not evaluated and leave the prefilter', () => {
    const m = matcher();
    m.useHeader?.(header(false));
    expect(m.notes?.()).toEqual({ rows: 6, protein_rows: 3, protein_rows_unevaluated: 3 });
    // In the site index's order (contig, start, end).
    expect(m.intervals('GRCh38')).toEqual([
      { contig: '7', start: 100, end: 100 },
      { contig: '7', start: 55174772, end: 55174830 },
      { contig: '7', start: 55174777, end: 55174785 },
    ]);
    expect(m.intervals('GRCh37')).toEqual([]);
  });

  it('with a consequence, protein rows add their gene spans; a gene without a known span adds every contig', () => {
    const known = tablesMatcher([{ ...table, rows: table.rows.filter((r) => r.gene !== 'NOVEL1') }], (_b, gene) => spans[gene]);
    known.useHeader?.(header(true));
    expect(known.intervals('GRCh38').slice(3)).toEqual([spans.KRAS, spans.TP53]);
    const m = matcher();
    m.useHeader?.(header(true));
    // NOVEL1 has no transcript span: the whole of every canonical contig is read.
    expect(m.intervals('GRCh38').slice(3)).toHaveLength(25);
    expect(m.intervals('GRCh38').slice(3).every((iv) => iv.start === 1 && iv.end === 2 ** 31 - 1)).toBe(true);
  });
});
