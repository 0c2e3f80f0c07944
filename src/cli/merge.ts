// vcfact merge: shard outputs (JSON/NDJSON of one command and one knowledge base) into the output a
// single run would have written.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { openOutput } from '../io/output.js';
import { MERGE_TSV_COLUMNS, openShards, writeMerged } from '../commands/merge.js';
import { summaryLine } from '../summary.js';
import type { Summary } from '../types.js';
import { createSink, outputType } from '../sink/create.js';
import type { RowType } from '../sink/types.js';
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
        const columns = MERGE_TSV_COLUMNS[opened.plan.shape];
        if (type === 'tsv' && columns === undefined) throw new UsageError('report outputs merge into json or ndjson (use annotate or pgx for TSV)');
        const out = openOutput(opts.output);
        const release = onInterrupt(() => out.abort());
        const sink = createSink(type, out, columns ?? [], () => opened.plan.meta);
        try {
          const summary = await writeMerged(opened, sink);
          await out.close();
          if (!opts.quiet) process.stderr.write(`vcfact: ${files.length} shards (split by ${opened.plan.kind}): ${summaryLine(summary as unknown as Summary, false)}\n`);
        } catch (e) {
          if (!isBrokenPipe(e)) await Promise.resolve(sink.fail(runFailure(e))).catch(() => undefined);
          await out.abort();
          throw e;
        } finally {
          release();
        }
      }),
    );
}
