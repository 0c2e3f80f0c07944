// The prefilter run inside the BGZF inflate workers must give exactly what the main-thread scan
// gives: same records, same warnings (kinds, messages, file:line examples, order), same summary
// (key order included), whatever the block and batch sizes — lines crossing blocks and batches,
// candidates split across batches, a header over several blocks, unsorted input, gVCF END blocks,
// CHROM names the header does not declare.
import { describe, expect, it } from 'vitest';
import { openBytes, scannable, type BgzfPiece } from '../../src/io/open.js';
import { SiteIndex } from '../../src/vcf/site-index.js';
import { Warnings } from '../../src/log.js';
import { readVcf } from '../../src/vcf/reader.js';
import { bgzf } from '../io/helpers.js';
import { chunksOf } from './helpers.js';

const SITES = SiteIndex.fromIntervals([
  { contig: '1', start: 1000, end: 1000 },
  { contig: '1', start: 5000, end: 5100 },
  { contig: '2', start: 300, end: 300 },
  { contig: 'X', start: 70, end: 90 },
  { contig: 'chrUn_x', start: 5, end: 5 },
]);

function header(long: boolean): string[] {
  return [
    '##fileformat=VCFv4.2',
    // Enough meta lines to spread the header over several small blocks and batches.
    ...Array.from({ length: long ? 60 : 1 }, (_, i) => `##note${i}=${'h'.repeat(40)}`),
    '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##contig=<ID=chr1>',
    '##contig=<ID=chr2>',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
  ];
}

function row(chrom: string, pos: number, alt = 'G', info = '.', ref = 'A'): string {
  return `${chrom}\t${pos}\t.\t${ref}\t${alt}\t50\tPASS\t${info}\tGT\t0/1`;
}

/** Many records around the sites, with malformed and odd lines spread through. */
function body(opts: { unsorted?: 'pos' | 'contig' | 'none'; oddAt?: number } = {}): string[] {
  const out: string[] = [];
  for (let p = 10; p < 6000; p += 37) {
    out.push(row('chr1', p, 'G', `DP=${p % 97};PAD=${'x'.repeat(p % 53)}`));
    if (p === 898) out.push(row('chr1', 900, '<NON_REF>', 'END=1200'));
    if (p === 1305) out.push(row('chr1', 1306, '.', 'END=5050'));
    if (p === opts.oddAt) out.push('', 'chr1\t12x\t.\tA\tG\t.\t.\t.\tGT\t0/1', 'chr1\t13', '#late header', 'chr1\t14\t.\tA\tG\t.\t.\t.\tGT\t0/1');
  }
  if (opts.unsorted === 'pos') out.push(row('chr1', 700));
  for (let p = 10; p < 2000; p += 11) out.push(row('chr2', p, p === 300 ? 'T' : 'G', `DP=${p}`));
  if (opts.unsorted === 'contig') out.push(row('chr1', 7000));
  // CHROM names not in the header: the workers hand those batches back to the main thread.
  for (let p = 1; p < 400; p += 3) out.push(row('X', p));
  for (let p = 1; p < 50; p += 2) out.push(row('chrUn_x', p));
  out.push(row('chrX', 80, 'C'));
  return out;
}

function vcfOf(lines: string[], finalNewline = true): string {
  return lines.join('\n') + (finalNewline ? '\n' : '');
}

interface Outcome {
  records: string;
  warnings: string;
  summary: string;
  scanned: number;
}

async function run(chunks: AsyncIterable<Buffer>): Promise<Outcome> {
  let scanned = 0;
  const src = scannable(chunks);
  if (src !== undefined) {
    // Count the batches that come back scanned by a worker.
    const iterate = src[Symbol.asyncIterator].bind(src);
    src[Symbol.asyncIterator] = async function* (): AsyncGenerator<BgzfPiece> {
      const it = iterate();
      for (let r = await it.next(); !r.done; r = await it.next()) {
        if (!Buffer.isBuffer(r.value)) scanned++;
        yield r.value;
      }
    };
  }
  const warnings = new Warnings();
  const reader = await readVcf(chunks, { file: 'in.vcf.gz', warnings });
  reader.setIndex(SITES);
  const records = [];
  for await (const r of reader.records) records.push(r);
  return {
    records: JSON.stringify(records),
    warnings: JSON.stringify(warnings.list()),
    summary: JSON.stringify(reader.summary),
    scanned,
  };
}

