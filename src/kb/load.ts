// Finds, reads and verifies the knowledge-base directory. Every run checks every table's sha256
// against the manifest before the first record (4 MB read and hashed once), and a reader parses the
// very bytes that were hashed: what `kb[].sha256` reports is what was read and used. Domain tables
// are parsed by their own modules (src/pgx/kb.ts, src/cancer/kb.ts) through readKbTable.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KbError, VcfactError } from '../errors.js';
import { type Manifest, MANIFEST_SHAPE, type TableManifest } from './manifest.js';
import { parseKbJson, readKbBytes } from './read-json.js';
import type { Check } from './shape.js';
import { TABLE_SHAPES } from './table-shapes.js';
import type { LocalTable } from '../tables/types.js';

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
  /** Table file → sha256 of the bytes read from it (filled by verification). */
  sha256: Map<string, string>;
  /** Table file → bytes verified by openKb and not yet parsed (handed to the first reader). */
  verified: Map<string, Buffer>;
}

/** The directory and its manifest, tables not yet verified (--version, kb validate). */
export function readManifest(dir?: string): KbDir {
  const kbDir = dir === undefined ? packageDataDir() : resolve(dir);
  const file = join(kbDir, 'MANIFEST.json');
  const manifest = parseKbJson<Manifest>(readKbBytes(file, 'knowledge-base manifest'), file, 'knowledge-base manifest', MANIFEST_SHAPE);
  if (manifest.schema_version !== 1) {
    throw new KbError(`the knowledge-base manifest has schema_version ${manifest.schema_version}; this vcfact reads 1`, { file });
  }
  return { dir: kbDir, manifest, sha256: new Map(), verified: new Map() };
}

/** Knowledge bases verified in this process, by directory: readers parse tables through these. */
const opened = new Map<string, KbDir>();

/** Reads the manifest and checks every table against its checksum; the first mismatch is exit 4. */
export function openKb(dir?: string): KbDir {
  const kb = readManifest(dir);
  for (const table of kb.manifest.tables) kb.verified.set(table.file, readTableBytes(kb, table));
  opened.set(kb.dir, kb);
  return kb;
}

/** The table's bytes, hashed and compared with the manifest; the hash is recorded for provenance. */
function readTableBytes(kb: KbDir, table: TableManifest): Buffer {
  const path = join(kb.dir, table.file);
  const bytes = readKbBytes(path, `knowledge-base table ${table.name}`);
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== table.sha256) {
    throw new KbError(
      `knowledge-base table ${table.name} does not match its checksum in MANIFEST.json (sha256 ${sha}, manifest ${table.sha256}): the file was changed after the knowledge base was built; restore or rebuild it`,
      { file: path },
    );
  }
  kb.sha256.set(table.file, sha);
  return bytes;
}

/** A table parsed from bytes verified against the manifest, and checked against its shape. */
function parseTable<T>(kb: KbDir, table: TableManifest, shape: Check): T {
  // The bytes openKb verified are parsed once; a second reader of the table reads and verifies again.
  const bytes = kb.verified.get(table.file) ?? readTableBytes(kb, table);
  kb.verified.delete(table.file);
  return parseKbJson<T>(bytes, join(kb.dir, table.file), `knowledge-base table ${table.name}`, shape);
}

/**
 * One table of the knowledge base in `dataDir`, by its manifest path (e.g. 'pgx/sites.json'):
 * verified against the manifest from the bytes parsed, and checked against its shape.
 */
export function readKbTable<T>(dataDir: string, file: string): T {
  const kb = opened.get(resolve(dataDir)) ?? openKb(dataDir);
  const table = kb.manifest.tables.find((t) => t.file === file);
  if (!table) throw new KbError(`the knowledge-base manifest lists no table file '${file}'`, { file: join(kb.dir, 'MANIFEST.json') });
  const shape = TABLE_SHAPES[file];
  if (!shape) throw new Error(`no shape is declared for knowledge-base table ${file} (src/kb/table-shapes.ts)`);
  return parseTable<T>(kb, table, shape);
}

/**
 * kb validate: every table checked (checksum; JSON and shape for the tables this vcfact reads),
 * every problem listed rather than only the first.
 */
export function verifyKb(kb: KbDir): { table: TableManifest; ok: boolean; problem?: string }[] {
  return kb.manifest.tables.map((table) => {
    try {
      const shape = TABLE_SHAPES[table.file];
      if (shape) parseTable(kb, table, shape);
      else readTableBytes(kb, table);
      return { table, ok: true };
    } catch (e) {
      if (!(e instanceof VcfactError)) throw e;
      return { table, ok: false, problem: e.describe() };
    }
  });
}

/** One table's provenance as every output carries it (RunMeta.kb); user tables add their build and rows. */
export interface KbProvenance {
  name: string;
  version: string;
  licence: string;
  records: number;
  sha256: string;
  build?: string;
  rows?: number;
}

/**
 * Short provenance of every table for outputs: name, version, licence, and the sha256 of the bytes
 * read; then each user table (--table) with its build and row count (records = rows).
 */
export function kbProvenance(kb: KbDir, tables: readonly LocalTable[] = []): KbProvenance[] {
  const bundled = kb.manifest.tables.map((t) => {
    if (!kb.sha256.has(t.file)) readTableBytes(kb, t);
    return {
      name: t.name,
      version: t.sources.map((s) => `${s.name} ${s.version}`).join('; '),
      licence: [...new Set(t.sources.map((s) => s.licence))].join('; '),
      records: t.records,
      sha256: kb.sha256.get(t.file) as string,
    };
  });
  const user = tables.map((t) => ({ name: t.name, version: t.version, build: t.build, licence: t.licence, records: t.rows.length, rows: t.rows.length, sha256: t.sha256 }));
  return [...bundled, ...user];
}
