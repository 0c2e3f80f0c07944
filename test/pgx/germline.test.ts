// PGx is germline: a matched normal is called by default, a tumour only on request and flagged, a
// somatic call set is refused unless asked for (then flagged), and a tumour-only input carries a
// caveat in every result.
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

interface Row {
  type: string;
  sample: string;
  gene: string;
  diplotype: string;
  genotype_source: string;
  caveats: string[];
  note: string;
}

function pgx(...args: string[]): { status: number | null; stderr: string; rows: Row[] } {
  const r = vcfact(['pgx', '-O', 'ndjson', '--missing-as-ref', ...args]);
  const rows = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Row)
    .filter((o) => o.type === 'result' && o.gene === 'CYP2C19');
  return { status: r.status, stderr: r.stderr, rows };
}

const PAIR = fixture('pgx', 'germline', 'pair.grch38.vcf');

describe('germline calls in tumour/normal inputs', () => {
  it("calls the matched normal only, and says so", () => {
    const r = pgx(PAIR);
    expect(r.status).toBe(0);
    expect(r.rows.map((x) => [x.sample, x.diplotype, x.genotype_source, x.caveats])).toEqual([['NORMAL', '*1/*2', 'normal', []]]);
    expect(r.stderr).toContain('PGx is called from the matched normal NORMAL (germline); the tumour TUMOR is left out (--tumor-pgx adds it, flagged)');
  });

  it("gives the tumour's genotype on request, flagged", () => {
    const r = pgx(PAIR, '--tumor-pgx');
    const tumour = r.rows.find((x) => x.sample === 'TUMOR') as Row;
    expect(tumour.diplotype).toBe('*2/*2');
    expect(tumour.genotype_source).toBe('tumor');
    expect(tumour.caveats[0]).toMatch(/loss of heterozygosity/);
    expect(tumour.note).toContain(tumour.caveats[0]);
  });

  it('takes the roles from --tumor / --normal as annotate does', () => {
    const unnamed = fixture('pgx', 'germline', 'pair-unnamed.grch38.vcf');
    expect(pgx(unnamed).rows.map((x) => x.sample)).toEqual(['NORMAL', 'TUMOR']);
    expect(pgx(unnamed, '--normal', 'NORMAL', '--tumor', 'TUMOR').rows.map((x) => x.sample)).toEqual(['NORMAL']);
  });

  it('puts a caveat in every result of a tumour-only input', () => {
    const r = pgx(fixture('pgx', 'germline', 'pair-unnamed.grch38.vcf'), '-s', 'TUMOR', '--tumor', 'TUMOR');
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]?.genotype_source).toBe('tumor-only');
    expect(r.rows[0]?.caveats[0]).toMatch(/^tumour-only input/);
  });

  it.each([
    ['Mutect2', fixture('cancer', 'mutect2-pair.grch38.vcf'), 'a Mutect2 header'],
    ['Strelka2', fixture('cancer', 'strelka2-snvs.grch38.vcf'), 'somatic'],
    ['TCGA (PCGR)', fixture('cancer', 'pcgr', 'T001-COAD.grch37.vcf.gz'), 'somatic'],
  ])('refuses a %s somatic call set with the reason, and flags it when asked', (_, file, why) => {
    const refused = pgx(file);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is a somatic call set (');
    expect(refused.stderr).toContain(why);
    expect(refused.stderr).toContain('--somatic-pgx');
    const asked = pgx(file, '--somatic-pgx');
    expect(asked.status).toBe(0);
    expect(asked.rows.length).toBeGreaterThan(0);
    for (const x of asked.rows) {
      expect(x.genotype_source).toBe('somatic-call-set');
      expect(x.caveats[0]).toMatch(/^somatic call set/);
    }
  });
});

describe('report: PGx from germline genotypes only', () => {
  const report = (...args: string[]) => {
    const r = vcfact(['report', '-O', 'json', '--missing-as-ref', ...args]);
    return { status: r.status, stderr: r.stderr, samples: (JSON.parse(r.stdout) as { results: { sample: string; pgx: Row[]; pgx_note?: string; pgx_from?: string }[] }).results };
  };

  it("calls the normal, and the tumour's report shows the normal's PGx, named", () => {
    const r = report(PAIR);
    expect(r.status).toBe(0);
    const by = new Map(r.samples.map((x) => [x.sample, x]));
    expect(by.get('NORMAL')?.pgx.find((x) => x.gene === 'CYP2C19')?.diplotype).toBe('*1/*2');
    // One report for the patient: the tumour's entry carries the germline calls, never its own.
    expect(by.get('TUMOR')?.pgx).toEqual(by.get('NORMAL')?.pgx);
    expect(by.get('TUMOR')?.pgx_from).toBe('NORMAL');
    expect(by.get('TUMOR')?.pgx.every((x) => x.genotype_source === 'normal')).toBe(true);
  });

  it('keeps the cancer findings of a somatic call set and gives no PGx, saying why', () => {
    const r = report(fixture('cancer', 'pcgr', 'T001-COAD.grch37.vcf.gz'));
    expect(r.status).toBe(0);
    for (const s of r.samples) {
      expect(s.pgx).toEqual([]);
      expect(s.pgx_note).toContain('is a somatic call set');
    }
    expect(r.stderr).toContain('note: no PGx:');
  });
});
