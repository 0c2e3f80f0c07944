import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { SiteIndex } from '../../src/vcf/site-index.js';
import { Warnings } from '../../src/log.js';
import { readVcf, SKIP_NO_SITE } from '../../src/vcf/reader.js';
import { chunksOf, fixture, readAll, vcf } from './helpers.js';

const rows = [
  '1 100 rs1;rs2 A G 50 PASS AC=1 GT:DP:GQ:AD 0/1:20:99:10,10',
  '1 200 . CT C . q10 . GT:DP:GQ:AD 1|1:15:40:0,15',
  '1 300 . G A,T . PASS AC=1,1 GT:DP:GQ:AD 1/2:9:30:0,5,4',
];

describe('readVcf', () => {
  it('gives the header before any record, then typed records with 1-based file line numbers', async () => {
    const reader = await readVcf(chunksOf(vcf(rows)), { file: 'a.vcf', warnings: new Warnings() });
    expect(reader.header.samples).toEqual(['S1']);
    const recs = [];
    for await (const r of reader.records) recs.push(r);
    expect(recs.map((r) => r.line)).toEqual([12, 13, 14]);
    expect(recs[0]).toMatchObject({ chrom: '1', contig: '1', pos: 100, ids: ['rs1', 'rs2'], ref: 'A', alts: ['G'], qual: 50, filter: ['PASS'], info: { AC: [1] } });
    expect(recs[0]!.calls).toEqual([{ alleles: [0, 1], phased: false, dp: 20, gq: 99, ad: [10, 10], vaf: [0.5] }]);
    expect(recs[1]).toMatchObject({ qual: null, filter: ['q10'], info: {} });
    expect(recs[1]!.calls[0]).toMatchObject({ alleles: [1, 1], phased: true });
    expect(reader.summary).toEqual({ records: 3, candidates: 3, parsed: 3, matched: 0, results: 0, skipped: {} });
  });
  it('gives the same records whatever the chunking, including lines split across chunks', async () => {
    const text = vcf(rows);
    const one = (await readAll(text)).records;
    expect((await readAll(text, { perChunk: 1 })).records).toEqual(one);
    const buf = Buffer.from(text);
    async function* bytes() {
      for (let i = 0; i < buf.length; i += 7) yield buf.subarray(i, i + 7);
    }
    const r = await readVcf(bytes(), { file: 'x', warnings: new Warnings() });
    const got = [];
    for await (const rec of r.records) got.push(rec);
    expect(got).toEqual(one);
  });
  it('reads a last line without newline', async () => {
    const { records } = await readAll(vcf(rows).trimEnd(), { perChunk: 1 });
    expect(records).toHaveLength(3);
  });
  it('parses only lines the site index keeps, and counts the others', async () => {
    const index = SiteIndex.fromIntervals([{ contig: 'chr1', start: 201, end: 201 }]);
    const { records, reader } = await readAll(vcf(rows), { index });
    expect(records.map((r) => r.pos)).toEqual([200]);
    expect(reader.summary).toMatchObject({ records: 3, candidates: 1, parsed: 1, skipped: { [SKIP_NO_SITE]: 2 } });
  });
  it('takes the index through setIndex once the build is known', async () => {
    const reader = await readVcf(chunksOf(vcf(rows)), { file: 'x', warnings: new Warnings() });
    reader.setIndex(SiteIndex.fromIntervals([{ contig: '1', start: 300, end: 300 }]));
    const got = [];
    for await (const r of reader.records) got.push(r.pos);
    expect(got).toEqual([300]);
    expect(() => reader.setIndex(undefined)).toThrow();
  });
  it('keeps a gVCF block that reaches a site through END, and marks it', async () => {
    const index = SiteIndex.fromIntervals([{ contig: '1', start: 1005, end: 1005 }]);
    const { records } = await readAll(fixture('vcf/gvcf.vcf'), { index });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ pos: 1000, end: 1010, refBlock: true, alts: ['<NON_REF>'] });
    expect(records[0]!.calls[0]).toMatchObject({ alleles: [0, 0], dp: 20, gq: 60 });
  });
  it('selects samples with -s semantics and keeps their order', async () => {
    const text = vcf(['1 100 . A G . PASS . GT 0/1 1/1 0/0'], { samples: ['A', 'B', 'C'] });
    const { records, reader } = await readAll(text, { samples: '^B' });
    expect(reader.selection.names).toEqual(['A', 'C']);
    expect(records[0]!.calls.map((c) => c.alleles)).toEqual([[0, 1], [0, 0]]);
    await expect(readAll(text, { samples: 'Z' })).rejects.toThrow('sample Z');
  });
  it('applies the quality policy: a failing call is a no-call, never reference', async () => {
    const { records } = await readAll(vcf(rows), { policy: { passOnly: true, minDp: 10, minGq: 35 } });
    expect(records[0]!.calls[0]!.noCall).toBeUndefined();
    expect(records[1]!.calls[0]).toMatchObject({ alleles: [null, null], noCall: 'filter', rawAlleles: [1, 1] });
    expect(records[2]!.calls[0]).toMatchObject({ alleles: [null, null], noCall: 'min-dp' });
  });
  it('reads haploid and phased calls with PS', async () => {
    const { records } = await readAll(vcf(['1 100 . A G . . . GT:PS 1|0:12345', '1 101 . A G . . . GT 1']));
    expect(records[0]!.calls[0]).toMatchObject({ alleles: [1, 0], phased: true, ps: '12345' });
    expect(records[1]!.calls[0]).toMatchObject({ alleles: [1], phased: false });
  });
  it('gives every selected sample a call even when FORMAT has no GT', async () => {
    const { records } = await readAll(vcf(['1 100 . A G . . . DP 7']));
    expect(records[0]!.calls[0]).toMatchObject({ alleles: [null], noCall: 'missing', dp: 7 });
  });
  it('reads sites-only files', async () => {
    const { records } = await readAll(vcf(['1 100 . A G . . AC=1'], { samples: [] }));
    expect(records[0]!.calls).toEqual([]);
  });
  it('extracts calls from many samples', async () => {
    const n = 2500;
    const names = Array.from({ length: n }, (_, i) => `S${i}`);
    const gts = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? '0/1:30:99:15,15' : '0/0:30:99:30,0'));
    const text = vcf([`1 100 . A G . PASS . GT:DP:GQ:AD ${gts.join(' ')}`], { samples: names });
    const { records } = await readAll(text);
    expect(records[0]!.calls).toHaveLength(n);
    expect(records[0]!.calls[2498]).toMatchObject({ alleles: [0, 0], ad: [30, 0] });
    expect(records[0]!.calls.filter((c) => c.alleles[1] === 1)).toHaveLength(834);
  });

  describe('per-record problems: warned, skipped, counted; fatal under --strict', () => {
    const cases: [string, string, string][] = [
      ['column-count', '1 100 . A G . .', 'fewer than 8'],
      ['bad-pos', '1 1x0 . A G . . . GT 0/1', 'POS is not a positive integer'],
      ['bad-pos', '1 0 . A G . . . GT 0/1', 'POS is not a positive integer'],
      ['bad-ref', '1 100 . AXT G . . . GT 0/1', 'REF must be'],
      ['bad-ref', '1 100 . "" G . . . GT 0/1', 'REF must be'],
      ['bad-alt', '1 100 . A G,,T . . . GT 0/1', 'invalid ALT'],
      ['bad-alt', '1 100 . A G1 . . . GT 0/1', 'invalid ALT'],
      ['sample-columns', '1 100 . A G . . . GT 0/1 0/0', '2 sample columns, the header has 1'],
      ['sample-columns', '1 100 . A G . . . GT', '0 sample columns'],
      ['empty-line', '', 'empty line'],
    ];
    for (const [kind, row, msg] of cases) {
      it(`${kind}: ${row || '(empty)'}`, async () => {
        const text = vcf([rows[0]!, row, rows[1]!]);
        const { records, warnings, reader } = await readAll(text);
        expect(records.map((r) => r.pos)).toEqual([100, 200]);
        expect(warnings.list().map((w) => w.kind)).toEqual([kind]);
        expect(warnings.list()[0]!.message).toContain(msg);
        expect(warnings.list()[0]!.examples).toEqual(['test.vcf:13']);
        expect(reader.summary.skipped[kind]).toBe(1);
        await expect(readAll(text, { strict: true })).rejects.toThrow(InputError);
        await expect(readAll(text, { strict: true })).rejects.toThrow(msg);
      });
    }
  });
  it('a non-numeric QUAL is warned about and read as missing: the record is kept (matching never uses QUAL)', async () => {
    const text = vcf([rows[0]!, '1 150 . A G high . . GT 0/1', rows[1]!]);
    const { records, warnings, reader } = await readAll(text);
    expect(records.map((r) => r.pos)).toEqual([100, 150, 200]);
    expect(records.find((r) => r.pos === 150)!.qual).toBeNull();
    expect(warnings.list().map((w) => w.kind)).toEqual(['bad-qual']);
    expect(reader.summary.skipped['bad-qual']).toBeUndefined();
    await expect(readAll(text, { strict: true })).rejects.toThrow('QUAL is not a number');
  });
  it('warns once about unsorted input (position going back, contig coming back) and still reads it all', async () => {
    const text = vcf(['1 300 . A G . . . GT 0/1', '1 100 . A G . . . GT 0/1', '2 5 . A G . . . GT 0/1', '1 400 . A G . . . GT 0/1', '1 50 . A G . . . GT 0/1'], {
      meta: ['##FORMAT=<ID=GT,Number=1,Type=String,Description="x">'],
    });
    const { records, warnings } = await readAll(text);
    expect(records).toHaveLength(5);
    expect(warnings.list()).toMatchObject([{ kind: 'unsorted', count: 1 }]);
    expect(warnings.list()[0]!.message).toContain('position 100 after 300');
  });
  it('reads CRLF files with one warning', async () => {
    const text = vcf(rows).replace(/\n/g, '\r\n');
    const { records, warnings } = await readAll(text, { perChunk: 1 });
    expect(records).toHaveLength(3);
    expect(records[2]!.calls[0]!.ad).toEqual([0, 5, 4]);
    expect(warnings.list().map((w) => [w.kind, w.count])).toEqual([['crlf', 1]]);
  });
  it('rejects inputs that are not VCF', async () => {
    await expect(readAll('')).rejects.toThrow('empty file, not a VCF');
    await expect(readAll('hello\tworld\n')).rejects.toThrow('##fileformat');
    await expect(readAll('##fileformat=VCFv4.2\n##x=1\n')).rejects.toThrow('no #CHROM');
    await expect(readAll('##fileformat=VCFv4.2\n1\t5\t.\tA\tG\t.\t.\t.\n')).rejects.toThrow('no #CHROM');
    await expect(readAll('#CHROM\tPOS\n1\t5\n')).rejects.toThrow('##fileformat');
    await expect(readAll(vcf(rows).replace('#CHROM', '##late=1\n#CHROM').replace(/(#CHROM[^\n]*\n)/, '$1##x=2\n'))).rejects.toThrow('header line after the #CHROM line');
  });
});
