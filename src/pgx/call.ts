// The diplotype caller, with PharmCAT's semantics: a named allele is a full haplotype (positions its
// definition leaves empty take the reference allele); positions the sample lacks are dropped from
// every definition; a diplotype's score is the number of defined positions of its two alleles.
// Phased data matches each strand; unphased data tries every pair. Gene rules: lowest-function
// reporting (DPYD, RYR1, CACNA1S), hemizygous calls (haploid GT), NAT2 tie priorities,
// required positions, undocumented alleles, CYP2D6 only on request.
import type { SiteCall, SiteCalls } from './collect.js';
import type { GeneDef, NamedAllele } from './kb.js';
import type { SiteRow } from './kb-types.js';
import { combinationName, diplotypeName, haplotypeCompare, naturalCompare } from './names.js';

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
  /** Best first; [] when no call can be made. */
  diplotypes: string[];
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

/** Genes reported by their lowest-function alleles (CPIC): allele lists instead of diplotypes. */
export const LOWEST_FUNCTION = new Set(['DPYD', 'RYR1', 'CACNA1S']);
/** Genes whose undocumented alleles count as reference (PharmCAT's default for these genes). */
const UNDOCUMENTED_AS_REFERENCE = new Set(['DPYD', 'RYR1', 'CACNA1S']);

// IUPAC ambiguity codes in definitions (CYP2C19 *2 has R at rs12769205: A or G).
const IUPAC: Record<string, string> = { R: 'AG', Y: 'CT', S: 'CG', W: 'AT', K: 'GT', M: 'AC', B: 'CGT', D: 'AGT', H: 'ACT', V: 'ACG', N: 'ACGT' };

/** Does a definition allele accept an observed allele? */
export function accepts(def: string, x: string): boolean {
  return def === x || (def.length === 1 && x.length === 1 && (IUPAC[def]?.includes(x) ?? false));
}

interface Site {
  idx: number;
  pos: number;
  alleles: (string | null)[];
  call: SiteCall;
}

const CYP2D6_CAVEAT = 'CYP2D6 called from VCF SNVs only (--call-cyp2d6): copy number, the *5 deletion and hybrid alleles are not seen; prefer an outside call';

export function callGene(def: GeneDef, calls: SiteCalls, opts: CallOptions = {}): GeneCall {
  const c = callFromSites(def, calls, opts);
  if (def.gene !== 'CYP2D6' || !opts.callCyp2d6) return c;
  return { ...c, note: c.note ? `${c.note}; ${CYP2D6_CAVEAT}` : CYP2D6_CAVEAT };
}

