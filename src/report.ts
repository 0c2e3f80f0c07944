// report: per sample, the PGx calls and the ranked cancer findings, each with a one-line headline.
import { filterText, matchRecord } from './annotate.js';
import { type CancerHit, cancerFindings, type Finding } from './cancer/aggregate.js';
import type { CancerKb } from './cancer/kb.js';
import type { Matcher } from './match/types.js';
import type { PgxResult } from './pgx/result.js';
import type { PgxRun } from './pgx/run.js';
import type { Build, VcfHeader, VcfRecord } from './types.js';
import { gtText, zygosity } from './vcf/genotype.js';

export interface SampleReport {
  sample: string;
  role: 'tumor' | 'normal' | '';
  pgx: PgxResult[];
  cancer: Record<string, unknown>[];
}

export interface ReportInputs {
  records: AsyncIterable<VcfRecord>;
  header: VcfHeader;
  build: () => Build;
  cancerMatcher: Matcher;
  cancerKb: CancerKb;
  pgx: PgxRun;
  samples: readonly string[];
  roles: { tumor?: number; normal?: number };
  tumorType?: string;
}

function findingRow(f: Finding, sample: number): Record<string, unknown> {
  const v = f.variant;
  const call = v.record.calls[sample];
  return {
    headline: f.headline,
    gene: f.match.gene,
    feature: f.match.feature,
    match: f.match.match,
    chrom: v.record.chrom,
    pos: v.pos,
    ref: v.ref,
    alt: v.alt,
    gt: call ? gtText(call) : '',
    zygosity: call ? zygosity(call, v.altIndex) : '',
    vaf: call?.vaf?.[v.altIndex - 1],
    filter: filterText(v.record),
    relevance: f.relevance,
    likely_germline: f.likelyGermline,
    ...f.match.extra,
  };
}

/** One pass: PGx genotypes from every record, cancer hits from the records that match. */
export async function buildReport(inp: ReportInputs): Promise<{ reports: SampleReport[]; matched: number }> {
  const hits: CancerHit[] = [];
  for await (const rec of inp.records) {
    inp.pgx.add(rec);
    for (const { variant, matches } of matchRecord(rec, inp.header, [inp.cancerMatcher], inp.build())) hits.push({ variant, matches });
  }
  const reports = inp.samples.map((sample, i): SampleReport => {
    const role = i === inp.roles.tumor ? 'tumor' : i === inp.roles.normal ? 'normal' : '';
    const findings =
      role === 'normal'
        ? []
        : cancerFindings(inp.cancerKb, hits, { tumor: i, ...(inp.roles.normal !== undefined ? { normal: inp.roles.normal } : {}) }, inp.tumorType ? { tumorType: inp.tumorType } : {});
    return { sample, role, pgx: inp.pgx.results({ index: i, name: sample, source: 'germline', caveat: '' }), cancer: findings.map((f) => findingRow(f, i)) };
  });
  return { reports, matched: hits.length };
}
