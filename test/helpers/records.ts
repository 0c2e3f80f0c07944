// Hand-built VcfRecords for unit tests (types.ts shapes, no parsing).
import type { VcfRecord } from '../../src/types.js';

/** A PASS record with no INFO; every field can be overridden. */
export function record(contig: string, pos: number, ref: string, alts: string[], extra: Partial<VcfRecord> = {}): VcfRecord {
  return { line: 1, chrom: contig, contig, pos, ids: [], ref, alts, qual: null, filter: ['PASS'], info: {}, calls: [], ...extra };
}
