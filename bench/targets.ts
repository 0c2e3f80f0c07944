// The targets of issue 5 (P1–P4), issue 9's memory bound for report (M1), issue 10's VCF output
// speed (V1), issue 11's user-table cost (T1) and issue 12's cohort figures (C1–C4), checked against
// one run's measurements.
import type { Measurement } from './measure.js';

export type InputKey = 'wgs' | 'cohort' | 'small';
export type ToolKey =
  | 'bgzip'
  | 'annotate-stream'
  | 'annotate-index'
  | 'annotate-vcf'
  | 'annotate-vcfgz'
  | 'pgx-stream'
  | 'pgx-index'
  | 'report-stream'
  | 'annotate-table'
  | 'table-load'
  | 'annotate-ndjson'
  | 'pgx-single'
  | 'pgx-shards'
  | 'read-shards'
  | 'merge'
  | 'summary'
  | 'bcftools'
  | 'vcfanno';

export interface Row {
  tool: ToolKey;
  input: InputKey;
  m: Measurement;
}

export interface Check {
  id: string;
  what: string;
  status: 'PASS' | 'MISS' | 'n/a';
  detail: string;
}

const pct = (x: number): string => `${Math.abs(x * 100).toFixed(0)}%`;
const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

function atMost(id: string, what: string, value: number | undefined, limit: number, unit: string): Check {
  if (value === undefined || !Number.isFinite(value)) return { id, what, status: 'n/a', detail: 'not measured (a command failed or was not run)' };
  const margin = (limit - value) / limit;
  return {
    id,
    what,
    status: value <= limit ? 'PASS' : 'MISS',
    detail: `${num(value)}${unit} vs ≤ ${num(limit)}${unit}: ${value <= limit ? `${pct(margin)} headroom` : `over by ${pct(margin)}${value > 2 * limit ? ` (${num(value / limit)}× the limit)` : ''}`}`,
  };
}

function atLeast(id: string, what: string, value: number | undefined, limit: number, unit: string): Check {
  if (value === undefined || !Number.isFinite(value)) return { id, what, status: 'n/a', detail: 'not measured (a command failed or was not run)' };
  const margin = (value - limit) / limit;
  return {
    id,
    what,
    status: value >= limit ? 'PASS' : 'MISS',
    detail: `${num(value)}${unit} vs ≥ ${num(limit)}${unit}: ${value >= limit ? `${pct(margin)} to spare` : `short by ${pct(margin)}`}`,
  };
}

export function checkTargets(rows: readonly Row[]): Check[] {
  const get = (tool: ToolKey, input: InputKey): Measurement | undefined => {
    const m = rows.find((r) => r.tool === tool && r.input === input)?.m;
    return m?.ok ? m : undefined;
  };
  const wall = (tool: ToolKey, input: InputKey): number | undefined => get(tool, input)?.median;
  const rss = (tool: ToolKey, input: InputKey): number | undefined => get(tool, input)?.rssMb;
  const ratio = (a?: number, b?: number): number | undefined => (a !== undefined && b !== undefined ? a / b : undefined);

  const ann = wall('annotate-stream', 'wgs');
  const annCohort = wall('annotate-stream', 'cohort');
  return [
    atMost('P1', 'annotate (1) streamed / bgzip -dc', ratio(ann, wall('bgzip', 'wgs')), 1.5, '×'),
    atLeast('P1', 'bcftools annotate / annotate (1)', ratio(wall('bcftools', 'wgs'), ann), 10, '×'),
    atLeast('P1', 'vcfanno / annotate (1)', ratio(wall('vcfanno', 'wgs'), ann), 15, '×'),
    atMost('P2', 'annotate (1) indexed, wall', wall('annotate-index', 'wgs'), 0.5, ' s'),
    atMost('P2', 'pgx (1) indexed, wall', wall('pgx-index', 'wgs'), 0.5, ' s'),
    atMost('P3', 'pgx (2) streamed / bgzip -dc (2)', ratio(wall('pgx-stream', 'cohort'), wall('bgzip', 'cohort')), 1.5, '×'),
    atMost('P3', 'pgx (2) streamed, peak RSS', rss('pgx-stream', 'cohort'), 500, ' MB'),
    atMost('P4', 'annotate peak RSS (1) / 50,000-record file', ratio(rss('annotate-stream', 'wgs'), rss('annotate-stream', 'small')), 1.2, '×'),
    atMost('P4', 'pgx peak RSS (1) / 50,000-record file', ratio(rss('pgx-stream', 'wgs'), rss('pgx-stream', 'small')), 1.2, '×'),
    // Bounded the way pgx is: every sample's PGx calls and cancer findings, within pgx's bound.
    atMost('M1', 'report (2) streamed, peak RSS', rss('report-stream', 'cohort'), 500, ' MB'),
    // The annotated VCF against the TSV of the same streamed run (both read the whole file).
    atMost('V1', 'annotate -O vcf (1) / annotate -O tsv (1)', ratio(wall('annotate-vcf', 'wgs'), ann), 1.5, '×'),
    atMost('V1', 'annotate -O vcf.gz (1) / annotate -O tsv (1)', ratio(wall('annotate-vcfgz', 'wgs'), ann), 2.5, '×'),
    // A 100,000-row user table: read and checked whole (the whole process, start-up included), and
    // what it adds to the streamed annotate run.
    atMost('T1', '100,000-row table loaded (kb validate --table), wall', wall('table-load', 'wgs'), 0.5, ' s'),
    atMost('T1', 'annotate (1) with the table / without', ratio(wall('annotate-table', 'wgs'), ann), 1.1, '×'),
    // Issue 12: per-sample rows near the decompression limit, NDJSON no dearer than TSV, the indexed
    // single-sample run, and the cohort commands.
    atMost('C1', 'annotate (2) streamed / bgzip -dc (2)', ratio(annCohort, wall('bgzip', 'cohort')), 3, '×'),
    atMost('C1', 'annotate (2) streamed, peak RSS', rss('annotate-stream', 'cohort'), 500, ' MB'),
    atMost('C2', 'annotate -O ndjson (2) / annotate TSV (2)', ratio(wall('annotate-ndjson', 'cohort'), annCohort), 1, '×'),
    atMost('C3', 'annotate (1) indexed, wall', wall('annotate-index', 'wgs'), 0.25, ' s'),
    atMost('C4', 'summary of the merged (2), wall', wall('summary', 'cohort'), 1, ' s'),
    atMost('C4', 'merge of the shards (2) / reading them', ratio(wall('merge', 'cohort'), wall('read-shards', 'cohort')), 2, '×'),
  ];
}
