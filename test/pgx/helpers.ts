// Test helpers: read a fixture VCF through the project's reader and run the PGx caller on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Warnings } from '../../src/log.js';
import { PgxCollector } from '../../src/pgx/collect.js';
import { callGene, type CallOptions, type GeneCall } from '../../src/pgx/call.js';
import { loadPgxKb, type PgxKb } from '../../src/pgx/kb.js';
import type { VcfRecord } from '../../src/types.js';
import { readVcf } from '../../src/vcf/reader.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CONF = join(ROOT, 'fixtures', 'pgx', 'conformance');
let kb: PgxKb | undefined;
export function testKb(): PgxKb {
  kb ??= loadPgxKb(join(ROOT, 'data'));
  return kb;
}

export async function readRecords(path: string): Promise<{ samples: string[]; records: VcfRecord[] }> {
  const raw = readFileSync(path);
  const buf = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  async function* chunks(): AsyncIterable<Buffer> {
    yield buf;
  }
  const reader = await readVcf(chunks(), { file: path, warnings: new Warnings() });
  const records: VcfRecord[] = [];
  for await (const r of reader.records) records.push(r);
  return { samples: reader.header.samples, records };
}

/** Calls every gene for every sample of a VCF. */
export async function callVcf(path: string, opts: CallOptions = {}, missingAsRef = false): Promise<Map<string, GeneCall>[]> {
  const k = testKb();
  const { samples, records } = await readRecords(path);
  const col = new PgxCollector(k, 'GRCh38', samples.length, { missingAsRef });
  for (const r of records) col.add(r);
  return samples.map((_, i) => {
    const out = new Map<string, GeneCall>();
    for (const [gene, def] of k.genes()) out.set(gene, callGene(def, col.siteCalls(gene, def.sites, i), opts));
    return out;
  });
}

export interface ConformanceCase {
  file: string;
  gene: string;
  expected: string[];
  notes: string;
  opts: CallOptions;
}

export function conformanceCases(): ConformanceCase[] {
  const lines = readFileSync(join(CONF, 'expected.tsv'), 'utf8').split('\n').filter(Boolean).slice(1);
  return lines.map((l) => {
    const [file = '', gene = '', exp = '[]', , notes = ''] = l.split('\t');
    let expected = JSON.parse(exp) as string[];
    if (expected.length === 1 && (expected[0] === 'Unknown/Unknown' || expected[0] === 'Not called')) expected = [];
    const allMatches = /allMatches \(topCandidateOnly=false\)|topCandidateOnly=false/.test(notes) && !/allMatches=false/.test(notes);
    return { file, gene, expected, notes, opts: { allMatches, findCombinations: /findCombinations=true/.test(notes) } };
  });
}
