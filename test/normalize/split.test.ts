import { describe, expect, it } from 'vitest';
import { reduce, splitRecord } from '../../src/normalize/split.js';
import { zygosity } from '../../src/vcf/genotype.js';
import { fixture, readAll } from '../vcf/helpers.js';

describe('reduce', () => {
  it('takes this ALT for Number=A, REF + this ALT for R', () => {
    expect(reduce([1, 2, 3], 'A', 3, 2)).toEqual([2]);
    expect(reduce([9, 1, 2, 3], 'R', 3, 3)).toEqual([9, 3]);
  });
  it('takes the genotype entries of the split for Number=G (diploid and haploid)', () => {
    expect(reduce([0, 1, 2, 3, 4, 5], 'G', 2, 2)).toEqual([0, 3, 5]);
    expect(reduce([7, 8, 9], 'G', 2, 2)).toEqual([7, 9]);
  });
  it('keeps values whose length does not fit the Number, and other Numbers', () => {
    expect(reduce([undefined], 'A', 2, 1)).toEqual([undefined]);
    expect(reduce([1, 2, 3, 4], '4', 2, 1)).toEqual([1, 2, 3, 4]);
  });
});

describe('splitRecord', () => {
  it('splits every ALT, keeps POS/REF/ALT as bcftools norm -m- does, adds the trimmed form', async () => {
    const { records, reader } = await readAll(fixture('vcf/multiallelic.vcf'), { keepFields: true });
    const rec = records.find((r) => r.pos === 200)!;
    const sv = splitRecord(rec, reader.header);
    expect(sv.map((v) => [v.altIndex, v.pos, v.ref, v.alt, v.tpos, v.tref, v.talt])).toEqual([
      [1, 200, 'CTT', 'C', 201, 'TT', ''],
      [2, 200, 'CTT', 'CT', 201, 'T', ''],
    ]);
    expect(sv[1]!.info).toMatchObject({ AC: [1], RDP: [4, 4], DP: [12] });
    expect(sv[1]!.sampleFields![0]).toEqual({ AD: [4, 4], PL: [90, 50, 60], AF: [0.33] });
  });
  it('keeps original GT indices so 1/2 is het-alt for each split', async () => {
    const { records, reader } = await readAll(fixture('vcf/multiallelic.vcf'), { keepFields: true });
    const rec = records.find((r) => r.pos === 100)!;
    const [a, b] = splitRecord(rec, reader.header);
    expect(rec.calls[0]!.alleles).toEqual([1, 2]);
    expect(zygosity(rec.calls[0]!, a!.altIndex)).toBe('het-alt');
    expect(zygosity(rec.calls[0]!, b!.altIndex)).toBe('het-alt');
    expect(zygosity(rec.calls[1]!, a!.altIndex)).toBe('het');
    expect(zygosity(rec.calls[1]!, b!.altIndex)).toBe('ref');
  });
  it('without a header, remaps AD from Call.ad and reserved INFO keys', async () => {
    const { records } = await readAll(fixture('vcf/multiallelic.vcf'));
    const rec = records.find((r) => r.pos === 100)!;
    const sv = splitRecord(rec);
    expect(sv[1]!.sampleFields![0]).toEqual({ AD: [10, 9] });
    expect(sv[1]!.info!.AC).toEqual([1]);
  });
  it('gives nothing for a record without ALT', async () => {
    const { records } = await readAll(fixture('vcf/gvcf.vcf'));
    const block = { ...records[0]!, alts: [] };
    expect(splitRecord(block)).toEqual([]);
  });
});
