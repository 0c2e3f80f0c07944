// Knowledge-base sites per canonical contig as sorted, merged intervals in typed arrays, asked
// "does [start, end] overlap any site?" once per VCF line. Sorted input moves a per-contig cursor
// forward (a merge join: O(1) amortised); a query that goes backwards falls back to binary search.
// The query itself lives with the prefilter (src/vcf/prefilter.ts), whose code also runs in the
// BGZF workers on copies of these arrays (`sites()`). Unsorted input is reported by the reader's
// scan, not here.
import { canonicalContig } from '../normalize/contig.js';
import type { Interval } from '../types.js';
import { overlaps as overlapsIn, type SiteHandle } from './prefilter.js';
import { mergeIntervals } from './intervals.js';

export class SiteIndex {
  private constructor(private readonly byContig: Map<string, SiteHandle>) {}

  /** Build from 1-based inclusive intervals; contig names are canonicalised, overlapping and adjacent ones merged, empty ones dropped. */
  static fromIntervals(intervals: Iterable<Interval>): SiteIndex {
    const valid: Interval[] = [];
    for (const iv of intervals) if (iv.start >= 1 && iv.end >= iv.start) valid.push({ contig: canonicalContig(iv.contig), start: iv.start, end: iv.end });
    const grouped = new Map<string, { starts: number[]; ends: number[] }>();
    for (const iv of mergeIntervals(valid)) {
      let g = grouped.get(iv.contig);
      if (!g) grouped.set(iv.contig, (g = { starts: [], ends: [] }));
      g.starts.push(iv.start);
      g.ends.push(iv.end);
    }
    const byContig = new Map<string, SiteHandle>();
    for (const [c, g] of grouped) byContig.set(c, { starts: Int32Array.from(g.starts), ends: Int32Array.from(g.ends), cursor: 0, lastStart: 0 });
    return new SiteIndex(byContig);
  }

  /** [canonical contig, starts, ends] per contig (the merged intervals), for a prefilter in another thread. */
  sites(): [string, Int32Array, Int32Array][] {
    return [...this.byContig].map(([c, s]) => [c, s.starts, s.ends]);
  }

  /** Does the 1-based inclusive [start, end] on a canonical contig overlap any site? */
  overlaps(contig: string, start: number, end: number): boolean {
    const s = this.byContig.get(contig);
    return s === undefined ? false : overlapsIn(s, start, end);
  }

  /** Per-contig handle for the prefilter's hot loop (skips the map lookup per line). */
  handle(contig: string): SiteHandle | undefined {
    return this.byContig.get(contig);
  }
}
