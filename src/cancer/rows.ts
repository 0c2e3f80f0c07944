// What the cancer side adds to annotate's per-sample rows: the normal of a tumour/normal pair gets
// no rows, a tumour variant also seen in the normal is flagged likely germline (the flag exists only
// when there is a normal), --tumor-type marks evidence on-label or off-label, and rows of a
// molecular profile that combines variants wait until every part is seen in the same sample.
// Feature rows carry the evidence summary and nest the items; --evidence rows are one item each.
import type { FeatureGroup, Row, RowPolicy, SplitVariant } from '../types.js';
import { normalCarries, ProfileGate, rankedGroup, relevanceFor, type SampleRoles } from './aggregate.js';
import { evidenceItem, summarizeEvidence } from './evidence-summary.js';
import type { CancerKb } from './kb.js';

export interface CancerRowOptions {
  mode: 'features' | 'evidence';
  tumorType?: string;
  /** Nest the items under `evidence` (JSON, NDJSON); TSV has no column for them. */
  nest: boolean;
}

export function cancerRowPolicy(kb: CancerKb, roles: Partial<SampleRoles>, opts: CancerRowOptions): RowPolicy {
  const relevanceOf = opts.tumorType ? relevanceFor(kb, opts.tumorType) : undefined;
  const normal = roles.normal;
  const build = (v: SplitVariant, group: FeatureGroup): Row | undefined => {
    const germline = normal !== undefined ? { likely_germline: normalCarries(v, normal) } : {};
    if (opts.mode === 'evidence') {
      const m = group.items[0];
      if (!m) return undefined;
      return { ...m.extra, ...(relevanceOf ? { relevance: relevanceOf(m) } : {}), ...germline };
    }
    const { items, relevance, itemRelevance } = rankedGroup(group, relevanceOf);
    const evidence = opts.nest ? { evidence: items.map((m, i) => ({ ...evidenceItem(m), ...(itemRelevance ? { relevance: itemRelevance[i] } : {}) })) } : {};
    return { ...summarizeEvidence(items), ...(relevance ? { relevance } : {}), ...germline, ...evidence };
  };
  return {
    skipSamples: new Set(normal !== undefined ? [normal] : []),
    // The fields depend on the variant and the group only: annotate asks once per variant × feature.
    fields: build,
    gate: new ProfileGate<Row>(kb),
  };
}
