// Hand-built PGx inputs for the caller tests: one record per definition position of a gene (0/0
// unless overridden), run through the collector and the caller.
import { callGene, type CallOptions } from '../../src/pgx/call.js';
import { PgxCollector } from '../../src/pgx/collect.js';
import type { GeneDef } from '../../src/pgx/kb.js';
import type { Call, VcfRecord } from '../../src/types.js';
import { record } from '../helpers/records.js';
import { testKb } from './helpers.js';

export const kb = testKb();
export const gene = (g: string): GeneDef => kb.genes().get(g) as GeneDef;

export function rec(contig: string, pos: number, ref: string, alts: string[], calls: Partial<Call>[], extra: Partial<VcfRecord> = {}): VcfRecord {
  return record(contig, pos, ref, alts, { line: pos % 1000, chrom: `chr${contig}`, calls: calls.map((c) => ({ alleles: [0, 0], phased: false, ...c })), ...extra });
}

/** Every definition position of a gene as 0/0, with overrides pos → GT alleles. */
export function geneRecords(g: string, gts: Record<number, Partial<Call>>, skip: number[] = []): VcfRecord[] {
  const def = gene(g);
  return def.sites.filter((s) => !skip.includes(s.pos)).map((s) => rec(s.chrom, s.pos, s.ref, s.alts, [gts[s.pos] ?? { alleles: [0, 0] }]));
}

export function call(g: string, records: VcfRecord[], opts: CallOptions = {}, missingAsRef = false) {
  const col = new PgxCollector(kb, 'GRCh38', 1, { missingAsRef });
  for (const r of records) col.add(r);
  const def = gene(g);
  const calls = col.siteCalls(g, def.sites, 0);
  return { call: callGene(def, calls, opts), calls };
}
