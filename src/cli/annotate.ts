// vcfact annotate: every knowledge-base match, one row per sample × variant × match.
import type { Command } from 'commander';
import { ANNOTATE_COLUMNS, annotate, EVIDENCE_COLUMNS } from '../commands/annotate.js';
import { cancerRowPolicy } from '../cancer/rows.js';
import { type Domains, loadDomains, matchersFor } from '../match/registry.js';
import { annotateOutputType, createSink } from '../sink/create.js';
import { annotateToVcf } from './annotate-vcf.js';
import { withFieldsText } from '../tables/fields.js';
import { UsageError } from '../errors.js';
import type { KbDir } from '../kb/load.js';
import type { RowType, RunMeta } from '../sink/types.js';
import type { LocalTable } from '../tables/types.js';
import type { Matcher, Row } from '../types.js';
import { eachInput } from './multi.js';
import { addCommonOptions, addTableOption, type CommonOptions, parseCommon } from './options.js';
import { addRoleOptions, checkTumorType, type RoleOptions, resolveRoles } from './roles.js';
import { run } from './run.js';
import { type InputPart, loadOnce, startSession, withOutput } from './session.js';

export function registerAnnotate(program: Command): void {
  const cmd = program
    .command('annotate')
    .description('every knowledge-base match (PGx sites and alleles, cancer biomarkers): one row per sample × variant × feature, its evidence summarised')
    .argument('[input...]', "VCF (plain, gzip or BGZF), or '-' for stdin; several are read in turn into one output (not a VCF output)");
  cmd.option('--evidence', 'one row per evidence item (the long form) instead of one per feature');
  addTableOption(addRoleOptions(addCommonOptions(cmd))).action((inputs: string[], raw: Record<string, unknown>) =>
    run(async () => {
      const opts = parseCommon(raw);
      const type = annotateOutputType(opts.outputType, opts.output);
      if (type === 'vcf' || type === 'vcf.gz') {
        // Inputs with different sample columns are not one VCF.
        if (inputs.length > 1) throw new UsageError(`a ${type} output takes one input (${inputs.length} given): write tsv, json or ndjson, or run once per input`);
        return annotateToVcf(inputs[0], opts, raw.evidence === true);
      }
      await eachInput(inputs, opts, type, raw as RoleOptions, (input, o, part) => callAnnotate(input, o, raw, part));
    }),
  );
}

/** One input's annotate run (a part of a multi-input run writes its own NDJSON: multi.ts). */
async function callAnnotate(input: string | undefined, opts: CommonOptions, raw: Record<string, unknown>, part?: InputPart): Promise<RunMeta> {
  const roleOpts = raw as RoleOptions;
  const type = annotateOutputType(opts.outputType, opts.output) as RowType;
  let domains: Domains | undefined;
  const load = (kb: KbDir, tables: LocalTable[]): Matcher[] => {
    domains = loadOnce(part, 'domains', () => loadDomains(kb.dir));
    // Before the input is opened: a term vcfact does not know is a usage error.
    checkTumorType(domains.cancer, roleOpts);
    return matchersFor(domains, undefined, tables);
  };
  const s = await startSession('annotate', input, opts, load, part);
  const roles = resolveRoles(s.run.header, s.run.samples, roleOpts, part !== undefined);
  const mode = raw.evidence === true ? 'evidence' : 'features';
  const policy = cancerRowPolicy((domains as Domains).cancer, roles, { mode, nest: type !== 'tsv', ...(roleOpts.tumorType !== undefined ? { tumorType: roleOpts.tumorType } : {}) });
  const sink = createSink(type, s.out, mode === 'evidence' ? EVIDENCE_COLUMNS : ANNOTATE_COLUMNS, s.meta);
  const summary = s.run.summary;
  await withOutput(s, sink, async () => {
    const inputs = { records: s.records, header: s.run.header, build: () => s.run.build() ?? 'GRCh38', matchers: s.matchers, samples: s.run.samples, policy, mode } as const;
    // TSV: a user table's other columns in one `fields` cell (src/tables/fields.ts).
    const prep = type === 'tsv' ? withFieldsText : (row: Row): Row => row;
    await annotate(inputs, { row: (row) => sink.write(prep(row)), block: (b) => sink.writeBlock({ ...b, templates: b.templates.map(prep) }) }, summary);
    await sink.finish(s.meta(), s.warnings.list(), { ...summary, ...s.notes() });
  });
  s.end(summary);
  return s.meta();
}
