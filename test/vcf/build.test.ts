import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { detectBuild } from '../../src/vcf/build.js';
import { parseHeader } from '../../src/vcf/header.js';

const COLS = '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO';
const h = (...meta: string[]) => parseHeader(['##fileformat=VCFv4.2', ...meta, COLS], 'x.vcf');

describe('detectBuild', () => {
  it('reads GRCh37 and GRCh38 from ##contig lengths', () => {
    expect(detectBuild(h('##contig=<ID=chr1,length=249250621>'), 'auto', 'x').build).toBe('GRCh37');
    expect(detectBuild(h('##contig=<ID=1,length=248956422>', '##contig=<ID=X,length=156040895>'), 'auto', 'x')).toEqual({
      build: 'GRCh38',
      source: '##contig 1 length 248956422 is GRCh38',
    });
  });
  it('reads RefSeq accession versions', () => {
    expect(detectBuild(h('##contig=<ID=NC_000001.10>'), 'auto', 'x').build).toBe('GRCh37');
    expect(detectBuild(h('##contig=<ID=NC_000007.14>'), 'auto', 'x').build).toBe('GRCh38');
  });
  it('reads ##reference when contigs do not tell', () => {
    expect(detectBuild(h('##reference=file:///ref/hs37d5.fa'), 'auto', 'x').build).toBe('GRCh37');
    expect(detectBuild(h('##reference=file:///ref/hg38.fa'), 'auto', 'x').build).toBe('GRCh38');
    expect(detectBuild(h('##reference=GRCh37'), 'auto', 'x').build).toBe('GRCh37');
  });
  it('prefers contig lengths over a stale ##reference', () => {
    expect(detectBuild(h('##reference=hg19.fa', '##contig=<ID=chr1,length=248956422>'), 'auto', 'x').build).toBe('GRCh38');
  });
  it('returns no build when the header cannot tell or contradicts itself', () => {
    expect(detectBuild(h(), 'auto', 'x').build).toBeUndefined();
    expect(detectBuild(h('##contig=<ID=chr1>'), 'auto', 'x').build).toBeUndefined();
    const mixed = detectBuild(h('##contig=<ID=chr1,length=249250621>', '##contig=<ID=chr2,length=242193529>'), 'auto', 'x');
    expect(mixed.build).toBeUndefined();
    expect(mixed.source).toContain('conflicts');
  });
  it('accepts an explicit build the header agrees with or cannot judge', () => {
    expect(detectBuild(h('##contig=<ID=chr1,length=248956422>'), 'GRCh38', 'x').build).toBe('GRCh38');
    expect(detectBuild(h(), 'GRCh37', 'x')).toEqual({ build: 'GRCh37', source: '-g' });
  });
  it('rejects an explicit build the header contradicts, saying why', () => {
    const run = () => detectBuild(h('##contig=<ID=chr1,length=249250621>'), 'GRCh38', 'x.vcf');
    expect(run).toThrow(UsageError);
    expect(run).toThrow('-g GRCh38 given but ##contig chr1 length 249250621 is GRCh37');
    expect(() => detectBuild(h('##reference=hg38.fa'), 'GRCh37', 'x')).toThrow('looks like GRCh38');
  });
});
