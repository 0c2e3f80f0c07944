// The diplotype caller, with PharmCAT's semantics (docs "Named Allele Matcher 101/201", "Gene
// Definition Exceptions"): a named allele is a full haplotype (positions its definition leaves
// empty take the reference allele); positions the sample lacks are dropped from every definition;
// a diplotype's score is the number of defined positions of its two alleles. Gene rules:
// lowest-function reporting (call-lowest.ts), hemizygous calls (haploid GT), NAT2 tie priorities,
// required positions, undocumented alleles, CYP2D6 only on request; report names in call-report.ts.
import { combinationCall } from './call-combinations.js';
import { lowestFunction } from './call-lowest.js';
import { applyPriorities, hemizygousMatches, matchPairs } from './call-pairs.js';
import { keyPositionFallback, reportLabel, withCoreNames } from './call-report.js';
import { geneSites, isEffectivelyPhased, isPhased, type Site } from './call-sites.js';
import type { SiteCall, SiteCalls } from './collect.js';
import type { GeneDef } from './kb.js';

export interface CallOptions {
  /** Every consistent diplotype, best first (PharmCAT topCandidateOnly=false). */
  allMatches?: boolean;
  /** Partial and compound haplotypes `[a + b]` when no named pair fits. */
  findCombinations?: boolean;
  /** Call CYP2D6 from SNVs in the VCF (no CNV or hybrid alleles). */
  callCyp2d6?: boolean;
}

export type CallKind = 'diplotype' | 'hemizygous' | 'allele-list' | 'combination' | 'none';

export interface GeneCall {
  gene: string;
  /** Best first, as PharmCAT's matcher names them (its report.tsv "Source Diplotype"); [] when no call can be made. */
  diplotypes: string[];
  /** The same calls as PharmCAT's report labels them (CPIC style for CACNA1S, CFTR, RYR1: `X (heterozygous)`). */
  labels: string[];
  /** The haplotype names of each diplotype (one name for hemizygous calls, the list for allele lists). */
  haplotypes: string[][];
  kind: CallKind;
  /** Score of the top diplotype (PharmCAT's matched defining positions). */
  score: number | null;
  phased: boolean;
  /** GRCh38 positions not assayed. */
  missing: number[];
  /** Positions with an allele no definition knows (pos, allele). */
  undocumented: { pos: number; allele: string }[];
  /** Why there is no call, or a caveat on the call. */
  note?: string;
  /** The site calls that carried a non-reference allele, for evidence. */
  evidence: SiteCall[];
  /**
   * What PharmCAT's report shows when the gene cannot be called but one key position can
   * (SLCO1B1: the rs4149056 genotype), with the named alleles that stand for its phenotype.
   */
  fallback?: { diplotype: string; haplotypes: string[] };
}

/** Genes reported by their lowest-function alleles (PharmCAT Constants.LOWEST_FUNCTION_GENES). */
export const LOWEST_FUNCTION = new Set(['DPYD', 'RYR1']);
/**
 * Genes whose undocumented alleles count as reference (PharmCAT NamedAlleleMatcher
 * TREAT_UNDOCUMENTED_VARIATIONS_AS_REFERENCE; docs "Named Allele Matcher 201: Undocumented
 * Variations"): the toxicity genes. Under --combinations only the lowest-function genes keep the
 * rule (VcfReader: the others show the exact change instead).
 */
export const UNDOCUMENTED_AS_REFERENCE = new Set(['CACNA1S', 'DPYD', 'G6PD', 'NUDT15', 'RYR1', 'TPMT']);

export function undocumentedAsReference(gene: string, opts: CallOptions): boolean {
  return UNDOCUMENTED_AS_REFERENCE.has(gene) && (LOWEST_FUNCTION.has(gene) || !opts.findCombinations);
}

const CYP2D6_CAVEAT = 'CYP2D6 called from VCF SNVs only (--call-cyp2d6): copy number, the *5 deletion and hybrid alleles are not seen; prefer an outside call';

type Base = Pick<GeneCall, 'gene' | 'missing' | 'undocumented' | 'evidence' | 'phased'>;
type Found = Pick<GeneCall, 'diplotypes' | 'haplotypes' | 'kind' | 'score'> & Pick<Partial<GeneCall>, 'note' | 'fallback'>;

