// Property test (seeded): the byte-level prefilter agrees with a plain string-based reference on
// random lines — spans from REF length, gVCF END extension, contig aliases, malformed lines.
import { describe, expect, it } from 'vitest';
import { SiteIndex } from '../../src/vcf/site-index.js';
import { canonicalContig } from '../../src/normalize/contig.js';
import { Prefilter, Verdict } from '../../src/vcf/prefilter.js';

let seed = 12345;
const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) >>> 0) % n;
const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)] as T;

function reference(line: string, index: SiteIndex): Verdict {
  const f = line.split('\t');
  // Problems are reported left to right: a bad POS before a missing later column.
  if (f.length < 3) return Verdict.TooFewFields;
  if (!/^\d+$/.test(f[1]!) || Number(f[1]) < 1 || Number(f[1]) > 0x7fffffff) return Verdict.BadPos;
  if (f.length < 8) return Verdict.TooFewFields;
  const contig = canonicalContig(f[0]!);
  const pos = Number(f[1]);
  let end = pos + Math.max(1, f[3]!.length) - 1;
  const alt = f[4]!;
  if (index.overlaps(contig, pos, end)) return Verdict.Candidate;
  if (alt === '.' || alt.includes('<')) {
    const m = /(?:^|;)END=(\d+)/.exec(f[7]!);
    if (m && Number(m[1]) > end) end = Number(m[1]);
  }
  return index.overlaps(contig, pos, end) ? Verdict.Candidate : Verdict.Skip;
}

describe('Prefilter agrees with a string-based reference', () => {
  it('on 20,000 random lines', () => {
    const sites = Array.from({ length: 300 }, () => {
      const s = 1 + rnd(20000);
      return { contig: pick(['1', '2', 'X', 'MT']), start: s, end: s + rnd(5) };
    });
    const chroms = ['1', 'chr1', '2', 'chr2', 'X', 'chrX', 'chrM', 'MT', 'NC_000001.11', 'chrUn_gl000220', '22'];
    const lines: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const ref = 'ACGTN'.slice(0, 1 + rnd(4)).repeat(1 + rnd(2));
      const alt = pick(['A', 'G,T', '<NON_REF>', '<*>', '.', 'C,<NON_REF>', 'AT']);
      const info = pick(['.', 'DP=4', `END=${1 + rnd(21000)}`, `DP=3;END=${1 + rnd(21000)}`, `XEND=${rnd(30000)}`, 'BLOCK=1']);
      let pos = String(1 + rnd(21000));
      if (rnd(50) === 0) pos = pick(['0', 'x1', '', '-4', '1.5']);
      const fields = [pick(chroms), pos, '.', ref, alt, '.', 'PASS', info, 'GT', '0/1'];
      lines.push(fields.slice(0, rnd(60) === 0 ? 3 + rnd(5) : 10).join('\t'));
    }
    // Unsorted on purpose: the index's binary-search path is exercised too.
    const a = SiteIndex.fromIntervals(sites);
    const b = SiteIndex.fromIntervals(sites);
    const pf = new Prefilter(a, true);
    const buf = Buffer.from(lines.join('\n'));
    let s = 0;
    for (const line of lines) {
      const e = s + Buffer.byteLength(line);
      expect(pf.check(buf, s, e), line).toBe(reference(line, b));
      s = e + 1;
    }
  });
});
