// VAF and depth per caller, through the reader (the FORMAT fields are located by offsets), PCGR's
// tumour fields, and the fields named by --vaf-field / --dp-field.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { fixture, readAll, vcf } from './helpers.js';

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

describe('PCGR tumour fields', () => {
  const pcgrFormat = fmt([['GT', '1', 'String'], ['DPT', '1', 'Integer'], ['DPC', '1', 'Integer'], ['ADT', '.', 'String'], ['ADC', '.', 'String']]);
  const pcgrInfo = ['##INFO=<ID=TVAF,Number=.,Type=Float,Description="x">', '##INFO=<ID=TDP,Number=.,Type=Integer,Description="x">'];
  it('FORMAT ADT gives AD and VAF, DPT the depth (the control ADC/DPC are not read)', async () => {
    const [c] = await calls(pcgrFormat, ['1 10 . C T . PASS . GT:DPC:DPT:ADC:ADT 0/1:237:144:.,.:112,32']);
    expect(c).toMatchObject({ ad: [112, 32], dp: 144 });
    expect(c!.vaf![0]).toBeCloseTo(32 / 144, 10);
  });
  it('INFO TVAF/TDP for the only sample, before the FORMAT fields (PCGR reads them so)', async () => {
    const [c, d] = await calls([...pcgrInfo, ...fmt([['GT', '1', 'String'], ['AD', 'R', 'Integer']])], [
      '1 10 . C T . PASS TVAF=0.27;TDP=29 GT 0/1',
      '1 11 . C T . PASS TVAF=0.27;TDP=29 GT:AD 0/1:6,4',
    ]);
    expect(c).toMatchObject({ vaf: [0.27], dp: 29 });
    expect(d).toMatchObject({ vaf: [0.27], dp: 29, ad: [6, 4] });
  });
  it('INFO TVAF/TDP describe one sample: the ##tumor_sample, else none of several', async () => {
    const meta = [...pcgrInfo, ...fmt([['GT', '1', 'String']])];
    const row = '1 10 . C T . PASS TVAF=0.27;TDP=29 GT 0/1 0/0';
    const plain = await readAll(vcf([row], { meta, samples: ['N', 'T'] }));
    expect(plain.records[0]!.calls.map((c) => [c.vaf, c.dp])).toEqual([[undefined, undefined], [undefined, undefined]]);
    const paired = await readAll(vcf([row], { meta: [...meta, '##tumor_sample=T'], samples: ['N', 'T'] }));
    expect(paired.records[0]!.calls.map((c) => [c.vaf, c.dp])).toEqual([[undefined, undefined], [[0.27], 29]]);
  });
  it('the PCGR TCGA tumours get their TVAF/TDP; ADT and DPT say the same but for one record of T001-COAD (ADT 130,0 under 1/1, TVAF 1.0)', async () => {
    for (const f of ['cancer/pcgr/T001-BRCA.grch38.vcf.gz', 'cancer/pcgr/T001-COAD.grch37.vcf.gz']) {
      const { records } = await readAll(gunzipSync(fixture(f)));
      expect(records.length, f).toBeGreaterThan(100);
      for (const r of records) {
        const call = r.calls[0]!;
        expect(call.dp, `${f}:${r.line}`).toBe((r.info.TDP as number[])[0]);
        expect(call.vaf, `${f}:${r.line}`).toEqual(r.info.TVAF);
        const adt = call.ad as number[];
        if (r.pos !== 89720716) expect(adt[1]! / (adt[0]! + adt[1]!), `${f}:${r.line}`).toBeCloseTo(call.vaf![0]!, 9);
      }
    }
  });
});

describe('--vaf-field / --dp-field', () => {
  const meta = [
    ...fmt([['GT', '1', 'String'], ['AD', 'R', 'Integer'], ['DP', '1', 'Integer'], ['MYAF', 'A', 'String'], ['MYDP', '1', 'Integer']]),
    '##INFO=<ID=SAF,Number=A,Type=Float,Description="x">',
    '##INFO=<ID=SDP,Number=1,Type=Integer,Description="x">',
  ];
  const rows = ['1 10 . C T,G . PASS SAF=0.1,0.2;SDP=70 GT:AD:DP:MYAF:MYDP 1/2:10,10,10:30:45%,0.05:60', '1 11 . C T . PASS SAF=0.3;SDP=7 GT:AD:DP 0/1:9,1:10'];
  const read = (opts: { vafField?: string; dpField?: string }, samples = ['S1']) => readAll(vcf(rows.map((r) => (samples.length > 1 ? `${r} 0/0` : r)), { meta, samples }), opts);
  it('a FORMAT field comes before the per-caller fields, per sample; where it is absent they apply', async () => {
    const { records } = await read({ vafField: 'MYAF', dpField: 'MYDP' });
    expect(records.map((r) => [r.calls[0]!.vaf, r.calls[0]!.dp])).toEqual([
      [[0.45, 0.05], 60],
      [[0.1], 10],
    ]);
  });
  it('an INFO field, for the only sample', async () => {
    const { records } = await read({ vafField: 'SAF', dpField: 'SDP' });
    expect(records.map((r) => [r.calls[0]!.vaf, r.calls[0]!.dp])).toEqual([
      [[0.1, 0.2], 70],
      [[0.3], 7],
    ]);
  });
  it('the quality policy judges the values read from them', async () => {
    const { records } = await readAll(vcf(rows, { meta }), { dpField: 'SDP', policy: { minDp: 20 } });
    expect(records.map((r) => r.calls[0]!.noCall)).toEqual([undefined, 'min-dp']);
  });
  it('a field the header does not define, or an INFO field with several samples and no tumour, is a usage error', async () => {
    await expect(read({ vafField: 'NOPE' })).rejects.toThrow('--vaf-field NOPE: the VCF header defines no INFO or FORMAT field NOPE');
    await expect(read({ dpField: 'SDP' }, ['A', 'B'])).rejects.toThrow(UsageError);
    await expect(read({ dpField: 'SDP' }, ['A', 'B'])).rejects.toThrow('no ##tumor_sample');
    const { records } = await read({ dpField: 'MYDP' }, ['A', 'B']);
    expect(records[0]!.calls.map((c) => c.dp)).toEqual([60, undefined]);
  });
});
