// The merged output's warnings and summary.
// - Record counts (records, candidates, parsed, matched, skipped): shards of one input split by samples
//   read the same records, so the counts are taken once (and must agree); shards of regions or of
//   different files read disjoint records, so they are added — except region shards of one input that
//   each streamed the whole file (no index: equal record counts, access not 'index'), where what every
//   shard read (records, candidates, parsed, skipped) is taken once, matched is added, and
//   outside-regions keeps the candidates outside every shard's regions.
// - Result counts (results, produced): the shards' results are disjoint, so they are added, except
//   for pgx region shards, where they are counted again over the results written.
// - Warnings of one kind: counts added and examples merged (first ones, up to the cap); a warning that
//   sample shards of one input all report alike is the same record's, read again, and counted once.
// - Other facts (access, matcher notes): kept when the shards agree; otherwise strings are listed
//   (comma-joined) and numbers, which describe the knowledge base rather than records, take the largest.
import { UsageError } from '../errors.js';
import { EXAMPLES as WARNING_EXAMPLES, type WarningEntry } from '../log.js';
import type { OutputTail } from './merge-read.js';
import type { SplitKind } from './merge-plan.js';

const RECORD_COUNTS = ['records', 'candidates', 'parsed', 'matched'] as const;

export function mergeWarnings(tails: readonly OutputTail[], kind: SplitKind): WarningEntry[] {
  const byKind = new Map<string, WarningEntry>();
  const taken = new Set<string>();
  for (const t of tails) {
    for (const w of t.warnings) {
      const whole = JSON.stringify(w);
      if (kind === 'samples' && taken.has(whole)) continue;
      taken.add(whole);
      const m = byKind.get(w.kind);
      if (!m) {
        byKind.set(w.kind, { ...w, examples: w.examples.slice(0, WARNING_EXAMPLES) });
        continue;
      }
      m.count += w.count;
      for (const e of w.examples) if (m.examples.length < WARNING_EXAMPLES && !m.examples.includes(e)) m.examples.push(e);
    }
  }
  return [...byKind.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

function addCounts(into: Record<string, number>, from: unknown): void {
  for (const [k, n] of Object.entries((from ?? {}) as Record<string, number>)) into[k] = (into[k] ?? 0) + n;
}

/** Facts that are not counts: equal → kept; else strings listed, numbers the largest. */
function agree(values: unknown[]): unknown {
  const present = values.filter((v) => v !== undefined);
  const first = present[0];
  if (present.every((v) => JSON.stringify(v) === JSON.stringify(first))) return first;
  if (present.every((v) => typeof v === 'number')) return Math.max(...(present as number[]));
  if (present.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    const keys = [...new Set(present.flatMap((v) => Object.keys(v as object)))];
    return Object.fromEntries(keys.map((k) => [k, agree(present.map((v) => (v as Record<string, unknown>)[k]))]));
  }
  return [...new Set(present.map((v) => String(v)))].join(',');
}

function sameRecords(tails: readonly OutputTail[], files: readonly string[]): void {
  const first = tails[0] as OutputTail;
  tails.forEach((t, i) => {
    for (const k of [...RECORD_COUNTS, 'skipped'] as const) {
      if (JSON.stringify(t.summary[k]) !== JSON.stringify(first.summary[k])) {
        throw new UsageError(`${files[0]} and ${files[i]} read one input but differ in summary.${k} (${JSON.stringify(first.summary[k])} vs ${JSON.stringify(t.summary[k])}): not shards of one run (different options or inputs?)`);
      }
    }
  });
}

/** Region shards of one input that each read the whole file (streamed, not through the index). */
function streamedRegions(tails: readonly OutputTail[], inputs: readonly string[]): boolean {
  const first = tails[0] as OutputTail;
  return inputs.every((i) => i === inputs[0]) && tails.every((t) => t.summary.records === first.summary.records && t.summary.access !== 'index');
}

function streamedCounts(tails: readonly OutputTail[]): Record<string, unknown> {
  const first = tails[0] as OutputTail;
  const skipped: Record<string, number> = { ...(first.summary.skipped as Record<string, number>) };
  const candidates = Number(first.summary.candidates ?? 0);
  // Each shard counts the candidates outside its own regions; those outside all of them remain.
  const outside = tails.reduce((n, t) => n + Number((t.summary.skipped as Record<string, number>)['outside-regions'] ?? 0), 0) - (tails.length - 1) * candidates;
  delete skipped['outside-regions'];
  if (outside > 0) skipped['outside-regions'] = outside;
  const matched = tails.reduce((n, t) => n + Number(t.summary.matched ?? 0), 0);
  return { records: first.summary.records, candidates, parsed: first.summary.parsed, matched, skipped };
}

function recordCounts(tails: readonly OutputTail[], files: readonly string[], inputs: readonly string[], kind: SplitKind): Record<string, unknown> {
  const first = tails[0] as OutputTail;
  if (kind === 'samples') {
    sameRecords(tails, files);
    return { ...Object.fromEntries(RECORD_COUNTS.map((k) => [k, first.summary[k]])), skipped: first.summary.skipped };
  }
  if (kind === 'regions' && streamedRegions(tails, inputs)) return streamedCounts(tails);
  const out: Record<string, unknown> = {};
  for (const k of RECORD_COUNTS) out[k] = tails.reduce((n, t) => n + Number(t.summary[k] ?? 0), 0);
  const skipped: Record<string, number> = {};
  for (const t of tails) addCounts(skipped, t.summary.skipped);
  out.skipped = skipped;
  return out;
}

/** The merged summary, its keys in the order of the first shard's. */
export function mergeSummary(tails: readonly OutputTail[], files: readonly string[], inputs: readonly string[], kind: SplitKind, recount?: { results: number; produced: Record<string, number> }): Record<string, unknown> {
  const merged: Record<string, unknown> = recordCounts(tails, files, inputs, kind);
  const produced: Record<string, number> = {};
  for (const t of tails) addCounts(produced, t.summary.produced);
  merged.results = recount?.results ?? tails.reduce((n, t) => n + Number(t.summary.results ?? 0), 0);
  merged.produced = recount?.produced ?? produced;
  const keys = [...new Set(tails.flatMap((t) => Object.keys(t.summary)))];
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = k in merged ? merged[k] : agree(tails.map((t) => t.summary[k]));
  return out;
}