async function viaBgzf(text: string, blockSize: number, threads: number, batchSize: number): Promise<Outcome> {
  const src = await openBytes(chunksOf(bgzf(text, blockSize)), 'in.vcf.gz', { threads, batchSize });
  return run(src.chunks());
}

async function expectSame(text: string, cuts: [blockSize: number, batchSize: number][]): Promise<void> {
  const ref = await run(chunksOf(text));
  expect(ref.records.length).toBeGreaterThan(2);
  let scanned = 0;
  for (const [block, batch] of cuts) {
    for (const threads of [1, 2]) {
      const got = await viaBgzf(text, block, threads, batch);
      const where = `block ${block}, batch ${batch}, ${threads} thread(s)`;
      expect(got.records, where).toBe(ref.records);
      expect(got.warnings, where).toBe(ref.warnings);
      expect(got.summary, where).toBe(ref.summary);
      if (threads === 1) expect(got.scanned, where).toBe(0);
      scanned += got.scanned;
    }
  }
  // The worker path was really taken.
  expect(scanned).toBeGreaterThan(0);
}

const CUTS: [number, number][] = [
  [97, 1], // one small block per batch: many batches hold no newline at all
  [97, 300],
  [1000, 1500],
  [4096, 5000],
  [65280, 20000],
];

describe('prefilter in the BGZF workers', () => {
  it('matches the main-thread scan on sorted input, lines crossing blocks and batches', async () => {
    await expectSame(vcfOf([...header(true), ...body()]), CUTS);
  });
  it('reports malformed lines with the same line numbers', async () => {
    const text = vcfOf([...header(false), ...body({ oddAt: 2452 })]);
    const ref = await run(chunksOf(text));
    expect(ref.warnings).toContain('empty-line');
    expect(ref.warnings).toContain('bad-pos');
    expect(ref.warnings).toContain('header-in-data');
    await expectSame(text, CUTS);
  });
  it('warns once about unsorted positions, at the same line', async () => {
    const text = vcfOf([...header(false), ...body({ unsorted: 'pos' })]);
    expect((await run(chunksOf(text))).warnings).toContain('position 700 after 5967 on 1');
    await expectSame(text, CUTS);
  });
  it('warns once about a contig that comes back, at the same line', async () => {
    const text = vcfOf([...header(false), ...body({ unsorted: 'contig' })]);
    expect((await run(chunksOf(text))).warnings).toContain('contig 1 appears again');
    await expectSame(text, CUTS);
  });
  it('checks the order across every batch boundary', async () => {
    // One backward step per position of the violation relative to the batch cuts.
    const lines = [...header(false), ...Array.from({ length: 300 }, (_, i) => row('chr1', 10 + i * 10))];
    for (const at of [40, 41, 42, 43, 44]) {
      const l = [...lines];
      l.splice(header(false).length + at, 0, row('chr1', 15));
      const text = vcfOf(l);
      await expectSame(text, [
        [64, 150],
        [64, 300],
        [97, 1],
      ]);
    }
  });
  it('keeps a last line without its newline, and a candidate split across batches', async () => {
    const text = vcfOf([...header(false), ...body(), row('chr1', 5050, 'T', `PAD=${'y'.repeat(3000)}`)], false);
    await expectSame(text, [
      [512, 700],
      [97, 1],
    ]);
  });
  it('stops the input and its workers when the records are abandoned', async () => {
    const text = vcfOf([...header(false), ...body()]);
    const src = await openBytes(chunksOf(bgzf(text, 97)), 'in.vcf.gz', { threads: 2, batchSize: 300 });
    const chunks = src.chunks();
    const bgzfSource = scannable(chunks);
    if (bgzfSource === undefined) throw new Error('BGZF input should be scannable');
    let stopped = false;
    const iterate = bgzfSource[Symbol.asyncIterator].bind(bgzfSource);
    bgzfSource[Symbol.asyncIterator] = async function* (): AsyncGenerator<BgzfPiece> {
      const it = iterate();
      try {
        for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
      } finally {
        await it.return?.(undefined);
        stopped = true;
      }
    };
    const reader = await readVcf(chunks, { file: 'in.vcf.gz', warnings: new Warnings() });
    reader.setIndex(SITES);
    for await (const r of reader.records) {
      expect(r.pos).toBeGreaterThan(0);
      break;
    }
    expect(stopped).toBe(true);
  });
});
