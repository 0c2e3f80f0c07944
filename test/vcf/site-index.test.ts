import { describe, expect, it } from 'vitest';
import { SiteIndex } from '../../src/vcf/site-index.js';

describe('SiteIndex', () => {
  const idx = () =>
    SiteIndex.fromIntervals([
      { contig: 'chr1', start: 100, end: 100 },
      { contig: '1', start: 50, end: 60 },
      { contig: '1', start: 55, end: 70 },
      { contig: '1', start: 71, end: 72 },
      { contig: 'chrX', start: 1000, end: 2000 },
      { contig: '2', start: 5, end: 1 },
    ]);
  it('canonicalises contigs, sorts, merges overlapping and adjacent intervals, drops empty ones', () => {
    expect(idx().sites()).toEqual([
      ['1', Int32Array.from([50, 100]), Int32Array.from([72, 100])],
      ['X', Int32Array.from([1000]), Int32Array.from([2000])],
    ]);
  });
  it('answers sorted queries with a forward cursor', () => {
    const s = idx();
    const q = [
      [1, 49, false],
      [40, 50, true],
      [72, 72, true],
      [73, 99, false],
      [99, 101, true],
      [101, 500, false],
    ] as const;
    for (const [a, b, want] of q) expect(s.overlaps('1', a, b), `${a}-${b}`).toBe(want);
    expect(s.overlaps('X', 1500, 1500)).toBe(true);
    expect(s.overlaps('Y', 1500, 1500)).toBe(false);
  });
  it('falls back to binary search when a query goes backwards', () => {
    const s = idx();
    expect(s.overlaps('1', 100, 100)).toBe(true);
    expect(s.overlaps('1', 60, 60)).toBe(true);
    expect(s.overlaps('1', 30, 40)).toBe(false);
    expect(s.overlaps('1', 101, 101)).toBe(false);
  });
  it('agrees with brute force on random queries, sorted or not', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
    const ivs = Array.from({ length: 200 }, () => {
      const s = 1 + rnd(100000);
      return { contig: '3', start: s, end: s + rnd(50) };
    });
    const index = SiteIndex.fromIntervals(ivs);
    const brute = (a: number, b: number) => ivs.some((iv) => iv.start <= b && a <= iv.end);
    const starts = Array.from({ length: 3000 }, () => 1 + rnd(100100));
    for (const order of [[...starts].sort((a, b) => a - b), starts]) {
      for (const a of order) {
        const b = a + rnd(20);
        expect(index.overlaps('3', a, b)).toBe(brute(a, b));
      }
    }
  });
});
