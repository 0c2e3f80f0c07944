// vcfact kb build on the trimmed sources of fixtures/kb-build: a CIViC release with one variant
// and one evidence item added builds a KB that matches it (through --kb on annotate, pgx and
// report); reordered or added columns build the same tables; a new release date is found by pattern.
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vcfact } from '../helpers/cli.js';
import { appendRow, CIVIC, civicFile, copySources, rewriteColumns, vcf } from './build-helpers.js';

interface Manifest {
  generated_by: string;
  vcfact_version: string;
  tables: { name: string; file: string; sha256: string; sources: { name: string; version: string; repository: string }[] }[];
  source_files: { path: string; sha256: string }[];
}

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-kbbuild-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function build(sources: string, out: string): void {
  const r = vcfact(['kb', 'build', '--sources', sources, '-o', out]);
  expect(r.stderr).toMatch(/kb build: 8 tables, \d+ records from \d+ source files/);
  expect(r.status).toBe(0);
}

function manifest(kb: string): Manifest {
  return JSON.parse(readFileSync(join(kb, 'MANIFEST.json'), 'utf8')) as Manifest;
}

/** annotate's TSV rows as objects by column name. */
function annotate(kb: string, input: string): Record<string, string>[] {
  const r = vcfact(['annotate', '--kb', kb, input]);
  expect(r.status, r.stderr).toBe(0);
  const [head, ...rows] = r.stdout.trimEnd().split('\n');
  const cols = (head as string).split('\t');
  return rows.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

// KRAS Q61H by c.183A>T: CIViC 01-Aug-2024 lists Q61H only as c.183A>C (GRCh37 12:25380275 T>G).
const Q61H_T = 'Q61H (c.183A>T)';

function addQ61hT(sources: string): void {
  appendRow(civicFile(sources, '-VariantSummaries.tsv'), {
    variant_id: '900001', gene: 'KRAS', entrez_id: '3845', variant: Q61H_T, chromosome: '12', start: '25380275', stop: '25380275',
    reference_bases: 'T', variant_bases: 'A', reference_build: 'GRCh37', variant_types: 'missense_variant', single_variant_molecular_profile_id: '900001',
  });
  appendRow(civicFile(sources, '-MolecularProfileSummaries.tsv'), { name: `KRAS ${Q61H_T}`, molecular_profile_id: '900001', variant_ids: '900001' });
  appendRow(civicFile(sources, '-ClinicalEvidenceSummaries.tsv'), {
    molecular_profile: `KRAS ${Q61H_T}`, molecular_profile_id: '900001', disease: 'Colorectal Cancer', doid: '9256', therapies: 'Cetuximab',
    evidence_type: 'Predictive', evidence_direction: 'Supports', evidence_level: 'B', significance: 'Resistance', citation_id: '12345678',
    source_type: 'PubMed', evidence_status: 'accepted', evidence_id: '900001', variant_origin: 'Somatic',
  });
}

describe('vcfact kb build: a CIViC release with a new variant and evidence item', () => {
  const base = join(tmp, 'base-kb');
  const added = join(tmp, 'added-kb');
  const in37 = join(tmp, 'q61h.grch37.vcf');
  const in38 = join(tmp, 'q61h.grch38.vcf');
  beforeAll(() => {
    build(copySources(tmp, 'base-src'), base);
    const src = copySources(tmp, 'added-src');
    addQ61hT(src);
    build(src, added);
    // The same allele in both builds (GRCh38 position by the UCSC chain), plus CYP3A5*3 homozygous.
    writeFileSync(in37, vcf('GRCh37', ['12 25380275 T A 0/1']));
    writeFileSync(in38, vcf('GRCh38', ['12 25227341 T A 0/1', '7 99672916 T C 1/1']));
  });

  it('matches the added variant exactly, in both builds, with its evidence item', () => {
    for (const input of [in37, in38]) {
      const rows = annotate(added, input).filter((r) => r.feature === `KRAS ${Q61H_T}`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kb: 'cancer', gene: 'KRAS', match: 'exact', civic_ids: 'EID900001', best_level: 'B', resistance: 'Cetuximab' });
    }
  });

  it('the KB built without the addition does not match it (only the codon-level KRAS Q61)', () => {
    const rows = annotate(base, in37);
    expect(rows.map((r) => r.feature)).toEqual(['KRAS Q61']);
  });

  it('records the vcfact version and every source file with its sha256', () => {
    const m = manifest(added);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(m).toMatchObject({ generated_by: 'vcfact kb build', vcfact_version: pkg.version });
    const evidence = m.source_files.find((f) => f.path === `${CIVIC}/01-Aug-2024-ClinicalEvidenceSummaries.tsv`);
    expect(evidence?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The added rows changed the CIViC files' checksums, not those of the other sources.
    const before = new Map(manifest(base).source_files.map((f) => [f.path, f.sha256]));
    const changed = m.source_files.filter((f) => before.get(f.path) !== f.sha256).map((f) => f.path);
    expect(changed.sort()).toEqual([`${CIVIC}/01-Aug-2024-ClinicalEvidenceSummaries.tsv`, `${CIVIC}/01-Aug-2024-MolecularProfileSummaries.tsv`, `${CIVIC}/01-Aug-2024-VariantSummaries.tsv`]);
    expect(m.source_files.length).toBe(readdirSync(join(tmp, 'added-src'), { recursive: true }).filter((p) => /\.(tsv|vcf|json|gz|csv)$/.test(String(p))).length);
  });

  it('kb list --kb shows its versions; pgx and report --kb read it (provenance = its manifest)', () => {
    const list = vcfact(['kb', 'list', '--kb', added]);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^cancer-evidence\tcancer\t13\t\tcivic-2024-08\t01-Aug-2024\t/m);
    const shas = manifest(added).tables.map((t) => t.sha256).sort();
    const pgx = vcfact(['pgx', '--kb', added, '-O', 'json', in38]);
    expect(pgx.status, pgx.stderr).toBe(0);
    const p = JSON.parse(pgx.stdout) as { kb: { sha256: string }[]; results: { gene: string; diplotype: string }[] };
    expect(p.kb.map((k) => k.sha256).sort()).toEqual(shas);
    expect(p.results.find((r) => r.gene === 'CYP3A5')?.diplotype).toBe('*3/*3');
    const report = vcfact(['report', '--kb', added, in38]);
    expect(report.status, report.stderr).toBe(0);
    const rep = JSON.parse(report.stdout) as { kb: { sha256: string }[] };
    expect(rep.kb.map((k) => k.sha256).sort()).toEqual(shas);
    expect(report.stdout).toContain(Q61H_T);
  });
});

