// Outside calls on a multi-sample input belong to the sample they name (a fifth column), are never
// applied to every sample, and a disagreement with what the VCF shows is a warning naming both.
// A variant-only input is told once how much is absent and what --missing-as-ref would do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-outside-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DEMO = fixture('demo', 'demo.vcf.gz'); // PATIENT_A CYP2C19 *2/*2, TUMOR_B *1/*2

function outside(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

function cyp2d6(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.split('\t')[1] === 'CYP2D6')
    .map((l) => `${l.split('\t')[0]} ${l.split('\t')[2]}`);
}

describe('outside calls per sample', () => {
  it('applies a row to the sample its fifth column names', () => {
    const r = vcfact(['pgx', DEMO, '--outside-calls', outside('named.tsv', 'CYP2D6\t*1/*4\t\t\tTUMOR_B\n')]);
    expect(r.status).toBe(0);
    expect(cyp2d6(r.stdout)).toEqual(['PATIENT_A ', 'TUMOR_B *1/*4']);
  });

  it('refuses a row without a sample on a multi-sample input', () => {
    const f = outside('unnamed.tsv', 'CYP2D6\t*1/*4\n');
    const r = vcfact(['pgx', DEMO, '--outside-calls', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:1: the outside call for CYP2D6 names no sample, and the input has 2 samples`);
    // One sample selected: the row is that sample's.
    expect(cyp2d6(vcfact(['pgx', DEMO, '-s', 'PATIENT_A', '--outside-calls', f]).stdout)).toEqual(['PATIENT_A *1/*4']);
  });

  it('warns about a sample the input does not have', () => {
    const r = vcfact(['pgx', DEMO, '--outside-calls', outside('other.tsv', 'CYP2D6\t*1/*4\t\t\tNOBODY\n')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("outside call ignored: sample 'NOBODY' is not among the input's (selected) samples");
  });

  it('warns when an outside call disagrees with the VCF for the same gene, naming both', () => {
    const r = vcfact(['pgx', DEMO, '--outside-calls', outside('disagree.tsv', 'CYP2C19\t*1/*1\t\t\tPATIENT_A\nCYP2C19\t*2/*1\t\t\tTUMOR_B\n')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('CYP2C19 of PATIENT_A: the outside call says *1/*1, the VCF shows *2/*2; the outside call is used');
    // TUMOR_B's call is the VCF's own (order aside): no warning about it.
    expect(r.stderr).not.toContain('CYP2C19 of TUMOR_B');
  });
});

describe('absent positions', () => {
  it('says once how many definition positions are absent and what --missing-as-ref means', () => {
    const r = vcfact(['pgx', fixture('pgx', 'getrm', 'getrm.GRCh37.vcf.gz')]);
    expect(r.status).toBe(0);
    expect(r.stderr.match(/are absent from the input/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/CYP3A5 \d+\/5/);
    expect(r.stderr).toContain("--missing-as-ref takes absent positions as homozygous for the build's reference allele");
    expect(vcfact(['pgx', fixture('pgx', 'getrm', 'getrm.GRCh37.vcf.gz'), '--missing-as-ref']).stderr).not.toContain('are absent from the input');
  });
});
