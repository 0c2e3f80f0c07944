// merge: JSON/NDJSON outputs of one command over parts of a cohort (split by samples or by regions)
// into the output one run over the whole would have written — same samples, results in the same
// order, counts combined (merge-summary.ts). Shards are read as streams: memory holds one result
// (annotate: one position's rows) per shard, plus the sample × gene keys checked for repeats.
import { ANNOTATE_COLUMNS, EVIDENCE_COLUMNS } from './annotate.js';
import { byDrugColumns } from '../pgx/by-drug.js';
import { pgxTsvColumns } from '../pgx/result.js';
import type { Result, Sink } from '../sink/types.js';
import { concatResults, mergeByDrug, zipRegions } from './merge-pgx.js';
import { type MergePlan, planMerge, type Shape, shapeOf } from './merge-plan.js';
import { openOutputReader, type OutputReader } from './merge-read.js';
import { mergeRows } from './merge-rows.js';
import { mergeSummary, mergeWarnings } from './merge-summary.js';

/** The TSV columns of each result shape (the commands' own lists); report has no TSV. */
export const MERGE_TSV_COLUMNS: Record<Shape, readonly string[] | undefined> = {
  pgx: pgxTsvColumns,
  'pgx-by-drug': byDrugColumns,
  annotate: ANNOTATE_COLUMNS,
  'annotate-evidence': EVIDENCE_COLUMNS,
  report: undefined,
};

/** A reader whose first results were read ahead (to see the result shape), given back first. */
function unread(r: OutputReader, ahead: Result[]): OutputReader {
  return { file: r.file, format: r.format, meta: r.meta, next: async () => ahead.shift() ?? r.next(), tail: () => r.tail() };
}

/** Reads ahead until a result shows the shape (annotate: the first cancer row) or the results end. */
async function readAhead(r: OutputReader): Promise<{ ahead: Result[]; shape: Shape | undefined }> {
  const ahead: Result[] = [];
  for (let row = await r.next(); row !== undefined; row = await r.next()) {
    ahead.push(row);
    const shape = shapeOf(r.meta.command, row);
    if (shape !== undefined) return { ahead, shape };
  }
  return { ahead, shape: undefined };
}

export interface OpenedShards {
  shards: OutputReader[];
  plan: MergePlan;
}

/** Opens and checks the shards (exit 2 on any difference) before anything is written. */
export async function openShards(files: readonly string[]): Promise<OpenedShards> {
  const readers: OutputReader[] = [];
  for (const f of files) readers.push(await openOutputReader(f));
  const peeks = await Promise.all(readers.map(readAhead));
  const plan = planMerge(readers, peeks.map((p) => p.shape));
  return { shards: readers.map((r, i) => unread(r, (peeks[i] as { ahead: Result[] }).ahead)), plan };
}

/** Writes the merged results, warnings and summary into the sink. */
export async function writeMerged({ shards, plan }: OpenedShards, sink: Sink): Promise<Record<string, unknown>> {
  let written = 0;
  const produced: Record<string, number> = {};
  const emit = async (r: Result): Promise<void> => {
    written++;
    if (plan.shape === 'pgx') {
      const kind = r.call_quality === 'not-called' ? 'not_called' : 'called';
      produced[kind] = (produced[kind] ?? 0) + 1;
    }
    await sink.write(r);
  };
  const sampleIndex = new Map(plan.meta.samples.map((s, i) => [s, i]));
  if (plan.shape === 'annotate' || plan.shape === 'annotate-evidence') {
    await mergeRows(shards, { disjointRecords: plan.kind === 'regions', sampleIndex }, emit);
  } else if (plan.shape === 'pgx-by-drug') {
    await mergeByDrug(shards, emit);
  } else if (plan.kind === 'regions' && plan.shape === 'pgx') {
    await zipRegions(shards, emit);
  } else {
    const key = plan.shape === 'pgx' ? (r: Result) => `sample ${String(r.sample)} × gene ${String(r.gene)}` : (r: Result) => `sample ${String(r.sample)}`;
    await concatResults(shards, key, emit);
  }
  const tails = await Promise.all(shards.map((s) => s.tail()));
  const files = shards.map((s) => s.file);
  const recount = plan.kind === 'regions' && plan.shape === 'pgx' ? { results: written, produced } : undefined;
  const summary = mergeSummary(tails, files, shards.map((s) => s.meta.input), plan.kind, recount);
  await sink.finish(plan.meta, mergeWarnings(tails, plan.kind), summary);
  return summary;
}
