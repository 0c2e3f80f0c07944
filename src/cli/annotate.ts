// vcfact annotate: every knowledge-base match, one row per sample × variant × match.
import type { Command } from 'commander';
import { ANNOTATE_COLUMNS, annotate } from '../commands/annotate.js';
import { cancerRowPolicy } from '../cancer/rows.js';
import { type Domains, loadDomains, matchersFor } from '../match/registry.js';
import { createSink, outputType } from '../sink/create.js';
import { addCommonOptions, parseCommon } from './options.js';
import { addRoleOptions, checkTumorType, type RoleOptions, resolveRoles } from './roles.js';
import { run } from './run.js';
import { startSession, withOutput } from './session.js';

export function registerAnnotate(program: Command): void {
  const cmd = program
    .command('annotate')
    .description('every knowledge-base match (PGx sites and alleles, cancer biomarkers): one row per sample × variant × match')
    .argument('[input]', "VCF (plain, gzip or BGZF), or '-' for stdin");
  addRoleOptions(addCommonOptions(cmd)).action((input: string | undefined, raw: Record<string, unknown>) =>
    run(async () => {
      const opts = parseCommon(raw);
      const roleOpts = raw as RoleOptions;
      const type = outputType(opts.outputType, opts.output);
      let domains: Domains | undefined;
      const s = await startSession('annotate', input, opts, (kb) => {
        domains = loadDomains(kb.dir);
        // Before the input is opened: a term vcfact does not know is a usage error.
        checkTumorType(domains.cancer, roleOpts);
        return matchersFor(domains);
      });
      const roles = resolveRoles(s.run.header, s.run.samples, roleOpts);
      const policy = cancerRowPolicy((domains as Domains).cancer, roles, roleOpts.tumorType);
      const sink = createSink(type, s.out, ANNOTATE_COLUMNS, s.meta);
      const summary = s.run.summary;
      await withOutput(s, sink, async () => {
        await annotate(s.records, s.run.header, () => s.run.build() ?? 'GRCh38', s.matchers, s.run.samples, (row) => sink.write(row), summary, policy);
        await sink.finish(s.meta(), s.warnings.list(), { ...summary, ...s.notes() });
      });
      s.end(summary);
    }),
  );
}
