// vcfact merge: shard outputs (JSON/NDJSON of one command and one knowledge base) into the output a
// single run would have written.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { type Output, openOutput } from '../io/output.js';
import { MERGE_TSV_COLUMNS, type OpenedShards, openShards, writeMerged } from '../commands/merge.js';
import type { WarningEntry } from '../log.js';
import { withFieldsText } from '../tables/fields.js';
import { summaryLine } from '../summary.js';
import type { Summary } from '../types.js';
import { createSink, outputType } from '../sink/create.js';
import type { RowType, Sink } from '../sink/types.js';
import { isBrokenPipe, runFailure } from './errors.js';
import { run } from './run.js';
import { onInterrupt } from './signals.js';

interface MergeOptions {
  output?: string;
  outputType?: string;
  quiet?: boolean;
}

/** -O, else the -o extension, else the format of the first shard. */
function typeOf(opts: MergeOptions, firstFormat: RowType): RowType {
  if (opts.outputType !== undefined || /\.(tsv|txt|json|ndjson|jsonl)(\.gz)?$/i.test(opts.output ?? '')) return outputType(opts.outputType, opts.output);
  return firstFormat;
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('combine shard outputs (JSON/NDJSON of one pgx, annotate or report run split by samples or by regions) into what one run over all of them would have written')
    .argument('<shards...>', 'JSON or NDJSON outputs of one command, one knowledge base and one genome build')
    .option('-o, --output <file>', 'write to FILE (atomically: temp file + rename) instead of stdout')
    .option('-O, --output-type <type>', 'json | ndjson | tsv (default: from the -o extension, else the format of the first shard)')
    .option('-q, --quiet', 'no summary line on stderr')
    .addHelpText('after', '\nExamples:\n  vcfact merge shard-*.ndjson -o cohort.json\n  vcfact merge chr1.json chr2.json -O tsv > cohort.tsv')
    .action((files: string[], opts: MergeOptions) =>
      run(async () => {
        const opened = await openShards(files);
        const type = typeOf(opts, opened.shards[0]?.format ?? 'json');
        const out = openOutput(opts.output);
        const release = onInterrupt(() => out.abort());
        try {
          const { summary } = await writeShards(opened, type, out);
          if (!opts.quiet) process.stderr.write(`vcfact: ${files.length} shards (split by ${opened.plan.kind}): ${summaryLine(summary as unknown as Summary, false)}\n`);
        } catch (e) {
          await out.abort();
          throw e;
        } finally {
          release();
        }
      }),
    );
}

/**
 * Writes the opened shards as one output of `type` and closes it; on failure the output is ended so
 * that it cannot pass for complete (the caller drops it). Also used by a run over several inputs (multi.ts).
 */
export async function writeShards(opened: OpenedShards, type: RowType, out: Output): Promise<{ summary: Record<string, unknown>; warnings: WarningEntry[] }> {
  const columns = MERGE_TSV_COLUMNS[opened.plan.shape];
  if (type === 'tsv' && columns === undefined) throw new UsageError('report outputs merge into json or ndjson (use annotate or pgx for TSV)');
  const sink = createSink(type, out, columns ?? [], () => opened.plan.meta);
  let warnings: WarningEntry[] = [];
  // TSV writes a user table's other columns as one cell, as the one-input run does (src/tables/fields.ts).
  const rows: Sink = {
    ...sink,
    write: (r) => sink.write(type === 'tsv' ? withFieldsText(r) : r),
    finish: (meta, w, summary) => {
      warnings = w;
      return sink.finish(meta, w, summary);
    },
  };
  try {
    const summary = await writeMerged(opened, rows);
    await out.close();
    return { summary, warnings };
  } catch (e) {
    if (!isBrokenPipe(e)) await Promise.resolve(sink.fail(runFailure(e))).catch(() => undefined);
    throw e;
  }
}
