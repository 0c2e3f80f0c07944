// Collector and caller on hand-built records: three site states, gVCF blocks, quality no-calls,
// --missing-as-ref, phasing, hemizygous calls, gene rules.
import { describe, expect, it } from 'vitest';
import { PgxCollector } from '../../src/pgx/collect.js';
import { call, gene, geneRecords, kb, rec } from './gene-records.js';

const RS4244285 = 94781859; // CYP2C19 *2 core SNV
const RS4986893 = 94780653; // CYP2C19 *3
const RS12769205 = 94775367; // CYP2C19 *2 (with rs4244285)

describe('PgxCollector', () => {
  it('keeps observed reference, observed alternate and not-assayed apart', () => {
    const { calls } = call('CYP2C19', geneRecords('CYP2C19', { [RS4244285]: { alleles: [0, 1] } }, [RS4986893]));
    expect(calls.get(RS4244285)?.state).toBe('alt');
    expect(calls.get(RS4244285)?.alleles).toEqual(['G', 'A']);
    expect(calls.get(94761900)?.state).toBe('ref');
    expect(calls.get(RS4986893)?.state).toBe('missing');
  });

  it('treats a quality no-call as not assayed, never reference', () => {
    const recs = geneRecords('CYP2C19', { [RS4244285]: { alleles: [null, null], noCall: 'min-dp', rawAlleles: [0, 1] } });
    const { call: c, calls } = call('CYP2C19', recs);
    expect(calls.get(RS4244285)?.state).toBe('missing');
    expect(calls.get(RS4244285)?.noCall).toBe('min-dp');
    expect(c.missing).toContain(RS4244285);
  });

  it('takes gVCF reference blocks as observed reference at the sites they cover', () => {
    const def = gene('VKORC1');
    const site = def.sites[0]!;
    const block = rec(site.chrom, site.pos - 10, 'A', ['<NON_REF>'], [{ alleles: [0, 0] }], { end: site.pos + 10, refBlock: true });
    const { call: c, calls } = call('VKORC1', [block]);
    expect(calls.get(site.pos)?.source).toBe('ref-block');
    expect(c.diplotypes).toEqual(['rs9923231 reference (C)/rs9923231 reference (C)']);
  });

  it('a reference block that ends before the site does not cover it', () => {
    const site = gene('VKORC1').sites[0]!;
    const block = rec(site.chrom, site.pos - 10, 'A', ['<NON_REF>'], [{ alleles: [0, 0] }], { end: site.pos - 1, refBlock: true });
    expect(call('VKORC1', [block]).calls.get(site.pos)?.state).toBe('missing');
  });

  it('--missing-as-ref fills absent positions and says so', () => {
    const { call: c, calls } = call('CYP2C19', geneRecords('CYP2C19', {}, [RS4986893]), {}, true);
    expect(calls.get(RS4986893)?.source).toBe('missing-as-ref');
    expect(c.missing).toEqual([]);
  });

  it('merges split multi-allelic records into one genotype', () => {
    const site = gene('RYR1').sites.find((s) => s.pos === 38440851)!;
    const a = rec(site.chrom, site.pos, 'C', ['A'], [{ alleles: [1, 0] }]);
    const b = rec(site.chrom, site.pos, 'C', ['T'], [{ alleles: [0, 1] }]);
    const col = new PgxCollector(kb, 'GRCh38', 1);
    col.add(a);
    col.add(b);
    expect(col.siteCalls('RYR1', [site], 0).get(site.pos)?.alleles).toEqual(['A', 'T']);
  });

  it('finds GRCh37 records through the GRCh37 positions', () => {
    const site = gene('CYP2C19').sites.find((s) => s.pos === RS4244285)!;
    const col = new PgxCollector(kb, 'GRCh37', 1);
    col.add(rec('10', site.pos37 as number, 'G', ['A'], [{ alleles: [1, 1] }]));
    expect(col.siteCalls('CYP2C19', [site], 0).get(site.pos)?.alleles).toEqual(['A', 'A']);
  });

  it('ignores records on other contigs or positions', () => {
    const col = new PgxCollector(kb, 'GRCh38', 1);
    col.add(rec('10', RS4244285 + 1, 'G', ['A'], [{ alleles: [1, 1] }]));
    col.add(rec('11', RS4244285, 'G', ['A'], [{ alleles: [1, 1] }]));
    const site = gene('CYP2C19').sites.find((s) => s.pos === RS4244285)!;
    expect(col.siteCalls('CYP2C19', [site], 0).get(RS4244285)?.state).toBe('missing');
  });
});

