// The order of CIViC evidence within a biomarker, and the one-line headline its best item gives.
// An AMP/ASCO/CAP tier (from an assertion) outranks a bare evidence level; then evidence type,
// significance and direction; ties fall back to ids so the order is total (same bytes every run).
import type { Match } from '../types.js';
import { cancerExtra } from './types.js';

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

/** 0 (tier I level A) … 6 (no level): lower is stronger. */
export function evidenceRank(m: Match): number {
  const e = cancerExtra(m);
  if (e.tier) return TIER_RANK[e.tier] ?? 6;
  return LEVEL_RANK[e.evidence_level] ?? 6;
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Strongest evidence first; a total order (ids break ties). */
export function compareEvidence(a: Match, b: Match): number {
  const ea = cancerExtra(a);
  const eb = cancerExtra(b);
  return (
    evidenceRank(a) - evidenceRank(b) ||
    rankOf(TYPE_RANK, ea.evidence_type) - rankOf(TYPE_RANK, eb.evidence_type) ||
    rankOf(SIGNIFICANCE_RANK, ea.significance) - rankOf(SIGNIFICANCE_RANK, eb.significance) ||
    (ea.evidence_direction === 'Supports' ? 0 : 1) - (eb.evidence_direction === 'Supports' ? 0 : 1) ||
    text(a.feature, b.feature) ||
    text(ea.civic_ids.join(';'), eb.civic_ids.join(';'))
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

/** How the therapies of one item read together: 'dabrafenib + trametinib', 'erlotinib or gefitinib'. */
export function therapyText(m: Match): string {
  const e = cancerExtra(m);
  const joiner = e.therapy_interaction === 'Combination' ? ' + ' : e.therapy_interaction === 'Sequential' ? ' then ' : ' or ';
  return e.therapies.map((t) => t.toLowerCase()).join(joiner);
}

/**
 * 'BRAF V600E — level A — sensitivity to dabrafenib + trametinib in colorectal cancer'. The disease
 * is named as the patient's only when `relevance` says the evidence is on-label; otherwise the
 * headline says whose evidence it is, so nobody reads another tumour type as the patient's.
 */
export function headline(m: Match, relevance: 'on-label' | 'off-label' | '' = ''): string {
  const e = cancerExtra(m);
  const grade = e.tier ? e.tier.replace(/ - /g, ', ').replace(/^Tier/, 'tier').replace('Level', 'level') : `level ${e.evidence_level || '?'}`;
  const therapies = therapyText(m);
  let what = PHRASE[e.significance] ?? e.significance.toLowerCase();
  if (therapies && what.endsWith(' to')) what = `${what} ${therapies}`;
  else if (what.endsWith(' to')) what = what.slice(0, -3);
  if (e.evidence_direction === 'Does Not Support') what = `does not support ${what}`;
  const disease = e.disease.toLowerCase();
  const where = !disease ? '' : relevance === 'on-label' ? ` in ${disease}` : relevance === 'off-label' ? ` (off-label: evidence in ${disease})` : ` (evidence in ${disease})`;
  return `${m.feature} — ${grade} — ${what}${where}`;
}
