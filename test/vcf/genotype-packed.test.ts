// Packed calls (genotype.ts) and the reader's lazy Calls: a packed code holds exactly what
// parseGt + buildCall (+ applyPolicy) give PGx, and reading without a quality policy yields the
// same Calls, the same skipped records and the same warnings as the eager path.
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/types.js';
import { PACK_COMPLEX, packCall, packedCalls, packedMaxAllele, packGt, parseGt, unpackCall } from '../../src/vcf/genotype.js';
import { Warnings } from '../../src/log.js';
import { readVcf } from '../../src/vcf/reader.js';
import { chunksOf, fixture, readAll } from './helpers.js';

const pack = (s: string): number => packGt(s, 0, s.length);

describe('packGt', () => {
  it('holds the alleles and phase parseGt reads, missing when every allele is .', () => {
    for (const text of ['0/1', '1|0', '1', '0', '12/3', '254/0', './.', '.', '0/.', '.|1', '']) {
      const gt = parseGt(text, 0, text.length);
      const code = pack(text);
      expect(code, text).toBeGreaterThanOrEqual(0);
      const call = unpackCall(code);
      expect(call.alleles, text).toEqual(gt.alleles);
      expect(call.phased, text).toBe(gt.phased);
      expect(call.noCall, text).toBe(gt.alleles.every((a) => a === null) ? 'missing' : undefined);
    }
    expect(packedMaxAllele(pack('3/12'))).toBe(12);
    expect(packedMaxAllele(pack('./.'))).toBe(-1);
  });
  it('leaves what does not fit to the Call, and tells bad text apart', () => {
    expect(pack('0/1/2')).toBe(PACK_COMPLEX);
    expect(pack('255/0')).toBe(PACK_COMPLEX);
    expect(packGt('x', -1, -1)).toBe(PACK_COMPLEX); // no GT field: judged by its other fields
    for (const bad of ['0/', '/1', 'A/T', '0//1', '1.', '..', '0-1']) {
      const code = pack(bad);
      expect(code < 0 && code !== PACK_COMPLEX, bad).toBe(true);
    }
  });
});

describe('packCall / unpackCall', () => {
  const c = (alleles: (number | null)[], extra: Partial<Call> = {}): Call => ({ alleles, phased: false, ...extra });
  it('round-trips plain, missing and policy no-calls', () => {
    const calls: Call[] = [
      c([0, 1]),
      c([1, 1], { phased: true }),
      c([2]),
      c([null, null], { noCall: 'missing' }),
      c([null], { noCall: 'missing' }),
      c([null, null], { noCall: 'min-gq', rawAlleles: [0, 1] }),
      c([null], { noCall: 'filter', rawAlleles: [1] }),
      c([null, null], { noCall: 'min-vaf', rawAlleles: [1, 2], phased: true }),
      c([null, null], { noCall: 'min-dp', rawAlleles: [null, 1] }),
      c([null], { noCall: 'bad-gt' }),
    ];
    for (const call of calls) expect(unpackCall(packCall(call))).toEqual(call);
    // Extra numbers stay behind: PGx does not read them.
    expect(unpackCall(packCall(c([0, 1], { dp: 30, gq: 99, ad: [15, 15], vaf: [0.5] })))).toEqual(c([0, 1]));
  });
  it('refuses calls it cannot hold exactly', () => {
    for (const call of [
      c([0, 1], { ps: '7' }),
      c([null], { noGt: true, noCall: 'missing' }),
      c([0, 1, 1]),
      c([]),
      c([255, 0]),
      c([null, null], { noCall: 'min-gq' }), // a policy no-call without its raw alleles
      c([0, 1], { noCall: 'filter', rawAlleles: [0, 1] }), // alleles not cleared
      c([0, 1], { rawAlleles: [0, 1] }),
    ]) {
      expect(packCall(call), JSON.stringify(call)).toBe(PACK_COMPLEX);
    }
  });
  it('packs a record without reader codes from its calls', () => {
    const { codes, ps } = packedCalls({ calls: [c([0, 1]), c([0, 1], { ps: '3' })] });
    expect([...codes]).toEqual([packCall(c([0, 1])), PACK_COMPLEX]);
    expect(ps).toBeUndefined();
    expect(unpackCall(packCall(c([0, 1])), '3')).toEqual(c([0, 1], { ps: '3' }));
  });
});