function callFromSites(def: GeneDef, calls: SiteCalls, opts: CallOptions): GeneCall {
  const missing: number[] = [];
  const undocumented: { pos: number; allele: string }[] = [];
  const sites: Site[] = [];
  def.positions.forEach((pos, idx) => {
    const c = calls.get(pos);
    if (!c || c.state === 'missing') {
      missing.push(pos);
      return;
    }
    const shared = siteOfCall.get(c);
    if (shared !== undefined && shared.idx === idx) {
      sites.push(shared);
      return;
    }
    const known = knownAlleles(c.site);
    if (c.alleles.every((a) => a === null || known.has(a))) {
      const s: Site = { idx, pos, alleles: c.alleles, call: c };
      siteOfCall.set(c, s);
      sites.push(s);
      return;
    }
    const alleles = c.alleles.map((a) => {
      if (a === null || known.has(a)) return a;
      undocumented.push({ pos, allele: a });
      return UNDOCUMENTED_AS_REFERENCE.has(def.gene) ? c.site.ref : a;
    });
    sites.push({ idx, pos, alleles, call: c });
  });
  const evidence = sites.filter((s) => s.call.state === 'alt').map((s) => s.call);
  const phased = isPhased(sites);
  const base = { gene: def.gene, missing, undocumented, evidence, phased };
  const none = (note: string): GeneCall => ({ ...base, diplotypes: [], haplotypes: [], kind: 'none', score: null, note });

  if (def.gene === 'CYP2D6' && !opts.callCyp2d6) return none('CYP2D6 is taken from outside calls; calling it from VCF SNVs needs --call-cyp2d6');
  if (sites.length === 0) return none('no definition position was assayed');
  const lackRequired = def.row.requiredPositions.filter((p) => missing.includes(p));
  if (lackRequired.length) return none(`required position(s) not assayed: ${lackRequired.join(', ')}`);
  const undoc = !UNDOCUMENTED_AS_REFERENCE.has(def.gene) && undocumented.length > 0;
  if (undoc && !opts.findCombinations) {
    return none(`undocumented allele(s) at ${undocumented.map((u) => `${u.pos} (${u.allele})`).join(', ')}`);
  }

  const haploid = sites.every((s) => s.alleles.length === 1);
  if (LOWEST_FUNCTION.has(def.gene) && !haploid) return { ...base, ...lowestFunction(def, sites, phased) };

  const scored = usableAlleles(def, sites);
  const fits = (a: NamedAllele, strand: (string | null)[]): boolean => sites.every((s, k) => strand[k] === null || accepts(a.hap[s.idx] as string, strand[k] as string));

  if (haploid) {
    const strand = sites.map((s) => s.alleles[0] ?? null);
    const hits = scored.filter((x) => fits(x.a, strand)).sort((x, y) => y.score - x.score || naturalCompare(x.a.name, y.a.name));
    const keep = opts.allMatches ? hits : hits.filter((x) => x.score === hits[0]?.score);
    if (!keep.length) return undoc ? combinationCall(def, sites, base) : none('no named allele matches the hemizygous calls');
    return { ...base, diplotypes: keep.map((x) => x.a.name), haplotypes: keep.map((x) => [x.a.name]), kind: 'hemizygous', score: keep[0]?.score ?? null };
  }

  let pairs: { names: [string, string]; score: number }[] = [];
  if (phased) {
    const s1 = sites.map((s) => s.alleles[0] ?? null);
    const s2 = sites.map((s) => s.alleles[1] ?? null);
    const m1 = scored.filter((x) => fits(x.a, s1));
    const m2 = scored.filter((x) => fits(x.a, s2));
    const seen = new Set<string>();
    for (const x of m1) {
      for (const y of m2) {
        const name = diplotypeName(x.a.name, y.a.name);
        if (seen.has(name)) continue;
        seen.add(name);
        pairs.push({ names: orderPair(x.a.name, y.a.name), score: x.score + y.score });
      }
    }
  } else {
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
    for (let i = 0; i < cand.length; i++) {
      for (let j = i; j < cand.length; j++) {
        const x = cand[i] as (typeof cand)[number];
        const y = cand[j] as (typeof cand)[number];
        if (pairOk(x.a, y.a)) {
          pairs.push({ names: orderPair(x.a.name, y.a.name), score: x.score + y.score });
        }
      }
    }
  }
  pairs.sort((p, q) => q.score - p.score || haplotypeCompare(p.names[0], q.names[0]) || haplotypeCompare(p.names[1], q.names[1]));
  if (!opts.allMatches) {
    pairs = applyPriorities(def, pairs, phased);
    const top = pairs[0]?.score;
    pairs = pairs.filter((p) => p.score === top);
  }
  if (!pairs.length) {
    if (opts.findCombinations) return combinationCall(def, sites, base);
    return { ...none('no pair of named alleles is consistent with the genotypes'), fallback: keyPositionFallback(def, sites) };
  }
  return {
    ...base,
    diplotypes: pairs.map((p) => `${p.names[0]}/${p.names[1]}`),
    haplotypes: pairs.map((p) => [...p.names]),
    kind: 'diplotype',
    score: pairs[0]?.score ?? null,
  };
}

/**
 * The alleles usable on the assayed positions, with their scores (defined positions assayed);
 * alleles defined only at missing positions are dropped, as PharmCAT does.
 */
function usableAlleles(def: GeneDef, sites: Site[]): { a: NamedAllele; score: number }[] {
  // Usually every position was assayed, and the score is the number of defined positions.
  const all = sites.length === def.positions.length;
  const assayed: boolean[] = [];
  if (!all) for (const s of sites) assayed[s.idx] = true;
  return def.alleles
    .map((a) => ({ a, score: all ? shape(def, a).defined.length : shape(def, a).defined.reduce((n, i) => n + (assayed[i] ? 1 : 0), 0) }))
    .filter((x) => x.score > 0);
}

/** Heterozygous: two or more copies, not all the same allele. */
function isHet(s: Site): boolean {
  const al = s.alleles;
  if (al.length < 2) return false;
  for (let i = 1; i < al.length; i++) if (al[i] !== al[0]) return true;
  return false;
}

// Samples share SiteCall objects (collect.ts), so the Site made from one (when every allele is
// documented, i.e. used as is) is shared too.
const siteOfCall = new WeakMap<SiteCall, Site>();

/** Where a named allele is defined, and where it differs from the reference (a few positions each). */
interface Shape {
  defined: number[];
  diff: number[];
}

const shapes = new WeakMap<NamedAllele, Shape>();

