// An index that does not describe the file beside it is not used: an index older than the file,
// the index of another file (here: of the same records before 40 were added in front, and of an
// unrelated file), an index pointing past the end of the file. The reader is told why, once, and
// gets every data line instead, so the results are those of `--index never`.
import { copyFileSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { BgzfBlocks } from '../../src/io/tabix-blocks.js';
import { parseTabixIndex } from '../../src/io/tabix-index.js';
import { planQuery, queryLines } from '../../src/io/tabix-query.js';
import { openIndexed, type Region } from '../../src/io/tabix.js';
import { fixture, vcfact } from '../helpers/cli.js';
import { collect, tempDir } from './helpers.js';

const cases = fixture('io', 'index-cases.vcf.gz');
const tbi = `${cases}.tbi`;
const short = fixture('io', 'index-cases-short.vcf.gz');
const rewritten = fixture('io', 'index-cases-rewritten.vcf.gz');
const unrelatedTbi = fixture('io', 'regions.vcf.gz.tbi');

const regions: Region[] = [
  { chrom: 'chr7', start0: 55191000, end: 55192000 },
  { chrom: 'chr10', start0: 94761000, end: 94782000 },
];

/** `data` as x.vcf.gz with `index` beside it; the index an hour older than the file, or as old. */
function pair(data: string, index: string, older = false): string {
  const path = join(tempDir(), 'x.vcf.gz');
  copyFileSync(data, path);
  copyFileSync(index, `${path}.tbi`);
  const t = new Date('2026-01-01T12:00:00Z');
  utimesSync(path, t, t);
  const it = older ? new Date(t.getTime() - 3_600_000) : t;
  utimesSync(`${path}.tbi`, it, it);
  return path;
}

async function read(path: string): Promise<{ text: string; warnings: string[] }> {
  const warnings: string[] = [];
  const chunks = await collect(openIndexed(path, { warn: (w) => warnings.push(w) }).chunks(regions));
  return { text: Buffer.concat(chunks).toString(), warnings };
}

function dataLines(path: string): string {
  return gunzipSync(readFileSync(path))
    .toString()
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => `${l}\n`)
    .join('');
}

describe('an index that fits', () => {
  it('is used: no warning, the regions only', async () => {
    const { text, warnings } = await read(pair(cases, tbi));
    expect(warnings).toEqual([]);
    // Every record here is one base long: it overlaps a region when start0 < POS <= end.
    const inRegion = (l: string) => regions.some((r) => l.startsWith(`${r.chrom}\t`) && Number(l.split('\t')[1]) > r.start0 && Number(l.split('\t')[1]) <= r.end);
    const expected = dataLines(cases).split('\n').filter(inRegion);
    expect(expected.length).toBeGreaterThan(10);
    expect(text).toBe(expected.map((l) => `${l}\n`).join(''));
  });
});

describe('an index that does not fit', () => {
  const untrusted: [string, string, string, boolean, RegExp][] = [
    ['older than the file', cases, tbi, true, /the index x\.vcf\.gz\.tbi is older than the file/],
    ['older, the file rewritten with records in front', rewritten, tbi, true, /is older than the file/],
    ['of another file: the same records before 40 were added', rewritten, tbi, false, /does not fit the file: its first offset for chr10 is not at the start of a line/],
    ['of an unrelated file', cases, unrelatedTbi, false, /does not fit the file/],
    ['pointing past the end of the file', short, tbi, false, /does not fit the file: the records of chr10 end past the end of the file/],
  ];
  for (const [what, data, index, older, why] of untrusted) {
    it(`${what}: not used, said once, every data line instead`, async () => {
      const { text, warnings } = await read(pair(data, index, older));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(why);
      expect(warnings[0]).toContain('the index is not used and the whole file is read instead');
      expect(text).toBe(dataLines(data));
    });

    it(`${what}: the CLI gives the rows of --index never, with one counted warning`, () => {
      const path = pair(data, index, older);
      const streamed = vcfact(['annotate', '-O', 'json', '--index', 'never', path]);
      const indexed = vcfact(['annotate', '-O', 'json', path]);
      expect(indexed.status).toBe(0);
      const rows = (r: { stdout: string }) => (JSON.parse(r.stdout) as { results: unknown[] }).results;
      expect(rows(indexed)).toEqual(rows(streamed));
      const warnings = (JSON.parse(indexed.stdout) as { warnings: { kind: string; count: number }[] }).warnings;
      expect(warnings.filter((w) => w.kind === 'index-not-used')).toEqual([expect.objectContaining({ count: 1 })]);
      expect(indexed.stderr.match(/the index is not used/g)).toHaveLength(1);
    });
  }

  it('the rewritten file read beside its old index still gives every finding (it gave none)', () => {
    const path = pair(rewritten, tbi, true);
    const rows = JSON.parse(vcfact(['annotate', '-O', 'json', path]).stdout) as { results: { gene: string }[] };
    expect(new Set(rows.results.map((r) => r.gene))).toEqual(new Set(['EGFR', 'BRAF', 'CYP2C19']));
  });
});

describe('an offset that is not a record of its contig', () => {
  it('stops a region read with an input error (never an empty answer)', () => {
    const index = parseTabixIndex(readFileSync(tbi));
    // The index's offset for chr7, asked for as chr10's.
    const [plan] = planQuery(index, [regions[0] as Region]);
    const blocks = new BgzfBlocks(cases);
    try {
      const misfit = (voff: number, chrom: string) => new InputError(`offset ${voff} is not on ${chrom}`, { file: cases });
      expect(() => [...queryLines(blocks, [{ ...plan!, chrom: 'chr10', ref: 1 }], index.layout, misfit)]).toThrow(/is not on chr10/);
      expect([...queryLines(blocks, [plan!], index.layout, misfit)].join('')).toContain('egfr_L858R');
    } finally {
      blocks.close();
    }
  });
});
