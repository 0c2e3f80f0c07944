// A biomarker's evidence in one row (schema_version 2): the matches one split variant gets are
// grouped by feature (kb, gene, feature, match kind), and a cancer feature's CIViC items are
// summarised — best level and tier, counts per level, therapies of sensitivity and of resistance
// apart (strongest evidence first), diseases, significance, every EID/AID and PMID. The items
// themselves stay available (JSON nests them; `--evidence` writes one row each).
import type { FeatureGroup, Match } from '../types.js';
import { compareEvidence } from './evidence-rank.js';
import { cancerExtra } from './types.js';

/** Groups a variant's matches by feature, in the order features first appear. */
export function groupFeatures(matches: readonly Match[]): FeatureGroup[] {
  const byKey = new Map<string, FeatureGroup>();
  for (const m of matches) {
    const key = `${m.kb}\t${m.feature}\t${m.match}`;
    const g = byKey.get(key);
    if (g) g.items.push(m);
    else byKey.set(key, { kb: m.kb, gene: m.gene, feature: m.feature, match: m.match, items: [m] });
  }
  return [...byKey.values()];
}

export interface EvidenceSummary {
  evidence_items: number;
  /** Strongest CIViC evidence level (A–E) among the items, '' when only assertions carry a grade. */
  best_level: string;
  /** Strongest AMP/ASCO/CAP tier among the assertions, ''. */
  tier: string;
  /** Items per evidence level, A first (assertions have no level and are not counted here). */
  levels: Record<string, number>;
  /** Therapies with supporting sensitivity evidence, strongest evidence first. */
  sensitivity: string[];
  /** Therapies with supporting resistance or reduced-sensitivity evidence, strongest first. */
  resistance: string[];
  diseases: string[];
  doids: string[];
  significance: string[];
  molecular_profiles: string[];
  civic_ids: string[];
  pmids: string[];
  match_note: string;
}

const SENSITIVE = new Set(['Sensitivity/Response']);
const RESISTANT = new Set(['Resistance', 'Reduced Sensitivity']);

function addAll(set: Set<string>, xs: readonly string[]): void {
  for (const x of xs) if (x) set.add(x);
}

/** Sorted strongest first (a copy). */
export function rankItems(items: readonly Match[]): Match[] {
  return [...items].sort(compareEvidence);
}

/** The summary of a cancer feature's items; `ranked` must be strongest first (rankItems). */
export function summarizeEvidence(ranked: readonly Match[]): EvidenceSummary {
  const levels: Record<string, number> = {};
  const sets = { sensitivity: new Set<string>(), resistance: new Set<string>(), diseases: new Set<string>(), doids: new Set<string>(), significance: new Set<string>(), profiles: new Set<string>(), ids: new Set<string>(), pmids: new Set<string>() };
  let tier = '';
  let note = '';
  for (const m of ranked) {
    const e = cancerExtra(m);
    if (e.evidence_level) levels[e.evidence_level] = (levels[e.evidence_level] ?? 0) + 1;
    if (!tier && e.tier) tier = e.tier;
    if (!note && e.match_note) note = e.match_note;
    if (e.evidence_direction === 'Supports' && e.therapies.length > 0) {
      const therapy = e.therapy_interaction === 'Combination' ? [e.therapies.join(' + ')] : e.therapies;
      if (SENSITIVE.has(e.significance)) addAll(sets.sensitivity, therapy);
      if (RESISTANT.has(e.significance)) addAll(sets.resistance, therapy);
    }
    addAll(sets.diseases, [e.disease]);
    addAll(sets.doids, [e.doid]);
    addAll(sets.significance, [e.significance]);
    addAll(sets.profiles, [e.molecular_profile]);
    addAll(sets.ids, e.civic_ids);
    addAll(sets.pmids, e.pmids);
  }
  const sortedLevels = Object.fromEntries(Object.entries(levels).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    evidence_items: ranked.length,
    best_level: Object.keys(sortedLevels)[0] ?? '',
    tier,
    levels: sortedLevels,
    sensitivity: [...sets.sensitivity],
    resistance: [...sets.resistance],
    diseases: [...sets.diseases],
    doids: [...sets.doids],
    significance: [...sets.significance],
    molecular_profiles: [...sets.profiles],
    civic_ids: [...sets.ids],
    pmids: [...sets.pmids],
    match_note: note,
  };
}

/** One evidence item as JSON nests it under its result (the matcher's bookkeeping ids left out). */
export function evidenceItem(m: Match): Record<string, unknown> {
  const { civic_variant_id: _v, molecular_profile_id: _p, profile_parts: _parts, match_note: _n, ...shown } = cancerExtra(m);
  return shown;
}
