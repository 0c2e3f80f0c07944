// The knowledge-base site query of the prefilter's hot loop: per-contig sorted, merged intervals
// with a merge-join cursor. src/vcf/site-index.ts builds them; the prefilter asks them once per line,
// on the main thread or in the BGZF workers (on copies of the arrays).

/** Per-contig sorted, merged KB intervals with a merge-join cursor (see src/vcf/site-index.ts). */
export interface SiteHandle {
  starts: Int32Array;
  ends: Int32Array;
  /** Index of the first interval whose end ≥ the last query start. */
  cursor: number;
  lastStart: number;
}

/** What the prefilter needs from a site index: a handle per canonical contig. */
export interface SiteLookup {
  handle(contig: string): SiteHandle | undefined;
}

/** Does [start, end] overlap a site of the contig? Sorted queries move the cursor forward (O(1)
 * amortised); a query that goes backwards falls back to binary search. */
export function overlaps(s: SiteHandle, start: number, end: number): boolean {
  const starts = s.starts;
  const ends = s.ends;
  const n = ends.length;
  let i: number;
  if (start >= s.lastStart) {
    i = s.cursor;
    while (i < n && (ends[i] as number) < start) i++;
  } else {
    // First interval with end ≥ start.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) < start) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
  }
  s.cursor = i;
  s.lastStart = start;
  return i < n && (starts[i] as number) <= end;
}
