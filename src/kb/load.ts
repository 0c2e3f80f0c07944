// Finds and reads the knowledge-base directory and its manifest. Domain tables are loaded by
// their own modules (src/pgx/kb.ts, src/cancer/kb.ts) from the directory resolved here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KbError } from '../errors.js';
import type { Manifest, TableManifest } from './manifest.js';
import { readKbJson } from './read-json.js';

/** The package root: the nearest folder above this module that holds data/MANIFEST.json. */
function packageDataDir(): string {
  // Bundled chunks live at different depths of dist/ (and sources under src/ in tests), so walk up.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'data', 'MANIFEST.json'))) return join(dir, 'data');
    const up = dirname(dir);
    if (up === dir) throw new KbError('the bundled knowledge base (data/MANIFEST.json) was not found; reinstall vcfact or pass --kb DIR');
    dir = up;
  }
}

export interface KbDir {
  dir: string;
  manifest: Manifest;
}

export function openKb(dir?: string): KbDir {
  const kbDir = dir === undefined ? packageDataDir() : resolve(dir);
  const file = join(kbDir, 'MANIFEST.json');
  const manifest = readKbJson<Manifest>(file, 'knowledge-base manifest');
  if (manifest.schema_version !== 1 || !Array.isArray(manifest.tables)) {
    throw new KbError('the knowledge-base manifest has an unknown schema_version or no tables', { file });
  }
  return { dir: kbDir, manifest };
}

/** Checks every table file against its manifest checksum (kb validate; not done on every run). */
export function verifyKb(kb: KbDir): { table: TableManifest; ok: boolean; problem?: string }[] {
  return kb.manifest.tables.map((table) => {
    const file = join(kb.dir, table.file);
    if (!existsSync(file)) return { table, ok: false, problem: `missing file ${file}` };
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    return sha === table.sha256 ? { table, ok: true } : { table, ok: false, problem: `sha256 ${sha} differs from the manifest` };
  });
}

/** Short provenance of every table for outputs: name, version, licence. */
export function kbProvenance(kb: KbDir): { name: string; version: string; licence: string; records: number; sha256: string }[] {
  return kb.manifest.tables.map((t) => ({
    name: t.name,
    version: t.sources.map((s) => `${s.name} ${s.version}`).join('; '),
    licence: [...new Set(t.sources.map((s) => s.licence))].join('; '),
    records: t.records,
    sha256: t.sha256,
  }));
}
