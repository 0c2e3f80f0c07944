// Run-time KB loading and the annotate matcher.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KbError } from '../../src/errors.js';
import { loadPgxKb } from '../../src/pgx/kb.js';
import { pgxMatcher } from '../../src/pgx/matcher.js';
import { minimalAllele } from '../../src/pgx/minimal.js';
import { combinationName, diplotypeName, haplotypeCompare, naturalCompare } from '../../src/pgx/names.js';
import type { Build, SplitVariant } from '../../src/types.js';
import { kbWithTable, record } from '../helpers/records.js';
import { testKb } from './helpers.js';

const kb = testKb();
const matcher = pgxMatcher(kb);

function variant(contig: string, pos: number, ref: string, alt: string): SplitVariant {
  return { record: record(contig, pos, ref, [alt], { filter: [] }), altIndex: 1, pos, ref, alt, ...minimalAllele(pos, ref, alt), info: {}, sampleFields: [] };
}
const m = (v: SplitVariant, b: Build = 'GRCh38') => matcher.match(v, b);

describe('loadPgxKb', () => {
  it('loads the 20 definition genes and their sites', () => {
    expect([...kb.genes().keys()]).toHaveLength(20);
    expect(kb.sites.length).toBeGreaterThan(1200);
    expect(kb.phenotypes().get('CYP2C19')?.alleles['*2']?.[0]).toBe('No function');
    expect(kb.recommendations().length).toBeGreaterThan(2000);
  });

  it('gives prefilter intervals on canonical contigs for both builds', () => {
    for (const b of ['GRCh38', 'GRCh37'] as const) {
      const iv = kb.intervals(b);
      expect(iv.length).toBeGreaterThan(1000);
      expect(iv.every((i) => /^(\d+|X|Y|MT)$/.test(i.contig) && i.end >= i.start)).toBe(true);
    }
    expect(kb.intervals('GRCh38')).toContainEqual({ contig: '10', start: 94781859, end: 94781859 });
    expect(kb.intervals('GRCh37')).toContainEqual({ contig: '10', start: 96541616, end: 96541616 });
  });

  it('a missing or corrupt table is a knowledge-base error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vcfact-pgxkb-'));
    try {
      expect(() => loadPgxKb(dir)).toThrow(KbError);
      kbWithTable(dir, 'pgx/sites.json', '{"rows": 3}', 'pgx');
      expect(() => loadPgxKb(dir)).toThrow(/not valid/);
      kbWithTable(dir, 'pgx/sites.json', '{"rows": []}', 'pgx');
      expect(() => loadPgxKb(dir).genes()).toThrow(KbError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pgx matcher', () => {
  it('an allele-defining SNV is an exact match naming its alleles', () => {
    const [hit] = m(variant('10', 94781859, 'G', 'A'));
    expect(hit).toMatchObject({ kb: 'pgx', gene: 'CYP2C19', match: 'exact', feature: 'CYP2C19 rs4244285 (*2)' });
    expect(hit?.extra).toMatchObject({ rsid: 'rs4244285', alleles: ['*2'], function: 'No function' });
  });

  it('names non-star alleles directly (DPYD c.1905+1G>A)', () => {
    const [hit] = m(variant('1', 97450058, 'C', 'T'));
    expect(hit?.feature).toBe('DPYD c.1905+1G>A (*2A)');
  });

  it('an allele no definition knows is a position match', () => {
    const [hit] = m(variant('1', 97450058, 'C', 'G'));
    expect(hit).toMatchObject({ gene: 'DPYD', match: 'position' });
  });

  it('matches deletions in their minimal form and GRCh37 coordinates', () => {
    expect(m(variant('10', 94949161, 'AT', 'A'))[0]?.match).toBe('exact');
    expect(m(variant('10', 96541616, 'G', 'A'), 'GRCh37')[0]?.feature).toBe('CYP2C19 rs4244285 (*2)');
  });

  it('nothing off the definition positions', () => {
    expect(m(variant('10', 94781860, 'G', 'A'))).toEqual([]);
    expect(m(variant('10', 94781859, 'G', 'A'), 'GRCh37')).toEqual([]);
  });
});

describe('names', () => {
  it('orders numbers inside names as numbers', () => {
    expect(['*17', '*4', '*1'].sort(naturalCompare)).toEqual(['*1', '*4', '*17']);
    expect(['c.1129-5923C>G, c.1236G>A (HapB3)', 'c.85T>C (*9A)', 'c.1129-5923C>G'].sort(naturalCompare)).toEqual(['c.85T>C (*9A)', 'c.1129-5923C>G', 'c.1129-5923C>G, c.1236G>A (HapB3)']);
  });
  it('puts plain names before combinations', () => {
    expect(haplotypeCompare('[c.61C>T + c.313G>A]', 'c.61C>T')).toBeGreaterThan(0);
    expect(diplotypeName('[c.61C>T + c.313G>A]', 'c.61C>T')).toBe('c.61C>T/[c.61C>T + c.313G>A]');
    expect(combinationName(['c.2933A>G', 'c.498G>A'])).toBe('[c.498G>A + c.2933A>G]');
    expect(combinationName(['*2'])).toBe('*2');
  });
  it('minimal alleles drop shared suffix then prefix', () => {
    expect(minimalAllele(100, 'G', 'GA')).toEqual({ tpos: 101, tref: '', talt: 'A' });
    expect(minimalAllele(100, 'CCTT', 'C')).toEqual({ tpos: 101, tref: 'CTT', talt: '' });
    expect(minimalAllele(100, 'TT', 'T')).toEqual({ tpos: 100, tref: 'T', talt: '' });
  });
});
