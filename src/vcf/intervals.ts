// Sorting and merging of KB intervals (BED output, region queries).
import type { Interval } from '../types.js';

/** Canonical contig order: 1..22, X, Y, MT, then others by name. */
export function contigRank(c: string): number {
  if (/^\d+$/.test(c)) return Number(c);
  return c === 'X' ? 23 : c === 'Y' ? 24 : c === 'MT' ? 25 : 26;
}

export function compareIntervals(a: Interval, b: Interval): number {
  return contigRank(a.contig) - contigRank(b.contig) || (a.contig < b.contig ? -1 : a.contig > b.contig ? 1 : 0) || a.start - b.start || a.end - b.end;
}

/** Sorted, with overlapping or touching intervals merged (and those closer than `gap` bases). */
export function mergeIntervals(intervals: Interval[], gap = 0): Interval[] {
  const sorted = [...intervals].sort(compareIntervals);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && last.contig === iv.contig && iv.start <= last.end + 1 + gap) last.end = Math.max(last.end, iv.end);
    else out.push({ ...iv });
  }
  return out;
}
