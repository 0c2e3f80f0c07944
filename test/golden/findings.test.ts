// The findings the golden files must hold, asserted by name so a regenerated golden cannot quietly
// lose them: BRAF V600E with level-A CIViC evidence and DPYD c.1905+1G>A in the PCGR T001-COAD tumour
// (GRCh38 and its GRCh37 twin: contigs without 'chr', no ##contig lines), PIK3CA H1047R in T001-BRCA,
// the demo's rows, stdin = file, and streamed = indexed on every indexed fixture.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

type Row = Record<string, unknown>;

function annotateJson(args: string[], input?: Buffer): { results: Row[]; input: string; summary: Row; genome: Row } {
  const r = vcfact(['annotate', '-q', '-O', 'json', ...args], input ? { input } : {});
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { results: Row[]; input: string; summary: Row; genome: Row };
}

function find(rows: Row[], want: Row): Row[] {
  return rows.filter((r) => Object.entries(want).every(([k, v]) => r[k] === v));
}

const COAD = [
  { build: 'GRCh38', file: 'T001-COAD.grch38.vcf.gz', braf: 140753336, dpyd: 97450058 },
  { build: 'GRCh37', file: 'T001-COAD.grch37.vcf.gz', braf: 140453136, dpyd: 97915614 },
];

describe('PCGR tumour examples', () => {
  for (const c of COAD) {
    it(`T001-COAD ${c.build}: BRAF V600E with level-A CIViC evidence and DPYD c.1905+1G>A`, () => {
      const out = annotateJson([fixture('cancer', 'pcgr', c.file)]);
      expect(out.genome.build).toBe(c.build);
      const braf = find(out.results, { chrom: '7', pos: c.braf, ref: 'A', alt: 'T', kb: 'cancer', gene: 'BRAF', feature: 'BRAF V600E', match: 'exact' });
      // One row for the biomarker, its evidence summarised and nested.
      expect(braf).toHaveLength(1);
      const row = braf[0] as Row & { evidence: Row[]; civic_ids: string[]; sensitivity: string[] };
      expect(row.best_level).toBe('A');
      expect(row.evidence).toHaveLength(row.evidence_items as number);
      expect(row.civic_ids.join(';')).toMatch(/EID\d+/);
      // Encorafenib + cetuximab in colorectal cancer (CIViC EID9851, level A).
      const levelA = row.evidence.filter((r) => r.evidence_level === 'A');
      expect(levelA.some((r) => r.disease === 'Colorectal Cancer' && (r.therapies as string[]).includes('Encorafenib'))).toBe(true);
      expect(row.sensitivity).toContain('Encorafenib + Cetuximab');
      const dpyd = find(out.results, { chrom: '1', pos: c.dpyd, ref: 'C', alt: 'T', kb: 'pgx', gene: 'DPYD', match: 'exact' });
      expect(dpyd).toHaveLength(1);
      expect(dpyd[0]?.feature).toContain('c.1905+1G>A');
      expect(dpyd[0]?.rsid).toBe('rs3918290');
      expect(dpyd[0]?.zygosity).toBe('het');
    });
  }

  for (const [build, file, pos] of [
    ['GRCh38', 'T001-BRCA.grch38.vcf.gz', 179234297],
    ['GRCh37', 'T001-BRCA.grch37.vcf.gz', 178952085],
  ] as const) {
    it(`T001-BRCA ${build}: PIK3CA H1047R`, () => {
      const out = annotateJson([fixture('cancer', 'pcgr', file)]);
      expect(out.genome.build).toBe(build);
      const hits = find(out.results, { chrom: '3', pos, ref: 'A', alt: 'G', gene: 'PIK3CA', feature: 'PIK3CA H1047R', match: 'exact' });
      expect(hits.length).toBeGreaterThan(0);
      // Never a finding of a gene the tumour does not carry a variant in.
      expect(find(out.results, { gene: 'BRAF' })).toHaveLength(0);
    });
  }

  it('T001-COAD from stdin gives the same rows as from the file', () => {
    const path = fixture('cancer', 'pcgr', 'T001-COAD.grch38.vcf.gz');
    const file = annotateJson([path]);
    const stdin = annotateJson(['-'], readFileSync(path));
    expect(stdin.input).toBe('stdin');
    expect(stdin.results).toEqual(file.results);
  });
});

