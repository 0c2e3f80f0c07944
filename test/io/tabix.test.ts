import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { findIndex, openIndexed, planRegions, type Region } from '../../src/io/tabix.js';
import { collect, strictIndex, tempDir } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../fixtures/io');
const tbi = join(fixtures, 'regions.vcf.gz');
const csi = join(fixtures, 'regions-csi.vcf.gz');

async function ids(path: string, regions: Region[]): Promise<string[]> {
  const text = Buffer.concat(await collect(openIndexed(path, strictIndex).chunks(regions))).toString();
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((l) => l.split('\t')[2] ?? '');
}

describe('findIndex', () => {
  it('finds .tbi, then .csi, beside the input', () => {
    expect(findIndex(tbi)).toBe(`${tbi}.tbi`);
    expect(findIndex(csi)).toBe(`${csi}.csi`);
    expect(findIndex(join(fixtures, 'PROVENANCE.md'))).toBeUndefined();
  });
});

describe('openIndexed', () => {
  it('returns the header with every line ended', async () => {
    const h = await openIndexed(tbi, strictIndex).header();
    expect(h.startsWith('##fileformat=VCFv4.2\n')).toBe(true);
    expect(h.endsWith('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n')).toBe(true);
  });

  it('returns records overlapping a region, including a long deletion by its END', async () => {
    // tabix regions.vcf.gz chr1:1600-1700 → del1000 only (its END=2000000 covers the region)
    expect(await ids(tbi, [{ chrom: 'chr1', start0: 1599, end: 1700 }])).toEqual(['del1000']);
  });

  it('yields each line once, in file order, whatever the region order and overlap', async () => {
    const regions: Region[] = [
      { chrom: 'chr2', start0: 0, end: 100 },
      { chrom: 'chr1', start0: 1_400_000, end: 1_600_000 },
      { chrom: 'chr1', start0: 1599, end: 1700 },
      { chrom: 'chr1', start0: 150, end: 250 },
      { chrom: 'chr1', start0: 190, end: 1600 },
    ];
    expect(await ids(tbi, regions)).toEqual(['v200', 'del1000', 'v1500', 'v1500000', 'w10']);
  });

  it('reads whole contigs window by window without repeating a spanning record', async () => {
    expect(await ids(tbi, [{ chrom: 'chr1', start0: 0, end: Number.POSITIVE_INFINITY }])).toEqual([
      'v100',
      'v200',
      'del1000',
      'v1500',
      'v1500000',
      'v2500000',
    ]);
  });

  it('reads through a CSI index', async () => {
    expect(await ids(csi, [{ chrom: 'chr2', start0: 0, end: 3_000_000 }])).toEqual(['w10', 'w2000000']);
  });

  it('yields nothing for contigs absent from the index', async () => {
    expect(await collect(openIndexed(tbi, strictIndex).chunks([{ chrom: '1', start0: 0, end: 1000 }]))).toEqual([]);
  });

  it('lists the contigs as the file names them', async () => {
    expect(await openIndexed(tbi, strictIndex).contigs()).toEqual(['chr1', 'chr2']);
  });

  it('refuses an input without an index', () => {
    const copy = join(tempDir(), 'x.vcf.gz');
    copyFileSync(tbi, copy);
    expect(() => openIndexed(copy, strictIndex)).toThrow(InputError);
  });

  it('reports a corrupt index as an input error naming the index', async () => {
    const dir = tempDir();
    const copy = join(dir, 'x.vcf.gz');
    copyFileSync(tbi, copy);
    copyFileSync(join(fixtures, 'PROVENANCE.md'), `${copy}.tbi`);
    const r = openIndexed(copy, strictIndex);
    const naming = expect.objectContaining({ where: { file: `${copy}.tbi` } });
    await expect(r.header()).rejects.toThrow(naming);
    await expect(r.header()).rejects.toThrow(InputError);
    await expect(collect(r.chunks([{ chrom: 'chr1', start0: 0, end: 10 }]))).rejects.toThrow(/cannot read the index/);
  });
});

describe('planRegions', () => {
  it('sorts by contig order then start, merges overlapping and touching regions', () => {
    const order = { a: 0, b: 1 };
    expect(
      planRegions(
        [
          { chrom: 'b', start0: 5, end: 9 },
          { chrom: 'a', start0: 10, end: 20 },
          { chrom: 'a', start0: 0, end: 10 },
          { chrom: 'a', start0: 30, end: 40 },
          { chrom: 'zz', start0: 0, end: 1 },
          { chrom: 'a', start0: 50, end: 50 },
        ],
        order,
      ),
    ).toEqual([
      { chrom: 'a', start0: 0, end: 20 },
      { chrom: 'a', start0: 30, end: 40 },
      { chrom: 'b', start0: 5, end: 9 },
    ]);
  });
});
