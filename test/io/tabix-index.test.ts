import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTabixIndex } from '../../src/io/tabix-index.js';

const fixtures = join(import.meta.dirname, '../../fixtures/io');
const tbi = parseTabixIndex(readFileSync(join(fixtures, 'regions.vcf.gz.tbi')));
const csi = parseTabixIndex(readFileSync(join(fixtures, 'regions-csi.vcf.gz.csi')));

describe('parseTabixIndex', () => {
  it('reads the layout and contig names of .tbi and .csi alike', () => {
    for (const idx of [tbi, csi]) {
      expect(idx.names).toEqual(['chr1', 'chr2']);
      expect(idx.layout).toEqual({ format: 'vcf', colSeq: 1, colBeg: 2, colEnd: 0, zeroBased: false, metaChar: 35 });
    }
    expect(tbi.maxEnd).toBe(2 ** 29);
  });

  it('gives a first offset for regions with records and none for empty contigs or ranges', () => {
    for (const idx of [tbi, csi]) {
      expect(idx.firstOffset(0, 99, 100)).toBeTypeOf('number');
      expect(idx.firstOffset(1, 0, 100)).toBeTypeOf('number');
      // Past the last record of chr2 (2,000,000) nothing is indexed.
      expect(idx.firstOffset(1, 100_000_000, 100_000_001)).toBeUndefined();
      expect(idx.firstOffset(2, 0, 100)).toBeUndefined();
      expect(idx.firstOffset(0, 500, 500)).toBeUndefined();
    }
    // A later region never starts before an earlier one on the same contig.
    expect(tbi.firstOffset(1, 1_999_000, 2_000_001) as number).toBeGreaterThanOrEqual(tbi.firstOffset(1, 0, 20) as number);
  });

  it('refuses other files', () => {
    expect(() => parseTabixIndex(gzipSync(Buffer.from('BAI\x01 not an index')))).toThrow(/not a \.tbi or \.csi index/);
    expect(() => parseTabixIndex(Buffer.from('plain'))).toThrow();
  });

  it('refuses a truncated index', () => {
    const raw = gunzipSync(readFileSync(join(fixtures, 'regions.vcf.gz.tbi')));
    for (const cut of [20, raw.length - 40]) expect(() => parseTabixIndex(gzipSync(raw.subarray(0, raw.length - cut)))).toThrow(/truncated/);
  });
});
