// -r/-R on bytes: the data lines of a pass-through read (VCF output) that the prefilter passed over
// are kept only when they overlap the user's regions, tested on their bytes by a prefilter built on
// those regions (the same span rules: REF, or END for blocks). Lines it cannot place (malformed,
// '#' or empty lines among the data) have no position to be inside a region and are left out, as
// the reader has already warned about and counted them.
import { Prefilter, Verdict } from './prefilter-line.js';
import type { SiteIndex } from './site-index.js';

const NL = 10;

export class RegionLines {
  private readonly pre: Prefilter;

  constructor(regions: SiteIndex, hasEnd: boolean) {
    this.pre = new Prefilter(regions, hasEnd);
  }

  /** The lines of `buf` inside the regions: `buf` itself when all are, else a copy of those that are. */
  keep(buf: Buffer): Buffer {
    const kept: Buffer[] = [];
    let runStart = 0;
    let s = 0;
    while (s < buf.length) {
      let nl = buf.indexOf(NL, s);
      if (nl < 0) nl = buf.length;
      const inside = nl > s && this.pre.check(buf, s, nl) === Verdict.Candidate;
      if (!inside) {
        if (s > runStart) kept.push(buf.subarray(runStart, s));
        runStart = nl + 1;
      }
      s = nl + 1;
    }
    if (runStart === 0) return buf;
    if (runStart < buf.length) kept.push(buf.subarray(runStart));
    return kept.length === 1 ? (kept[0] as Buffer) : Buffer.concat(kept);
  }
}
