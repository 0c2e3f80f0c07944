// report: per sample, the PGx calls and the ranked cancer findings, each with a one-line headline.
// One pass over the records collects both; then each sample's report is built when the writer asks
// for it, so only one sample's rows exist at a time (as `pgx` writes its rows).
import { filterText, isTableMatch, matchRecord } from './annotate.js';
import { type TableFinding, tableFindings } from '../tables/findings.js';
import { type Finding, rankFindings, relevanceFor } from '../cancer/aggregate.js';
import { type CarrierCall, CarrierStore, type FindingVariant } from '../cancer/carriers.js';
import { type EvidenceSummary, evidenceItem, summarizeEvidence } from '../cancer/evidence-summary.js';
import type { CancerKb } from '../cancer/kb.js';
import { type LinkedPgxResult, linkReport, type PgxLink } from './report-links.js';
import type { PgxSample } from '../pgx/germline.js';
import type { PgxResult } from '../pgx/result.js';
import type { PgxRun } from '../pgx/run.js';
import type { Build, Matcher, VcfHeader, VcfRecord } from '../types.js';

export interface SampleReport {
  sample: string;
  role: 'tumor' | 'normal' | '';
  pgx: LinkedPgxResult[];
  /** The tumour of a tumour/normal pair: its `pgx` are the matched normal's (named here), the patient's germline. */
  pgx_from?: string;
  /** Why this sample has no PGx results (a somatic call set). */
  pgx_note?: string;
  cancer: ReportFinding[];
  /** With --table only: the sample's user-table rows, ranked by their `level` (src/tables/findings.ts). */
  tables?: TableFinding[];
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
  /** The run has user tables: each sample's report gets `tables`. */
  tables?: boolean;
}

/** One ranked finding of a report (schema_version 2): one per variant × biomarker, its evidence nested. */
export interface ReportFinding extends EvidenceSummary, FindingVariant {
  headline: string;
  gene: string;
  feature: string;
  match: string;
  /** With --tumor-type only. */
  relevance?: 'on-label' | 'off-label';
  /** The items, strongest first (on-label first with --tumor-type). */
  evidence: Record<string, unknown>[];
  /** CPIC recommendations of the patient's germline PGx for drugs among the therapies (report-links.ts). */
  pgx?: PgxLink[];
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
  const tableHits = inp.tables ? new CarrierStore(inp.roles.normal) : undefined;
  let matched = 0;
  for await (const rec of inp.records) {
    inp.pgx.add(rec);
    for (const { variant, matches } of matchRecord(rec, inp.header, inp.matchers, inp.build())) {
      matched++;
      const cancer = matches.filter((m) => m.kb === 'cancer');
      if (cancer.length > 0) hits.add(variant, cancer);
      const rows = tableHits ? matches.filter(isTableMatch) : [];
      if (rows.length > 0) tableHits?.add(variant, rows);
    }
  }
  const relevanceOf = inp.tumorType ? relevanceFor(inp.cancerKb, inp.tumorType) : undefined;
  const findingsOf = (i: number): ReportFinding[] => {
    const carried = hits.carriedBy(i);
    const calls = new Map(carried.map((c) => [c.variant, c.call]));
    return rankFindings(inp.cancerKb, carried, relevanceOf).map((f) => findingRow(f, calls.get(f.variant)));
  };
  const pgxOf = (i: number): PgxResult[] => {
    const who = inp.pgxSamples.get(i);
    return who ? inp.pgx.results(who) : [];
  };
  const { tumor, normal } = inp.roles;
  // A tumour/normal pair is one patient: the tumour's findings meet the normal's (germline) PGx. Both
  // entries need the joined result, so the pair's is built once, when the first of them is reached.
  let pair: { findings: ReportFinding[]; pgx: LinkedPgxResult[] } | undefined;
  const pairLinks = (t: number, n: number) => (pair ??= linkReport(findingsOf(t), inp.samples[t] as string, pgxOf(n), inp.samples[n] as string));
  // The normal of a pair gets no table findings either (its variants flag the tumour's).
  function* withTables(reports: Generator<SampleReport>): Generator<SampleReport> {
    let i = 0;
    for (const r of reports) {
      const own = normal !== undefined && i === normal ? [] : tableFindings(tableHits?.carriedBy(i) ?? [], (c) => filterText(c.variant.record));
      yield tableHits ? { ...r, tables: own } : r;
      i++;
    }
  }
  function* sampleReports(): Generator<SampleReport> {
    for (const [i, sample] of inp.samples.entries()) {
      const role = i === tumor ? 'tumor' : i === normal ? 'normal' : '';
      const note = inp.pgxSamples.has(i) ? {} : { pgx_note: inp.pgxLeftOut };
      if (tumor !== undefined && normal !== undefined && (i === tumor || i === normal)) {
        const joined = pairLinks(tumor, normal);
        // The normal gets no findings of its own (its variants flag the tumour's as likely germline).
        if (i === normal) yield { sample, role, pgx: joined.pgx, ...note, cancer: [] };
        // With --tumor-pgx the tumour keeps its own (flagged) calls; the links stay the normal's.
        else if (inp.pgxSamples.has(i)) yield { sample, role, pgx: pgxOf(i), cancer: joined.findings };
        else if (inp.pgxSamples.has(normal)) yield { sample, role, pgx: joined.pgx, pgx_from: inp.samples[normal] as string, cancer: joined.findings };
        else yield { sample, role, pgx: [], ...note, cancer: joined.findings };
        continue;
      }
      const findings = role === 'normal' ? [] : findingsOf(i);
      const linked = linkReport(findings, sample, pgxOf(i), sample);
      yield { sample, role, pgx: linked.pgx, ...note, cancer: linked.findings };
    }
  }
  return { matched, reports: () => withTables(sampleReports()) };
}
