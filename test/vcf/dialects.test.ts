// Real-world VCF dialects that htslib reads (test/ci/vcf-reader-bcftools.test.ts compares the
// fixtures with bcftools): outside the specification each one is a counted warning, fatal under
// --strict, and the record is kept; within it (lowercase bases, dropped trailing FORMAT fields) no warning.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { splitRecord } from '../../src/normalize/split.js';
import { fixture, readAll, vcf } from './helpers.js';

const good = '1 100 . A G 50 PASS AC=1 GT:DP:GQ:AD 0/1:20:99:10,10';

/** A small VCF whose second data row is `row` written with real tabs (vcf() splits on spaces). */
function withRow(row: string): string {
  return vcf([good, 'ROW', '1 300 . G A . PASS . GT 1/1']).replace('ROW', row);
}

describe('an empty INFO column', () => {
  it('is read as . with a counted warning; the record is kept (bcftools reads it so); fatal under --strict', async () => {
    const text = withRow('1\t200\t.\tC\tT\t.\tPASS\t\tGT:DP\t0/1:14');
    const { records, warnings, reader } = await readAll(text);
    expect(records.map((r) => r.pos)).toEqual([100, 200, 300]);
    expect(records[1]).toMatchObject({ info: {}, filter: ['PASS'] });
    expect(records[1]!.calls[0]).toMatchObject({ alleles: [0, 1], dp: 14 });
    expect(warnings.list()).toMatchObject([{ kind: 'empty-info', count: 1, examples: ['test.vcf:13'] }]);
    expect(warnings.list()[0]!.message).toContain("1:200: empty INFO column (read as '.')");
    expect(reader.summary.skipped).toEqual({});
    await expect(readAll(text, { strict: true })).rejects.toThrow(InputError);
  });
  it('also at the end of a sites-only line', async () => {
    const { records, warnings } = await readAll(vcf(['1 100 . A G . PASS ""'], { samples: [] }));
    expect(records).toMatchObject([{ pos: 100, info: {} }]);
    expect(warnings.list().map((w) => [w.kind, w.count])).toEqual([['empty-info', 1]]);
  });
  it('vcf2maf-shaped tumour/normal file: every record is read', async () => {
    const { records, warnings } = await readAll(fixture('vcf/empty-info.vcf'));
    expect(records.map((r) => `${r.chrom}:${r.pos}`)).toEqual(['1:11190646', '3:179218303', '12:25245350', '17:7675088']);
    expect(records[1]!.calls.map((c) => c.alleles)).toEqual([[0, 1], [0, 0]]);
    expect(warnings.list().map((w) => [w.kind, w.count])).toEqual([['empty-info', 4]]);
  });
});

describe('spaces after tabs', () => {
  it('are dropped with one counted warning per record, naming the first column that had them', async () => {
    const text = withRow('1\t200\t rs5\t C\tT\t.\tPASS\t AC=3\t GT:DP\t 0/1:14');
    const { records, warnings } = await readAll(text);
    expect(records[1]).toMatchObject({ pos: 200, ids: ['rs5'], ref: 'C', alts: ['T'], info: { AC: [3] } });
    expect(warnings.list().map((w) => w.kind)).toContain('space-after-tab');
    const w = warnings.list().find((x) => x.kind === 'space-after-tab')!;
    expect([w.count, w.message]).toEqual([1, '1:200: spaces after a tab (read without them)']);
  });
  it('leave the record whole: INFO, FORMAT and sample values are read', async () => {
    const { records, warnings } = await readAll(withRow('1\t200\t.\t C\t T\t.\t PASS\t AC=2\t GT:DP\t 1/1:14'));
    expect(records[1]).toMatchObject({ ref: 'C', alts: ['T'], filter: ['PASS'], info: { AC: [2] } });
    expect(records[1]!.calls[0]).toMatchObject({ alleles: [1, 1], dp: 14 });
    expect(warnings.list().map((w) => [w.kind, w.count])).toEqual([['space-after-tab', 1]]);
    await expect(readAll(withRow('1\t200\t.\t C\tT\t.\tPASS\t.\tGT\t0/1'), { strict: true })).rejects.toThrow('spaces after a tab');
  });
  it('an INFO column of spaces only becomes empty, then .', async () => {
    const { records, warnings } = await readAll(withRow('1\t200\t.\tC\tT\t.\tPASS\t  \tGT\t0/1'));
    expect(records[1]).toMatchObject({ pos: 200, info: {} });
    expect(warnings.list().map((w) => w.kind).sort()).toEqual(['empty-info', 'space-after-tab']);
  });
});

