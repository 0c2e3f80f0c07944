// The knowledge base is verified on every run (README "Errors and guarantees"): each case runs the
// built CLI with --kb on a copy of data/ broken in one way, and expects exit 4 naming the file (and
// the field), never exit 1 with a stack, nothing on stdout and no -o file.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, vcfact } from '../helpers/cli.js';

const DEMO = fixture('demo', 'demo.vcf.gz');
const tmp = mkdtempSync(join(tmpdir(), 'vcfact-kbverify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface ManifestDoc {
  tables: { name: string; file: string; sha256: string; sources?: unknown }[];
}

let copies = 0;
/** A fresh copy of data/ to break. */
function kbCopy(): string {
  const dir = join(tmp, `kb-${copies++}`);
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  return dir;
}

function editJson(path: string, edit: (doc: never) => unknown): void {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as never;
  writeFileSync(path, JSON.stringify(edit(doc) ?? doc));
}

/** Rewrites a table and updates the manifest's sha256 to match (a KB built wrong, not tampered with). */
function rewriteTable(kb: string, file: string, content: string): void {
  writeFileSync(join(kb, file), content);
  editJson(join(kb, 'MANIFEST.json'), (m: ManifestDoc) => {
    const t = m.tables.find((x) => x.file === file);
    if (!t) throw new Error(`no table ${file}`);
    t.sha256 = createHash('sha256').update(content).digest('hex');
  });
}

function tableRows(kb: string, file: string): Record<string, unknown>[] {
  const doc = JSON.parse(readFileSync(join(kb, file), 'utf8')) as { rows: Record<string, unknown>[] } | Record<string, unknown>[];
  return Array.isArray(doc) ? doc : doc.rows;
}

/** Runs `command` on the demo with --kb and -o; checks the common promises of a KB failure. */
function expectKbFailure(kb: string, command: string, ...names: string[]): string {
  const outDir = mkdtempSync(join(tmp, 'out-'));
  const r = vcfact([command, '--kb', kb, '-o', join(outDir, 'out.json'), DEMO]);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('internal error');
  expect(r.status).toBe(4);
  for (const name of names) expect(r.stderr).toContain(name);
  expect(r.stdout).toBe('');
  expect(readdirSync(outDir)).toEqual([]);
  return r.stderr;
}

describe('checksums, on every run', () => {
  it('a table changed after the build (one byte) is exit 4 naming it, on annotate', () => {
    const kb = kbCopy();
    writeFileSync(join(kb, 'pgx/sites.json'), `${readFileSync(join(kb, 'pgx/sites.json'), 'utf8')} `);
    const err = expectKbFailure(kb, 'annotate', 'pgx/sites.json', 'does not match its checksum');
    expect(err).toContain('pgx-sites');
  });

  it('a changed table a command does not use is caught too (pgx with a changed cancer table)', () => {
    const kb = kbCopy();
    editJson(join(kb, 'cancer/civic-evidence.json'), (rows: { level: string }[]) => {
      (rows[0] as { level: string }).level = 'A';
    });
    expectKbFailure(kb, 'pgx', 'cancer/civic-evidence.json', 'does not match its checksum');
  });

  it('a missing table is exit 4 naming it', () => {
    const kb = kbCopy();
    rmSync(join(kb, 'pgx/recommendations.json'));
    expectKbFailure(kb, 'pgx', 'pgx/recommendations.json', 'cannot read');
  });

  it('kb[].sha256 in the output is the hash of the table bytes', () => {
    const r = vcfact(['annotate', '-q', '-O', 'json', DEMO]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { kb: { name: string; sha256: string }[] };
    const manifest = JSON.parse(readFileSync(join(ROOT, 'data/MANIFEST.json'), 'utf8')) as ManifestDoc;
    expect(doc.kb).toHaveLength(manifest.tables.length);
    for (const t of manifest.tables) {
      const sha = createHash('sha256').update(readFileSync(join(ROOT, 'data', t.file))).digest('hex');
      expect(doc.kb.find((k) => k.name === t.name)?.sha256).toBe(sha);
    }
  });
});

describe('JSON that is not the expected shape is exit 4 naming file and field', () => {
  it('a null manifest', () => {
    const kb = kbCopy();
    writeFileSync(join(kb, 'MANIFEST.json'), 'null');
    expectKbFailure(kb, 'annotate', 'MANIFEST.json', 'expected an object, found null');
  });

  it('a manifest table without sources', () => {
    const kb = kbCopy();
    editJson(join(kb, 'MANIFEST.json'), (m: ManifestDoc) => {
      delete m.tables[2]?.sources;
    });
    expectKbFailure(kb, 'annotate', 'MANIFEST.json', 'tables[2].sources', 'missing');
  });

  it('a manifest whose tables is not an array', () => {
    const kb = kbCopy();
    editJson(join(kb, 'MANIFEST.json'), (m: { tables: unknown }) => {
      m.tables = {};
    });
    expectKbFailure(kb, 'annotate', 'MANIFEST.json', 'tables: expected an array');
  });

  it('{"rows":[null,5]} as the sites table', () => {
    const kb = kbCopy();
    rewriteTable(kb, 'pgx/sites.json', '{"rows":[null,5]}');
    expectKbFailure(kb, 'annotate', 'pgx/sites.json', 'rows[0]: expected an object, found null');
  });

  it('a sites table without rows', () => {
    const kb = kbCopy();
    rewriteTable(kb, 'pgx/sites.json', '{"sites":[]}');
    expectKbFailure(kb, 'annotate', 'pgx/sites.json', 'rows: expected an array, it is missing');
  });

  it('a recommendation row without its drug (pgx)', () => {
    const kb = kbCopy();
    const rows = tableRows(kb, 'pgx/recommendations.json');
    delete rows[7]?.drug;
    rewriteTable(kb, 'pgx/recommendations.json', JSON.stringify({ rows }));
    expectKbFailure(kb, 'pgx', 'pgx/recommendations.json', 'rows[7].drug: expected a string, it is missing');
  });

  it('an allele definition that is not a [position, allele] pair (pgx)', () => {
    const kb = kbCopy();
    const rows = tableRows(kb, 'pgx/alleles.json') as { alleles: { defs: unknown[] }[] }[];
    (rows[0]?.alleles[1] as { defs: unknown[] }).defs = [5];
    rewriteTable(kb, 'pgx/alleles.json', JSON.stringify({ rows }));
    expectKbFailure(kb, 'pgx', 'pgx/alleles.json', 'rows[0].alleles[1].defs[0]: expected an array of 2, found 5');
  });

  it('a cancer evidence item whose profile is not a number (annotate)', () => {
    const kb = kbCopy();
    const rows = tableRows(kb, 'cancer/civic-evidence.json');
    (rows[3] as Record<string, unknown>).profile = 'x';
    rewriteTable(kb, 'cancer/civic-evidence.json', JSON.stringify(rows));
    expectKbFailure(kb, 'annotate', 'cancer/civic-evidence.json', '[3].profile: expected an integer, found "x"');
  });

  it('a biomarker without GRCh38 loci (report)', () => {
    const kb = kbCopy();
    const rows = tableRows(kb, 'cancer/civic-biomarkers.json') as { loci: Record<string, unknown> }[];
    delete rows[0]?.loci.GRCh38;
    rewriteTable(kb, 'cancer/civic-biomarkers.json', JSON.stringify(rows));
    expectKbFailure(kb, 'report', 'cancer/civic-biomarkers.json', '[0].loci.GRCh38: expected an array, it is missing');
  });
});

describe('kb validate', () => {
  it('lists every broken table, not only the first, and exits 4', () => {
    const kb = kbCopy();
    rewriteTable(kb, 'pgx/phenotypes.json', '{"rows":[5]}');
    writeFileSync(join(kb, 'cancer/transcripts.json'), '[]');
    const r = vcfact(['kb', 'validate', '--kb', kb]);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('pgx/phenotypes.json');
    expect(r.stderr).toContain('rows[0]: expected an object, found 5');
    expect(r.stderr).toContain('cancer/transcripts.json');
    expect(r.stderr).toContain('2 table(s) do not match the manifest');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('passes on the bundled knowledge base', () => {
    const r = vcfact(['kb', 'validate']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\d+ tables match the manifest/);
  });
});
