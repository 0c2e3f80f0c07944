// Test helpers: feed text to readVcf as Buffer chunks (whole lines, as src/io delivers them).
import { readFileSync } from 'node:fs';
import { Warnings } from '../../src/log.js';
import { readVcf, type ReadVcfOptions } from '../../src/vcf/reader.js';
import type { VcfRecord } from '../../src/types.js';

/** One chunk per `perChunk` lines (default: the whole text in one chunk). */
export async function* chunksOf(text: string | Buffer, perChunk = 0): AsyncGenerator<Buffer> {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  if (perChunk <= 0) {
    yield buf;
    return;
  }
  let s = 0;
  while (s < buf.length) {
    let e = s;
    for (let n = 0; n < perChunk && e < buf.length; n++) {
      const nl = buf.indexOf(10, e);
      e = nl < 0 ? buf.length : nl + 1;
    }
    yield buf.subarray(s, e);
    s = e;
  }
}

export async function readAll(
  text: string | Buffer,
  opts: Partial<ReadVcfOptions> & { perChunk?: number; strict?: boolean } = {},
): Promise<{ records: VcfRecord[]; warnings: Warnings; reader: Awaited<ReturnType<typeof readVcf>> }> {
  const warnings = opts.warnings ?? new Warnings(opts.strict ?? false);
  const reader = await readVcf(chunksOf(text, opts.perChunk), { file: 'test.vcf', ...opts, warnings });
  const records: VcfRecord[] = [];
  for await (const r of reader.records) records.push(r);
  return { records, warnings, reader };
}

export function fixture(path: string): Buffer {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
}

/** A small VCF: the given data rows (space-separated fields; "" = empty field) under a standard header. */
export function vcf(rows: string[], opts: { samples?: string[]; meta?: string[] } = {}): string {
  const samples = opts.samples ?? ['S1'];
  const meta = opts.meta ?? [
    '##contig=<ID=1,length=248956422>',
    '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="AC">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="GQ">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="AD">',
    '##FORMAT=<ID=FT,Number=1,Type=String,Description="Filter">',
    '##FORMAT=<ID=PS,Number=1,Type=Integer,Description="Phase set">',
  ];
  const cols = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', ...(samples.length ? ['FORMAT', ...samples] : [])];
  return ['##fileformat=VCFv4.2', ...meta, cols.join('\t'), ...rows.map((r) => r.split(/ +/).map((f) => (f === '""' ? '' : f)).join('\t'))].join('\n') + '\n';
}
