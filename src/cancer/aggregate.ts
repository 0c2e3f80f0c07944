// Per-sample cancer findings from the matcher's hits: only the tumour sample gets rows (the
// normal only flags likely-germline variants), molecular profiles that combine variants need
// every part in the same sample, --tumor-type marks on-label / off-label evidence, and findings
// are ranked and given a one-line headline.
import type { Call, Match, SplitVariant } from '../types.js';
import { carries } from '../vcf/genotype.js';
import type { CancerKb } from './kb.js';
import { onLabel, parseTumorType, withDiseaseNames, type TumorType } from './tumor-type.js';
import type { ProfileExpr } from './types.js';

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

export interface Finding {
  variant: SplitVariant;
  match: Match;
  /** 'on-label' / 'off-label' with --tumor-type, else ''. */
  relevance: 'on-label' | 'off-label' | '';
  /** The variant is also seen in the normal sample. */
  likelyGermline: boolean;
  headline: string;
}

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
 * For streaming outputs (annotate): rows of a profile that combines variants may only be written
 * once every part is seen in the same sample. Offer every cancer match of every carrying sample in
 * file order; admit() says whether the row can go out now, else it is held; release() at the end
 * gives the held rows whose profile became complete, in arrival order. Only rows of multi-part
 * profiles are ever held.
 */
export class ProfileGate<T> {
  private readonly present = new Map<string, Set<number>>();
  private readonly held: { sample: string; profile: number; row: T }[] = [];

  constructor(private readonly kb: CancerKb) {}

  admit(sample: string, m: Match, row: T): boolean {
    if (m.kb !== 'cancer') return true;
    let set = this.present.get(sample);
    if (!set) this.present.set(sample, (set = new Set()));
    if (m.extra.civic_variant_id) set.add(Number(m.extra.civic_variant_id));
    if (!m.extra.profile_parts) return true;
    const profile = Number(m.extra.molecular_profile_id);
    if (this.complete(sample, profile)) return true;
    this.held.push({ sample, profile, row });
    return false;
  }

  release(): T[] {
    const out = this.held.filter((h) => this.complete(h.sample, h.profile)).map((h) => h.row);
    this.held.length = 0;
    return out;
  }

  private complete(sample: string, profile: number): boolean {
    const p = this.kb.tables().profiles.get(profile);
    return p !== undefined && satisfied(p.expr, this.present.get(sample) ?? new Set());
  }
}

const TIER_RANK: Record<string, number> = { 'Tier I - Level A': 0, 'Tier I - Level B': 1.5, 'Tier II - Level C': 2.5, 'Tier II - Level D': 3.5 };
const LEVEL_RANK: Record<string, number> = { A: 1, B: 2, C: 3, D: 4, E: 5 };
const TYPE_RANK = ['Predictive', 'Diagnostic', 'Prognostic', 'Predisposing', 'Oncogenic', 'Functional'];
const SIGNIFICANCE_RANK = [
  'Sensitivity/Response', 'Resistance', 'Reduced Sensitivity', 'Adverse Response', 'Positive', 'Poor Outcome', 'Better Outcome',
  'Predisposition', 'Oncogenicity', 'Likely Oncogenic', 'Pathogenic', 'Likely Pathogenic', 'Gain of Function', 'Loss of Function', 'Negative',
];

function rankOf(list: string[], x: string): number {
  const i = list.indexOf(x);
  return i < 0 ? list.length : i;
}

function evidenceRank(m: Match): number {
  const e = m.extra;
  if (e.tier) return TIER_RANK[e.tier] ?? 6;
  return LEVEL_RANK[e.evidence_level ?? ''] ?? 6;
}

export function compareFindings(a: Finding, b: Finding): number {
  const label = (f: Finding): number => (f.relevance === 'off-label' ? 1 : 0);
  const ea = a.match.extra;
  const eb = b.match.extra;
  return (
    label(a) - label(b) ||
    evidenceRank(a.match) - evidenceRank(b.match) ||
    rankOf(TYPE_RANK, ea.evidence_type ?? '') - rankOf(TYPE_RANK, eb.evidence_type ?? '') ||
    rankOf(SIGNIFICANCE_RANK, ea.significance ?? '') - rankOf(SIGNIFICANCE_RANK, eb.significance ?? '') ||
    (ea.evidence_direction === 'Supports' ? 0 : 1) - (eb.evidence_direction === 'Supports' ? 0 : 1) ||
    (a.match.feature < b.match.feature ? -1 : a.match.feature > b.match.feature ? 1 : 0) ||
    (ea.civic_ids ?? '').localeCompare(eb.civic_ids ?? '')
  );
}

