// The knowledge base's GRCh37 reference alleles against real GRCh37 records: every REF that
// 1000 Genomes phase 3 writes at a definition position must be the site's ref37 where PyPGx gave it.
// Where ref37 is only assumed (a lifted site PyPGx does not list), the disagreements are listed:
// they are the knowledge base's known limit (README, "Genome builds").
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, testKb } from '../pgx/helpers.js';

const VCF = join(import.meta.dirname, '..', '..', '..', 'shared', 'conformance', 'getrm', 'getrm_1kgp.pgx20.GRCh37.shared.vcf.gz');

describe('GRCh37 reference alleles against 1000 Genomes phase 3', () => {
  it('agree wherever PyPGx gave them; the assumed ones that do not are known', async () => {
    const kb = testKb();
    const { records } = await readRecords(VCF);
    let checked = 0;
    const wrong: string[] = [];
    for (const r of records) {
      for (const s of kb.sitesAt('GRCh37', r.contig, r.pos) ?? []) {
        if (s.role === 'ignored' || r.ref.length !== s.ref.length) continue;
        checked++;
        if (r.ref !== s.ref37) wrong.push(`${s.gene} ${s.pos} ${s.ref37From} kb ${s.ref37} vcf ${r.ref}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong.filter((w) => w.includes(' pypgx '))).toEqual([]);
    expect(wrong).toEqual(['CYP2D6 42129130 assumed kb C vcf G']);
  });
});
