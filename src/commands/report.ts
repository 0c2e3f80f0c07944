// report: per sample, the PGx calls and the ranked cancer findings, each with a one-line headline.
// One pass over the records collects both; then each sample's report is built when the writer asks
// for it, so only one sample's rows exist at a time (as `pgx` writes its rows).
import { filterText, matchRecord } from './annotate.js';
import { type Finding, rankFindings, relevanceFor } from '../cancer/aggregate.js';
import { type CarrierCall, CarrierStore } from '../cancer/carriers.js';
import { type EvidenceSummary, evidenceItem, summarizeEvidence } from '../cancer/evidence-summary.js';
import type { CancerKb } from '../cancer/kb.js';
import type { PgxResult } from '../pgx/result.js';
import type { PgxSample } from '../pgx/germline.js';
import type { PgxRun } from '../pgx/run.js';
import type { Build, Matcher, VcfHeader, VcfRecord } from '../types.js';

export interface SampleReport {
  sample: string;
  role: 'tumor' | 'normal' | '';
  pgx: PgxResult[];
  /** Why this sample has no PGx results (a tumour beside its normal, a somatic call set). */
  pgx_note?: string;
  cancer: ReportFinding[];
}

export interface ReportInputs {
  records: AsyncIterable<VcfRecord>;
  header: VcfHeader;
  build: () => Build;
  /** Every matcher: all count as matched; cancer matches make the findings. */
  matchers: readonly Matcher[];
  cancerKb: CancerKb;
  pgx: PgxRun;
  /** The samples PGx is called for (germline.ts), by column. */
  pgxSamples: ReadonlyMap<number, PgxSample>;
  /** Said in place of PGx results for the other samples. */
  pgxLeftOut: string;
  samples: readonly string[];
  roles: { tumor?: number; normal?: number };
  tumorType?: string;
}

/** One ranked finding of a report (schema_version 2): one per variant × biomarker, its evidence nested. */
export interface ReportFinding extends EvidenceSummary {
  headline: string;
  gene: string;
  feature: string;
  match: string;
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gt: string;
  zygosity: string;
  vaf?: number | undefined;
  filter: string;
  /** With --tumor-type only. */
  relevance?: 'on-label' | 'off-label';
  /** With a normal sample only: the variant is also seen there. */
  likely_germline?: boolean;
  /** The items, strongest first (on-label first with --tumor-type). */
  evidence: Record<string, unknown>[];
}

function findingRow(f: Finding, call: CarrierCall | undefined): ReportFinding {
  const v = f.variant;
  const items = f.group.items;
  return {
    headline: f.headline,
    gene: f.group.gene,
    feature: f.group.feature,
    match: f.group.match,
    chrom: v.record.chrom,
    pos: v.pos,
    ref: v.ref,
    alt: v.alt,
    gt: call?.gt ?? '',
    zygosity: call?.zygosity ?? '',
    vaf: call?.vaf,
    filter: filterText(v.record),
    ...(f.relevance ? { relevance: f.relevance } : {}),
    ...(f.likelyGermline !== undefined ? { likely_germline: f.likelyGermline } : {}),
    ...summarizeEvidence(items),
    evidence: items.map((m, i) => ({ ...evidenceItem(m), ...(f.itemRelevance ? { relevance: f.itemRelevance[i] } : {}) })),
  };
}

export interface ReportRun {
  /** Split variants with a knowledge-base match (PGx or cancer). */
  matched: number;
  /** Each sample's report in sample order, built as it is asked for; iterate once. */
  reports(): Generator<SampleReport>;
}

/** One pass: PGx genotypes from every record, cancer hits (their carriers only) from the records that match. */
export async function collectReport(inp: ReportInputs): Promise<ReportRun> {
  const hits = new CarrierStore(inp.roles.normal);
  let matched = 0;
  for await (const rec of inp.records) {
    inp.pgx.add(rec);
    for (const { variant, matches } of matchRecord(rec, inp.header, inp.matchers, inp.build())) {
      matched++;
      const cancer = matches.filter((m) => m.kb === 'cancer');
      if (cancer.length > 0) hits.add(variant, cancer);
    }
  }
  const relevanceOf = inp.tumorType ? relevanceFor(inp.cancerKb, inp.tumorType) : undefined;
  function* reports(): Generator<SampleReport> {
    for (const [i, sample] of inp.samples.entries()) {
      const role = i === inp.roles.tumor ? 'tumor' : i === inp.roles.normal ? 'normal' : '';
      // Only the tumour and samples without a role get findings; the normal flags likely germline.
      const carried = hits.carriedBy(i);
      const findings = role === 'normal' ? [] : rankFindings(inp.cancerKb, carried, relevanceOf);
      const calls = new Map(carried.map((c) => [c.variant, c.call]));
      const who = inp.pgxSamples.get(i);
      yield { sample, role, pgx: who ? inp.pgx.results(who) : [], ...(who ? {} : { pgx_note: inp.pgxLeftOut }), cancer: findings.map((f) => findingRow(f, calls.get(f.variant))) };
    }
  }
  return { matched, reports };
}
