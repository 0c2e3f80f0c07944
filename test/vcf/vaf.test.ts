// VAF and depth per caller, through the reader (the FORMAT fields are located by offsets).
import { describe, expect, it } from 'vitest';
import { readAll, vcf } from './helpers.js';

const fmt = (ids: [string, string, string][]) =>
  ids.map(([id, n, t]) => `##FORMAT=<ID=${id},Number=${n},Type=${t},Description="x">`);

async function calls(meta: string[], rows: string[]) {
  const { records } = await readAll(vcf(rows, { meta }));
  return records.map((r) => r.calls[0]!);
}

describe('VAF per caller', () => {
  it('Mutect2: FORMAT AF per ALT, AD and DP as given', async () => {
    const [c] = await calls(fmt([['GT', '1', 'String'], ['AD', 'R', 'Integer'], ['AF', 'A', 'Float'], ['DP', '1', 'Integer']]), [
      '1 10 . C A,T . PASS . GT:AD:AF:DP 0/1/2:40,30,8:0.38,0.1:78',
    ]);
    expect(c).toMatchObject({ vaf: [0.38, 0.1], ad: [40, 30, 8], dp: 78 });
  });
  it('Strelka2 SNV: alt tier1 / (ref tier1 + alt tier1)', async () => {
    const m = fmt([['DP', '1', 'Integer'], ['AU', '2', 'Integer'], ['CU', '2', 'Integer'], ['GU', '2', 'Integer'], ['TU', '2', 'Integer']]);
    const [c] = await calls(m, ['1 10 . C T . PASS . DP:AU:CU:GU:TU 40:0,0:30,32:0,0:10,11']);
    expect(c!.vaf).toEqual([0.25]);
    expect(c!.ad).toEqual([30, 10]);
    expect(c!.alleles).toEqual([null]);
    expect(c!.noCall).toBe('missing');
  });
  it('Strelka2 indel: TIR tier1 / (TAR tier1 + TIR tier1)', async () => {
    const [c] = await calls(fmt([['DP', '1', 'Integer'], ['TAR', '2', 'Integer'], ['TIR', '2', 'Integer']]), [
      '1 10 . CA C . PASS . DP:TAR:TIR 30:15,16:5,5',
    ]);
    expect(c).toMatchObject({ vaf: [0.25], ad: [15, 5], dp: 30 });
  });
  it("VarScan2: FREQ '45%' with RD and an ALT-only AD", async () => {
    const m = fmt([['GT', '1', 'String'], ['RD', '1', 'Integer'], ['AD', '1', 'Integer'], ['FREQ', '1', 'String']]);
    const [c] = await calls(m, ['1 10 . C T . PASS . GT:RD:AD:FREQ 0/1:11:9:45%']);
    expect(c).toMatchObject({ vaf: [0.45], ad: [11, 9], dp: 20 });
  });
  it('FreeBayes: AO / (RO + sum AO)', async () => {
    const m = fmt([['GT', '1', 'String'], ['RO', '1', 'Integer'], ['AO', 'A', 'Integer']]);
    const [c] = await calls(m, ['1 10 . C T,G . PASS . GT:RO:AO 1/2:2,:6,2']);
    expect(c!.alleles).toEqual([1, 2]);
    expect(c!.vaf).toBeUndefined();
    const [d] = await calls(m, ['1 10 . C T,G . PASS . GT:RO:AO 1/2:2:6,2']);
    expect(d).toMatchObject({ vaf: [0.6, 0.2], ad: [2, 6, 2], dp: 10 });
  });
  it('DeepVariant: FORMAT VAF', async () => {
    const m = fmt([['GT', '1', 'String'], ['AD', 'R', 'Integer'], ['VAF', 'A', 'Float']]);
    const [c] = await calls(m, ['1 10 . C T . PASS . GT:AD:VAF 0/1:10,10:0.48']);
    expect(c).toMatchObject({ vaf: [0.48], ad: [10, 10], dp: 20 });
  });
  it('otherwise from AD, and DP falls back to sum(AD)', async () => {
    const m = fmt([['GT', '1', 'String'], ['AD', 'R', 'Integer']]);
    const [c, d, e] = await calls(m, ['1 10 . C T,G . PASS . GT:AD 0/1:6,3,1', '1 11 . C T . PASS . GT:AD 0/0:0,0', '1 12 . C T . PASS . GT:AD 0/1:.']);
    expect(c).toMatchObject({ vaf: [0.3, 0.1], ad: [6, 3, 1], dp: 10 });
    expect(d).toMatchObject({ vaf: [undefined], ad: [0, 0], dp: 0 });
    expect(e!.vaf).toBeUndefined();
    expect(e!.dp).toBeUndefined();
  });
});
