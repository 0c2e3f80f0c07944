// One strand named by the named alleles whose variants it carries: the lowest-function genes'
// strand calls and --combinations. Alleles that explain most of the strand's variants come first;
// two alleles never share a variant (PharmCAT CombinationMatch.canMerge: no overlapping definitions).
import { accepts, alleleScore, nameRanks, shape, type Site, type Strand } from './call-sites.js';
import type { GeneDef, NamedAllele } from './kb.js';
import { combinationName } from './names.js';

export interface StrandCover {
  /** The named alleles chosen, in the order found. */
  alleles: NamedAllele[];
  /** Non-reference alleles no chosen allele explains. */
  uncovered: Site[];
}

/**
 * Per position index: the non-reference alleles defined there with an allele other than the
 * reference's (by index into def.alleles), and those of them whose allele accepts the reference's
 * base too (an IUPAC code). Only these can be hit on a strand, so a strand's candidates are found
 * from its few non-reference positions instead of by trying every allele.
 */
interface DiffIndex {
  at: number[][];
  atRef: number[][];
}

const diffIndexes = new WeakMap<GeneDef, DiffIndex>();

function diffIndex(def: GeneDef): DiffIndex {
  let d = diffIndexes.get(def);
  if (d === undefined) {
    d = { at: def.positions.map(() => []), atRef: def.positions.map(() => []) };
    def.alleles.forEach((a, k) => {
      if (a.reference) return;
      for (const i of shape(def, a).diff) {
        if (!a.defined[i]) continue;
        d?.at[i]?.push(k);
        if (accepts(a.hap[i] as string, def.reference.hap[i] as string)) d?.atRef[i]?.push(k);
      }
    });
    diffIndexes.set(def, d);
  }
  return d;
}

/** Indexes (in def.alleles order) of the alleles that can hit the strand: defined off the reference where it has an allele. */
function hitCandidates(def: GeneDef, strand: Strand): number[] {
  const { at, atRef } = diffIndex(def);
  const ref = def.reference.hap;
  const found = new Set<number>();
  for (let i = 0; i < at.length; i++) {
    const x = strand[i];
    if (x === null || x === undefined) continue;
    for (const k of x === ref[i] ? (atRef[i] as number[]) : (at[i] as number[])) found.add(k);
  }
  return [...found].sort((p, q) => p - q);
}

/** Candidate alleles for a strand: defined, non-reference alleles all present, none contradicted. */
function candidates(def: GeneDef, strand: Strand): { a: NamedAllele; hit: number; wild: number }[] {
  const out: { a: NamedAllele; hit: number; wild: number }[] = [];
  for (const k of hitCandidates(def, strand)) {
    const a = def.alleles[k] as NamedAllele;
    let hit = 0;
    let wild = 0;
    let ok = true;
    // Only where the allele is defined and differs from the reference, at assayed positions.
    for (const i of shape(def, a).diff) {
      const x = strand[i];
      if (!a.defined[i] || x === undefined) continue;
      if (x === null) wild++;
      else if (accepts(a.hap[i] as string, x)) hit++;
      else ok = false;
    }
    if (ok && hit > 0) out.push({ a, hit, wild });
  }
  const rank = nameRanks(def);
  return out.sort((x, y) => y.hit - x.hit || x.wild - y.wild || (rank.get(x.a) as number) - (rank.get(y.a) as number));
}

/** Named alleles that explain the non-reference alleles of one strand (null = unknown). */
export function coverStrand(def: GeneDef, sites: Site[], strand: Strand): StrandCover {
  const alts = sites.filter((s) => {
    const x = strand[s.idx];
    return x !== null && x !== undefined && x !== def.reference.hap[s.idx];
  });
  // By position index: a non-reference allele on this strand; explained by a chosen allele.
  const isAlt: boolean[] = [];
  for (const s of alts) isAlt[s.idx] = true;
  const covered: boolean[] = [];
  const chosen: NamedAllele[] = [];
  for (const c of candidates(def, strand)) {
    // Only the allele's own defined positions can be among the alts it adds or overlaps.
    const sh = shape(def, c.a);
    const adds = sh.defined.filter((i) => isAlt[i] === true && covered[i] !== true && accepts(c.a.hap[i] as string, strand[i] as string));
    if (!adds.length) continue;
    // An allele must not claim an alt another chosen allele already explains (overlapping definitions).
    if (sh.diff.some((i) => isAlt[i] === true && covered[i] === true && c.a.defined[i])) continue;
    for (const i of adds) covered[i] = true;
    chosen.push(c.a);
  }
  return { alleles: chosen, uncovered: alts.filter((s) => covered[s.idx] !== true) };
}

/** A strand's name: its alleles as a combination `[a + b]`, or the reference when there are none. */
export function strandName(def: GeneDef, names: string[]): string {
  return names.length ? combinationName(names) : def.reference.name;
}

/**
 * A strand's score as PharmCAT scores combinations (CombinationMatch): the defined positions of
 * its component alleles; the reference's own when it carries none; an off-reference partial adds 0.
 */
export function strandScore(def: GeneDef, cover: StrandCover, assayed: boolean[] | null): number {
  if (cover.alleles.length === 0) return cover.uncovered.length ? 0 : alleleScore(def, def.reference, assayed);
  return cover.alleles.reduce((n, a) => n + alleleScore(def, a, assayed), 0);
}