function shape(def: GeneDef, a: NamedAllele): Shape {
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

const ranks = new WeakMap<GeneDef, Map<NamedAllele, number>>();

/** Each allele's place in naturalCompare order of the names (a total order: equal only for equal names). */
function nameRanks(def: GeneDef): Map<NamedAllele, number> {
  let r = ranks.get(def);
  if (r === undefined) ranks.set(def, (r = new Map([...def.alleles].sort((x, y) => naturalCompare(x.name, y.name)).map((a, i) => [a, i]))));
  return r;
}

const knownOf = new WeakMap<SiteRow, Set<string>>();

/** The alleles a site's definitions know (its REF and ALTs). */
function knownAlleles(site: SiteRow): Set<string> {
  let k = knownOf.get(site);
  if (k === undefined) knownOf.set(site, (k = new Set([site.ref, ...site.alts])));
  return k;
}

/** SLCO1B1 without a diplotype is reported by its rs4149056 genotype (CPIC's function-defining SNV). */
const KEY_POSITION: Record<string, string> = { SLCO1B1: 'rs4149056' };

function keyPositionFallback(def: GeneDef, sites: Site[]): GeneCall['fallback'] {
  const rsid = KEY_POSITION[def.gene];
  const site = rsid ? sites.find((s) => s.call.site.rsid === rsid) : undefined;
  if (!site || site.alleles.length !== 2 || site.alleles.includes(null)) return undefined;
  // Each allele stands for the named allele defined by it alone (or the reference).
  const standFor = (x: string): string =>
    x === def.reference.hap[site.idx]
      ? def.reference.name
      : (def.alleles.find((a) => a.defined[site.idx] && a.hap[site.idx] === x && a.defined.filter(Boolean).length === 1)?.name ?? x);
  const [a, b] = [...(site.alleles as string[])].sort(naturalCompare) as [string, string];
  return { diplotype: `${rsid} ${a}/${rsid} ${b}`, haplotypes: [standFor(a), standFor(b)] };
}

function orderPair(a: string, b: string): [string, string] {
  return haplotypeCompare(a, b) <= 0 ? [a, b] : [b, a];
}

function pairFits(h1: string, h2: string, sample: (string | null)[]): boolean {
  const [a, b] = sample;
  const ok = (h: string, x: string | null | undefined): boolean => x === null || x === undefined || accepts(h, x);
  return (ok(h1, a) && ok(h2, b)) || (ok(h1, b) && ok(h2, a));
}

/** Phased when every heterozygous position is phased within one phase set (or there is none). */
function isPhased(sites: Site[]): boolean {
  const het = sites.filter(isHet);
  if (!het.every((s) => s.call.phased)) return false;
  return new Set(het.map((s) => s.call.ps ?? '')).size <= 1;
}

/**
 * NAT2-style exemptions: when two or more diplotypes of a listed set are consistent with unphased
 * data (whatever their scores), the listed pick is the call.
 */
function applyPriorities<T extends { names: [string, string] }>(def: GeneDef, pairs: T[], phased: boolean): T[] {
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

/** Allele per definition position index on one strand (null = unknown, undefined = not assayed). */
type Strand = (string | null | undefined)[];

/** Named alleles that explain the non-reference alleles of one strand (null = unknown). */
function coverStrand(def: GeneDef, sites: Site[], strand: Strand): { names: string[]; uncovered: Site[] } {
  const alts = sites.filter((s) => {
    const x = strand[s.idx];
    return x !== null && x !== undefined && x !== def.reference.hap[s.idx];
  });
  // By position index: a non-reference allele on this strand; explained by a chosen allele.
  const isAlt: boolean[] = [];
  for (const s of alts) isAlt[s.idx] = true;
  const covered: boolean[] = [];
  const names: string[] = [];
  const cands: { a: NamedAllele; hit: number; wild: number }[] = [];
  for (const a of def.alleles) {
    if (a.reference) continue;
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
    if (ok && hit > 0) cands.push({ a, hit, wild });
  }
  const rank = nameRanks(def);
  cands.sort((x, y) => y.hit - x.hit || x.wild - y.wild || (rank.get(x.a) as number) - (rank.get(y.a) as number));
  for (const c of cands) {
    // Only the allele's own defined positions can be among the alts it adds or overlaps.
    const sh = shape(def, c.a);
    const adds = sh.defined.filter((i) => isAlt[i] === true && covered[i] !== true && accepts(c.a.hap[i] as string, strand[i] as string));
    if (!adds.length) continue;
    // An allele must not claim an alt another chosen allele already explains (overlapping definitions).
    if (sh.diff.some((i) => isAlt[i] === true && covered[i] === true && c.a.defined[i])) continue;
    for (const i of adds) covered[i] = true;
    names.push(c.a.name);
  }
  return { names, uncovered: alts.filter((s) => covered[s.idx] !== true) };
}

function strandName(def: GeneDef, names: string[]): string {
  return names.length ? combinationName(names) : def.reference.name;
}

/** DPYD, RYR1, CACNA1S: report the alleles found (CPIC lowest-function logic), phased or not. */
function lowestFunction(def: GeneDef, sites: Site[], phased: boolean): Pick<GeneCall, 'diplotypes' | 'haplotypes' | 'kind' | 'score'> {
  const heterozygousStyle = def.gene === 'RYR1' || def.gene === 'CACNA1S';
  const single = (x: string): string => (def.gene === 'CACNA1S' ? `${x} (heterozygous)` : `${def.reference.name}/${x}`);
  const phasedHet = sites.filter(isHet);
  const allPhased = phasedHet.every((s) => s.call.phased);
  if (phased || (allPhased && phasedHet.length > 0)) {
    // Phase sets are independent: every relative orientation of the blocks is a possible call.
    const blocks = [...new Set(phasedHet.map((s) => s.call.ps ?? ''))];
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
      const a = strandName(def, coverStrand(def, sites, s1).names);
      const b = strandName(def, coverStrand(def, sites, s2).names);
      let name = diplotypeName(a, b);
      if (heterozygousStyle && (a === def.reference.name) !== (b === def.reference.name)) name = `${a === def.reference.name ? b : a} (heterozygous)`;
      if (!seen.has(name)) seen.set(name, a === def.reference.name ? [b] : b === def.reference.name ? [a] : [a, b]);
    }
    const names = [...seen.keys()].sort((x, y) => haplotypeCompare(x, y));
    return { diplotypes: names, haplotypes: names.map((n) => seen.get(n) as string[]), kind: 'combination', score: null };
  }
  // Unphased: the alleles carried, each once (or marked homozygous).
  const both: Strand = [];
  const one: Strand = [];
  for (const s of sites) {
    const ref = def.reference.hap[s.idx];
    if (s.alleles.every((x) => x === null || x === ref)) {
      one[s.idx] = both[s.idx] = ref ?? null;
      continue;
    }
    const alts = s.alleles.filter((x) => x !== null && x !== def.reference.hap[s.idx]);
    one[s.idx] = alts[0] ?? def.reference.hap[s.idx] ?? null;
    both[s.idx] = alts.length === 2 && alts[0] === alts[1] ? (alts[0] as string) : (def.reference.hap[s.idx] ?? null);
  }
  const found = coverStrand(def, sites, one).names;
  const homs = new Set(coverStrand(def, sites, both).names);
  if (found.length === 0) return { diplotypes: [`${def.reference.name}/${def.reference.name}`], haplotypes: [[def.reference.name, def.reference.name]], kind: 'diplotype', score: null };
  if (found.length === 1) {
    const x = found[0] as string;
    const d = homs.has(x) ? `${x}/${x}` : single(x);
    return { diplotypes: [d], haplotypes: [homs.has(x) ? [x, x] : [x]], kind: 'diplotype', score: null };
  }
  if (found.length === 2 && homs.size === 0 && def.gene === 'CACNA1S') {
    const d = diplotypeName(found[0] as string, found[1] as string);
    return { diplotypes: [d], haplotypes: [d.split('/')], kind: 'diplotype', score: null };
  }
  const list = [...found].sort(naturalCompare).map((x) => (homs.has(x) ? `${x} (homozygous)` : x));
  return { diplotypes: list, haplotypes: [found.sort(naturalCompare)], kind: 'allele-list', score: null };
}

/** --combinations for other genes: strands named by their alleles, unknown alts by their g. name. */
function combinationCall(def: GeneDef, sites: Site[], base: Omit<GeneCall, 'diplotypes' | 'haplotypes' | 'kind' | 'score'>): GeneCall {
  const het = sites.filter(isHet);
  if (!base.phased && het.length > 1) {
    return { ...base, diplotypes: [], haplotypes: [], kind: 'none', score: null, note: 'several unphased heterozygous positions: no combination can be placed on a strand' };
  }
  const strandOf = (k: 0 | 1): string => {
    const st: Strand = [];
    for (const s of sites) st[s.idx] = (s.alleles.length > 1 ? s.alleles[k] : s.alleles[0]) ?? null;
    const { names, uncovered } = coverStrand(def, sites, st);
    const partial = uncovered.map((s) => `g.${s.pos}${s.call.site.ref}>${st[s.idx] ?? ''}`);
    return strandName(def, [...names, ...partial]);
  };
  const a = strandOf(0);
  const b = strandOf(1);
  const names = orderPair(a, b);
  return { ...base, diplotypes: [`${names[0]}/${names[1]}`], haplotypes: [names], kind: 'combination', score: null };
}
