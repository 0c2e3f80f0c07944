import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isLiftFailure, liftInterval, liftPoint, parseChain, ucscToCanonical } from '../../src/kb/build/liftover.js';

const chainFile = new URL('../../fixtures/cancer/chain/hg19ToHg38.over.chain.gz', import.meta.url).pathname;
const chain = parseChain(gunzipSync(readFileSync(chainFile)).toString('utf8'), chainFile);

describe('liftover hg19 → hg38 (UCSC chain)', () => {
  // GRCh37 → GRCh38 pairs as dbSNP/ClinVar and CIViC give them.
  const pairs: [string, string, number, number][] = [
    ['BRAF V600E', '7', 140453136, 140753336],
    ['PIK3CA H1047R', '3', 178952085, 179234297],
    ['PIK3CA E545K', '3', 178936091, 179218303],
    ['KRAS G12D', '12', 25398284, 25245350],
    ['EGFR L858R', '7', 55259515, 55191822],
    ['EGFR E746_A750del start', '7', 55242465, 55174772],
    ['TP53 R175H', '17', 7578406, 7675088],
    ['IDH1 R132H', '2', 209113112, 208248388],
    ['NRAS Q61K', '1', 115256530, 114713909],
  ];
  for (const [name, contig, from, to] of pairs) {
    it(`${name}: ${contig}:${from} → ${to}`, () => {
      expect(liftPoint(chain, contig, from)).toMatchObject({ contig, pos: to, strand: '+' });
    });
  }

  it('returns undefined off the chains and for unknown contigs', () => {
    expect(liftPoint(chain, '1', 5)).toBeUndefined();
    expect(liftPoint(chain, 'nope', 100)).toBeUndefined();
  });

  it('lifts an exact interval keeping its length, and an insertion point by its flanks', () => {
    expect(liftInterval(chain, { contig: '7', start: 55242465, end: 55242479 }, true)).toEqual({ contig: '7', start: 55174772, end: 55174786, strand: '+' });
    expect(liftInterval(chain, { contig: '7', start: 55249009, end: 55249008 }, true)).toEqual({ contig: '7', start: 55181316, end: 55181315, strand: '+' });
  });

  it('fails an interval whose end is unmapped', () => {
    const r = liftInterval(chain, { contig: '1', start: 5, end: 20000 }, false);
    expect(isLiftFailure(r)).toBe(true);
  });
});

describe('parseChain', () => {
  // Target 1000 bases on chr1; block 100 bases, gap 10 (target) / 20 (query), block 50.
  const text = ['chain 100 chr1 1000 + 0 160 chr1 2000 + 500 670 1', '100 10 20', '50', '', 'chain 50 chr2 500 + 0 50 chr3 500 - 0 50 2', '50', ''].join('\n');
  const c = parseChain(text, 'test.chain');

  it('maps blocks and skips gaps (1-based in, 1-based out)', () => {
    expect(liftPoint(c, '1', 1)?.pos).toBe(501);
    expect(liftPoint(c, '1', 100)?.pos).toBe(600);
    expect(liftPoint(c, '1', 105)).toBeUndefined();
    expect(liftPoint(c, '1', 111)?.pos).toBe(621);
  });

  it('maps - strand chains from the end of the query contig', () => {
    expect(liftPoint(c, '2', 1)).toMatchObject({ contig: '3', pos: 500, strand: '-' });
  });

  it('refuses exact intervals across a gap, allows ranges', () => {
    expect(isLiftFailure(liftInterval(c, { contig: '1', start: 90, end: 120 }, true))).toBe(true);
    expect(liftInterval(c, { contig: '1', start: 90, end: 120 }, false)).toEqual({ contig: '1', start: 590, end: 630, strand: '+' });
  });

  it('rejects malformed input', () => {
    expect(() => parseChain('100 1 1\n', 'a.chain')).toThrow(/before any chain header/);
    expect(() => parseChain('chain 1 chr1 10 +\n', 'a.chain')).toThrow(/12 or more fields/);
  });

  it('names contigs canonically', () => {
    expect(ucscToCanonical('chrM')).toBe('MT');
    expect(ucscToCanonical('chrX')).toBe('X');
    expect(ucscToCanonical('chr1_gl000191_random')).toBe('1_gl000191_random');
  });
});