describe('lowercase bases (case-insensitive in VCF: no warning)', () => {
  it('are upper-cased for matching; `written` and the split keep them as in the input', async () => {
    const { records, warnings } = await readAll(withRow('1\t200\t.\tcT\tc,gT,<DEL>\t.\tPASS\t.\tGT\t1/2'));
    const r = records[1]!;
    expect([r.ref, r.alts]).toEqual(['CT', ['C', 'GT', '<DEL>']]);
    expect(r.written).toEqual({ ref: 'cT', alts: ['c', 'gT', '<DEL>'] });
    const split = splitRecord(r);
    expect(split.map((v) => [v.ref, v.alt, v.tref, v.talt])).toEqual([
      ['cT', 'c', 'T', ''],
      ['cT', 'gT', 'C', 'G'],
      ['cT', '<DEL>', 'CT', '<DEL>'],
    ]);
    expect(warnings.size).toBe(0);
    expect(records[0]!.written).toBeUndefined();
  });
});

describe('FORMAT fields', () => {
  it("a sample's missing trailing fields are read as missing, without a warning (valid VCF)", async () => {
    const { records, warnings } = await readAll(withRow('1\t200\t.\tC\tT\t.\tPASS\t.\tGT:DP:GQ:AD\t0/1'));
    expect(records[1]!.calls).toEqual([{ alleles: [0, 1], phased: false }]);
    expect(warnings.size).toBe(0);
  });
  for (const format of ['.', '']) {
    it(`FORMAT '${format}': every sample is a no-call, with a counted warning (htslib drops the sample columns too)`, async () => {
      const text = vcf(['1 100 . A G 50 PASS . GT:DP 0/1:20 0/0:30', 'ROW'], { samples: ['S1', 'S2'] }).replace('ROW', `1\t200\t.\tC\tT\t.\tPASS\t.\t${format}\t0/1\t1/1`);
      const { records, warnings } = await readAll(text);
      expect(records.map((r) => r.pos)).toEqual([100, 200]);
      expect(records[1]!.calls).toEqual([
        { alleles: [null], phased: false, noCall: 'missing' },
        { alleles: [null], phased: false, noCall: 'missing' },
      ]);
      expect(warnings.list()).toMatchObject([{ kind: 'format-missing', count: 1 }]);
      expect(warnings.list()[0]!.message).toContain(`1:200: FORMAT is '${format}'`);
      await expect(readAll(text, { strict: true })).rejects.toThrow(InputError);
    });
  }
});

describe('the dialects fixture (also compared with bcftools in test/ci)', () => {
  it('reads every record; warns only for the empty INFO and the FORMAT .', async () => {
    const { records, warnings } = await readAll(fixture('vcf/dialects.vcf'));
    expect(records.map((r) => r.pos)).toEqual([179218303, 179234297, 25245350, 25245351, 25245360]);
    expect(records[2]).toMatchObject({ ref: 'C', alts: ['A', 'T'], written: { ref: 'c', alts: ['a', 't'] } });
    expect(records[3]!.calls.map((c) => c.alleles)).toEqual([[0, 1], [null, null], [0, 0]]);
    expect(warnings.list().map((w) => [w.kind, w.count])).toEqual([
      ['empty-info', 1],
      ['format-missing', 1],
    ]);
  });
});

describe('BCF input', () => {
  it('is named, with the bcftools view pipe that reads it (BCF 2, as bcftools writes it, and BCF 1)', async () => {
    for (const magic of ['BCF\u0002\u0002', 'BCF\u0001']) {
      const bytes = Buffer.concat([Buffer.from(magic), Buffer.from([0x30, 0, 0, 0]), Buffer.from('##fileformat=VCFv4.2\n')]);
      const err = await readAll(bytes, { file: 'in.bcf' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).describe()).toContain('in.bcf:1: this is BCF (binary VCF)');
      expect((err as InputError).describe()).toContain('bcftools view FILE.bcf | vcfact annotate -');
    }
  });
});
