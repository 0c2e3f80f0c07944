// Per-sample cancer findings from the matcher's hits: only the tumour sample gets rows (the
// normal only flags likely-germline variants), molecular profiles that combine variants need
// every part in the same sample, --tumor-type marks on-label / off-label evidence, and findings
// are ranked and given a one-line headline.
import type { Call, FeatureGroup, Match, SplitVariant } from '../types.js';
import { carries } from '../vcf/genotype.js';
import { compareEvidence, headline } from './evidence-rank.js';
import { groupFeatures, rankItems } from './evidence-summary.js';
import type { CancerKb } from './kb.js';
import { onLabel, parseTumorType, withDiseaseNames, type TumorType } from './tumor-type.js';
import { cancerExtra, type ProfileExpr } from './types.js';

export interface CancerHit {
  variant: SplitVariant;
  /** The cancer matcher's matches of this variant (other kbs are ignored). */
  matches: Match[];
}

export interface SampleRoles {
  /** Index into record.calls of the tumour sample. */
  tumor: number;
  /** Index into record.calls of the matched normal, when there is one. */
  normal?: number;
}

/** One biomarker one sample carries, with its evidence ranked (on-label first with --tumor-type). */
export interface Finding {
  variant: SplitVariant;
  group: FeatureGroup;
  /** The strongest item: the headline's source. */
  best: Match;
  /** 'on-label' when any item is in the patient's tumour type, 'off-label' when none is; '' without --tumor-type. */
  relevance: Relevance;
  /** Per item (same order as group.items), with --tumor-type. */
  itemRelevance?: Relevance[];
  /** The variant is also seen in the normal sample; undefined without a normal to compare with. */
  likelyGermline?: boolean;
  headline: string;
}

export type Relevance = 'on-label' | 'off-label' | '';

/** A normal with at least this VAF (from AD, AF or tier counts) carries the variant. */
export const NORMAL_MIN_VAF = 0.05;

function callOf(v: SplitVariant, i: number): Call | undefined {
  return v.record.calls[i];
}

/** Does sample `i` carry this ALT (GT, or allele fraction for calls without GT: vcf/genotype.ts). */
export function sampleCarries(v: SplitVariant, i: number): boolean {
  const c = callOf(v, i);
  return c !== undefined && carries(c, v.altIndex);
}

/** Is the variant present in the normal: GT carries it, or its VAF reaches NORMAL_MIN_VAF. */
export function normalCarries(v: SplitVariant, i: number): boolean {
  const c = callOf(v, i);
  if (!c) return false;
  const alleles = c.rawAlleles ?? c.alleles;
  if (alleles.includes(v.altIndex)) return true;
  const vaf = c.vaf?.[v.altIndex - 1];
  return vaf !== undefined && vaf >= NORMAL_MIN_VAF;
}

function satisfied(e: ProfileExpr, present: Set<number>): boolean {
  if (typeof e === 'number') return present.has(e);
  if ('and' in e) return e.and.every((x) => satisfied(x, present));
  if ('or' in e) return e.or.some((x) => satisfied(x, present));
  return false; // NOT: absence is not provable from a VCF
}

/**
 * For streaming outputs (annotate): an item of a profile that combines variants may only be written
 * once every part is seen in the same sample. `see` each sample's cancer matches in file order; then
 * admit() says whether a row of these items can go out now, else it is held; release() at the end
 * builds the held rows from their items whose profile became complete (rows left with no item are
 * dropped), in arrival order. Only rows with a multi-part profile's item are ever held.
 */
export class ProfileGate<T> {
  private readonly present = new Map<string, Set<number>>();
  private readonly held: { sample: string; items: Match[]; make: (items: Match[]) => T }[] = [];

  constructor(private readonly kb: CancerKb) {}

  /** Notes the CIViC variants of one sample's matches at one variant. */
  see(sample: string, matches: readonly Match[]): void {
    let set = this.present.get(sample);
    if (!set) this.present.set(sample, (set = new Set()));
    for (const m of matches) if (m.kb === 'cancer') set.add(Number(cancerExtra(m).civic_variant_id));
  }

  /** Whether a row of these items may be held: one of them belongs to a profile that combines variants. */
  holds(items: readonly Match[]): boolean {
    return items.some((m) => m.kb === 'cancer' && cancerExtra(m).profile_parts.length > 0);
  }

  /** True when every item can go out now (the caller writes make(items)); else the row is held. */
  admit(sample: string, items: Match[], make: (items: Match[]) => T): boolean {
    if (items.every((m) => this.ready(sample, m))) return true;
    this.held.push({ sample, items, make });
    return false;
  }

  release(): T[] {
    const out: T[] = [];
    for (const h of this.held) {
      const items = h.items.filter((m) => this.ready(h.sample, m));
      if (items.length > 0) out.push(h.make(items));
    }
    this.held.length = 0;
    return out;
  }

