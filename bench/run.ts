// npm run bench [-- --quick] [--runs N] [--budget S] [--timeout S] [--seed S] [--tools a,b] [--inputs wgs,cohort,small] [--no-install] [--bin FILE]
// Generates the benchmark inputs (cached in bench/out/), times vcfact against bgzip -dc,
// bcftools annotate and vcfanno on the same knowledge-base sites, prints a Markdown table and
// the issue 5 targets (P1–P4). A failing command is a row that says so; the run goes on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cohortCommand, cohortPaths, cohortReport, COHORT_SECTION, measureShards } from './cohort.js';
import { command, TOOL_LABEL } from './commands.js';
import { type BenchSites, prepareSites } from './kb-sites.js';
import { GNU_TIME, type Measurement, measure } from './measure.js';
import { hasCommand } from './proc.js';
import { readSites } from './sites.js';
import { snapshotBuild } from './snapshot.js';
import { checkTargets, type Check, type InputKey, type Row, type ToolKey } from './targets.js';
import { GENERATOR_VERSION } from './vcf-gen.js';
import { generateFile } from './write.js';
import { ensureBenchTable } from './table-gen.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface InputSpec {
  key: InputKey;
  label: string;
  records: number;
  samples: number;
}

const SIZES: Record<'full' | 'quick', InputSpec[]> = {
  full: [
    { key: 'wgs', label: '(1) 5,000,000 × 1', records: 5_000_000, samples: 1 },
    { key: 'cohort', label: '(2) 100,000 × 2,500', records: 100_000, samples: 2500 },
    { key: 'small', label: '50,000 × 1', records: 50_000, samples: 1 },
  ],
  quick: [
    { key: 'wgs', label: '(1q) 200,000 × 1', records: 200_000, samples: 1 },
    { key: 'cohort', label: '(2q) 5,000 × 500', records: 5_000, samples: 500 },
    { key: 'small', label: '50,000 × 1', records: 50_000, samples: 1 },
  ],
};

const ALL_TOOLS = Object.keys(TOOL_LABEL) as ToolKey[];
/** The 50,000-record file only serves P4 (memory against a small input). */
const SMALL_TOOLS: ToolKey[] = ['bgzip', 'annotate-stream', 'pgx-stream'];
/** Need the generated 100,000-row table (bench/table-gen.ts): run on the wgs input (T1). */
const TABLE_TOOLS: ToolKey[] = ['annotate-table', 'table-load'];
/** Run on the cohort only: report's cost is per sample (M1, memory with many samples); issue 12's tools. */
const COHORT_TOOLS: ToolKey[] = ['report-stream', 'annotate-ndjson', ...COHORT_SECTION];

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

/** Debian tools, installed only when missing; a failed install is reported and the run goes on. */
function ensureTools(): void {
  const r = spawnSync('bash', [join(ROOT, 'scripts', 'install-tools.sh'), '--bench'], { stdio: 'inherit' });
  if (r.status !== 0) log('scripts/install-tools.sh --bench failed; commands that need a missing tool will show as failed');
  if (!existsSync(GNU_TIME) && hasCommand('apt-get')) {
    const apt = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'time'];
    const argv = process.getuid?.() === 0 ? apt : ['sudo', ...apt];
    const t = spawnSync(argv[0]!, argv.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (t.status !== 0) log('could not install GNU time; peak RSS comes from polling /proc instead');
  }
}

