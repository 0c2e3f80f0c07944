// Per sample × gene results: the call, its phenotype and the drug recommendations that follow,
// plus the TSV row shape (one row per sample × gene; --by-drug rows are by-drug.ts's).
import { callGene, type CallOptions, type GeneCall } from './call.js';
import type { PgxCollector, SiteCall, SiteCalls } from './collect.js';
import type { PhenotypeRow } from './kb-types.js';
import type { GenotypeSource, PgxSample } from './germline.js';
import type { GeneDef, PgxKb } from './kb.js';
import type { OutsideCall } from './outside.js';
import { fromOutside } from './outside-result.js';
import { geneOutcome, type ResultMemo } from './result-memo.js';
import { warnIfOutsideDisagrees } from './outside-check.js';
import { sampleResult } from './result-row.js';
import type { Warnings } from '../log.js';
import { NO_RESULT, phenotypeOf, type Phenotype } from './phenotype.js';
import { hlaStatuses, matchRecommendations, type LookupValues, type RecommendationHit } from './recommend.js';

export type CallQuality = 'complete' | 'missing-sites' | 'ambiguous' | 'not-called' | 'outside-call' | 'missing-as-ref';

/**
 * A VCF call a diplotype rests on. No line number: through an index the reader sees only the
 * regions' lines, and the output must not depend on how the input was read.
 */
export interface PgxEvidence {
  /** The definition position (GRCh38), as in missing_sites. */
  pos: number;
  rsid: string | null;
  gt?: string;
  ps?: string;
  alleles: (string | null)[];
  source: SiteCall['source'];
}

export interface CandidatePhenotype {
  diplotype: string;
  phenotype: string | null;
  activity_score: string | null;
  lookup_key: string;
}

export interface PgxResult {
  sample: string;
  gene: string;
  /** Top call ('' when none). */
  diplotype: string;
  /** The calls as PharmCAT's report labels them (`X (heterozygous)` for CACNA1S, CFTR, RYR1). */
  labels: string[];
  /** Best first (PharmCAT naming); for lowest-function genes the allele list PharmCAT reports. */
  diplotypes: string[];
  phenotype: string | null;
  activity_score: string | null;
  lookup_key: string;
  /** 'allele: function (activity)' per haplotype used for the phenotype. */
  functions: string[];
  /** GRCh38 position(rsid), with [min-dp] etc. when the quality policy made it a no-call. */
  missing_sites: string[];
  call_quality: CallQuality;
  source: 'vcf' | 'outside-call';
  note: string;
  /** Each candidate's consequence when the call is ambiguous. */
  candidates: CandidatePhenotype[];
  evidence: PgxEvidence[];
  recommendations: RecommendationHit[];
  /** Where the genotype came from (germline.ts): a caveat accompanies all but germline and normal. */
  genotype_source: GenotypeSource;
  caveats: string[];
}

export interface PgxRunOptions extends CallOptions {
  missingAsRef?: boolean;
  /** Only these genes (default all). */
  genes?: readonly string[];
}

export const pgxTsvColumns = [
  'sample',
  'gene',
  'diplotype',
  'diplotypes',
  'phenotype',
  'activity_score',
  'missing_positions',
  'policy_no_calls',
  'call_quality',
  'source',
  'lookup_key',
  'functions',
  'drugs',
  'note',
] as const;

export { toTsvRow } from './result-row.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface GeneOutcome {
  result: Omit<PgxResult, 'recommendations' | 'genotype_source' | 'caveats'>;
  /** Lookup values per candidate (one entry when unambiguous). */
  lookups: { candidate?: string; values: Set<string> }[];
}

// Samples share SiteCall objects (collect.ts), and so their evidence entries.
const evidenceOfCall = new WeakMap<SiteCall, PgxEvidence>();

function evidenceOf(call: GeneCall): PgxEvidence[] {
  return call.evidence.map((c) => {
    let e = evidenceOfCall.get(c);
    if (e === undefined) evidenceOfCall.set(c, (e = { pos: c.site.pos, rsid: c.site.rsid, gt: c.gt, ps: c.ps, alleles: c.alleles, source: c.source }));
    return e;
  });
}

