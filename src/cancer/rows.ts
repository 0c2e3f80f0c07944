// What the cancer side adds to annotate's per-sample rows: the normal of a tumour/normal pair gets
// no rows, a tumour variant also seen in the normal is flagged likely germline, --tumor-type marks
// evidence on-label or off-label, and rows of a molecular profile that combines variants wait
// until every part is seen in the same sample.
import type { RowPolicy } from '../types.js';
import { normalCarries, ProfileGate, relevanceFor, type SampleRoles } from './aggregate.js';
import type { CancerKb } from './kb.js';

export function cancerRowPolicy(kb: CancerKb, roles: Partial<SampleRoles>, tumorType?: string): RowPolicy {
  const relevance = tumorType ? relevanceFor(kb, tumorType) : undefined;
  const normal = roles.normal;
  return {
    skipSamples: new Set(normal !== undefined ? [normal] : []),
    decorate(v, m, _sample, row) {
      if (m.kb !== 'cancer') return;
      if (relevance) row.relevance = relevance(m);
      if (normal !== undefined) row.likely_germline = normalCarries(v, normal) ? 'yes' : 'no';
    },
    gate: new ProfileGate(kb),
  };
}
