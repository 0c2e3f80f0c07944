// Builds data/ from ../shared/sources: every table, then data/MANIFEST.json with checksums.
// Deterministic: the same sources give the same bytes, so CI can rebuild and diff.
//   npx tsx scripts/build-kb.ts [--sources DIR] [--out DIR]
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuiltTable, Manifest, TableManifest } from '../src/kb/manifest.js';
import { buildCancer } from './kb/civic.js';
import { buildPgx } from './kb/pgx.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  return v ?? fallback;
}

export function manifestEntry(t: BuiltTable): TableManifest {
  const { content, ...rest } = t;
  return { ...rest, sha256: createHash('sha256').update(content).digest('hex') };
}

async function main(): Promise<void> {
  const sources = resolve(arg('--sources', join(root, '..', 'shared', 'sources')));
  const out = resolve(arg('--out', join(root, 'data')));
  const tables = [...(await buildPgx(sources)), ...(await buildCancer(sources))];
  tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const t of tables) {
    const file = join(out, t.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, t.content);
  }
  const manifest: Manifest = {
    schema_version: 1,
    generated_by: 'scripts/build-kb.ts',
    tables: tables.map(manifestEntry),
  };
  writeFileSync(join(out, 'MANIFEST.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const t of manifest.tables) process.stderr.write(`${t.name}\t${t.records}\t${t.file}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`build-kb: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
