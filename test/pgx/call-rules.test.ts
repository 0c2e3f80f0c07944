// PharmCAT 3.1's remaining calling and naming rules, each on hand-built genotypes. The source of
// each rule is named in its describe block; the expected answers are PharmCAT's own where its
// tests give one (named), otherwise what the documented rule implies.
import { describe, expect, it } from 'vitest';
import { call, gene, geneRecords, rec } from './gene-records.js';

const het = { alleles: [0, 1] };
const hom = { alleles: [1, 1] };
const pos = (g: string, allele: string): number => {
  const def = gene(g);
  const a = def.alleles.find((x) => x.name === allele);
  const i = a?.hap.findIndex((h, k) => h !== def.reference.hap[k]) ?? -1;
  return def.positions[i] as number;
};
/** Records of a gene with one position's ALT replaced by an allele no definition knows, 0/1. */
function undocumentedAt(g: string, p: number) {
  const site = gene(g).sites.find((s) => s.pos === p)!;
  const other = ['A', 'C', 'G', 'T'].find((b) => b !== site.ref && !site.alts.includes(b)) as string;
  return geneRecords(g, {}).map((r) => (r.pos === p ? rec(site.chrom, p, site.ref, [other], [het]) : r));
}

// NamedAlleleMatcher.TREAT_UNDOCUMENTED_VARIATIONS_AS_REFERENCE (CACNA1S, DPYD, G6PD, NUDT15, RYR1,
// TPMT; docs "Named Allele Matcher 201: Undocumented Variations"); VcfReader: under
// --combinations only the lowest-function genes keep it.
describe('undocumented alleles read as reference for the toxicity genes', () => {
  it('TPMT and NUDT15 are called with the undocumented allele as reference, and it is still listed', () => {
    for (const g of ['TPMT', 'NUDT15']) {
      const p = gene(g).positions[0] as number;
      const c = call(g, undocumentedAt(g, p)).call;
      expect(c.diplotypes).toEqual(['*1/*1']);
      expect(c.undocumented.map((u) => u.pos)).toEqual([p]);
    }
  });

  it('under --combinations TPMT shows the exact change instead; RYR1 (lowest function) keeps the reference', () => {
    const t = gene('TPMT').sites.find((s) => s.pos === 18143724)!;
    const tpmt = geneRecords('TPMT', {}).map((r) => (r.pos === t.pos ? rec(t.chrom, t.pos, t.ref, ['G', 'T'], [{ alleles: [0, 2] }]) : r));
    expect(call('TPMT', tpmt, { findCombinations: true }).call.diplotypes).toEqual(['*1/g.18143724C>T']);
    const p = pos('RYR1', 'c.152C>A');
    expect(call('RYR1', undocumentedAt('RYR1', p), { findCombinations: true }).call.diplotypes).toEqual(['Reference/Reference']);
  });

  it('CYP2C9 (not a toxicity gene) is not called over an undocumented allele', () => {
    const c = call('CYP2C9', undocumentedAt('CYP2C9', gene('CYP2C9').positions[0] as number)).call;
    expect(c.kind).toBe('none');
  });
});

// Constants.LOWEST_FUNCTION_GENES (DPYD, RYR1); NamedAlleleMatcher tries diplotypes when the data
// is effectively phased (MatchData: at most two sample sequences). Ryr1Test
// cacna1sMissing_ryr1Het1Hom1 and _ryr1Het2Hom1 give the expected calls.
describe('lowest-function genes: effectively phased data names both strands', () => {
  const c97 = pos('RYR1', 'c.97A>G');
  const c152 = pos('RYR1', 'c.152C>A');
  const c418 = pos('RYR1', 'c.418G>A');

  it('one unphased heterozygous and one homozygous variant is a strand call', () => {
    const c = call('RYR1', geneRecords('RYR1', { [c97]: het, [c418]: hom })).call;
    expect(c.diplotypes).toEqual(['c.418G>A/[c.97A>G + c.418G>A]']);
  });

  it('two unphased heterozygous variants and a homozygous one stay a list', () => {
    const c = call('RYR1', geneRecords('RYR1', { [c97]: hom, [c152]: het, [c418]: het })).call;
    expect(c.diplotypes).toEqual(['c.97A>G (homozygous)', 'c.152C>A', 'c.418G>A']);
    expect(c.kind).toBe('allele-list');
  });

  it('CACNA1S is called as any gene: two unphased heterozygous variants make a diplotype (Cacna1sTest)', () => {
    const a = pos('CACNA1S', 'c.520C>T');
    const b = pos('CACNA1S', 'c.3257G>A');
    expect(call('CACNA1S', geneRecords('CACNA1S', { [a]: het, [b]: het })).call.diplotypes).toEqual(['c.520C>T/c.3257G>A']);
  });
});