describe('demo VCF', () => {
  const demo = fixture('demo', 'demo.vcf.gz');

  it('has the known findings, each in the sample that carries it', () => {
    const rows = annotateJson([demo]).results;
    expect(find(rows, { sample: 'TUMOR_B', chrom: 'chr7', pos: 140753336, ref: 'A', alt: 'T', feature: 'BRAF V600E', match: 'exact' }).length).toBeGreaterThan(0);
    expect(find(rows, { sample: 'PATIENT_A', gene: 'BRAF' })).toHaveLength(0);
    expect(find(rows, { sample: 'PATIENT_A', chrom: 'chr1', pos: 97450058, gene: 'DPYD', rsid: 'rs3918290', zygosity: 'het' })).toHaveLength(1);
    expect(find(rows, { sample: 'TUMOR_B', gene: 'DPYD' })).toHaveLength(0);
    expect(find(rows, { sample: 'TUMOR_B', feature: 'PIK3CA H1047R', match: 'exact' }).length).toBeGreaterThan(0);
    expect(find(rows, { sample: 'TUMOR_B', feature: 'EGFR E746_A750del', match: 'exact' }).length).toBeGreaterThan(0);
    expect(find(rows, { sample: 'TUMOR_B', feature: 'KRAS G12C', filter: 'LowQual' }).length).toBeGreaterThan(0);
    expect(find(rows, { sample: 'PATIENT_A', gene: 'CYP2C19', rsid: 'rs4244285', zygosity: 'hom', gt: '1/1' })).toHaveLength(1);
    // rs12248560 (*17) is 0/0 in both samples: no row.
    expect(find(rows, { rsid: 'rs12248560' })).toHaveLength(0);
  });

  it('--pass-only drops the LowQual KRAS call and nothing else', () => {
    const all = annotateJson([demo]).results;
    const pass = annotateJson(['--pass-only', demo]).results;
    expect(find(pass, { gene: 'KRAS' })).toHaveLength(0);
    expect(pass).toEqual(all.filter((r) => r.gene !== 'KRAS'));
  });

  it('-s and ^ select and exclude samples', () => {
    const all = annotateJson([demo]).results;
    expect(annotateJson(['-s', 'TUMOR_B', demo]).results).toEqual(all.filter((r) => r.sample === 'TUMOR_B'));
    expect(annotateJson(['-s', '^TUMOR_B', demo]).results).toEqual(all.filter((r) => r.sample === 'PATIENT_A'));
  });

  it('a 1/2 sample at a multi-allelic KB site is het-alt for each ALT (not hom, not ref)', () => {
    const rows = annotateJson([fixture('golden', 'multiallelic', 'input.vcf')]).results;
    const kras = find(rows, { sample: 'HETALT', gene: 'KRAS' });
    expect(new Set(kras.map((r) => r.alt))).toEqual(new Set(['A', 'T']));
    expect(new Set(kras.map((r) => r.zygosity))).toEqual(new Set(['het-alt']));
    expect(find(rows, { sample: 'HETALT', feature: 'KRAS G12D', alt: 'T' }).length).toBeGreaterThan(0);
    expect(find(rows, { sample: 'HETALT', feature: 'KRAS G12V', alt: 'A' }).length).toBeGreaterThan(0);
    expect(find(rows, { sample: 'HOMALT2', alt: 'A' })).toHaveLength(0);
    expect(new Set(find(rows, { sample: 'HOMALT2' }).map((r) => r.zygosity))).toEqual(new Set(['hom']));
    expect(find(rows, { sample: 'REF' })).toHaveLength(0);
    // CYP2C19 rs4244285 G>C is in no allele definition: a position match, not the *2 exact match.
    expect(find(rows, { sample: 'HETALT', gene: 'CYP2C19', alt: 'C', match: 'position' })).toHaveLength(1);
    expect(find(rows, { sample: 'HETALT', gene: 'CYP2C19', alt: 'A', match: 'exact' })).toHaveLength(1);
  });

  it('a sites-only VCF gives rows with an empty sample', () => {
    const rows = annotateJson([fixture('golden', 'sites-only', 'input.vcf')]).results;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.sample))).toEqual(new Set(['']));
    expect(find(rows, { feature: 'BRAF V600E', match: 'exact' }).length).toBeGreaterThan(0);
    expect(find(rows, { gene: 'DPYD', rsid: 'rs3918290' })).toHaveLength(1);
  });
});

describe('streamed (--index never) and indexed reads give identical rows', () => {
  // Every fixture with a .tbi or .csi beside it (fixtures/golden/indexed/ holds bgzip+tabix copies of
  // the PCGR COAD pair and the multi-allelic case, so indexed reads with real rows are covered).
  // fixtures/bad/ holds damaged files and indexes on purpose: test/cli/bad-inputs checks those.
  const indexed = readdirSync(fixture(), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.vcf\.gz$/.test(f) && !f.startsWith('bad/') && (existsSync(fixture(`${f}.tbi`)) || existsSync(fixture(`${f}.csi`))))
    .sort();
  it('finds the indexed fixtures, some with findings', () => {
    expect(indexed).toContain('demo/demo.vcf.gz');
    expect(indexed).toContain('golden/indexed/T001-COAD.grch37.vcf.gz');
  });
  for (const f of indexed) {
    it(`fixtures/${f}`, () => {
      const streamed = annotateJson(['--index', 'never', fixture(f)]);
      const viaIndex = annotateJson([fixture(f)]);
      expect(viaIndex.results).toEqual(streamed.results);
      expect(viaIndex.genome).toEqual(streamed.genome);
    });
  }
});
