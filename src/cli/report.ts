// vcfact report: per sample, PGx calls and ranked cancer findings (JSON, NDJSON, or HTML pages: report-html.ts).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { type Domains, loadDomains, matchersFor } from '../match/registry.js';
import { pgxSamples } from '../pgx/germline.js';
import { PgxRun } from '../pgx/run.js';
import { collectReport, type SampleReport } from '../commands/report.js';
import type { Output } from '../io/output.js';
import type { KbDir } from '../kb/load.js';
import type { RowType, RunMeta, Sink } from '../sink/types.js';
import type { LocalTable } from '../tables/types.js';
import type { Matcher, Summary } from '../types.js';
import { eachInput } from './multi.js';
import { createSink, outputType } from '../sink/create.js';
import { countProduced } from '../summary.js';
import { addCommonOptions, addTableOption, type CommonOptions, parseCommon } from './options.js';
import { addPgxOptions, outsideCallsOfOne, pgxFlags } from './pgx.js';
import { addRoleOptions, checkTumorType, type RoleOptions, resolveRoles } from './roles.js';
import { htmlOutput, isHtml, usePageOptions } from './report-html.js';
import { run } from './run.js';
import { type InputPart, loadOnce, say, startSession, withOutput } from './session.js';

export function registerReport(program: Command): void {
  const cmd = program
    .command('report')
    .description('per sample: PGx calls and ranked cancer findings (one per variant × biomarker, each with a one-line headline), linked where a therapy meets the PGx; writes JSON by default, NDJSON with -O ndjson, HTML pages with -O html')
    .argument('[input...]', "VCF (plain, gzip or BGZF), or '-' for stdin; several are read in turn into one output (json or ndjson)");
  addTableOption(addPgxOptions(addRoleOptions(usePageOptions(addCommonOptions(cmd))))).action((inputs: string[], raw: Record<string, unknown>) =>
    run(async () => {
      const opts = parseCommon(raw);
      const html = isHtml(opts);
      const type = reportType(opts);
      if (type === 'tsv') throw new UsageError('report writes json or ndjson, or html pages (use annotate or pgx for TSV)');
      outsideCallsOfOne(inputs, raw);
      if (html && inputs.length > 1) throw new UsageError(`html pages take one input (${inputs.length} given): write json or ndjson, or run once per input`);
      await eachInput(inputs, opts, type, raw as RoleOptions, (input, o, part) => callReport(input, o, raw, part));
    }),
  );
}

/** JSON by default and for HTML pages (their sink is the HTML one), else -O or the -o extension. */
function reportType(opts: CommonOptions): RowType {
  return isHtml(opts) || (opts.outputType === undefined && opts.output === undefined) ? 'json' : outputType(opts.outputType, opts.output);
}

/** One input's report run (a part of a multi-input run writes its own NDJSON: multi.ts). */
async function callReport(input: string | undefined, opts: CommonOptions, raw: Record<string, unknown>, part?: InputPart): Promise<RunMeta> {
  const html = isHtml(opts);
  const type = reportType(opts);
  const roleOpts = raw as RoleOptions;
  let domains: Domains | undefined;
  // HTML pages into a directory are written by the HTML sink itself (one temp file per page).
  const sessionOpts = html?.dir !== undefined ? { ...opts, output: undefined } : opts;
  const load = (kb: KbDir, tables: LocalTable[]): Matcher[] => {
    domains = loadOnce(part, 'domains', () => loadDomains(kb.dir));
    // Before the input is opened: a term vcfact does not know is a usage error.
    checkTumorType(domains.cancer, roleOpts);
    return matchersFor(domains, undefined, tables);
  };
  const s = await startSession('report', input, sessionOpts, load, part);
  const d = domains as Domains;
  const flags = pgxFlags(raw);
  const roles = resolveRoles(s.run.header, s.run.samples, roleOpts, part !== undefined);
  // PGx is germline (pgx/germline.ts); a somatic call set still gets its cancer findings.
  const plan = pgxSamples(s.run.header, s.run.samples, roles, flags, s.run.file);
  if (plan.notice !== undefined) say(opts, plan.notice);
  if (plan.refusal !== undefined) say(opts, `note: no PGx: ${plan.refusal}`);
  // Outcomes wait for their sample blocks: early calls would hold every sample's at once (run.ts).
  const pgx = new PgxRun(d.pgx, () => s.run.build() ?? 'GRCh38', s.run.samples, flags, s.warnings, s.run.file, false);
  const pages = html ? htmlOutput({ html, s, input, pgxKb: d.pgx, roles, flags, tumorType: roleOpts.tumorType }) : undefined;
  const sink = pages?.sink ?? createSink(type, s.out, [], s.meta);
  const summary = s.run.summary;
  await withOutput(s, sink, async () => {
    const report = await collectReport({
      records: s.records,
      header: s.run.header,
      build: () => s.run.build() ?? 'GRCh38',
      matchers: s.matchers,
      cancerKb: d.cancer,
      pgx,
      samples: s.run.samples,
      roles,
      pgxSamples: new Map(plan.samples.map((p) => [p.index, p])),
      pgxLeftOut: plan.leftOut || 'not called',
      ...(roleOpts.tumorType !== undefined ? { tumorType: roleOpts.tumorType } : {}),
      tables: s.tables.length > 0,
    });
    summary.matched += report.matched;
    await writeReports(report.reports(), s.out, sink, summary);
    await sink.finish(s.meta(), s.warnings.list(), { ...summary, ...s.notes() });
  }).finally(() => pages?.release());
  s.end(summary);
  return s.meta();
}

/**
 * Written sample by sample as built (memory does not grow with the cohort); a reader that went away
 * (`| head`) stops the calling.
 */
async function writeReports(reports: Iterable<SampleReport>, out: Output, sink: Sink, summary: Summary): Promise<void> {
  for (const r of reports) {
    if (out.closed) break;
    // A tumour's borrowed PGx (pgx_from) is counted once, under its normal.
    const ownPgx = r.pgx_from === undefined ? r.pgx.length : 0;
    const tableRows = r.tables?.length ?? 0;
    summary.results += r.cancer.length + ownPgx + tableRows;
    countProduced(summary, 'findings', r.cancer.length);
    // Table findings count under their table's name, as annotate counts its rows.
    for (const f of r.tables ?? []) countProduced(summary, f.table);
    countProduced(summary, 'pgx_results', ownPgx);
    await sink.write({ ...r });
  }
}
