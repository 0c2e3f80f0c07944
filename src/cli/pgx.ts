// vcfact pgx: one row per sample × gene (diplotype, phenotype, activity score, missing positions,
// call quality) with the CPIC recommendations that follow; --by-drug turns it drug-centred.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { type PgxKb, loadPgxKb } from '../pgx/kb.js';
import { pgxMatcher } from '../pgx/matcher.js';
import { AbsentTally } from '../pgx/absent.js';
import { byDrugColumns, byDrugRows } from '../pgx/by-drug.js';
import { type PgxSample, pgxSamples } from '../pgx/germline.js';
import { pgxTsvColumns, toTsvRow, type PgxResult } from '../pgx/result.js';
import { type PgxFlags, PgxRun } from '../pgx/run.js';
import { createSink, outputType } from '../sink/create.js';
import { countProduced } from '../summary.js';
import type { RunMeta, Sink } from '../sink/types.js';
import type { Summary } from '../types.js';
import { eachInput } from './multi.js';
import { addCommonOptions, type CommonOptions, parseCommon } from './options.js';
import { addPairOptions, type RoleOptions, resolveRoles } from './roles.js';
import { run } from './run.js';
import { type InputPart, loadOnce, say, startSession, withOutput } from './session.js';

/** The PGx calling options, shared with `report`. */
export function addPgxOptions(cmd: Command): Command {
  return cmd
    .option('--missing-as-ref', 'take definition positions absent from the input as reference (every result it touched says so)')
    .option('--outside-calls <file>', 'PharmCAT outside-call TSV (gene, diplotype, phenotype, activity score): CYP2D6, HLA-A, HLA-B, MT-RNR1; overrides any gene')
    .option('--all-matches', 'every diplotype consistent with the data, best first (default: the top-scoring ones)')
    .option('--combinations', 'allow partial and compound haplotypes, written [a + b]')
    .option('--call-cyp2d6', 'call CYP2D6 from VCF SNVs (no copy number or hybrids: a research-grade call)')
    .option('--tumor-pgx', "with a matched normal, also call the tumour's genotype (flagged: it can differ from the germline)")
    .option('--somatic-pgx', 'call PGx from a somatic call set anyway (refused by default: its genotypes are not germline), every result flagged');
}

export function pgxFlags(raw: Record<string, unknown>): PgxFlags {
  return {
    missingAsRef: raw.missingAsRef === true,
    allMatches: raw.allMatches === true,
    findCombinations: raw.combinations === true,
    callCyp2d6: raw.callCyp2d6 === true,
    tumorPgx: raw.tumorPgx === true,
    somaticPgx: raw.somaticPgx === true,
    ...(typeof raw.outsideCalls === 'string' ? { outsideCalls: raw.outsideCalls } : {}),
  };
}

/**
 * --outside-calls with several inputs is refused: each input's run would read the whole file, warning
 * of the other inputs' samples and counting the file's own problems once per input.
 */
export function outsideCallsOfOne(inputs: readonly string[], raw: Record<string, unknown>): void {
  if (inputs.length > 1 && typeof raw.outsideCalls === 'string') {
    throw new UsageError(`--outside-calls takes one input (${inputs.length} given): run once per input and combine the outputs with vcfact merge`);
  }
}

export function registerPgx(program: Command): void {
  const cmd = program
    .command('pgx')
    .description('star-allele diplotypes, phenotypes and CPIC drug recommendations: one row per sample × gene')
    .argument('[input...]', "VCF (plain, gzip or BGZF), or '-' for stdin; several are read in turn into one output");
  addPgxOptions(addPairOptions(addCommonOptions(cmd)))
    .option('--by-drug', 'one row per sample × drug recommendation instead of per gene')
    .action((inputs: string[], raw: Record<string, unknown>) =>
      run(async () => {
        const opts = parseCommon(raw);
        outsideCallsOfOne(inputs, raw);
        await eachInput(inputs, opts, outputType(opts.outputType, opts.output), raw as RoleOptions, (input, o, part) => callPgx(input, o, raw, part));
      }),
    );
}

/** One input's pgx run (a part of a multi-input run writes its own NDJSON: multi.ts). */
async function callPgx(input: string | undefined, opts: CommonOptions, raw: Record<string, unknown>, part?: InputPart): Promise<RunMeta> {
  const type = outputType(opts.outputType, opts.output);
  let pkb: PgxKb | undefined;
  const s = await startSession(
    'pgx',
    input,
    opts,
    (kb) => {
      pkb = loadOnce(part, 'pgx', () => loadPgxKb(kb.dir));
      return [pgxMatcher(pkb)];
    },
    part,
  );
  const flags = pgxFlags(raw);
  const who = pgxSamples(s.run.header, s.run.samples, resolveRoles(s.run.header, s.run.samples, raw as RoleOptions, part !== undefined), flags, s.run.file);
  if (who.refusal !== undefined) throw new UsageError(who.refusal);
  if (who.notice !== undefined) say(opts, who.notice);
  const pgx = new PgxRun(pkb as PgxKb, () => s.run.build() ?? 'GRCh38', s.run.samples, flags, s.warnings, s.run.file);
  const byDrug = raw.byDrug === true;
  const sink = createSink(type, s.out, byDrug ? byDrugColumns : pgxTsvColumns, s.meta);
  const summary = s.run.summary;
  await withOutput(s, sink, async () => {
    for await (const rec of s.records) pgx.add(rec);
    summary.matched += pgx.matched;
    if (s.run.samples.length === 0) s.warnings.add('no-samples', 'the input has no sample columns: no genotypes to call');
    // Several inputs share one tally, noted once after the last: a folder of thousands of
    // variant-only files gets one note, not one per file.
    const absent = loadOnce(part, 'absent', () => new AbsentTally(pkb as PgxKb));
    await writeResults(who.samples, { pgx, absent, sink, summary, byDrug });
    const last = part === undefined || part.index === part.of - 1;
    const notice = flags.missingAsRef || !last ? undefined : absent.notice();
    if (notice !== undefined) say(opts, `note: ${part ? `over the ${part.of} inputs, ` : ''}${notice}`);
    await sink.finish(s.meta(), s.warnings.list(), summary);
  });
  s.end(summary);
  return s.meta();
}

interface Writing {
  pgx: PgxRun;
  absent: AbsentTally;
  sink: Sink;
  summary: Summary;
  byDrug: boolean;
}

/** Writes the results, counts them, and tallies their absent definition positions. */
async function writeResults(samples: readonly PgxSample[], { pgx, absent, sink, summary, byDrug }: Writing): Promise<void> {
  // Per gene: each sample's rows as soon as they are called (memory does not grow with the
  // cohort). By drug: rows are grouped across samples, so they wait for all of them.
  const forDrugs: PgxResult[] = [];
  for (const sample of samples) {
    const results = pgx.results(sample);
    for (const r of results) {
      absent.add(r);
      countProduced(summary, r.call_quality === 'not-called' ? 'not_called' : 'called');
    }
    if (byDrug) forDrugs.push(...results);
    else for (const r of results) await sink.write(toTsvRow(r));
    if (!byDrug) summary.results += results.length;
  }
  if (byDrug) {
    const rows = byDrugRows(forDrugs);
    for (const row of rows) await sink.write(row);
    summary.results += rows.length;
  }
}
