import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { selectSamples } from '../../src/vcf/samples.js';

const all = ['A', 'B', 'C', 'D'];

describe('selectSamples', () => {
  it('selects everything by default', () => expect(selectSamples(all, undefined)).toEqual({ indices: [0, 1, 2, 3], names: all }));
  it('selects a comma list in file order', () => expect(selectSamples(all, 'C,A')).toEqual({ indices: [0, 2], names: ['A', 'C'] }));
  it('excludes with ^', () => expect(selectSamples(all, '^B,D').names).toEqual(['A', 'C']));
  it('reads a file of names, and ^file excludes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vcfact-'));
    const f = join(dir, 'samples.txt');
    try {
      writeFileSync(f, 'B\n\nD\r\n');
      expect(selectSamples(all, f).names).toEqual(['B', 'D']);
      expect(selectSamples(all, `^${f}`).names).toEqual(['A', 'C']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('names an unknown sample', () => {
    expect(() => selectSamples(all, 'A,Z')).toThrow(UsageError);
    expect(() => selectSamples(all, 'A,Z')).toThrow('sample Z given in -s is not in the VCF');
  });
  it('refuses a selection of nothing', () => {
    expect(() => selectSamples(all, '^A,B,C,D')).toThrow('selects no sample');
    expect(() => selectSamples(all, ',')).toThrow(UsageError);
    expect(() => selectSamples(all, '')).toThrow('names no sample');
    expect(() => selectSamples(all, '^')).toThrow('names no sample');
  });
  it('refuses a name given twice', () => {
    expect(() => selectSamples(all, 'A,B,A')).toThrow('sample A is named twice in -s');
  });
});
