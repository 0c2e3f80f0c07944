import { describe, expect, it } from 'vitest';
import { canonicalContig, contigInfo } from '../../src/normalize/contig.js';

describe('canonicalContig', () => {
  it('maps numeric, chr-prefixed and RefSeq names to 1..22, X, Y', () => {
    expect(canonicalContig('1')).toBe('1');
    expect(canonicalContig('chr1')).toBe('1');
    expect(canonicalContig('CHR22')).toBe('22');
    expect(canonicalContig('chrX')).toBe('X');
    expect(canonicalContig('y')).toBe('Y');
    expect(canonicalContig('NC_000001.10')).toBe('1');
    expect(canonicalContig('NC_000001.11')).toBe('1');
    expect(canonicalContig('NC_000023.11')).toBe('X');
    expect(canonicalContig('NC_000024.9')).toBe('Y');
  });
  it('maps every mitochondrial spelling to MT', () => {
    for (const m of ['MT', 'M', 'chrM', 'chrMT', 'NC_012920.1']) expect(canonicalContig(m)).toBe('MT');
  });
  it('passes unknown names through unchanged', () => {
    for (const u of ['chr1_KI270706v1_random', 'GL000192.1', 'chr23', '0', 'NC_000025.1', 'hs37d5', 'chrUn']) {
      expect(canonicalContig(u)).toBe(u);
    }
  });
  it('gives a build hint from RefSeq accession versions only', () => {
    expect(contigInfo('NC_000001.10').build).toBe('GRCh37');
    expect(contigInfo('NC_000001.11').build).toBe('GRCh38');
    expect(contigInfo('NC_000007.13').build).toBe('GRCh37');
    expect(contigInfo('NC_000007.14').build).toBe('GRCh38');
    expect(contigInfo('NC_000023.10').build).toBe('GRCh37');
    expect(contigInfo('NC_000001.9').build).toBeUndefined();
    expect(contigInfo('chr1').build).toBeUndefined();
  });
});