const PHRASE: Record<string, string> = {
  'Sensitivity/Response': 'sensitivity to',
  Resistance: 'resistance to',
  'Reduced Sensitivity': 'reduced sensitivity to',
  'Adverse Response': 'adverse response to',
  'Poor Outcome': 'poor outcome',
  'Better Outcome': 'better outcome',
  Positive: 'diagnostic',
  Negative: 'not diagnostic',
  Predisposition: 'predisposition',
  Oncogenicity: 'oncogenic',
  'Likely Oncogenic': 'likely oncogenic',
};

/** 'BRAF V600E — level A — sensitivity to dabrafenib + trametinib in colorectal cancer'. */
export function headline(m: Match): string {
  const e = m.extra;
  const grade = e.tier ? e.tier.replace(/ - /g, ', ').replace(/^Tier/, 'tier').replace('Level', 'level') : `level ${e.evidence_level ?? '?'}`;
  const sig = e.significance ?? '';
  const joiner = e.therapy_interaction === 'Combination' ? ' + ' : e.therapy_interaction === 'Sequential' ? ' then ' : ' or ';
  const therapies = (e.therapies ?? '').split(';').filter(Boolean).map((t) => t.toLowerCase()).join(joiner);
  let what = PHRASE[sig] ?? sig.toLowerCase();
  if (therapies && what.endsWith(' to')) what = `${what} ${therapies}`;
  else if (what.endsWith(' to')) what = what.slice(0, -3);
  if (e.evidence_direction === 'Does Not Support') what = `does not support ${what}`;
  const disease = e.disease ? ` in ${e.disease.toLowerCase()}` : '';
  return `${m.feature} — ${grade} — ${what}${disease}`;
}

export interface FindingOptions {
  tumorType?: string;
}

/** --tumor-type TERM → 'on-label' / 'off-label' for a cancer match (DOID-only terms learn CIViC's disease names). */
export function relevanceFor(kb: CancerKb, term: string): (m: Match) => 'on-label' | 'off-label' {
  const names: { doid: string; disease: string }[] = [];
  for (const items of kb.tables().itemsOfProfile.values()) for (const it of items) names.push({ doid: it.doid, disease: it.disease });
  const tt: TumorType = withDiseaseNames(parseTumorType(term), names);
  return (m) => (onLabel(tt, m.extra.disease ?? '', m.extra.doid ?? '') ? 'on-label' : 'off-label');
}

/** A hit that one sample carries, with what its findings need beyond the matches. */
export interface CarriedHit extends CancerHit {
  /** The variant is also seen in the normal sample. */
  likelyGermline: boolean;
}

/** Findings of the tumour sample, ranked; the normal sample never gets rows of its own. */
export function cancerFindings(kb: CancerKb, hits: CancerHit[], roles: SampleRoles, opts: FindingOptions = {}): Finding[] {
  const carried = hits
    .filter((h) => sampleCarries(h.variant, roles.tumor))
    .map((h) => ({ ...h, likelyGermline: roles.normal !== undefined && normalCarries(h.variant, roles.normal) }));
  return rankFindings(kb, carried, opts.tumorType ? relevanceFor(kb, opts.tumorType) : undefined);
}

/**
 * Findings from the hits one sample carries (in file order), ranked. A profile that combines
 * variants needs every part among them. `relevanceOf` (from relevanceFor) marks on/off-label.
 */
export function rankFindings(kb: CancerKb, carried: readonly CarriedHit[], relevanceOf?: (m: Match) => 'on-label' | 'off-label'): Finding[] {
  const t = kb.tables();
  const present = new Set<number>();
  for (const h of carried) for (const m of h.matches) if (m.kb === 'cancer' && m.extra.civic_variant_id) present.add(Number(m.extra.civic_variant_id));
  const out: Finding[] = [];
  for (const h of carried) {
    for (const m of h.matches) {
      if (m.kb !== 'cancer') continue;
      if (m.extra.profile_parts) {
        const p = t.profiles.get(Number(m.extra.molecular_profile_id));
        if (!p || !satisfied(p.expr, present)) continue;
      }
      const relevance = relevanceOf ? relevanceOf(m) : '';
      out.push({ variant: h.variant, match: m, relevance, likelyGermline: h.likelyGermline, headline: headline(m) });
    }
  }
  return out.sort(compareFindings);
}
