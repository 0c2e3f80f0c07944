import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseHeader, structured } from '../../src/vcf/header.js';

const COLS = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO';
const ok = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=248956422>',
  '##contig=<ID=chrUn>',
  '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele frequency, per ALT">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##tumor_sample=T1',
  '##normal_sample=N1',
  `${COLS}\tFORMAT\tN1\tT1`,
];

function err(lines: string[]): InputError {
  try {
    parseHeader(lines, 'x.vcf');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseHeader', () => {
  it('reads samples, contigs, INFO/FORMAT definitions and tumour/normal names', () => {
    const h = parseHeader(ok, 'x.vcf');
    expect(h.samples).toEqual(['N1', 'T1']);
    expect([...h.contigs]).toEqual([['chr1', 248956422], ['chrUn', undefined]]);
    expect(h.info.get('AF')).toEqual({ id: 'AF', number: 'A', type: 'Float', description: 'Allele frequency, per ALT' });
    expect(h.format.get('AD')?.number).toBe('R');
    expect(h.tumorSample).toBe('T1');
    expect(h.normalSample).toBe('N1');
    expect(h.headerLines).toBe(8);
    expect(h.metaLines).toHaveLength(7);
    expect(h.columnLine).toBe(ok[7]);
  });
  it('ignores a trailing CR left by splitting CRLF text on LF', () => {
    expect(parseHeader(ok.map((l) => `${l}\r`), 'x.vcf').samples).toEqual(['N1', 'T1']);
  });
  it('accepts a sites-only header', () => {
    expect(parseHeader(['##fileformat=VCFv4.3', COLS], 'x').samples).toEqual([]);
  });
  it('rejects empty input', () => expect(err([]).message).toContain('empty file, not a VCF'));
  it('rejects a first line that is not ##fileformat=VCFv4.x', () => {
    const e = err(['##fileformat=VCFv3.3', COLS]);
    expect(e.message).toContain('##fileformat');
    expect(e.where.line).toBe(1);
  });
  it('rejects a missing #CHROM line', () => expect(err(['##fileformat=VCFv4.2', '##x=1']).message).toContain('no #CHROM'));
  it('rejects data before #CHROM', () => expect(err(['##fileformat=VCFv4.2', '1\t2\t.\tA\tC\t.\t.\t.', COLS]).message).toContain('before the #CHROM'));
  it('rejects wrong fixed columns with the column number', () => {
    const e = err(['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTERS\tINFO']);
    expect(e.message).toContain('must be FILTER');
    expect(e.where.column).toBe(7);
  });
  it('rejects a FORMAT column that is not FORMAT and FORMAT without samples', () => {
    expect(err(['##fileformat=VCFv4.2', `${COLS}\tFMT\tS1`]).message).toContain('FORMAT');
    expect(err(['##fileformat=VCFv4.2', `${COLS}\tFORMAT`]).message).toContain('without sample');
  });
  it('rejects duplicate sample names', () => expect(err(['##fileformat=VCFv4.2', `${COLS}\tFORMAT\tA\tB\tA`]).message).toContain('duplicate sample name A'));
  it('rejects malformed ##INFO and ##FORMAT lines', () => {
    expect(err(['##fileformat=VCFv4.2', '##INFO=<ID=X,Number=Q,Type=Integer,Description="x">', COLS]).message).toContain('malformed ##INFO');
    expect(err(['##fileformat=VCFv4.2', '##FORMAT=<ID=X,Number=1,Type=Int,Description="x">', COLS]).message).toContain('malformed ##FORMAT');
    expect(err(['##fileformat=VCFv4.2', '##INFO=ID=X', COLS]).message).toContain('malformed ##INFO');
    expect(err(['##fileformat=VCFv4.2', '##INFO=<Number=1,Type=Integer>', COLS]).message).toContain('no ID');
    expect(err(['##fileformat=VCFv4.2', '##INFO=<ID=X,Number=1,Type=String,Description="open>', COLS]).where.line).toBe(2);
  });
});

describe('structured', () => {
  it('splits on commas outside quotes and unescapes', () => {
    expect([...structured('<ID=X,Description="a, \\"b\\"",Number=1>')!]).toEqual([['ID', 'X'], ['Description', 'a, "b"'], ['Number', '1']]);
  });
  it('refuses unbracketed values', () => expect(structured('ID=X')).toBeUndefined());
});
