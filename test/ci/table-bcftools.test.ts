// The annotated VCF with a user table as bcftools reads it: the VCFACT_TABLE ##INFO line is valid
// (bcftools query can print the tag), the record count is the input's, and the entries come back as
// written. Needs bcftools (scripts/install-tools.sh).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-tableci-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const bcftools = (args: string[]): string => execFileSync('bcftools', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('bcftools reads VCFACT_TABLE back', () => {
  it('query prints the entries per record; view keeps the record count', () => {
    const input = fixture('cancer', 'vep.grch38.vcf');
    const out = join(tmp, 'out.vcf.gz');
    const r = vcfact(['annotate', input, '--table', fixture('tables', 'clinic.grch38.tsv'), '-o', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(bcftools(['view', '-H', out]).trim().split('\n')).toHaveLength(bcftools(['view', '-H', input]).trim().split('\n').length);
    expect(bcftools(['query', '-f', '%POS\t%VCFACT_TABLE\n', out]).trim().split('\n')).toEqual([
      '25245349\t.',
      '7673776\t1|clinic|TP53|TP53%20R282W%20(clinic)|exact|A,1|clinic|TP53|TP53%20exon%208%20window|range|B,1|clinic|TP53|TP53%20R282W%20(protein)|protein|A',
      '7673802\t1|clinic|TP53|TP53%20exon%208%20window|range|B,1|clinic|TP53|TP53%20R273%20frameshift%20(protein)|protein|C',
    ]);
    expect(bcftools(['view', '-h', out])).toMatch(/^##vcfact_kb=<name=clinic,version=2026-11-30,build=GRCh38,sha256=[0-9a-f]{64}>$/m);
  });
});
