// The fixtures/cancer VCFs through the project's reader and splitter, the cancer matcher and the
// per-sample aggregation, in both builds (GRCh37 without 'chr', GRCh38 with 'chr').
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/cancer/aggregate.js';
import { headline } from '../../src/cancer/evidence-rank.js';
import { summarizeEvidence } from '../../src/cancer/evidence-summary.js';
import { loadCancerKb } from '../../src/cancer/kb.js';
import type { Build } from '../../src/types.js';
import { runVcf } from './run-vcf.js';

const kb = loadCancerKb(new URL('../../data', import.meta.url).pathname);
const fixture = (name: string) => new URL(`../../fixtures/cancer/${name}`, import.meta.url).pathname;
const BUILDS: [Build, string][] = [['GRCh37', 'grch37'], ['GRCh38', 'grch38']];

async function features(name: string, build: Build): Promise<string[]> {
  const r = await runVcf(kb, fixture(name), build);
  return [...new Set(r.hits.flatMap((h) => h.matches.map((m) => `${m.feature}:${m.match}`)))].sort();
}

describe.each(BUILDS)('cancer fixtures, %s', (build, tag) => {
  it('codon-level hit: KRAS G12F (not listed exactly)', async () => {
    expect(await features(`codon.${tag}.vcf`, build)).toEqual(['KRAS Exon 2 Mutation:exon', 'KRAS G12/G13:codon', 'KRAS G12:codon']);
  });

  it('novel EGFR exon-19 in-frame deletion → Exon 19 Deletion only', async () => {
    expect(await features(`egfr-exon19.${tag}.vcf`, build)).toEqual(['EGFR Exon 19 Deletion:exon']);
  });

  it('EGFR exon-20 insertions: listed (exact + exon) and novel (exon)', async () => {
    const r = await runVcf(kb, fixture(`egfr-exon20.${tag}.vcf`), build);
    const per = r.hits.map((h) => [...new Set(h.matches.map((m) => `${m.feature}:${m.match}`))].sort());
    expect(per).toEqual([['EGFR Exon 20 Insertion:exon', 'EGFR V769_D770insASV:exact'], ['EGFR Exon 20 Insertion:exon']]);
  });

  it('multi-allelic hotspot: each ALT matched on its own', async () => {
    const r = await runVcf(kb, fixture(`multiallelic.${tag}.vcf`), build);
    const exact = r.hits.map((h) => h.matches.filter((m) => m.match === 'exact').map((m) => m.feature)[0]);
    expect(exact).toEqual(['KRAS G12V', 'KRAS G12D']);
    const findings = r.findings(0);
    expect(new Set(findings.map((f) => f.group.feature))).toEqual(new Set(['KRAS G12V', 'KRAS G12D', 'KRAS G12', 'KRAS G12/G13', 'KRAS Exon 2 Mutation']));
  });

  for (const tool of ['vep', 'snpeff']) {
    it(`${tool}: protein and gene level from the consequence; synonymous codon change suppressed`, async () => {
      const r = await runVcf(kb, fixture(`${tool}.${tag}.vcf`), build);
      expect(r.matcher.stats()).toMatchObject({ consequenceSource: tool === 'vep' ? 'CSQ' : 'ANN', consequenceLevelUnevaluated: 0 });
      const per = r.hits.map((h) => `${h.variant.pos}:${[...new Set(h.matches.map((m) => `${m.feature}:${m.match}`))].sort().join(',')}`);
      expect(per).toHaveLength(2);
      expect(per[0]).toContain('TP53 R282W:protein');
      expect(per[0]).toContain('TP53 Mutation:gene');
      expect(per[0]).not.toContain('Truncating');
      expect(per[1]).toContain('TP53 Truncating Mutation:gene');
      expect(per.join()).not.toContain('KRAS');
    });
  }

  it('without a consequence the gene-level biomarkers are counted as not evaluated', async () => {
    const r = await runVcf(kb, fixture(`codon.${tag}.vcf`), build);
    const s = r.matcher.stats();
    expect(s.consequenceSource).toBe('none');
    expect(s.consequenceLevelUnevaluated).toBe(s.consequenceLevelBiomarkers);
    expect(s.consequenceLevelBiomarkers).toBeGreaterThan(100);
  });

  it('Mutect2 tumour/normal: germline flag from the normal, somatic BRAF V600E, no rows for the normal', async () => {
    const r = await runVcf(kb, fixture(`mutect2-pair.${tag}.vcf`), build);
    expect([r.header.tumorSample, r.header.normalSample]).toEqual(['TUMOR', 'NORMAL']);
    const tumor = r.header.samples.indexOf('TUMOR');
    const normal = r.header.samples.indexOf('NORMAL');
    const f = r.findings(tumor, normal);
    expect(f.find((x) => x.group.feature === 'TP53 P72R')?.likelyGermline).toBe(true);
    expect(f.find((x) => x.group.feature === 'BRAF V600E')?.likelyGermline).toBe(false);
    expect(f.some((x) => x.group.feature === 'KRAS G12D')).toBe(true);
    expect(f.every((x) => x.variant.record.calls[tumor] !== undefined)).toBe(true);
  });

  it('Strelka2 somatic SNV and indel (no GT): carried by tier-1 allele fraction', async () => {
    const snv = await runVcf(kb, fixture(`strelka2-snvs.${tag}.vcf`), build);
    expect(snv.findings(1, 0).some((x) => x.group.feature === 'PIK3CA H1047R' && x.group.match === 'exact')).toBe(true);
    const indel = await runVcf(kb, fixture(`strelka2-indels.${tag}.vcf`), build);
    const f = indel.findings(1, 0);
    expect(new Set(f.map((x) => x.group.feature))).toEqual(new Set(['EGFR E746_A750del', 'EGFR Exon 19 Deletion']));
    expect(f.some((x) => x.likelyGermline)).toBe(false);
  });

  it('two-variant profile BRAF V600E AND EZH2 Y646F: only in the sample with both', async () => {
    const r = await runVcf(kb, fixture(`profile.${tag}.vcf`), build);
    const mp = (i: number) => r.findings(i).flatMap((x) => x.group.items).filter((m) => m.extra.molecular_profile === 'BRAF V600E AND EZH2 Y646F').length;
    expect(mp(0)).toBeGreaterThan(0);
    expect(mp(1)).toBe(0);
  });
});

