// vcfact kb build --sources DIR -o OUT: a knowledge base from upstream releases (CIViC, PharmCAT,
// CPIC, …) laid out as ../shared/sources is, written atomically as a directory for --kb OUT.
import type { Command } from 'commander';
import { buildKb } from '../kb/build/build.js';
import { checkOutDir, writeKbDir } from '../kb/build/write-dir.js';
import { VERSION } from '../version.js';
import { run } from './run.js';

export function registerKbBuild(kb: Command): void {
  kb.command('build')
    .description('build a knowledge base from upstream releases (see "Refreshing the knowledge base" in README)')
    .requiredOption('--sources <dir>', 'folder of source releases, one folder per source (civic-*/, pharmcat-allele-definitions/, …)')
    .requiredOption('-o, --output <dir>', 'knowledge-base directory to write (then use it with --kb)')
    .option('--force', 'replace an existing non-empty output directory')
    .action((opts: { sources: string; output: string; force?: boolean }) =>
      run(async () => {
        const force = opts.force === true;
        // Refused before minutes of work, and checked again when writing.
        checkOutDir(opts.output, force);
        const started = process.hrtime.bigint();
        process.stderr.write(`vcfact: kb build: reading ${opts.sources}\n`);
        const kb = buildKb(opts.sources, VERSION);
        writeKbDir(opts.output, kb.files, force);
        const { tables, source_files: read = [] } = kb.manifest;
        for (const t of tables) process.stderr.write(`vcfact: kb build: ${t.name}\t${t.records} records\t${t.file}\n`);
        const records = tables.reduce((n, t) => n + t.records, 0);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stderr.write(`vcfact: kb build: ${tables.length} tables, ${records} records from ${read.length} source files → ${opts.output} (${seconds.toFixed(1)} s)\n`);
      }),
    );
}