const HEAD = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr1,length=248956422>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=PS,Number=1,Type=Integer,Description="Phase set">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Depths">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\tS3\tS4',
];
const LINES = [
  'chr1\t100\t.\tA\tG\t.\tPASS\t.\tGT:DP:AD\t0/1:20:10,10\t1|1:9:0,9\t./.:.:.\t0:5:5,0',
  'chr1\t200\t.\tC\tT,G\t.\tPASS\t.\tGT:PS:AD\t1|2:44:0,5,5\t0/0\t2/.:.:1,0,3\t0/1/2:.:1,1,1',
  'chr1\t300\t.\tG\tA\t.\tLowQual\t.\tDP:AD\t12:6,6\t3:3,0\t.:.\t0:0,0',
  'chr1\t400\t.\tT\tC\t.\tPASS\t.\tGT:AD\t0/A:1,1\t0/1:1,1\t0/0:2,0\t0/0:2,0',
  'chr1\t500\t.\tT\tC\t.\tPASS\t.\tGT:AD\t0/1:1,1\t0/2:1,1\t0/0:2,0\t0/0:2,0',
  'chr1\t600\t.\tT\tC\t.\tPASS\t.\tAD:GT\t1,1\t1,1:0/1\t2,0:0/0\t.',
];

describe('reader: Calls built on first read', () => {
  // A policy that fails nothing takes the eager path: the reference for the lazy one.
  const eager = { policy: { minVaf: 0 } };
  it('gives the same records, Calls, codes and warnings as the eager path', async () => {
    const text = [...HEAD, ...LINES, ''].join('\n');
    const lazy = await readAll(text);
    const ref = await readAll(text, eager);
    // 400 and 500: one sample's GT cannot be read; that call is a no-call, the others stand.
    expect(lazy.records.map((r) => r.pos)).toEqual([100, 200, 300, 400, 500, 600]);
    expect(lazy.warnings.list().map((w) => [w.kind, w.count])).toEqual([['bad-gt', 2]]);
    expect(lazy.records).toEqual(ref.records);
    expect(lazy.warnings.list()).toEqual(ref.warnings.list());
    expect(lazy.reader.summary).toEqual(ref.reader.summary);
    // What PGx reads of a call: the packed code (with its PS) says the same as the eager Call.
    const view = (x: Call) => ({ alleles: x.alleles, phased: x.phased, noCall: x.noCall, rawAlleles: x.rawAlleles, ps: x.ps });
    let complex = 0;
    for (let i = 0; i < lazy.records.length; i++) {
      const r = ref.records[i];
      if (!r) throw new Error('missing record');
      const { codes, ps } = packedCalls((await readAll([...HEAD, LINES[i], ''].join('\n'))).records[0] as never);
      r.calls.forEach((call, k) => {
        const code = codes[k] as number;
        if (code === PACK_COMPLEX) {
          complex++;
          expect(packCall(call), `${r.pos} ${k}`).toBe(PACK_COMPLEX);
        } else expect(view(unpackCall(code, ps?.[k])), `${r.pos} ${k}`).toEqual(view(call));
      });
    }
    // 0/1/2 at 200; every call at 300 (no GT: read eagerly); at 600 the two samples whose GT is cut off.
    // The unreadable GTs at 400 and 500 are packed as 'bad-gt' no-calls.
    expect(complex).toBe(7);
    expect(ref.records[3]!.calls[0]).toEqual({ alleles: [null], phased: false, noCall: 'bad-gt' });
    const withPs = await readAll([...HEAD, LINES[1], ''].join('\n'));
    expect(packedCalls(withPs.records[0] as never).ps?.[0]).toBe('44');
  });
  it('reads codes without building Calls, and builds them once when asked', async () => {
    const { records } = await readAll([...HEAD, LINES[0], ''].join('\n'));
    const rec = records[0];
    if (!rec) throw new Error('no record');
    expect(Object.getOwnPropertyDescriptor(rec, 'calls')?.get).toBeDefined();
    expect(unpackCall(packedCalls(rec).codes[1] as number)).toEqual({ alleles: [1, 1], phased: true });
    const calls = rec.calls;
    expect(calls[0]).toEqual({ alleles: [0, 1], phased: false, ad: [10, 10], vaf: [0.5], dp: 20 });
    expect(rec.calls).toBe(calls);
    expect(Object.getOwnPropertyDescriptor(rec, 'calls')?.get).toBeUndefined();
  });
  it('builds Calls up front once a consumer has read them (annotate), with the same result', async () => {
    const text = [...HEAD, LINES[0], LINES[1], ''].join('\n');
    const r = await readVcf(chunksOf(text), { file: 'x', warnings: new Warnings() });
    const seen: boolean[] = [];
    for await (const rec of r.records) {
      seen.push(Object.getOwnPropertyDescriptor(rec, 'calls')?.get !== undefined);
      expect(rec.calls.length).toBe(4);
    }
    expect(seen).toEqual([true, false]);
  });
  it('matches the eager path on the VCF and PGx fixtures', async () => {
    for (const f of ['vcf/freebayes.vcf', 'vcf/gvcf.vcf', 'vcf/multiallelic.vcf', 'vcf/somatic-mutect2.vcf', 'pgx/multi-sample.vcf']) {
      const lazy = await readAll(fixture(f));
      const ref = await readAll(fixture(f), eager);
      expect(lazy.records, f).toEqual(ref.records);
      expect(lazy.warnings.list(), f).toEqual(ref.warnings.list());
    }
  });
});