/** 'allele: function (activity)' per haplotype. */
export function fnText(p: Phenotype): string[] {
  return p.functions.map((f) => `${f.allele}: ${f.function ?? 'unknown'}${f.activity !== null ? ` (${f.activity})` : ''}`);
}

/** `fills`: the collector may have filled absent positions (--missing-as-ref); otherwise no call says so. */
function fromCall(sample: string, call: GeneCall, calls: SiteCalls, row: PhenotypeRow | undefined, reference: string, fills: boolean): GeneOutcome {
  // Each missing position with its rsid and, when the quality policy removed the call, why.
  const missing = call.missing.map((p) => {
    const c = calls.get(p);
    const why = c?.noCall && c.noCall !== 'missing' ? ` [${c.noCall}]` : '';
    return `${p}${c?.site.rsid ? `(${c.site.rsid})` : ''}${why}`;
  });
  let filled = false;
  if (fills) for (const c of calls.values()) if (c.source === 'missing-as-ref') filled = true;
  const haps = call.kind === 'none' && call.fallback ? [call.fallback.haplotypes] : call.haplotypes;
  const list = call.kind === 'allele-list';
  const phenos = (list ? [haps[0] ?? []] : haps).map((h) => phenotypeOf(row, h, reference, list));
  const top = phenos[0];
  const distinct = new Set(phenos.map((p) => p.lookupKey));
  const ambiguous = call.diplotypes.length > 1 && !list;
  const quality: CallQuality =
    call.kind === 'none' && !call.fallback ? 'not-called' : filled ? 'missing-as-ref' : ambiguous ? 'ambiguous' : call.missing.length ? 'missing-sites' : 'complete';
  const shown = call.kind === 'none' && call.fallback ? [call.fallback.diplotype] : call.diplotypes;
  const candidates: CandidatePhenotype[] = ambiguous
    ? call.diplotypes.map((d, i) => ({ diplotype: d, phenotype: phenos[i]?.phenotype ?? null, activity_score: phenos[i]?.activityScore ?? null, lookup_key: phenos[i]?.lookupKey ?? NO_RESULT }))
    : [];
  const notes = [call.note, top?.note, ambiguous && distinct.size > 1 ? 'candidates differ in phenotype: each candidate carries its own recommendations' : undefined, filled ? 'absent positions were taken as reference (--missing-as-ref)' : undefined];
  const noCall = call.kind === 'none' && !call.fallback;
  const result: GeneOutcome['result'] = {
    sample,
    gene: call.gene,
    diplotype: list ? shown.join(', ') : (shown[0] ?? ''),
    diplotypes: shown,
    labels: call.kind === 'none' && call.fallback ? shown : call.labels,
    phenotype: noCall ? null : ambiguous && distinct.size > 1 ? null : (top?.phenotype ?? null),
    activity_score: noCall ? null : ambiguous && distinct.size > 1 ? null : (top?.activityScore ?? null),
    lookup_key: noCall || !top ? NO_RESULT : ambiguous && distinct.size > 1 ? NO_RESULT : top.lookupKey,
    functions: top && !noCall ? fnText(top) : [],
    missing_sites: missing,
    call_quality: quality,
    source: 'vcf',
    note: notes.filter(Boolean).join('; '),
    candidates,
    evidence: evidenceOf(call),
  };
  const lookups =
    noCall || !top
      ? []
      : distinct.size > 1
        ? phenos.map((p, i) => ({ candidate: `${call.gene} ${call.diplotypes[i]}`, values: new Set(p.lookupKey === NO_RESULT ? [] : [p.lookupKey]) }))
        : [{ values: new Set(top.lookupKey === NO_RESULT ? [] : [top.lookupKey]) }];
  return { result, lookups };
}

