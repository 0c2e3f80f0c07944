// `vcfact kb show GENE`: both builds' reference alleles, said plainly where they carry a variant.
import { describe, expect, it } from 'vitest';
import { vcfact } from '../helpers/cli.js';

describe('vcfact kb show', () => {
  it('names the GRCh37 reference base at rs776746 as the *3 allele', () => {
    const r = vcfact(['kb', 'show', 'cyp3a5']);
    expect(r.status).toBe(0);
    const row = r.stdout.split('\n').find((l) => l.includes('\trs776746\t'))?.split('\t');
    expect(row?.slice(0, 8)).toEqual(['99672916', '99270539', 'rs776746', 'T', 'C', 'pypgx', 'C', 'T']);
    expect(row?.[8]).toContain('GRCh37 reference carries C (*3), not the *1 allele T');
    expect(r.stdout).toMatch(/^\*3\tNo function\t\t99672916C$/m);
  });

  it("shows a cancer gene's biomarkers with loci in both builds", () => {
    const r = vcfact(['kb', 'show', 'BRAF']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^12\tV600E\texact\t7:140453136 A>T\t7:140753336 A>T\t/m);
  });

  it('is a usage error for a gene the knowledge base does not hold', () => {
    const r = vcfact(['kb', 'show', 'NOTAGENE']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("'NOTAGENE' is neither a PGx gene nor a gene with CIViC biomarkers");
  });
});
