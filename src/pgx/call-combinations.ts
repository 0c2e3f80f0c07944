// --combinations (PharmCAT research mode, "NamedAlleleMatcher 201: Combinations and Partial
// Alleles"), tried only when no pair of named alleles fits. Every way of putting the heterozygous
// alleles on two strands is tried (unphased data); each strand is named by the named alleles it
// carries, `[a + b]`. A variant no named allele explains is a partial, named by its g. change; PharmCAT
// calls a partial off the reference only on phased data or unphased data with two possible sequences
// (one heterozygous position), and vcfact calls any partial only then. Strand scores follow PharmCAT
// (the component alleles' defined positions; a partial off the reference scores 0); the best
// scoring assignments are the call.
import { assayedIndexes, isHet, type Site, type Strand } from './call-sites.js';
import { coverStrand, strandName, strandScore } from './call-strands.js';
import type { GeneDef } from './kb.js';
import { diplotypeName, haplotypeCompare } from './names.js';

/** Unphased heterozygous positions beyond which the 2^(n-1) assignments are not enumerated. */
export const MAX_COMBINATION_HETS = 12;

export interface CombinationCall {
  diplotypes: string[];
  haplotypes: [string, string][];
  score: number;
  note?: string;
}

interface Named {
  name: string;
  score: number;
  partial: boolean;
}

function nameStrand(def: GeneDef, sites: Site[], strand: Strand, assayed: boolean[] | null): Named {
  const cover = coverStrand(def, sites, strand);
  const partials = cover.uncovered.map((s) => `g.${s.pos}${s.call.site.ref}>${strand[s.idx] ?? ''}`);
  const name = strandName(def, [...cover.alleles.map((a) => a.name), ...partials]);
  return { name, score: strandScore(def, cover, assayed), partial: partials.length > 0 };
}

/** The two strands of one assignment: the positions in `swap` put their second allele on the first strand. */
function strandsOf(sites: Site[], swap: Set<Site>): [Strand, Strand] {
  const s1: Strand = [];
  const s2: Strand = [];
  for (const s of sites) {
    const a = s.alleles[0] ?? null;
    const b = (s.alleles.length > 1 ? s.alleles[1] : s.alleles[0]) ?? null;
    s1[s.idx] = swap.has(s) ? b : a;
    s2[s.idx] = swap.has(s) ? a : b;
  }
  return [s1, s2];
}

export function combinationCall(def: GeneDef, sites: Site[], phased: boolean, allMatches: boolean): CombinationCall {
  // Phased data has one assignment; unphased data one per orientation of its heterozygous positions
  // (the first stays put: swapping every position gives the same pair).
  const free = phased ? [] : sites.filter(isHet).slice(1);
  if (free.length >= MAX_COMBINATION_HETS) {
    return { diplotypes: [], haplotypes: [], score: 0, note: `${free.length + 1} unphased heterozygous positions: too many strand assignments to try for combinations (at most ${MAX_COMBINATION_HETS})` };
  }
  const partialsAllowed = phased || free.length === 0;
  const assayed = assayedIndexes(def, sites);
  const found = new Map<string, { pair: [string, string]; score: number }>();
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const swap = new Set(free.filter((_, k) => (mask >> k) & 1));
    const [x, y] = strandsOf(sites, swap).map((st) => nameStrand(def, sites, st, assayed)) as [Named, Named];
    if (!partialsAllowed && (x.partial || y.partial)) continue;
    const name = diplotypeName(x.name, y.name);
    const pair: [string, string] = haplotypeCompare(x.name, y.name) <= 0 ? [x.name, y.name] : [y.name, x.name];
    if (!found.has(name)) found.set(name, { pair, score: x.score + y.score });
  }
  let calls = [...found.values()].sort((p, q) => q.score - p.score || haplotypeCompare(p.pair[0], q.pair[0]) || haplotypeCompare(p.pair[1], q.pair[1]));
  if (!allMatches) calls = calls.filter((c) => c.score === calls[0]?.score);
  if (!calls.length) return { diplotypes: [], haplotypes: [], score: 0, note: 'no combination of named alleles explains the unphased genotypes' };
  return { diplotypes: calls.map((c) => c.pair.join('/')), haplotypes: calls.map((c) => c.pair), score: calls[0]?.score ?? 0 };
}
