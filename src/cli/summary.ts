// vcfact summary: cohort figures from a pgx, annotate or report output (JSON or NDJSON, or a merged one).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { openOutput } from '../io/output.js';
import { SUMMARY_TSV_COLUMNS, summarize, summaryRows } from '../commands/summary.js';
import { TsvSink } from '../sink/tsv.js';
import { renderSummary } from '../sink/html/summary.js';
import { run } from './run.js';
import { onInterrupt } from './signals.js';

interface SummaryOptions {
  output?: string;
  outputType?: string;
}

const TYPES = ['tsv', 'json', 'html'] as const;
type SummaryType = (typeof TYPES)[number];

/** -O, else the -o extension, else TSV. */
function typeOf(opts: SummaryOptions): SummaryType {
  const t = opts.outputType ?? /\.(tsv|txt|json|html?)$/i.exec(opts.output ?? '')?.[1]?.toLowerCase().replace(/^htm$/, 'html').replace(/^txt$/, 'tsv') ?? 'tsv';
  if (!(TYPES as readonly string[]).includes(t)) throw new UsageError(`-O/--output-type must be one of ${TYPES.join(', ')}, not '${t}'`);
  return t as SummaryType;
}

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description('cohort figures from a pgx, annotate or report output: per gene call rate, diplotype, phenotype and activity-score frequencies; per biomarker carriers; per drug samples by CPIC classification and with a non-standard recommendation')
    .argument('<input>', 'a JSON or NDJSON output of pgx, annotate or report (or of merge)')
    .option('-o, --output <file>', 'write to FILE (atomically: temp file + rename) instead of stdout')
    .option('-O, --output-type <type>', 'tsv | json | html (default: from the -o extension, else tsv)')
    .addHelpText('after', '\nExamples:\n  vcfact summary merged.json -o summary.tsv\n  vcfact summary pgx.ndjson -O html -o summary.html')
    .action((input: string, opts: SummaryOptions) =>
      run(async () => {
        const type = typeOf(opts);
        const figures = await summarize(input);
        const out = openOutput(opts.output, input);
        const release = onInterrupt(() => out.abort());
        try {
          if (type === 'json') await out.write(`${JSON.stringify(figures, null, 2)}\n`);
          else if (type === 'html') await out.write(renderSummary(figures, input));
          else {
            const sink = new TsvSink(out, SUMMARY_TSV_COLUMNS);
            for (const row of summaryRows(figures)) await sink.write(row);
            await sink.finish();
          }
          await out.close();
        } catch (e) {
          await out.abort();
          throw e;
        } finally {
          release();
        }
      }),
    );
}
