// Named-allele matching with PharmCAT's semantics (NamedAlleleMatcher 101): a named allele is a full
// haplotype; phased data matches each strand, unphased data tries every pair of alleles; a
// diplotype's score is the defined positions of its two alleles; hemizygous data takes one allele.
import { accepts, shape, type Site, usableAlleles } from './call-sites.js';
import type { GeneDef, NamedAllele } from './kb.js';
import { diplotypeName, haplotypeCompare, naturalCompare } from './names.js';

export interface ScoredPair {
  names: [string, string];
  score: number;
}

type Scored = { a: NamedAllele; score: number };

export function orderPair(a: string, b: string): [string, string] {
  return haplotypeCompare(a, b) <= 0 ? [a, b] : [b, a];
}

function pairFits(h1: string, h2: string, sample: (string | null)[]): boolean {
  const [a, b] = sample;
  const ok = (h: string, x: string | null | undefined): boolean => x === null || x === undefined || accepts(h, x);
  return (ok(h1, a) && ok(h2, b)) || (ok(h1, b) && ok(h2, a));
}

function fitsStrand(sites: Site[], a: NamedAllele, strand: (string | null)[]): boolean {
  return sites.every((s, k) => strand[k] === null || accepts(a.hap[s.idx] as string, strand[k] as string));
}

/** Hemizygous (haploid GT) calls: the alleles matching the one strand, best first. */
export function hemizygousMatches(def: GeneDef, sites: Site[]): Scored[] {
  const strand = sites.map((s) => s.alleles[0] ?? null);
  return usableAlleles(def, sites)
    .filter((x) => fitsStrand(sites, x.a, strand))
    .sort((x, y) => y.score - x.score || naturalCompare(x.a.name, y.a.name));
}

/** Every pair of named alleles consistent with the data, best first. */
export function matchPairs(def: GeneDef, sites: Site[], phased: boolean): ScoredPair[] {
  const scored = usableAlleles(def, sites);
  const pairs = phased ? phasedPairs(sites, scored) : unphasedPairs(def, sites, scored);
  return pairs.sort((p, q) => q.score - p.score || haplotypeCompare(p.names[0], q.names[0]) || haplotypeCompare(p.names[1], q.names[1]));
}

function phasedPairs(sites: Site[], scored: readonly Scored[]): ScoredPair[] {
  const s1 = sites.map((s) => s.alleles[0] ?? null);
  const s2 = sites.map((s) => s.alleles[1] ?? null);
  const m1 = scored.filter((x) => fitsStrand(sites, x.a, s1));
  const m2 = scored.filter((x) => fitsStrand(sites, x.a, s2));
  const seen = new Set<string>();
  const pairs: ScoredPair[] = [];
  for (const x of m1) {
    for (const y of m2) {
      const name = diplotypeName(x.a.name, y.a.name);
      if (seen.has(name)) continue;
      seen.add(name);
      pairs.push({ names: orderPair(x.a.name, y.a.name), score: x.score + y.score });
    }
  }
  return pairs;
}

function unphasedPairs(def: GeneDef, sites: Site[], scored: readonly Scored[]): ScoredPair[] {
  // Only alleles whose every position is one of the sample's alleles can be part of a pair.
  // Where an allele has the reference's allele, the answer is the reference's, worked out once per
  // position; so each allele is checked only where it differs from the reference, and where the
  // reference itself does not fit.
  const refHap = def.reference.hap;
  const siteAt: (Site | undefined)[] = [];
  for (const s of sites) siteAt[s.idx] = s;
  const oneFits = (h: string, s: Site): boolean => s.alleles.some((y) => y === null || accepts(h, y));
  const refUnfit = sites.filter((s) => !oneFits(refHap[s.idx] as string, s));
  const fitsAlone = (a: NamedAllele): boolean =>
    refUnfit.every((s) => a.hap[s.idx] !== refHap[s.idx]) &&
    shape(def, a).diff.every((i) => {
      const s = siteAt[i];
      return s === undefined || oneFits(a.hap[i] as string, s);
    });
  const cand = scored.filter((x) => fitsAlone(x.a));
  const pairUnfit = sites.filter((s) => !pairFits(refHap[s.idx] as string, refHap[s.idx] as string, s.alleles));
  const pairOk = (a: NamedAllele, b: NamedAllele): boolean => {
    for (const s of pairUnfit) if (a.hap[s.idx] === refHap[s.idx] && b.hap[s.idx] === refHap[s.idx]) return false;
    for (const h of [a, b]) {
      for (const i of shape(def, h).diff) {
        const s = siteAt[i];
        if (s !== undefined && !pairFits(a.hap[i] as string, b.hap[i] as string, s.alleles)) return false;
      }
    }
    return true;
  };
  const pairs: ScoredPair[] = [];
  for (let i = 0; i < cand.length; i++) {
    for (let j = i; j < cand.length; j++) {
      const x = cand[i] as Scored;
      const y = cand[j] as Scored;
      if (pairOk(x.a, y.a)) pairs.push({ names: orderPair(x.a.name, y.a.name), score: x.score + y.score });
    }
  }
  return pairs;
}

/**
 * NAT2-style exemptions: when two or more diplotypes of a listed set are consistent with unphased
 * data (whatever their scores), the listed pick is the call.
 */
export function applyPriorities<T extends { names: [string, string] }>(def: GeneDef, pairs: T[], phased: boolean): T[] {
  if (phased || pairs.length < 2) return pairs;
  let out = pairs;
  for (const pr of def.row.unphasedDiplotypePriorities) {
    const names = out.map((p) => `${p.names[0]}/${p.names[1]}`);
    const present = pr.list.filter((d) => names.includes(d));
    if (present.length < 2 || !present.includes(pr.pick)) continue;
    // PharmCAT reports the pick alone (its NAT2 sheet expectations hold no other candidate).
    out = out.filter((_, i) => names[i] === pr.pick);
  }
  return out;
}
