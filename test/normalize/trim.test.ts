import { describe, expect, it } from 'vitest';
import { trimAlleles } from '../../src/normalize/trim.js';

describe('trimAlleles', () => {
  it('leaves SNVs alone', () => expect(trimAlleles(100, 'A', 'G')).toEqual({ tpos: 100, tref: 'A', talt: 'G' }));
  it('drops the anchor base of an insertion', () => expect(trimAlleles(100, 'G', 'GA')).toEqual({ tpos: 101, tref: '', talt: 'A' }));
  it('drops the anchor base of a deletion', () => expect(trimAlleles(100, 'GCAT', 'G')).toEqual({ tpos: 101, tref: 'CAT', talt: '' }));
  it('removes the shared suffix first, then the prefix', () => {
    expect(trimAlleles(10, 'CTT', 'CT')).toEqual({ tpos: 11, tref: 'T', talt: '' });
    expect(trimAlleles(20, 'ACGT', 'ACGA')).toEqual({ tpos: 23, tref: 'T', talt: 'A' });
    expect(trimAlleles(20, 'ACGT', 'ATGT')).toEqual({ tpos: 21, tref: 'C', talt: 'T' });
    expect(trimAlleles(30, 'AC', 'ACC')).toEqual({ tpos: 31, tref: '', talt: 'C' });
  });
  it('makes anchored and HGVS-style forms equal', () => {
    expect(trimAlleles(99, 'TA', 'T')).toEqual(trimAlleles(100, 'A', ''));
  });
  it('upper-cases bases', () => expect(trimAlleles(5, 'acg', 'atg')).toEqual({ tpos: 6, tref: 'C', talt: 'T' }));
  it('keeps symbolic, spanning and breakend alleles as written', () => {
    expect(trimAlleles(5, 'A', '<NON_REF>')).toEqual({ tpos: 5, tref: 'A', talt: '<NON_REF>' });
    expect(trimAlleles(5, 'A', '*')).toEqual({ tpos: 5, tref: 'A', talt: '*' });
    expect(trimAlleles(5, 'A', 'A[2:100[')).toEqual({ tpos: 5, tref: 'A', talt: 'A[2:100[' });
  });
});
