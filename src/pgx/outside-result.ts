// A result from an outside call: its diplotype, phenotype and activity score as the call gives
// them (names and phenotypes normalised by outside-phenotype.ts), and the lookups that follow.
import type { PhenotypeRow } from './kb-types.js';
import type { PgxKb } from './kb.js';
import type { OutsideCall } from './outside.js';
import { copyNumberName, normalPhenotype, scoresOf } from './outside-phenotype.js';
import { NO_RESULT, phenotypeOf, type Phenotype } from './phenotype.js';
import { hlaStatuses } from './recommend.js';
import { fnText, type GeneOutcome } from './result.js';

export function fromOutside(sample: string, oc: OutsideCall, row: PhenotypeRow | undefined, reference: string, kb: PgxKb): GeneOutcome {
  let pheno: Phenotype | undefined;
  let values = new Set<string>();
  if (oc.gene === 'HLA-A' || oc.gene === 'HLA-B') {
    if (oc.diplotype) values = hlaStatuses(kb.recommendations(), oc.gene, oc.diplotype);
  } else if (oc.diplotype) {
    const names = oc.diplotype.split('/').map((x) => copyNumberName(x.trim(), row));
    // MT-RNR1 variants are named 'm.1555A>G' in the phenotype map.
    const norm = names.map((n) => (row && !row.alleles[n] && row.alleles[`m.${n}`] ? `m.${n}` : n));
    pheno = phenotypeOf(row, norm, reference);
  }
  const given = oc.phenotype !== undefined ? normalPhenotype(oc.phenotype, row) : undefined;
  const phenotype = given ?? pheno?.phenotype ?? null;
  const score = oc.activityScore ?? pheno?.activityScore ?? null;
  let lookup = pheno?.lookupKey ?? NO_RESULT;
  if (given && !row?.activity) lookup = given;
  if (oc.activityScore && row?.activity) lookup = oc.activityScore;
  // A phenotype alone for an activity-score gene: every score it stands for is a candidate.
  const scores = given && row?.activity && !oc.activityScore && !oc.diplotype ? scoresOf(given, row) : [];
  if (scores.length === 1) lookup = scores[0] as string;
  if (lookup !== NO_RESULT && values.size === 0 && scores.length < 2) values.add(lookup);
  const lookups = scores.length > 1 ? scores.map((v) => ({ candidate: `${oc.gene} activity score ${v}`, values: new Set([v]) })) : values.size ? [{ values }] : [];
  const notes = [`from outside call ${oc.file}:${oc.line}`, pheno?.note, scores.length > 1 ? `no activity score given: ${given} stands for ${scores.join(' or ')}, each with its recommendations` : undefined];
  const result: GeneOutcome['result'] = {
    sample,
    gene: oc.gene,
    diplotype: oc.diplotype ?? '',
    diplotypes: oc.diplotype ? [oc.diplotype] : [],
    labels: oc.diplotype ? [oc.diplotype] : [],
    phenotype,
    activity_score: score ?? (scores.length === 1 ? (scores[0] as string) : null),
    lookup_key: scores.length > 1 ? scores.join(';') : values.size ? [...values].sort().join(';') : NO_RESULT,
    functions: pheno ? fnText(pheno) : [],
    missing_sites: [],
    call_quality: 'outside-call',
    source: 'outside-call',
    note: notes.filter(Boolean).join('; '),
    candidates: [],
    evidence: [],
  };
  return { result, lookups };
}