async function ensureInput(spec: InputSpec, seed: number, sites: BenchSites, outDir: string): Promise<string> {
  const path = join(outDir, `${spec.key}-r${spec.records}-n${spec.samples}-s${seed}-g${GENERATOR_VERSION}-${basename(sites.dir)}.vcf.gz`);
  if (existsSync(path) && existsSync(`${path}.tbi`)) {
    log(`${spec.label}: cached ${basename(path)}`);
    return path;
  }
  log(`${spec.label}: generating ${basename(path)}…`);
  const t0 = performance.now();
  const stats = await generateFile(path, { seed, records: spec.records, samples: spec.samples, sites: readSites(sites.tsv).sites });
  log(`${spec.label}: ${stats.records} records (${stats.hits} KB sites injected), ${(stats.bytes / 1e6).toFixed(0)} MB plain, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return path;
}

function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

function table(rows: readonly Row[], labels: Map<InputKey, string>, runsAsked: number): string {
  const out = ['| tool | input | median wall s | ratio to bgzip -dc | peak RSS MB |', '| --- | --- | ---: | ---: | ---: |'];
  for (const r of rows) {
    const base = rows.find((b) => b.tool === 'bgzip' && b.input === r.input)?.m;
    const ratio = r.m.ok && base?.ok ? fmt(r.m.median / base.median, 2) : '–';
    const n = r.m.walls.length;
    const wall = r.m.ok ? `${fmt(r.m.median, 2)}${n === 1 && runsAsked > 1 ? ' (1 run)' : ''}` : `FAILED (${r.m.error?.replace(/\|/g, '/')})`;
    out.push(`| ${TOOL_LABEL[r.tool]} | ${labels.get(r.input)} | ${wall} | ${ratio} | ${r.m.ok ? fmt(r.m.rssMb, 0) : '–'} |`);
  }
  return out.join('\n');
}

function checks(list: readonly Check[]): string {
  return list.map((c) => `- ${c.status} ${c.id} ${c.what}: ${c.detail}`).join('\n');
}

function sameBytes(a: string, b: string): string {
  if (!existsSync(a) || !existsSync(b)) return 'n/a';
  return readFileSync(a).equals(readFileSync(b)) ? 'identical' : 'DIFFER';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      quick: { type: 'boolean' },
      runs: { type: 'string', default: '3' },
      budget: { type: 'string', default: '120' },
      timeout: { type: 'string', default: '1200' },
      seed: { type: 'string', default: '1' },
      tools: { type: 'string' },
      inputs: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'bench', 'out') },
      'no-install': { type: 'boolean' },
      bin: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const budgetS = Number(values.budget);
  const timeoutS = Number(values.timeout);
  if (!(budgetS >= 0) || !(timeoutS > 0)) throw new Error('--budget and --timeout take seconds');
  const seed = Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got '${values.runs}'`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got '${values.seed}'`);
  const asked = values.tools ? (values.tools.split(',') as ToolKey[]) : ALL_TOOLS;
  for (const t of asked) if (!ALL_TOOLS.includes(t)) throw new Error(`--tools: unknown '${t}' (one of ${ALL_TOOLS.join(', ')})`);
  // In the order of ALL_TOOLS: the cohort section's tools read what the one before wrote.
  const tools = ALL_TOOLS.filter((t) => asked.includes(t));
  const mode = values.quick ? 'quick' : 'full';
  const specs = SIZES[mode].filter((s) => !values.inputs || values.inputs.split(',').includes(s.key));
  const outDir = resolve(values.out);
  mkdirSync(join(outDir, 'results'), { recursive: true });

  if (!values['no-install']) ensureTools();
  // --bin: time that entry point as it is; otherwise a frozen copy of this checkout's build.
  const bin = values.bin ? resolve(values.bin) : snapshotBuild(ROOT, join(ROOT, 'bench', 'out'));
  const sites = prepareSites(ROOT, bin, outDir, seed);
  log(`KB sites: ${sites.count} from ${sites.origin}`);

  const userTable = ensureBenchTable(outDir, seed, readSites(sites.tsv).sites, basename(sites.dir));
  const rows: Row[] = [];
  const labels = new Map(specs.map((s) => [s.key, s.label]));
  const cohort = cohortPaths(join(outDir, 'results'), mode);
  for (const spec of specs) {
    const input = await ensureInput(spec, seed, sites, outDir);
    for (const tool of tools) {
      if (spec.key === 'small' && !SMALL_TOOLS.includes(tool)) continue;
      if (spec.key !== 'cohort' && COHORT_TOOLS.includes(tool)) continue;
      if (spec.key !== 'wgs' && TABLE_TOOLS.includes(tool)) continue;
      const resultPath = join(outDir, 'results', `${mode}-${spec.key}-${tool}.tsv`);
      log(`${spec.label}: ${TOOL_LABEL[tool]} ×${runs}…`);
      const opts = { runs, budgetS, timeoutS };
      let m: Measurement;
      if (tool === 'pgx-shards') m = await measureShards(bin, input, spec.samples, cohort, opts);
      else if (COHORT_SECTION.includes(tool)) m = await measure(...cohortCommand(tool, input, cohort, bin, ROOT), opts);
      else {
        const [cmd, args, stdout] = command(tool, input, sites, resultPath, bin, userTable);
        m = await measure(cmd, args, { ...opts, stdout });
      }
      log(`  ${m.ok ? `${m.median.toFixed(2)} s, ${m.rssMb.toFixed(0)} MB` : `FAILED ${m.error}`}`);
      rows.push({ tool, input: spec.key, m });
    }
  }

  const list = checkTargets(rows);
  const commit = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || 'unknown';
  const same = specs
    .filter((s) => s.key !== 'small')
    .flatMap((s) =>
      (['annotate', 'pgx'] as const).map(
        (c) => `- ${c} ${s.label}, streamed vs indexed output: ${sameBytes(join(outDir, 'results', `${mode}-${s.key}-${c}-stream.tsv`), join(outDir, 'results', `${mode}-${s.key}-${c}-index.tsv`))}`,
      ),
    );
  const report = [
    `## vcfact benchmark (${mode}${mode === 'quick' ? ': small inputs, targets indicative only' : ''})`,
    '',
    `Up to ${runs} run(s) each (fewer once a command has used ${budgetS} s), median wall time; peak RSS is the maximum over the runs. KB sites: ${sites.count} from ${sites.origin}. vcfact: ${values.bin ? bin : `build of commit ${commit} (working tree as built)`}. Machine: ${(await import('node:os')).cpus().length} cores, Node ${process.version}.`,
    '',
    table(rows, labels, runs),
    '',
    '### Targets (issue 5; M1: issue 9; V1: issue 10; T1: issue 11; C1–C4: issue 12)',
    '',
    checks(list),
    '',
    '### Streamed and indexed results',
    '',
    ...same,
    '',
    ...(specs.some((s) => s.key === 'cohort') ? ['### Cohort (issue 12)', '', ...(await cohortReport(rows, cohort, join(outDir, 'results', `${mode}-cohort-annotate-stream.tsv`))), ''] : []),
  ].join('\n');
  process.stdout.write(report);
  writeFileSync(join(outDir, `results-${mode}.md`), report);
  writeFileSync(join(outDir, `results-${mode}.json`), JSON.stringify({ mode, runs, seed, sites: { count: sites.count, origin: sites.origin }, rows, checks: list }, null, 2) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
