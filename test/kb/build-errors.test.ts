// vcfact kb build failures: a lost column or a missing file is exit 4 naming both, without a stack;
// the output directory is written whole or not at all, and an existing one is kept unless --force.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vcfact } from '../helpers/cli.js';
import { CIVIC, civicFile, copySources, rewriteColumns } from './build-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-kbbuild-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function failing(edit: (sources: string) => void): { status: number | null; stderr: string; out: string } {
  const dir = join(tmp, `case-${++n}`);
  mkdirSync(dir);
  const sources = copySources(dir);
  edit(sources);
  const out = join(dir, 'kb');
  const r = vcfact(['kb', 'build', '--sources', sources, '-o', out]);
  // Nothing is written when the build fails: no OUT, no temp folder beside it.
  expect(readdirSync(dir)).toEqual(['sources']);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return { status: r.status, stderr: r.stderr, out };
}

describe('vcfact kb build: source errors are exit 4 naming file and column', () => {
  it('a CIViC evidence file without evidence_level', () => {
    const r = failing((s) => rewriteColumns(civicFile(s, '-ClinicalEvidenceSummaries.tsv'), (h) => h.filter((c) => c !== 'evidence_level')));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/01-Aug-2024-ClinicalEvidenceSummaries\.tsv:1: missing column 'evidence_level' \(the evidence level\)/);
  });

  it('a CIViC variants file without reference_bases', () => {
    const r = failing((s) => rewriteColumns(civicFile(s, '-VariantSummaries.tsv'), (h) => h.filter((c) => c !== 'reference_bases')));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/-VariantSummaries\.tsv:1: missing column 'reference_bases'/);
  });

  it('a PyPGx variant table without GRCh37Position', () => {
    const r = failing((s) => {
      const f = join(s, 'pypgx-data', 'variant-table.csv');
      writeFileSync(f, readFileSync(f, 'utf8').replace('GRCh37Position', 'Position37'));
    });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/variant-table\.csv:1: missing column 'GRCh37Position'/);
  });

  it('a missing CIViC assertions file names the pattern expected and the folder', () => {
    const r = failing((s) => unlinkSync(civicFile(s, '-AssertionSummaries.tsv')));
    expect(r.status).toBe(4);
    expect(r.stderr).toContain(`${CIVIC}: no file matching *-AssertionSummaries.tsv: expected a CIViC release TSV`);
  });

  it('a missing source folder names what is expected', () => {
    const r = failing((s) => rmSync(join(s, 'ucsc-refgene'), { recursive: true }));
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('no folder matching ucsc-refgene: expected the UCSC refGene tables folder');
  });

  it('two releases in the CIViC folder are refused', () => {
    const r = failing((s) => {
      const f = civicFile(s, '-VariantSummaries.tsv');
      writeFileSync(f.replace('01-Aug-2024', '01-Sep-2025'), readFileSync(f));
    });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/2 files match \*-VariantSummaries\.tsv \(01-Aug-2024-VariantSummaries\.tsv, 01-Sep-2025-VariantSummaries\.tsv\)/);
  });

  it('a PharmCAT definition file that lost a field the builder reads', () => {
    const r = failing((s) => {
      const f = join(s, 'pharmcat-allele-definitions', 'VKORC1_translation.json');
      const d = JSON.parse(readFileSync(f, 'utf8')) as { namedAlleles?: unknown };
      delete d.namedAlleles;
      writeFileSync(f, JSON.stringify(d));
    });
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/VKORC1_translation\.json: the source file is not valid: namedAlleles: expected an array, it is missing/);
  });

  it('a sources folder that does not exist', () => {
    const r = vcfact(['kb', 'build', '--sources', join(tmp, 'nowhere'), '-o', join(tmp, 'never')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('the sources folder does not exist');
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});

describe('vcfact kb build: the output directory', () => {
  it('refuses an existing non-empty OUT (exit 2, untouched); --force replaces it whole', () => {
    const sources = copySources(tmp, 'out-src');
    const out = join(tmp, 'out-kb');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const refused = vcfact(['kb', 'build', '--sources', sources, '-o', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('exists and is not empty');
    expect(readdirSync(out)).toEqual(['keep.txt']);

    const forced = vcfact(['kb', 'build', '--sources', sources, '-o', out, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['MANIFEST.json', 'cancer', 'pgx']);
    expect(readdirSync(tmp).filter((f) => f.includes('building'))).toEqual([]);
    expect(vcfact(['kb', 'validate', '--kb', out]).status).toBe(0);
  });

  it('an empty existing OUT is filled', () => {
    const out = join(tmp, 'empty-kb');
    mkdirSync(out);
    const r = vcfact(['kb', 'build', '--sources', copySources(tmp, 'empty-src'), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'MANIFEST.json'))).toBe(true);
  });
});
