import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { Warnings } from '../../src/log.js';
import { parseOutsideCalls, readOutsideCalls } from '../../src/pgx/outside.js';

const GENES = new Set(['CYP2D6', 'CYP2C19', 'HLA-B', 'MT-RNR1']);

describe('outside calls', () => {
  it('reads gene, diplotype, phenotype and activity score; skips comments and blank lines', () => {
    const w = new Warnings();
    const calls = parseOutsideCalls('# comment\nCYP2D6\t*1/*3\nHLA-B\t*15:02/*57:01\n\nCYP2C19\t\tPoor Metabolizer\nMT-RNR1\t1555A>G\n', 'oc.tsv', GENES, w);
    expect(calls.map((c) => [c.gene, c.diplotype, c.phenotype, c.line])).toEqual([
      ['CYP2D6', '*1/*3', undefined, 2],
      ['HLA-B', '*15:02/*57:01', undefined, 3],
      ['CYP2C19', undefined, 'Poor Metabolizer', 5],
      ['MT-RNR1', '1555A>G', undefined, 6],
    ]);
    expect(w.size).toBe(0);
  });

  it('a bad row is a warning naming file and line; the other rows still count', () => {
    const w = new Warnings();
    const calls = parseOutsideCalls('CYP2D6\t*1/*3\nFOO1\t*1/*1\nCYP2C19\n', 'oc.tsv', GENES, w);
    expect(calls.map((c) => c.gene)).toEqual(['CYP2D6']);
    const list = w.list();
    expect(list).toHaveLength(1);
    expect(list[0]?.count).toBe(2);
    expect(list[0]?.examples).toEqual(['oc.tsv:2', 'oc.tsv:3']);
  });

  it.each([
    ['CYP2D6\t*1/*3/*4', /not 'allele\/allele'/],
    ['CYP2D6\t\t\tabc', /not a number/],
    ['CYP2D6\t*1/*1\tNM\t2\tS1\textra', /at most 5/],
    ['\t*1/*1', /no gene/],
    ['CYP2D6\t*1/*1\nCYP2D6\t*1/*2', /second outside call/],
  ])('rejects %j', (text, why) => {
    const w = new Warnings();
    parseOutsideCalls(text, 'oc.tsv', GENES, w);
    expect(w.list()[0]?.message).toMatch(why);
  });

  it('is fatal under --strict, with the file and line', () => {
    const w = new Warnings(true);
    expect(() => parseOutsideCalls('CYP2D6\t*1/*3\nNOPE\t*1\n', 'oc.tsv', GENES, w)).toThrow(InputError);
    try {
      parseOutsideCalls('NOPE\t*1\n', 'oc.tsv', GENES, new Warnings(true));
    } catch (e) {
      expect((e as InputError).describe()).toMatch(/^oc\.tsv:1: outside call ignored: unknown gene 'NOPE'/);
    }
  });

  it('an unreadable file is an input error', () => {
    expect(() => readOutsideCalls('/nonexistent/oc.tsv', GENES, new Warnings())).toThrow(InputError);
  });
});
