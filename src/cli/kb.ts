// vcfact kb list | regions | validate: what the bundled knowledge base holds.
import type { Command } from 'commander';
import { describeAt, KbError, UsageError } from '../errors.js';
import { openKb, readManifest, verifyKb } from '../kb/load.js';
import { mergeIntervals } from '../vcf/intervals.js';
import { openOutput } from '../io/output.js';
import { loadMatchers } from '../match/registry.js';
import { BUILDS, type Build } from '../types.js';
import { loadCancerKb } from '../cancer/kb.js';
import { showCancerGene } from '../cancer/show.js';
import { loadPgxKb } from '../pgx/kb.js';
import { showPgxGene } from '../pgx/show.js';
import { registerKbBuild } from './kb-build.js';
import { collect, showTables, tableListLines, tablesFor, validateTables } from './kb-table.js';
import { loadTables } from '../tables/load.js';
import { run } from './run.js';
import { onInterrupt } from './signals.js';

export function parseBuild(value: string, allowAuto: true): Build | 'auto';
export function parseBuild(value: string, allowAuto: false): Build;
export function parseBuild(value: string, allowAuto: boolean): Build | 'auto' {
  const v = value.toLowerCase();
  if (allowAuto && v === 'auto') return 'auto';
  if (v === 'grch38' || v === 'hg38') return 'GRCh38';
  if (v === 'grch37' || v === 'hg19' || v === 'b37') return 'GRCh37';
  throw new UsageError(`-g/--genome must be ${allowAuto ? 'auto, ' : ''}${BUILDS.join(' or ')}, not '${value}'`);
}

export function registerKb(program: Command): void {
  const kb = program.command('kb').description('inspect the bundled knowledge base');

  kb.command('list')
    .description('tables, versions, licences and record counts')
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled data/)')
    .option('--table <file>', 'a user table to include (repeatable)', collect, [])
    .action((opts: { kb?: string; table: string[] }) =>
      run(async () => {
        const k = openKb(opts.kb);
        const tables = loadTables(opts.table);
        const out = openOutput(undefined);
        await out.write('table\tdomain\trecords\tbuilds\tsource\tversion\tlicence\tsha256\n');
        for (const t of k.manifest.tables) {
          const src = t.sources.map((s) => s.name).join(';');
          const ver = t.sources.map((s) => s.version).join(';');
          const lic = [...new Set(t.sources.map((s) => s.licence))].join(';');
          await out.write(`${t.name}\t${t.domain}\t${t.records}\t${t.builds.join(',')}\t${src}\t${ver}\t${lic}\t${(k.sha256.get(t.file) ?? '').slice(0, 12)}\n`);
        }
        for (const line of tableListLines(tables)) await out.write(`${line}\n`);
        await out.close();
      }),
    );

  kb.command('regions')
    .description('a BED (0-based, half-open) of every knowledge-base site and range, for bcftools view -R or tabix')
    .requiredOption('-g, --genome <build>', 'GRCh38 or GRCh37')
    .option('--chr', 'name contigs chr1… (default: as the GRC names them, 1…)')
    .option('--kb <dir>', 'knowledge-base directory')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--table <file>', 'a user table to include (repeatable)', collect, [])
    .action((opts: { genome: string; chr?: boolean; kb?: string; output?: string; table: string[] }) =>
      run(async () => {
        const build = parseBuild(opts.genome, false);
        const k = openKb(opts.kb);
        const intervals = mergeIntervals(loadMatchers(k.dir, undefined, tablesFor(opts.table, build)).flatMap((m) => m.intervals(build)));
        const out = openOutput(opts.output);
        const release = onInterrupt(() => out.abort());
        try {
          for (const iv of intervals) {
            const name = opts.chr ? (iv.contig === 'MT' ? 'chrM' : `chr${iv.contig}`) : iv.contig;
            await out.write(`${name}\t${iv.start - 1}\t${iv.end}\n`);
          }
          await out.close();
        } finally {
          release();
        }
      }),
    );

  kb.command('show')
    .description('one gene in full: PGx definition positions in both builds (with reference-allele notes) and named alleles; CIViC biomarkers and their coordinates')
    .argument('<gene>', 'gene symbol, e.g. CYP3A5 or BRAF; with --table also a table name or a row label')
    .option('--kb <dir>', 'knowledge-base directory')
    .option('--table <file>', 'a user table to include (repeatable)', collect, [])
    .action((gene: string, opts: { kb?: string; table: string[] }) =>
      run(async () => {
        const k = openKb(opts.kb);
        const parts = [showPgxGene(loadPgxKb(k.dir), gene), showCancerGene(loadCancerKb(k.dir), gene), showTables(opts.table, gene)].filter((p) => p !== undefined);
        const where = opts.table.length > 0 ? ` nor a table, gene or label of ${opts.table.join(', ')}` : '';
        if (parts.length === 0) throw new UsageError(`'${gene}' is neither a PGx gene nor a gene with CIViC biomarkers in ${k.dir}${where}`);
        const out = openOutput(undefined);
        await out.write(`${parts.map((p) => p.join('\n')).join('\n\n')}\n`);
        await out.close();
      }),
    );

  kb.command('validate')
    .description('check every table file against the manifest checksums and the shape vcfact reads; with --table, check user tables instead (a summary per table)')
    .option('--kb <dir>', 'knowledge-base directory')
    .option('--table <file>', 'a user table to include (repeatable)', collect, [])
    .action((opts: { kb?: string; table: string[] }) =>
      run(async () => {
        if (opts.table.length > 0) return validateTables(opts.table);
        // Every table is checked and every problem listed, not only the first (as a run would stop).
        const k = readManifest(opts.kb);
        const bad = verifyKb(k).filter((r) => !r.ok);
        for (const r of bad) process.stderr.write(`vcfact: ${describeAt(r.problem ?? '', { file: r.table.name })}\n`);
        if (bad.length) throw new KbError(`${bad.length} table(s) do not match the manifest`, { file: k.dir });
        process.stderr.write(`vcfact: ${k.manifest.tables.length} tables match the manifest\n`);
      }),
    );
  registerKbBuild(kb);
}