describe('vcfact kb build: columns by name, files by pattern', () => {
  it('reordered columns and an added column build the same tables', () => {
    const src = copySources(tmp, 'reordered-src');
    for (const suffix of ['-VariantSummaries.tsv', '-ClinicalEvidenceSummaries.tsv', '-AssertionSummaries.tsv', '-MolecularProfileSummaries.tsv']) {
      rewriteColumns(civicFile(src, suffix), (h) => ['a_new_column', ...[...h].reverse()], () => 'new cell');
    }
    build(src, join(tmp, 'reordered-kb'));
    build(copySources(tmp, 'plain-src'), join(tmp, 'plain-kb'));
    const a = manifest(join(tmp, 'reordered-kb'));
    const b = manifest(join(tmp, 'plain-kb'));
    expect(a.tables).toEqual(b.tables);
    for (const t of a.tables) expect(readFileSync(join(tmp, 'reordered-kb', t.file)).equals(readFileSync(join(tmp, 'plain-kb', t.file)))).toBe(true);
  });

  it('a release with another date in its file names is found, and its manifest says which release', () => {
    const src = copySources(tmp, 'dated-src');
    for (const n of readdirSync(join(src, CIVIC))) if (n.startsWith('01-Aug-2024-')) renameSync(join(src, CIVIC, n), join(src, CIVIC, n.replace('01-Aug-2024', '01-Sep-2025')));
    renameSync(join(src, CIVIC), join(src, 'civic-2025-09'));
    build(src, join(tmp, 'dated-kb'));
    const civic = manifest(join(tmp, 'dated-kb')).tables.find((t) => t.name === 'cancer-evidence')?.sources[0];
    expect(civic).toMatchObject({ name: 'civic-2025-09', version: '01-Sep-2025', repository: 'https://civicdb.org/releases' });
  });
});