// Reporter Diplotype.buildLabel, USE_CPIC_STYLE_DIPLOTYPE_NAMES (CACNA1S, CFTR, RYR1); Ryr1Test
// (names "Reference/c.152C>A", labels "c.152C>A (heterozygous)"), CftrTest ref_ref, d1270NHet.
describe('report labels, CPIC style', () => {
  it('a single heterozygous variant is `X (heterozygous)` for RYR1 and CACNA1S, not for DPYD', () => {
    const r = call('RYR1', geneRecords('RYR1', { [pos('RYR1', 'c.152C>A')]: het })).call;
    expect(r.diplotypes).toEqual(['Reference/c.152C>A']);
    expect(r.labels).toEqual(['c.152C>A (heterozygous)']);
    const c = call('CACNA1S', geneRecords('CACNA1S', { [pos('CACNA1S', 'c.520C>T')]: het })).call;
    expect(c.labels).toEqual(['c.520C>T (heterozygous)']);
    const d = call('DPYD', geneRecords('DPYD', { [pos('DPYD', 'c.2846A>T')]: het })).call;
    expect(d.labels).toEqual(['Reference/c.2846A>T']);
  });

  it("CFTR's reference allele is `Reference` in labels", () => {
    const ref = call('CFTR', geneRecords('CFTR', {})).call;
    expect(ref.diplotypes).toEqual(['ivacaftor non-responsive CFTR sequence/ivacaftor non-responsive CFTR sequence']);
    expect(ref.labels).toEqual(['Reference/Reference']);
    const one = call('CFTR', geneRecords('CFTR', { [pos('CFTR', 'D1270N')]: het })).call;
    expect(one.labels).toEqual(['D1270N (heterozygous)']);
  });

  it('other genes are labelled as named', () => {
    const c = call('CYP2C19', geneRecords('CYP2C19', { 94842866: hom })).call;
    expect(c.labels).toEqual(c.diplotypes);
  });
});

// Definition suballelesMap (SLCO1B1 *45.001, *45.002 → *45), VariantReportFactoryTest.renameSuballeles.
describe('sub-alleles are reported by their core allele', () => {
  it('SLCO1B1 *45.001 is *45, in the diplotype and the haplotypes', () => {
    const c = call('SLCO1B1', geneRecords('SLCO1B1', { [pos('SLCO1B1', '*45.001')]: het })).call;
    expect(c.diplotypes.some((d) => d.includes('*45'))).toBe(true);
    expect(c.diplotypes.join(' ')).not.toMatch(/\*45\.\d/);
    expect(c.haplotypes.flat()).toContain('*45');
  });
});

// Docs "Named Allele Matcher 201: Combinations and Partial Alleles": combinations only when no
// pair fits; every strand assignment of unphased data; the reference-biased score makes
// CYP2B6 `*1/[*5 + *9 + *23]` the top call; partials only on effectively phased data.
describe('--combinations over several unphased heterozygous positions', () => {
  const recs = geneRecords('CYP2B6', { [pos('CYP2B6', '*5')]: { alleles: [0, 2] }, [pos('CYP2B6', '*9')]: het, [pos('CYP2B6', '*23')]: het });

  it('finds the documented top call and lists the other assignments in all-matches mode', () => {
    expect(call('CYP2B6', recs).call.kind).toBe('none');
    const top = call('CYP2B6', recs, { findCombinations: true }).call;
    expect(top.diplotypes).toEqual(['*1/[*5 + *9 + *23]']);
    const all = call('CYP2B6', recs, { findCombinations: true, allMatches: true }).call.diplotypes;
    expect(all[0]).toBe('*1/[*5 + *9 + *23]');
    expect(all).toEqual(expect.arrayContaining(['*5/[*9 + *23]', '*9/[*5 + *23]', '*23/[*5 + *9]']));
  });

  it('calls no partial from unphased data with several heterozygous positions', () => {
    const c = call('CYP2B6', undocumentedAt('CYP2B6', pos('CYP2B6', '*9')).map((r) => (r.pos === pos('CYP2B6', '*23') ? rec(r.chrom.slice(3), r.pos, r.ref, r.alts, [het]) : r)), { findCombinations: true }).call;
    expect(c.diplotypes).toEqual([]);
    expect(c.note).toMatch(/no combination/);
  });
});
