import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/types.js';
import { applyPolicy, carries, parseGt, zygosity } from '../../src/vcf/genotype.js';

const gt = (s: string) => parseGt(s, 0, s.length);
const call = (alleles: (number | null)[], extra: Partial<Call> = {}): Call => ({ alleles, phased: false, ...extra });

describe('parseGt', () => {
  it('reads unphased, phased, haploid, multi-digit and missing genotypes', () => {
    expect(gt('0/1')).toEqual({ alleles: [0, 1], phased: false });
    expect(gt('1|0')).toEqual({ alleles: [1, 0], phased: true });
    expect(gt('1')).toEqual({ alleles: [1], phased: false });
    expect(gt('10/12')).toEqual({ alleles: [10, 12], phased: false });
    expect(gt('./.')).toEqual({ alleles: [null, null], phased: false });
    expect(gt('.')).toEqual({ alleles: [null], phased: false });
    expect(gt('0/.')).toEqual({ alleles: [0, null], phased: false });
    expect(gt('0/1/2')).toEqual({ alleles: [0, 1, 2], phased: false });
    expect(parseGt('x', -1, -1)).toEqual({ alleles: [null], phased: false });
  });
  it('rejects text that is not a genotype', () => {
    for (const bad of ['0/', '/1', 'A/T', '0//1', '1.', '..', '0-1']) expect(gt(bad).error, bad).toContain('not a genotype');
  });
});

describe('zygosity and carries', () => {
  it('tells hom, het, het-alt, hemi, ref and nocall apart', () => {
    expect(zygosity(call([1, 1]), 1)).toBe('hom');
    expect(zygosity(call([0, 1]), 1)).toBe('het');
    expect(zygosity(call([1, 2]), 1)).toBe('het-alt');
    expect(zygosity(call([1, 2]), 2)).toBe('het-alt');
    expect(zygosity(call([2]), 2)).toBe('hemi');
    expect(zygosity(call([0, 0]), 1)).toBe('ref');
    expect(zygosity(call([2, 2]), 1)).toBe('ref');
    expect(zygosity(call([null, null]), 1)).toBe('nocall');
    expect(zygosity(call([null, null], { noCall: 'missing' }), 1)).toBe('nocall');
    expect(zygosity(call([1, null]), 1)).toBe('het');
    expect(zygosity(call([1, 1, 0]), 1)).toBe('het');
  });
  it('never reports a filtered call as carrying or reference', () => {
    const c = applyPolicy(call([1, 1], { dp: 3 }), { minDp: 10 }, true);
    expect(zygosity(c, 1)).toBe('nocall');
    expect(carries(c, 1)).toBe(false);
    expect(carries(call([0, 2]), 2)).toBe(true);
    expect(carries(call([0, 2]), 1)).toBe(false);
  });
});

describe('applyPolicy', () => {
  it('turns a failing call into a no-call with the reason, keeping the alleles aside', () => {
    const c = applyPolicy(call([0, 0], { dp: 5 }), { minDp: 10 }, true);
    expect(c).toMatchObject({ alleles: [null, null], noCall: 'min-dp', rawAlleles: [0, 0], dp: 5 });
  });
  it('checks FILTER and FT under passOnly', () => {
    expect(applyPolicy(call([0, 1]), { passOnly: true }, false).noCall).toBe('filter');
    expect(applyPolicy(call([0, 1], { ft: 'LowGQ' }), { passOnly: true }, true).noCall).toBe('filter');
    expect(applyPolicy(call([0, 1], { ft: 'PASS' }), { passOnly: true }, true).noCall).toBeUndefined();
    expect(applyPolicy(call([0, 1]), {}, false).noCall).toBeUndefined();
  });
  it('fails unknown depth or GQ, but not unknown VAF', () => {
    expect(applyPolicy(call([0, 1]), { minDp: 1 }, true).noCall).toBe('min-dp');
    expect(applyPolicy(call([0, 1], { dp: 20, gq: 10 }), { minDp: 10, minGq: 20 }, true).noCall).toBe('min-gq');
    expect(applyPolicy(call([0, 1]), { minVaf: 0.1 }, true).noCall).toBeUndefined();
  });
  it('checks the VAF of every ALT the call carries, not of REF calls', () => {
    expect(applyPolicy(call([0, 2], { vaf: [0.5, 0.02] }), { minVaf: 0.05 }, true).noCall).toBe('min-vaf');
    expect(applyPolicy(call([0, 1], { vaf: [0.5, 0.02] }), { minVaf: 0.05 }, true).noCall).toBeUndefined();
    expect(applyPolicy(call([0, 0], { vaf: [0] }), { minVaf: 0.05 }, true).noCall).toBeUndefined();
  });
  it('leaves an already missing call alone', () => {
    expect(applyPolicy(call([null], { noCall: 'missing' }), { minDp: 5 }, true).noCall).toBe('missing');
  });
});
