// The commander program: thin; each command lives in its own file.
import { Command, CommanderError } from 'commander';
import { EXIT } from '../errors.js';
import { terminalSafe } from '../text.js';
import { readManifest } from '../kb/load.js';
import { VERSION } from '../version.js';
import { registerAnnotate } from './annotate.js';
import { registerKb } from './kb.js';
import { registerMerge } from './merge.js';
import { registerSummary } from './summary.js';
import { registerPgx } from './pgx.js';
import { registerReport } from './report.js';

function versionText(): string {
  try {
    // Versions only: the tables are verified by the commands that read them.
    const kb = readManifest();
    // One line per source and version: two tables may cite one source at different versions.
    const lines = new Set<string>();
    for (const t of kb.manifest.tables) for (const s of t.sources) lines.add(`  ${s.name} ${s.version}`);
    return [`vcfact ${VERSION}`, ...[...lines].sort()].join('\n');
  } catch {
    return `vcfact ${VERSION} (knowledge base not found)`;
  }
}

export function buildProgram(): Command {
  const program = new Command('vcfact')
    .description('Actionable pharmacogenomic and cancer findings from a VCF, offline and streaming.')
    .version(versionText(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    // Commander quotes the command line back (an unknown option, a bad value): escape what it quotes.
    .configureOutput({ writeErr: (s) => process.stderr.write(s.split('\n').map((l) => terminalSafe(l, 1000)).join('\n')) });
  registerAnnotate(program);
  registerPgx(program);
  registerReport(program);
  registerKb(program);
  registerMerge(program);
  registerSummary(program);
  program.addHelpText(
    'after',
    `
Examples:
  vcfact annotate tumour.vcf.gz -o findings.tsv
  vcfact annotate cohort.vcf.gz -O ndjson | jq 'select(.type=="result" and .kb=="cancer")'
  vcfact pgx sample.vcf.gz --outside-calls cyp2d6.tsv -O json -o pgx.json
  vcfact kb regions -g GRCh38 > kb.bed && bcftools view -R kb.bed in.vcf.gz | vcfact annotate -

Exit codes: 0 ok, 1 internal error, 2 usage, 3 bad input, 4 knowledge-base or user-table error.`,
  );
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `vcfact … | head`: the reader closed the pipe; stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    throw e;
  }
}
