// One sample's call at one PGx definition position (SiteCall), made from a record's call, a
// reference block or a --missing-as-ref fill, and merged when split records share a position.
import type { Build, Call, NoCallReason, VcfRecord } from '../types.js';
import { gtText } from '../vcf/genotype.js';
import type { SiteRow } from './kb-types.js';
import { siteAllele, siteRef } from './site-allele.js';

export type SiteState = 'ref' | 'alt' | 'missing';

export interface SiteCall {
  site: SiteRow;
  state: SiteState;
  /** Site allele per chromosome copy (site.ref, one of site.alts, or an undocumented allele); null = '.'. */
  alleles: (string | null)[];
  phased: boolean;
  ps?: string;
  /** Where the state came from. */
  source: 'vcf' | 'ref-block' | 'missing-as-ref' | 'absent';
  gt?: string;
  noCall?: NoCallReason;
}

const SYMBOLIC = /^<.*>$|^\*$/;

/** Contigs where one copy is a genotype (hemizygous X/Y in males, mitochondria). */
const HAPLOID_OK = new Set(['X', 'Y', 'MT']);

/**
 * Why a call's ploidy cannot be a genotype at this site: a star-allele diplotype needs two copies on
 * an autosome (one or two on X/Y/MT). `0/0/0/1` is not "reference with a *2A": it is not assayed.
 */
export function ploidyProblem(site: SiteRow, call: Call): string | undefined {
  const n = call.alleles.length;
  if (n === 2 || (n === 1 && HAPLOID_OK.has(site.chrom))) return undefined;
  return `a GT of ploidy ${n} at ${site.gene} ${site.rsid ?? site.pos} (${HAPLOID_OK.has(site.chrom) ? 'one or two copies' : 'an autosome: two copies'} expected)`;
}

/** The call of a sample whose genotype cannot be read as one at this site: not assayed, [ploidy]. */
export function uninterpretable(site: SiteRow, call: Call): SiteCall {
  return { site, state: 'missing', alleles: [], phased: false, source: 'vcf', gt: gtText(call), noCall: 'ploidy' };
}

/** Maps a record's allele index to the site allele (or an undocumented allele text). */
export function translator(rec: VcfRecord, site: SiteRow, build: Build): (idx: number) => string | null {
  return (idx) => {
    const allele = idx === 0 ? rec.ref : rec.alts[idx - 1];
    if (allele === undefined || SYMBOLIC.test(allele)) return null;
    return siteAllele(site, build, rec.ref, allele);
  };
}

/**
 * A call of the build's reference at a site the input does not show as a variant (a gVCF block,
 * or --missing-as-ref): the reference's allele, which is a definition's variant allele where the
 * build's reference carries one (GRCh37 at rs776746), so the state follows the allele.
 */
export function referenceCall(site: SiteRow, build: Build, copies: number, phased: boolean, extra: Pick<SiteCall, 'source' | 'gt' | 'noCall'>): SiteCall {
  const ref = siteRef(site, build);
  return { site, state: ref === site.ref ? 'ref' : 'alt', alleles: Array<string>(copies).fill(ref), phased, ...extra };
}

export function fromCall(site: SiteRow, call: Call, alleleOf: (i: number) => string | null): SiteCall {
  const base = { site, phased: call.phased, ps: call.ps, source: 'vcf' as const, gt: gtText(call), noCall: call.noCall };
  if (call.noCall || call.alleles.every((a) => a === null)) return { ...base, state: 'missing', alleles: [] };
  const alleles = call.alleles.map((a) => (a === null ? null : alleleOf(a)));
  const state: SiteState = alleles.some((a) => a !== null && a !== site.ref) ? 'alt' : 'ref';
  return { ...base, state, alleles };
}

/** Two records at one position (split multi-allelic input): alternates win over the input's reference per copy. */
export function merge(old: SiteCall, add: SiteCall, ref: string): SiteCall {
  // A call the caller cannot interpret makes the position not assayed, whatever the other record says.
  if (old.noCall === 'ploidy') return old;
  if (add.noCall === 'ploidy') return add;
  if (add.state === 'missing') return old;
  if (old.state === 'missing') return add;
  const n = Math.max(old.alleles.length, add.alleles.length);
  const alleles: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const a = old.alleles[i] ?? null;
    const b = add.alleles[i] ?? null;
    alleles.push(a === null || (a === ref && b !== null && b !== ref) ? b : a);
  }
  const state: SiteState = alleles.some((a) => a !== null && a !== old.site.ref) ? 'alt' : 'ref';
  return { ...old, alleles, state, phased: old.phased && add.phased, gt: `${old.gt};${add.gt}` };
}
