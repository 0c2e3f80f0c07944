// Knowledge-base sites per canonical contig as sorted, merged intervals in typed arrays, asked
// "does [start, end] overlap any site?" once per VCF line. Sorted input moves a per-contig cursor
// forward (a merge join: O(1) amortised); a query that goes backwards falls back to binary search
// and sets `unsorted`. The query itself lives with the prefilter (src/vcf/prefilter.ts), whose code
// also runs in the BGZF workers on copies of these arrays (`sites()`).
import { canonicalContig } from '../normalize/contig.js';
import type { Interval } from '../types.js';
import { overlaps as overlapsIn, type SiteHandle } from '../vcf/prefilter.js';

type ContigSites = SiteHandle;

export class SiteIndex {
  private constructor(private readonly byContig: Map<string, ContigSites>) {}

  /** True once a query went backwards on a contig (input not position-sorted). */
  get unsorted(): boolean {
    for (const s of this.byContig.values()) if (s.back) return true;
    return false;
  }

  /** [canonical contig, starts, ends] per contig, for a prefilter in another thread. */
  sites(): [string, Int32Array, Int32Array][] {
    return [...this.byContig].map(([c, s]) => [c, s.starts, s.ends]);
  }

  /** Build from 1-based inclusive intervals; contig names are canonicalised, overlaps merged. */
  static fromIntervals(intervals: Iterable<Interval>): SiteIndex {
    const grouped = new Map<string, [number, number][]>();
    for (const iv of intervals) {
      if (!(iv.start >= 1 && iv.end >= iv.start)) continue;
      const c = canonicalContig(iv.contig);
      let list = grouped.get(c);
      if (!list) grouped.set(c, (list = []));
      list.push([iv.start, iv.end]);
    }
    const byContig = new Map<string, ContigSites>();
    for (const [c, list] of grouped) {
      list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      const starts: number[] = [];
      const ends: number[] = [];
      for (const [s, e] of list) {
        const last = ends.length - 1;
        // Adjacent intervals merge too: the question is only ever "any overlap".
        if (last >= 0 && s <= (ends[last] as number) + 1) {
          if (e > (ends[last] as number)) ends[last] = e;
        } else {
          starts.push(s);
          ends.push(e);
        }
      }
      byContig.set(c, { starts: Int32Array.from(starts), ends: Int32Array.from(ends), cursor: 0, lastStart: 0, back: false });
    }
    return new SiteIndex(byContig);
  }

  /** Canonical contigs that have sites. */
  contigs(): string[] {
    return [...this.byContig.keys()];
  }

  hasContig(contig: string): boolean {
    return this.byContig.has(contig);
  }

  /** Does the 1-based inclusive [start, end] on a canonical contig overlap any site? */
  overlaps(contig: string, start: number, end: number): boolean {
    const s = this.byContig.get(contig);
    return s === undefined ? false : overlapsIn(s, start, end);
  }

  /** The merged intervals, sorted by contig insertion order then position. */
  intervals(): Interval[] {
    const out: Interval[] = [];
    for (const [contig, s] of this.byContig) {
      for (let i = 0; i < s.starts.length; i++) out.push({ contig, start: s.starts[i] as number, end: s.ends[i] as number });
    }
    return out;
  }

  /** Total number of merged intervals. */
  get size(): number {
    let n = 0;
    for (const s of this.byContig.values()) n += s.starts.length;
    return n;
  }

  /** Opaque per-contig handle for the prefilter's hot loop (skips the map lookup). */
  handle(contig: string): ContigSites | undefined {
    return this.byContig.get(contig);
  }

  /** `overlaps` on a handle from `handle()`. */
  overlapsHandle(h: ContigSites, start: number, end: number): boolean {
    return overlapsIn(h, start, end);
  }
}

export type { SiteHandle };
