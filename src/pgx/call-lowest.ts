// Lowest-function genes (PharmCAT Constants.LOWEST_FUNCTION_GENES: DPYD, RYR1; docs "Gene Definition
// Exceptions", DPYD): every variant found is reported. Effectively phased data (phased, or a single
// heterozygous position: NamedAlleleMatcher tries diplotypes when MatchData.isEffectivelyPhased)
// names each strand, `[a + b]` for several variants; other unphased data gives the list of
// variants found, a homozygous one marked so.
import { isHet, type Site, type Strand } from './call-sites.js';
import { coverStrand, strandName } from './call-strands.js';
import type { GeneDef } from './kb.js';
import { diplotypeName, haplotypeCompare, naturalCompare } from './names.js';

export interface LowestCall {
  diplotypes: string[];
  /** Per diplotype, the non-reference strands (the phenotype reads a missing copy as reference). */
  haplotypes: string[][];
  kind: 'diplotype' | 'combination' | 'allele-list';
}

export function lowestFunction(def: GeneDef, sites: Site[], effectivelyPhased: boolean): LowestCall {
  const het = sites.filter(isHet);
  if (effectivelyPhased || (het.length > 0 && het.every((s) => s.call.phased))) return strandCalls(def, sites, het);
  return alleleList(def, sites);
}

const names = (def: GeneDef, sites: Site[], strand: Strand): string[] => coverStrand(def, sites, strand).alleles.map((a) => a.name);

/** The strands the phenotype reads: the non-reference ones (the reference alone when there are none). */
function strandsForPhenotype(def: GeneDef, pair: string[]): string[] {
  const alt = pair.filter((x) => x !== def.reference.name);
  return alt.length ? alt : [def.reference.name];
}

/** Phase sets are independent: every relative orientation of the blocks is a possible call. */
function strandCalls(def: GeneDef, sites: Site[], het: Site[]): LowestCall {
  const blocks = [...new Set(het.map((s) => s.call.ps ?? ''))];
  const seen = new Map<string, string[]>();
  for (let mask = 0; mask < 1 << Math.max(blocks.length - 1, 0); mask++) {
    const s1: Strand = [];
    const s2: Strand = [];
    for (const s of sites) {
      const b = blocks.indexOf(s.call.ps ?? '');
      const flip = b > 0 && (mask >> (b - 1)) & 1;
      const second = s.alleles.length > 1 ? s.alleles[1] : s.alleles[0];
      s1[s.idx] = (flip ? second : s.alleles[0]) ?? null;
      s2[s.idx] = (flip ? s.alleles[0] : second) ?? null;
    }
    const a = strandName(def, names(def, sites, s1));
    const b = strandName(def, names(def, sites, s2));
    const name = diplotypeName(a, b);
    if (!seen.has(name)) seen.set(name, strandsForPhenotype(def, [a, b]));
  }
  const all = [...seen.keys()].sort((x, y) => haplotypeCompare(x, y));
  const kind = all.some((n) => n.includes('[')) ? 'combination' : 'diplotype';
  return { diplotypes: all, haplotypes: all.map((n) => seen.get(n) as string[]), kind };
}

/** Unphased: the alleles carried, each once (or marked homozygous). */
function alleleList(def: GeneDef, sites: Site[]): LowestCall {
  const both: Strand = [];
  const one: Strand = [];
  for (const s of sites) {
    const ref = def.reference.hap[s.idx];
    // The non-reference alleles: the first, how many, whether all the same (no array per site).
    let first: string | undefined;
    let alts = 0;
    let same = true;
    for (const x of s.alleles) {
      if (x === null || x === ref) continue;
      if (alts++ === 0) first = x;
      else if (x !== first) same = false;
    }
    one[s.idx] = first ?? ref ?? null;
    both[s.idx] = alts === 2 && same ? (first as string) : (ref ?? null);
  }
  const found = names(def, sites, one).sort(naturalCompare);
  const homs = new Set(names(def, sites, both));
  // One allele over several positions (HapB3) still makes a diplotype with the reference.
  if (found.length <= 1) {
    const x = found[0] ?? def.reference.name;
    const pair = homs.has(x) || x === def.reference.name ? [x, x] : [def.reference.name, x];
    return { diplotypes: [pair.join('/')], haplotypes: [strandsForPhenotype(def, pair)], kind: 'diplotype' };
  }
  const list = found.map((x) => (homs.has(x) ? `${x} (homozygous)` : x));
  return { diplotypes: list, haplotypes: [found], kind: 'allele-list' };
}
