import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseTabixIndex, parseTabixIndexAsync, tabixHead } from '../../src/io/tabix-index.js';
import { openIndexed } from '../../src/io/tabix.js';
import { collect, strictIndex, tempDir } from './helpers.js';

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

describe('a .tbi whose linear index has no entries', () => {
  // Zero every linear-index offset: queries must fall back on the bins and find the same lines.
  function withoutLinear(tbiBytes: Buffer): Buffer {
    const b = Buffer.from(gunzipSync(tbiBytes));
    let p = 36 + b.readInt32LE(32);
    for (let r = b.readInt32LE(4); r > 0; r--) {
      const nBin = b.readInt32LE(p);
      p += 4;
      for (let j = 0; j < nBin; j++) p += 8 + 16 * b.readInt32LE(p + 4);
      const n = b.readInt32LE(p);
      b.fill(0, p + 4, p + 4 + 8 * n);
      p += 4 + 8 * n;
    }
    return gzipSync(b);
  }

  it('gives the same first offsets from the bins', () => {
    const zeroed = parseTabixIndex(withoutLinear(readFileSync(join(fixtures, 'regions.vcf.gz.tbi'))));
    for (const [ref, beg, end] of [
      [0, 99, 100],
      [0, 1599, 1700],
      [0, 1_400_000, 1_600_000],
      [1, 0, 100],
      [1, 1_999_000, 2_000_001],
    ] as const) {
      const got = zeroed.firstOffset(ref, beg, end);
      expect(got).toBeTypeOf('number');
      expect(got as number).toBeLessThanOrEqual(tbi.firstOffset(ref, beg, end) as number);
    }
  });

  it('reads the same lines through it', async () => {
    const copy = join(tempDir(), 'x.vcf.gz');
    copyFileSync(join(fixtures, 'regions.vcf.gz'), copy);
    writeFileSync(`${copy}.tbi`, withoutLinear(readFileSync(join(fixtures, 'regions.vcf.gz.tbi'))));
    const regions = [
      { chrom: 'chr1', start0: 150, end: 1600 },
      { chrom: 'chr1', start0: 1_400_000, end: 1_600_000 },
      { chrom: 'chr2', start0: 0, end: 3_000_000 },
    ];
    const text = async (path: string) => Buffer.concat(await collect(openIndexed(path, strictIndex).chunks(regions))).toString();
    const want = await text(join(fixtures, 'regions.vcf.gz'));
    expect(want.split('\n')).toHaveLength(7);
    expect(await text(copy)).toBe(want);
  });
});

describe('tabixHead and parseTabixIndexAsync', () => {
  /** A TBI with `n` contigs and no bins: its names alone can outgrow the first 64 KiB. */
  function manyContigs(n: number): Buffer {
    const names = Buffer.from(Array.from({ length: n }, (_, i) => `contig_${String(i).padStart(6, '0')}\0`).join(''));
    const head = Buffer.alloc(36);
    head.write('TBI\x01', 0, 'latin1');
    [n, 2, 1, 2, 0, 35, 0, names.length].forEach((v, i) => head.writeInt32LE(v, 4 + 4 * i));
    return gzipSync(Buffer.concat([head, names, Buffer.alloc(8 * n)]), { level: 0 });
  }

  it('reads layout and names from the start of the index, or from all of it when they run longer', () => {
    const fixture = readFileSync(join(fixtures, 'regions.vcf.gz.tbi'));
    expect(tabixHead(fixture)).toEqual({ layout: tbi.layout, names: tbi.names });
    const long = manyContigs(8000);
    expect(long.length).toBeGreaterThan(1 << 16);
    const head = tabixHead(long);
    expect(head.names).toHaveLength(8000);
    expect(head.names[7999]).toBe('contig_007999');
  });

  it('refuses a file that is no index', () => {
    expect(() => tabixHead(readFileSync(join(fixtures, 'PROVENANCE.md')))).toThrow();
  });

  it('parses on the thread pool to the same answers', async () => {
    const idx = await parseTabixIndexAsync(readFileSync(join(fixtures, 'regions-csi.vcf.gz.csi')));
    expect(idx.names).toEqual(csi.names);
    expect(idx.firstOffset(1, 0, 100)).toBe(csi.firstOffset(1, 0, 100));
    await expect(parseTabixIndexAsync(readFileSync(join(fixtures, 'PROVENANCE.md')))).rejects.toThrow();
    await expect(parseTabixIndexAsync(gzipSync(Buffer.from('TBI\x01')))).rejects.toThrow(/truncated/);
  });
});