export function callGene(def: GeneDef, calls: SiteCalls, opts: CallOptions = {}): GeneCall {
  const g = geneSites(def, calls, undocumentedAsReference(def.gene, opts));
  const base: Base = { gene: def.gene, missing: g.missing, undocumented: g.undocumented, evidence: g.sites.filter((s) => s.call.state === 'alt').map((s) => s.call), phased: isPhased(g.sites) };
  const c = named(def, base, callFromSites(def, g.sites, base, opts));
  if (def.gene === 'CYP2D6' && opts.callCyp2d6) c.note = c.note ? `${c.note}; ${CYP2D6_CAVEAT}` : CYP2D6_CAVEAT;
  return c;
}

// Objects are written out as literals, not spread (`{ ...a, ...b }`): V8 builds spread objects that
// gain keys slowly, and a cohort makes one per sample and gene (see result-row.ts).
const none = (note: string, fallback?: Found['fallback']): Found => ({ diplotypes: [], haplotypes: [], kind: 'none', score: null, note, fallback });

function callFromSites(def: GeneDef, sites: Site[], base: Base, opts: CallOptions): Found {
  if (def.gene === 'CYP2D6' && !opts.callCyp2d6) return none('CYP2D6 is taken from outside calls; calling it from VCF SNVs needs --call-cyp2d6');
  if (sites.length === 0) return none('no definition position was assayed');
  const lackRequired = def.row.requiredPositions.filter((p) => base.missing.includes(p));
  if (lackRequired.length) return none(`required position(s) not assayed: ${lackRequired.join(', ')}`);
  const undoc = !undocumentedAsReference(def.gene, opts) && base.undocumented.length > 0;
  if (undoc && !opts.findCombinations) return none(`undocumented allele(s) at ${base.undocumented.map((u) => `${u.pos} (${u.allele})`).join(', ')}`);

  const haploid = sites.every((s) => s.alleles.length === 1);
  if (LOWEST_FUNCTION.has(def.gene) && !haploid) {
    const l = lowestFunction(def, sites, isEffectivelyPhased(sites));
    return { diplotypes: l.diplotypes, haplotypes: l.haplotypes, kind: l.kind, score: null };
  }
  if (haploid) {
    const hits = hemizygousMatches(def, sites);
    const keep = opts.allMatches ? hits : hits.filter((x) => x.score === hits[0]?.score);
    if (!keep.length) return undoc ? combinations(def, sites, base.phased, opts) : none('no named allele matches the hemizygous calls');
    return { diplotypes: keep.map((x) => x.a.name), haplotypes: keep.map((x) => [x.a.name]), kind: 'hemizygous', score: keep[0]?.score ?? null };
  }
  let pairs = matchPairs(def, sites, base.phased);
  if (!opts.allMatches) {
    pairs = applyPriorities(def, pairs, base.phased);
    pairs = pairs.filter((p) => p.score === pairs[0]?.score);
  }
  if (!pairs.length) {
    if (opts.findCombinations) return combinations(def, sites, base.phased, opts);
    return none('no pair of named alleles is consistent with the genotypes', keyPositionFallback(def, sites));
  }
  return { diplotypes: pairs.map((p) => `${p.names[0]}/${p.names[1]}`), haplotypes: pairs.map((p) => [...p.names]), kind: 'diplotype', score: pairs[0]?.score ?? null };
}

function combinations(def: GeneDef, sites: Site[], phased: boolean, opts: CallOptions): Found {
  const c = combinationCall(def, sites, phased, opts.allMatches === true);
  if (!c.diplotypes.length) return none(c.note ?? 'no combination call');
  return { diplotypes: c.diplotypes, haplotypes: c.haplotypes, kind: 'combination', score: c.score };
}

/** The call: sub-alleles under their core names (duplicates merged), and the report labels. */
function named(def: GeneDef, b: Base, c: Found): GeneCall {
  const seen = new Set<string>();
  const diplotypes: string[] = [];
  const haplotypes: string[][] = [];
  c.diplotypes.forEach((d, i) => {
    const name = withCoreNames(d);
    if (seen.has(name)) return;
    seen.add(name);
    diplotypes.push(name);
    haplotypes.push((c.haplotypes[i] ?? []).map(withCoreNames));
  });
  const labels = diplotypes.map((d) => reportLabel(def, d));
  return { gene: b.gene, diplotypes, labels, haplotypes, kind: c.kind, score: c.score, phased: b.phased, missing: b.missing, undocumented: b.undocumented, note: c.note, evidence: b.evidence, fallback: c.fallback };
}
