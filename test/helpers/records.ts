// Hand-built VcfRecords for unit tests (types.ts shapes, no parsing), and a one-table KB folder.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { VcfRecord } from '../../src/types.js';

/** A PASS record with no INFO; every field can be overridden. */
export function record(contig: string, pos: number, ref: string, alts: string[], extra: Partial<VcfRecord> = {}): VcfRecord {
  return { line: 1, chrom: contig, contig, pos, ids: [], ref, alts, qual: null, filter: ['PASS'], info: {}, calls: [], ...extra };
}

/**
 * A knowledge-base folder holding one table file with the given text and a manifest whose
 * checksum fits it, so a reader gets past verification to the table's own content.
 */
export function kbWithTable(dir: string, file: string, text: string, domain: 'pgx' | 'cancer'): void {
  mkdirSync(join(dir, dirname(file)), { recursive: true });
  writeFileSync(join(dir, file), text);
  const source = { name: 'test', version: '1', repository: 'none', commit: 'none', path: file, licence: 'test data' };
  const table = { name: file, file, domain, description: 'test table', sources: [source], builds: [], records: 0, sha256: createHash('sha256').update(text).digest('hex') };
  writeFileSync(join(dir, 'MANIFEST.json'), JSON.stringify({ schema_version: 1, generated_by: 'test', tables: [table] }));
}