  private ready(sample: string, m: Match): boolean {
    if (m.kb !== 'cancer' || cancerExtra(m).profile_parts.length === 0) return true;
    const p = this.kb.tables().profiles.get(Number(cancerExtra(m).molecular_profile_id));
    return p !== undefined && satisfied(p.expr, this.present.get(sample) ?? new Set());
  }
}

export interface FindingOptions {
  tumorType?: string;
}

/** --tumor-type TERM → 'on-label' / 'off-label' for a cancer match (DOID-only terms learn CIViC's disease names). */
export function relevanceFor(kb: CancerKb, term: string): (m: Match) => 'on-label' | 'off-label' {
  const names: { doid: string; disease: string }[] = [];
  for (const items of kb.tables().itemsOfProfile.values()) for (const it of items) names.push({ doid: it.doid, disease: it.disease });
  const tt: TumorType = withDiseaseNames(parseTumorType(term), names);
  return (m) => {
    const e = cancerExtra(m);
    return onLabel(tt, e.disease, e.doid.replace(/^DOID:/, '')) ? 'on-label' : 'off-label';
  };
}

/** A hit that one sample carries, with what its findings need beyond the matches. */
export interface CarriedHit extends CancerHit {
  /** The variant is also seen in the normal sample; undefined when there is no normal. */
  likelyGermline: boolean | undefined;
}

/** Findings of the tumour sample, ranked; the normal sample never gets rows of its own. */
export function cancerFindings(kb: CancerKb, hits: CancerHit[], roles: SampleRoles, opts: FindingOptions = {}): Finding[] {
  const carried = hits
    .filter((h) => sampleCarries(h.variant, roles.tumor))
    .map((h) => ({ ...h, likelyGermline: roles.normal === undefined ? undefined : normalCarries(h.variant, roles.normal) }));
  return rankFindings(kb, carried, opts.tumorType ? relevanceFor(kb, opts.tumorType) : undefined);
}

const LABEL_RANK: Record<Relevance, number> = { 'on-label': 0, '': 0, 'off-label': 1 };

/** On-label first, then the strongest best item, then the feature's name. */
export function compareFindings(a: Finding, b: Finding): number {
  return LABEL_RANK[a.relevance] - LABEL_RANK[b.relevance] || compareEvidence(a.best, b.best) || (a.group.feature < b.group.feature ? -1 : a.group.feature > b.group.feature ? 1 : 0);
}

/** A feature's items ranked (on-label first when relevance is known) and its finding-level relevance. */
export function rankedGroup(group: FeatureGroup, relevanceOf?: (m: Match) => 'on-label' | 'off-label'): { items: Match[]; relevance: Relevance; itemRelevance?: Relevance[] } {
  if (!relevanceOf) return { items: rankItems(group.items), relevance: '' };
  const labelled = group.items.map((m) => ({ m, r: relevanceOf(m) }));
  labelled.sort((a, b) => LABEL_RANK[a.r] - LABEL_RANK[b.r] || compareEvidence(a.m, b.m));
  return { items: labelled.map((x) => x.m), relevance: labelled[0]?.r === 'on-label' ? 'on-label' : 'off-label', itemRelevance: labelled.map((x) => x.r) };
}

/**
 * Findings from the hits one sample carries (in file order): one per variant × biomarker, ranked.
 * An item of a profile that combines variants counts only when every part is among the hits.
 * `relevanceOf` (from relevanceFor) marks on/off-label.
 */
export function rankFindings(kb: CancerKb, carried: readonly CarriedHit[], relevanceOf?: (m: Match) => 'on-label' | 'off-label'): Finding[] {
  const t = kb.tables();
  const present = new Set<number>();
  for (const h of carried) for (const m of h.matches) if (m.kb === 'cancer') present.add(Number(cancerExtra(m).civic_variant_id));
  const complete = (m: Match): boolean => {
    const e = cancerExtra(m);
    if (e.profile_parts.length === 0) return true;
    const p = t.profiles.get(Number(e.molecular_profile_id));
    return p !== undefined && satisfied(p.expr, present);
  };
  const out: Finding[] = [];
  for (const h of carried) {
    for (const g of groupFeatures(h.matches.filter((m) => m.kb === 'cancer' && complete(m)))) {
      const { items, relevance, itemRelevance } = rankedGroup(g, relevanceOf);
      const best = items[0] as Match;
      out.push({
        variant: h.variant,
        group: { ...g, items },
        best,
        relevance,
        ...(itemRelevance ? { itemRelevance } : {}),
        ...(h.likelyGermline !== undefined ? { likelyGermline: h.likelyGermline } : {}),
        headline: headline(best, relevance),
      });
    }
  }
  return out.sort(compareFindings);
}
