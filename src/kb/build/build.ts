// `vcfact kb build`: every table from the sources folder, then MANIFEST.json with each table's
// checksum, each source file's sha256 and the vcfact version. Deterministic: the same sources (and
// version) give the same bytes, so CI can rebuild data/ from ../shared/sources and diff.
// Nothing is written here: the caller writes the files (atomically, src/kb/build/write-dir.ts).
import { createHash } from 'node:crypto';
import type { BuiltTable, Manifest, TableManifest } from '../manifest.js';
import { buildCancer } from './civic.js';
import { buildPgx } from './pgx.js';
import { SourceDir } from './sources.js';

export interface BuiltKb {
  /** File path relative to the KB directory → exact content, MANIFEST.json included. */
  files: Map<string, string>;
  manifest: Manifest;
}

export function manifestEntry(t: BuiltTable): TableManifest {
  const { content, ...rest } = t;
  return { ...rest, sha256: createHash('sha256').update(content).digest('hex') };
}

/** Builds the knowledge base of `sourcesDir` in memory; `version` is the vcfact version recorded. */
export function buildKb(sourcesDir: string, version: string): BuiltKb {
  const src = new SourceDir(sourcesDir);
  const tables = [...buildPgx(src), ...buildCancer(src)];
  tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const manifest: Manifest = {
    schema_version: 1,
    generated_by: 'vcfact kb build',
    vcfact_version: version,
    tables: tables.map(manifestEntry),
    source_files: src.readFiles(),
  };
  const files = new Map(tables.map((t) => [t.file, t.content]));
  files.set('MANIFEST.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { files, manifest };
}