describe('callGene', () => {
  it('calls an unphased heterozygote *1/*2 (CYP2C19 *1 carries G at rs3758581)', () => {
    const recs = geneRecords('CYP2C19', { [RS12769205]: { alleles: [0, 1] }, [RS4244285]: { alleles: [0, 1] }, 94842866: { alleles: [1, 1] } });
    expect(call('CYP2C19', recs).call.diplotypes).toEqual(['*1/*2']);
  });

  it('uses phase: *2 and *3 in trans is *2/*3, in cis no named pair', () => {
    const trans = geneRecords('CYP2C19', { [RS12769205]: { alleles: [0, 1], phased: true }, [RS4244285]: { alleles: [0, 1], phased: true }, [RS4986893]: { alleles: [1, 0], phased: true }, 94842866: { alleles: [1, 1] } });
    expect(call('CYP2C19', trans).call.diplotypes).toEqual(['*2/*3']);
    const cis = geneRecords('CYP2C19', { [RS12769205]: { alleles: [0, 1], phased: true }, [RS4244285]: { alleles: [0, 1], phased: true }, [RS4986893]: { alleles: [0, 1], phased: true }, 94842866: { alleles: [1, 1] } });
    const c = call('CYP2C19', cis).call;
    expect(c.diplotypes).toEqual([]);
    expect(c.kind).toBe('none');
  });

  it('does not call CYP2D6 from the VCF unless asked', () => {
    const recs = geneRecords('CYP2D6', {});
    const c = call('CYP2D6', recs).call;
    expect(c.diplotypes).toEqual([]);
    expect(c.note).toMatch(/outside calls/);
    const asked = call('CYP2D6', recs, { callCyp2d6: true }).call;
    expect(asked.diplotypes).toContain('*1/*1');
    expect(asked.note).toMatch(/copy number/);
  });

  it('does not call NAT2 when a required position is missing', () => {
    const c = call('NAT2', geneRecords('NAT2', {}, [18400194])).call;
    expect(c.diplotypes).toEqual([]);
    expect(c.note).toMatch(/required position/);
  });

  it('gives hemizygous G6PD calls a single haplotype', () => {
    const def = gene('G6PD');
    const recs = def.sites.map((s) => rec(s.chrom, s.pos, s.ref, s.alts, [{ alleles: [0] }]));
    const c = call('G6PD', recs).call;
    expect(c.kind).toBe('hemizygous');
    expect(c.diplotypes).toEqual(['B (reference)']);
  });

  it('refuses a call over an undocumented allele where PharmCAT does not read it as reference', () => {
    const site = gene('CYP2C19').sites.find((s) => s.pos === RS4986893)!;
    const recs = geneRecords('CYP2C19', {}).map((r) => (r.pos === site.pos ? rec(site.chrom, site.pos, site.ref, [...site.alts, 'C'], [{ alleles: [0, site.alts.length + 1] }]) : r));
    const c = call('CYP2C19', recs).call;
    expect(c.diplotypes).toEqual([]);
    expect(c.undocumented).toEqual([{ pos: RS4986893, allele: 'C' }]);
  });

  it('reports nothing assayed as no call', () => {
    const c = call('CYP3A5', []).call;
    expect(c.diplotypes).toEqual([]);
    expect(c.missing.length).toBe(gene('CYP3A5').positions.length);
  });
});

describe('missing sites in results', () => {
  it('say why the quality policy removed a call', async () => {
    const { sampleResults } = await import('../../src/pgx/result.js');
    const col = new PgxCollector(kb, 'GRCh38', 1);
    for (const r of geneRecords('CYP2C19', { [RS4244285]: { alleles: [null, null], noCall: 'min-gq', rawAlleles: [0, 1] } })) col.add(r);
    const r = sampleResults(kb, col, { index: 0, name: 'S1', source: 'germline', caveat: '' }, { genes: ['CYP2C19'] }, []).find((x) => x.gene === 'CYP2C19');
    expect(r?.missing_sites).toEqual(['94781859(rs4244285) [min-gq]']);
    expect(r?.call_quality).not.toBe('complete');
  });
});

describe('allele representation', () => {
  it('maps an alternative spelling of a definition indel to the definition allele', () => {
    // CYP2C9 94949161 AT>A (delT) written with an extra shared base on both alleles.
    const site = gene('CYP2C9').sites.find((s) => s.pos === 94949161)!;
    const col = new PgxCollector(kb, 'GRCh38', 1);
    col.add(rec('10', site.pos, `${site.ref}G`, ['AG'], [{ alleles: [0, 1] }]));
    expect(col.siteCalls('CYP2C9', [site], 0).get(site.pos)?.alleles).toEqual(['AT', 'A']);
  });

  it('keeps an allele no definition knows as undocumented text', () => {
    const site = gene('CYP2C9').sites.find((s) => s.pos === 94949161)!;
    const col = new PgxCollector(kb, 'GRCh38', 1);
    col.add(rec('10', site.pos, 'A', ['G'], [{ alleles: [0, 1] }]));
    const c = col.siteCalls('CYP2C9', [site], 0).get(site.pos);
    expect(c?.state).toBe('alt');
    expect(c?.alleles[1]).toBe('A>G@94949161');
  });
});
