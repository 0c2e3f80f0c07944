import { describe, expect, it } from 'vitest';
import { SiteIndex } from '../../src/vcf/site-index.js';
import { Prefilter, Verdict } from '../../src/vcf/prefilter.js';

const index = () => SiteIndex.fromIntervals([{ contig: '1', start: 1000, end: 1000 }, { contig: 'X', start: 50, end: 60 }]);
function check(pf: Prefilter, line: string): Verdict {
  // Embed the line in a larger buffer so offsets (not buffer ends) bound the scan.
  const buf = Buffer.from(`xx\n${line}\nmore\tstuff\n`);
  return pf.check(buf, 3, 3 + Buffer.byteLength(line));
}

describe('Prefilter', () => {
  it('spans [POS, POS + len(REF) - 1] and canonicalises CHROM', () => {
    const pf = new Prefilter(index(), false);
    expect(check(pf, 'chr1\t999\t.\tA\tG\t.\t.\t.')).toBe(Verdict.Skip);
    expect(check(pf, 'chr1\t998\t.\tAGC\tA\t.\t.\t.')).toBe(Verdict.Candidate);
    expect([pf.contig, pf.pos, pf.end]).toEqual(['1', 998, 1000]);
    expect(check(pf, '1\t1000\t.\tA\tG\t.\t.\tDP=3\tGT\t0/1')).toBe(Verdict.Candidate);
    expect(check(pf, '1\t1001\t.\tA\tG\t.\t.\t.')).toBe(Verdict.Skip);
    expect(check(pf, 'chrX\t55\t.\tA\tG\t.\t.\t.')).toBe(Verdict.Candidate);
    expect(check(pf, 'chr2\t1000\t.\tA\tG\t.\t.\t.')).toBe(Verdict.Skip);
    expect(pf.contig).toBe('2');
  });
  it('treats every well-formed line as a candidate without an index', () => {
    expect(check(new Prefilter(undefined, false), 'chrUn\t5\t.\tA\tG\t.\t.\t.')).toBe(Verdict.Candidate);
  });
  it('extends gVCF blocks to END only when the header defines END', () => {
    const block = '1\t900\t.\tA\t<NON_REF>\t.\t.\tEND=1100\tGT\t0/0';
    expect(check(new Prefilter(index(), true), block)).toBe(Verdict.Candidate);
    expect(check(new Prefilter(index(), false), block)).toBe(Verdict.Skip);
    expect(check(new Prefilter(index(), true), '1\t900\t.\tA\t<*>\t.\t.\tDP=4;END=999\tGT\t0/0')).toBe(Verdict.Skip);
    expect(check(new Prefilter(index(), true), '1\t900\t.\tA\t.\t.\t.\tBLOCKAVG=1;END=1000')).toBe(Verdict.Candidate);
    // END= inside another key's name does not count; a plain SNV line is never searched.
    expect(check(new Prefilter(index(), true), '1\t900\t.\tA\t<NON_REF>\t.\t.\tXEND=2000')).toBe(Verdict.Skip);
    expect(check(new Prefilter(index(), true), '1\t900\t.\tA\tG\t.\t.\tEND=2000')).toBe(Verdict.Skip);
  });
  it('reports lines with fewer than 8 fields, with the column where they stop', () => {
    const pf = new Prefilter(index(), false);
    expect(check(pf, '1\t1000\t.\tA\tG\t.\t.')).toBe(Verdict.TooFewFields);
    expect(pf.column).toBe(7);
    expect(check(pf, 'just text')).toBe(Verdict.TooFewFields);
    expect(check(pf, '1\tabc')).toBe(Verdict.TooFewFields);
  });
  it('reports POS that is not a positive integer', () => {
    const pf = new Prefilter(index(), false);
    for (const p of ['0', '-5', '1e3', '12x', '', '99999999999']) {
      expect(check(pf, `1\t${p}\t.\tA\tG\t.\t.\t.`), p).toBe(Verdict.BadPos);
      expect(pf.column).toBe(2);
    }
  });
  it('re-reads CHROM when it changes length or bytes', () => {
    const pf = new Prefilter(index(), false);
    check(pf, 'chr1\t5\t.\tA\tG\t.\t.\t.');
    check(pf, 'chr2\t5\t.\tA\tG\t.\t.\t.');
    expect(pf.contig).toBe('2');
    check(pf, 'chr10\t5\t.\tA\tG\t.\t.\t.');
    expect(pf.contig).toBe('10');
    expect(check(pf, 'chr1\t1000\t.\tA\tG\t.\t.\t.')).toBe(Verdict.Candidate);
  });
});