/** One gene's outcome called from the VCF for one sample (column `index`), reused through the memo when it can be. */
export function vcfOutcome(kb: PgxKb, collector: PgxCollector, def: GeneDef, who: Pick<PgxSample, 'index' | 'name'>, opts: PgxRunOptions, memo?: ResultMemo): GeneOutcome {
  return geneOutcome(memo, def.gene, () => collector.signature(def.gene, def.sites, who.index), who.name, () => {
    const calls = collector.siteCalls(def.gene, def.sites, who.index);
    return fromCall(who.name, callGene(def, calls, opts), calls, kb.phenotypes().get(def.gene), def.reference.name, collector.fillsMissing);
  });
}

/** `called`: the sample's VCF outcomes by gene when already made (PgxRun makes them gene by gene for blocks of samples). */
export function sampleResults(
  kb: PgxKb,
  collector: PgxCollector,
  who: PgxSample,
  opts: PgxRunOptions,
  outside: readonly OutsideCall[],
  memo?: ResultMemo,
  warnings?: Warnings,
  called?: ReadonlyMap<string, GeneOutcome>,
): PgxResult[] {
  const { index: sampleIdx, name: sample } = who;
  const phenos = kb.phenotypes();
  const outcomes: GeneOutcome[] = [];
  const byGene = new Map(outside.map((o) => [o.gene, o]));
  const wanted = (g: string): boolean => !opts.genes || opts.genes.includes(g);
  for (const [gene, def] of kb.genes()) {
    if (!wanted(gene)) continue;
    const oc = byGene.get(gene);
    if (oc) {
      if (warnings) warnIfOutsideDisagrees(def, collector.siteCalls(gene, def.sites, sampleIdx), oc, sample, opts, warnings);
      outcomes.push(fromOutside(sample, oc, phenos.get(gene), def.reference.name, kb));
      continue;
    }
    outcomes.push(called?.get(gene) ?? vcfOutcome(kb, collector, def, who, opts, memo));
  }
  for (const oc of outside) {
    if (kb.genes().has(oc.gene) || !wanted(oc.gene)) continue;
    outcomes.push(fromOutside(sample, oc, phenos.get(oc.gene), 'Reference', kb));
  }
  outcomes.sort((a, b) => cmp(a.result.gene, b.result.gene));
  const key = memo ? JSON.stringify(outcomes.map((o) => [o.result.gene, o.lookups.map((l) => [l.candidate ?? null, [...l.values]])])) : '';
  let hits = memo?.recommendations.get(key);
  if (!hits) {
    hits = recommendationsFor(kb, outcomes);
    memo?.recommendations.set(key, hits);
  }
  const perOutcome = hits;
  const caveats = who.caveat ? [who.caveat] : [];
  return outcomes.map((o, i) => sampleResult(o.result, [o.result.note, ...caveats].filter(Boolean).join('; '), perOutcome[i] as RecommendationHit[], who.source, caveats));
}

/** Per outcome, the recommendations that involve its gene. */
function recommendationsFor(kb: PgxKb, outcomes: GeneOutcome[]): RecommendationHit[][] {
  // One lookup per gene; an ambiguous gene is tried candidate by candidate.
  const base: LookupValues = new Map();
  for (const o of outcomes) if (o.lookups.length === 1) base.set(o.result.gene, o.lookups[0]?.values ?? new Set());
  const recs = kb.recommendations();
  const ambiguous = new Set(outcomes.filter((o) => o.lookups.length > 1).map((o) => o.result.gene));
  const hits: RecommendationHit[] = matchRecommendations(recs, base).filter((h) => !h.genes.some((g) => ambiguous.has(g)));
  for (const o of outcomes) {
    if (o.lookups.length < 2) continue;
    for (const l of o.lookups) {
      const lookup = new Map(base);
      lookup.set(o.result.gene, l.values);
      for (const h of matchRecommendations(recs, lookup, l.candidate)) if (h.genes.includes(o.result.gene)) hits.push(h);
    }
  }
  return outcomes.map((o) => hits.filter((h) => h.genes.includes(o.result.gene)));
}