describe.each(BUILDS)('PCGR T001 examples, %s', (build, tag) => {
  it('T001-COAD: BRAF V600E with level A evidence, on-label for colorectal cancer first', async () => {
    const r = await runVcf(kb, fixture(`pcgr/T001-COAD.${tag}.vcf.gz`), build);
    const f = r.findings(0, undefined, 'colorectal cancer');
    expect(f.some((x) => x.group.feature === 'BRAF V600E' && x.group.match === 'exact' && x.group.items.some((m) => m.extra.evidence_level === 'A'))).toBe(true);
    expect(f[0]?.relevance).toBe('on-label');
    // One finding for the biomarker; its strongest on-label item heads it, the rest are summarised.
    const braf = f.find((x) => x.group.feature === 'BRAF V600E' && x.group.match === 'exact') as Finding;
    expect(braf.headline).toBe('BRAF V600E — tier I, level A — poor outcome in colorectal cancer');
    expect(summarizeEvidence(braf.group.items).sensitivity).toContain('Encorafenib + Cetuximab');
    expect(braf.group.items.some((m, i) => braf.itemRelevance?.[i] === 'on-label' && headline(m, 'on-label') === 'BRAF V600E — level A — sensitivity to encorafenib + cetuximab in colorectal cancer')).toBe(true);
  });

  it('T001-BRCA: PIK3CA H1047R', async () => {
    const r = await runVcf(kb, fixture(`pcgr/T001-BRCA.${tag}.vcf.gz`), build);
    expect(r.findings(0).some((x) => x.group.feature === 'PIK3CA H1047R' && x.group.match === 'exact')).toBe(true);
  });
});
