// The sample's genotypes at a gene's definition positions, as the caller sees them: one Site per
// assayed position (alleles as definition text), which positions were not assayed, which alleles no
// definition knows, and the shape of every named allele (where it is defined, where it differs
// from the reference), computed once per allele.
import type { SiteCall, SiteCalls } from './collect.js';
import type { GeneDef, NamedAllele } from './kb.js';
import type { SiteRow } from './kb-types.js';
import { naturalCompare } from './names.js';

export interface Site {
  idx: number;
  pos: number;
  alleles: (string | null)[];
  call: SiteCall;
}

/** Allele per definition position index on one strand (null = unknown, undefined = not assayed). */
export type Strand = (string | null | undefined)[];

// IUPAC ambiguity codes in definitions (CYP2C19 *2 has R at rs12769205: A or G).
const IUPAC: Record<string, string> = { R: 'AG', Y: 'CT', S: 'CG', W: 'AT', K: 'GT', M: 'AC', B: 'CGT', D: 'AGT', H: 'ACT', V: 'ACG', N: 'ACGT' };

/** Does a definition allele accept an observed allele? */
export function accepts(def: string, x: string): boolean {
  return def === x || (def.length === 1 && x.length === 1 && (IUPAC[def]?.includes(x) ?? false));
}

export interface GeneSites {
  sites: Site[];
  missing: number[];
  undocumented: { pos: number; allele: string }[];
}

// Samples share SiteCall objects (collect.ts), so the Site made from one (when every allele is
// documented, i.e. used as is) is shared too.
const siteOfCall = new WeakMap<SiteCall, Site>();

/**
 * The assayed positions of a gene. `undocumentedAsReference`: an allele no definition knows is read
 * as the position's reference allele (PharmCAT's rule for some genes); otherwise it is kept as is.
 */
export function geneSites(def: GeneDef, calls: SiteCalls, undocumentedAsReference: boolean): GeneSites {
  const out: GeneSites = { sites: [], missing: [], undocumented: [] };
  def.positions.forEach((pos, idx) => {
    const c = calls.get(pos);
    if (!c || c.state === 'missing') {
      out.missing.push(pos);
      return;
    }
    const shared = siteOfCall.get(c);
    if (shared !== undefined && shared.idx === idx) {
      out.sites.push(shared);
      return;
    }
    const known = knownAlleles(c.site);
    if (c.alleles.every((a) => a === null || known.has(a))) {
      const s: Site = { idx, pos, alleles: c.alleles, call: c };
      siteOfCall.set(c, s);
      out.sites.push(s);
      return;
    }
    const alleles = c.alleles.map((a) => {
      if (a === null || known.has(a)) return a;
      out.undocumented.push({ pos, allele: a });
      return undocumentedAsReference ? c.site.ref : a;
    });
    out.sites.push({ idx, pos, alleles, call: c });
  });
  return out;
}

const knownOf = new WeakMap<SiteRow, Set<string>>();

/** The alleles a site's definitions know (its REF and ALTs). */
function knownAlleles(site: SiteRow): Set<string> {
  let k = knownOf.get(site);
  if (k === undefined) knownOf.set(site, (k = new Set([site.ref, ...site.alts])));
  return k;
}

/** Heterozygous: two or more copies, not all the same allele. */
export function isHet(s: Site): boolean {
  const al = s.alleles;
  if (al.length < 2) return false;
  for (let i = 1; i < al.length; i++) if (al[i] !== al[0]) return true;
  return false;
}

/** Phased when every heterozygous position is phased within one phase set (or there is none). */
export function isPhased(sites: Site[]): boolean {
  const het = sites.filter(isHet);
  if (!het.every((s) => s.call.phased)) return false;
  return new Set(het.map((s) => s.call.ps ?? '')).size <= 1;
}

/**
 * PharmCAT's "effectively phased" (MatchData: at most two sample sequences): phased, or unphased
 * with a single heterozygous position, whose two alleles can only make one pair of strands.
 */
export function isEffectivelyPhased(sites: Site[]): boolean {
  return isPhased(sites) || sites.filter(isHet).length === 1;
}

/** Where a named allele is defined, and where it differs from the reference (a few positions each). */
export interface Shape {
  defined: number[];
  diff: number[];
}

const shapes = new WeakMap<NamedAllele, Shape>();

export function shape(def: GeneDef, a: NamedAllele): Shape {
  let sh = shapes.get(a);
  if (sh === undefined) {
    sh = { defined: [], diff: [] };
    for (let i = 0; i < a.hap.length; i++) {
      if (a.defined[i]) sh.defined.push(i);
      if (a.hap[i] !== def.reference.hap[i]) sh.diff.push(i);
    }
    shapes.set(a, sh);
  }
  return sh;
}

/** A named allele's score on the assayed positions: its defined positions among them. */
export function alleleScore(def: GeneDef, a: NamedAllele, assayed: boolean[] | null): number {
  const d = shape(def, a).defined;
  return assayed === null ? d.length : d.reduce((n, i) => n + (assayed[i] ? 1 : 0), 0);
}

/** Which position indexes were assayed (null: all of them, the usual case). */
export function assayedIndexes(def: GeneDef, sites: Site[]): boolean[] | null {
  if (sites.length === def.positions.length) return null;
  const assayed: boolean[] = [];
  for (const s of sites) assayed[s.idx] = true;
  return assayed;
}

/**
 * The alleles usable on the assayed positions, with their scores (defined positions assayed);
 * alleles defined only at missing positions are dropped, as PharmCAT does.
 */
export function usableAlleles(def: GeneDef, sites: Site[]): readonly { a: NamedAllele; score: number }[] {
  const assayed = assayedIndexes(def, sites);
  if (assayed !== null) return scoredAlleles(def, assayed);
  // Every position assayed (the usual case): the same list for every sample.
  let all = allAssayed.get(def);
  if (all === undefined) allAssayed.set(def, (all = scoredAlleles(def, null)));
  return all;
}

const allAssayed = new WeakMap<GeneDef, readonly { a: NamedAllele; score: number }[]>();

function scoredAlleles(def: GeneDef, assayed: boolean[] | null): { a: NamedAllele; score: number }[] {
  return def.alleles.map((a) => ({ a, score: alleleScore(def, a, assayed) })).filter((x) => x.score > 0);
}

const ranks = new WeakMap<GeneDef, Map<NamedAllele, number>>();

/** Each allele's place in naturalCompare order of the names (a total order: equal only for equal names). */
export function nameRanks(def: GeneDef): Map<NamedAllele, number> {
  let r = ranks.get(def);
  if (r === undefined) ranks.set(def, (r = new Map([...def.alleles].sort((x, y) => naturalCompare(x.name, y.name)).map((a, i) => [a, i]))));
  return r;
}
