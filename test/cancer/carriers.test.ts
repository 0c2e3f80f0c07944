// CarrierStore: the compact form `report` keeps its cancer hits in. Each sample's ranked findings
// from the store equal cancerFindings on the full records, and the store keeps only carriers.
import { describe, expect, it } from 'vitest';
import { cancerFindings, type CancerHit, type Finding, rankFindings, relevanceFor } from '../../src/cancer/aggregate.js';
import { type Carried, CarrierStore } from '../../src/cancer/carriers.js';
import { loadCancerKb } from '../../src/cancer/kb.js';
import type { Build, Call } from '../../src/types.js';
import { gtText, zygosity } from '../../src/vcf/genotype.js';
import { call, sv } from './helpers.js';
import { runVcf } from './run-vcf.js';

const kb = loadCancerKb(new URL('../../data', import.meta.url).pathname);
const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

function store(hits: CancerHit[], normal?: number): CarrierStore {
  const s = new CarrierStore(normal);
  for (const h of hits) s.add(h.variant, h.matches);
  return s;
}

/** A finding as rows show it, with the call of the sample read from the full record. */
const shown = (f: Finding, sample: number, c?: Carried['call']) => {
  const full = f.variant.record.calls[sample] as Call | undefined;
  return {
    feature: f.group.feature,
    ids: f.group.items.map((m) => m.extra.civic_ids),
    relevance: f.relevance,
    germline: f.likelyGermline,
    headline: f.headline,
    where: `${f.variant.record.chrom}:${f.variant.pos}:${f.variant.ref}>${f.variant.alt}`,
    filter: f.variant.record.filter,
    call: c ?? (full ? { gt: gtText(full), zygosity: zygosity(full, f.variant.altIndex), vaf: full.vaf?.[f.variant.altIndex - 1] } : undefined),
  };
};

const CASES: { file: string; build: Build; samples: number; normal?: number; tumorType?: string }[] = [
  { file: 'cancer/profile.grch38.vcf', build: 'GRCh38', samples: 2 },
  { file: 'cancer/mutect2-pair.grch38.vcf', build: 'GRCh38', samples: 2, normal: 0, tumorType: 'lung cancer' },
  { file: 'vcf/somatic-mutect2.vcf', build: 'GRCh38', samples: 2, normal: 0 },
  { file: 'cancer/strelka2-snvs.grch37.vcf', build: 'GRCh37', samples: 2, tumorType: 'DOID:1909' },
  { file: 'cancer/multiallelic.grch37.vcf', build: 'GRCh37', samples: 3 },
];

describe('CarrierStore', () => {
  for (const c of CASES) {
    it(`${c.file}: every sample's findings and calls equal the full records' (normal ${c.normal ?? 'none'}, tumour type ${c.tumorType ?? 'none'})`, async () => {
      const r = await runVcf(kb, fixture(c.file), c.build);
      expect(r.hits.length).toBeGreaterThan(0);
      const s = store(r.hits, c.normal);
      const relevanceOf = c.tumorType ? relevanceFor(kb, c.tumorType) : undefined;
      let total = 0;
      for (let i = 0; i < c.samples; i++) {
        const carried = s.carriedBy(i);
        const calls = new Map(carried.map((x) => [x.variant, x.call]));
        const compact = rankFindings(kb, carried, relevanceOf).map((f) => shown(f, i, calls.get(f.variant)));
        const roles = c.normal === undefined ? { tumor: i } : { tumor: i, normal: c.normal };
        const full = cancerFindings(kb, r.hits, roles, c.tumorType ? { tumorType: c.tumorType } : {}).map((f) => shown(f, i));
        expect(compact).toEqual(full);
        total += full.length;
      }
      expect(total).toBeGreaterThan(0);
    });
  }

  it('keeps carriers only, without the record calls, INFO or per-sample fields', () => {
    const calls = [call([0, 0]), call([0, 1], { vaf: [0.4] }), call([null, null], { noCall: 'missing' }), call([1, 1]), call([null], { noCall: 'missing', noGt: true, vaf: [0.2] })];
    const v = sv('7', 140453136, 'A', 'T', { calls, info: { CSQ: 'x'.repeat(1000) } });
    const s = new CarrierStore(0);
    s.add(v, []);
    expect(s.size).toBe(1);
    const got = [0, 1, 2, 3, 4].map((i) => s.carriedBy(i).map((x) => x.call));
    expect(got).toEqual([[], [{ gt: '0/1', zygosity: 'het', vaf: 0.4 }], [], [{ gt: '1/1', zygosity: 'hom', vaf: undefined }], [{ gt: '.', zygosity: 'unknown', vaf: 0.2 }]]);
    const one = new CarrierStore();
    one.add(v, []);
    const variant = one.carriedBy(1)[0]?.variant;
    expect(variant?.record.calls).toEqual([]);
    expect(variant?.record.info).toEqual({});
    expect(variant?.sampleFields).toBeUndefined();
    expect(variant?.record.chrom).toBe(v.record.chrom);
  });

  it('asks for samples in increasing order', () => {
    const s = new CarrierStore();
    s.carriedBy(3);
    expect(() => s.carriedBy(3)).toThrow(/increasing order/);
  });
});
