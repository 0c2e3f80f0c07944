// vcfact annotate: every knowledge-base match, one row per sample × variant × match.
import type { Command } from 'commander';
import { ANNOTATE_COLUMNS, annotate, EVIDENCE_COLUMNS } from '../commands/annotate.js';
import { cancerRowPolicy } from '../cancer/rows.js';
import { type Domains, loadDomains, matchersFor } from '../match/registry.js';
import { annotateOutputType, createSink } from '../sink/create.js';
import { annotateToVcf } from './annotate-vcf.js';
import { withFieldsText } from '../tables/fields.js';
import type { Row } from '../types.js';
import { addCommonOptions, addTableOption, parseCommon } from './options.js';
import { addRoleOptions, checkTumorType, type RoleOptions, resolveRoles } from './roles.js';
import { run } from './run.js';
import { startSession, withOutput } from './session.js';

export function registerAnnotate(program: Command): void {
  const cmd = program
    .command('annotate')
    .description('every knowledge-base match (PGx sites and alleles, cancer biomarkers): one row per sample × variant × feature, its evidence summarised')
    .argument('[input]', "VCF (plain, gzip or BGZF), or '-' for stdin");
  cmd.option('--evidence', 'one row per evidence item (the long form) instead of one per feature');
  addTableOption(addRoleOptions(addCommonOptions(cmd))).action((input: string | undefined, raw: Record<string, unknown>) =>
    run(async () => {
      const opts = parseCommon(raw);
      const roleOpts = raw as RoleOptions;
      const type = annotateOutputType(opts.outputType, opts.output);
      if (type === 'vcf' || type === 'vcf.gz') return annotateToVcf(input, opts, raw.evidence === true);
      let domains: Domains | undefined;
      const s = await startSession('annotate', input, opts, (kb, tables) => {
        domains = loadDomains(kb.dir);
        // Before the input is opened: a term vcfact does not know is a usage error.
        checkTumorType(domains.cancer, roleOpts);
        return matchersFor(domains, undefined, tables);
      });
      const roles = resolveRoles(s.run.header, s.run.samples, roleOpts);
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
    }),
  );
}
