// Seeded fuzzing of the CLI with mutated records of the real fixtures (fixtures/vcf, cancer, pgx,
// demo): every record of every input is damaged (test/helpers/fuzz-mutate.ts), many records per
// process. Lenient runs read whole files of damaged records as warnings; --strict runs stop at the
// first; header runs damage the header; compressed runs damage gzip/BGZF bytes. Each run must end
// with exit 0, 2, 3 or 4, no stack trace, nothing left behind -o on failure (no temp file either),
// and a peak RSS under 1 GB. A failing input is kept only when VCFACT_FUZZ_KEEP names a folder.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vcfactAsync } from '../helpers/cli.js';
import { type FuzzRun, loadSources, plan, type PlanSizes, type RunKind } from '../helpers/fuzz-inputs.js';
import { rng } from '../helpers/fuzz-mutate.js';

const SEED = 20_260_904;
const SIZES: PlanSizes = {
  lenient: { runs: 100, records: 1000 },
  strict: { runs: 60, records: 20 },
  header: { runs: 20, records: 100 },
  compressed: { runs: 20, records: 500 },
};
const RSS_LIMIT = 1 << 30;
/** Child processes at a time (CI has 2 cores). */
const PARALLEL = 2;

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Outcome {
  run: FuzzRun;
  index: number;
  status: number | null;
  problems: string[];
  maxRss: number;
  cpuS: number;
}

/** One run in its own folder (input, and the -o target): what went wrong, if anything. */
async function execute(run: FuzzRun, index: number): Promise<Outcome> {
  const dir = join(scratch, `run-${index}`);
  const outDir = join(dir, 'out');
  mkdirSync(outDir, { recursive: true });
  const input = join(dir, run.file);
  writeFileSync(input, run.input);
  const outFile = join(outDir, `result.${run.args[run.args.indexOf('-O') + 1]}`);
  const r = await vcfactAsync([run.command, ...run.args, ...(run.withOutput ? ['-o', outFile] : []), input], { rss: true, timeoutMs: 60_000 });
  const problems: string[] = [];
  if (r.status === null || ![0, 2, 3, 4].includes(r.status)) problems.push(`exit ${r.status ?? r.signal}`);
  if (r.stderr.includes('internal error') || /^\s+at /m.test(r.stderr)) problems.push('stack trace on stderr');
  if (r.maxRss === undefined) problems.push('no RSS report (the process did not exit normally)');
  else if (r.maxRss >= RSS_LIMIT) problems.push(`peak RSS ${Math.round(r.maxRss / 2 ** 20)} MiB`);
  if (run.withOutput) {
    const left = readdirSync(outDir);
    if (r.status === 0 && left.join() !== 'result.' + outFile.split('.').pop()) problems.push(`after exit 0, -o folder holds [${left.join(', ')}]`);
    if (r.status !== 0 && left.length > 0) problems.push(`after exit ${r.status}, -o folder holds [${left.join(', ')}]`);
  }
  if (problems.length > 0 && process.env.VCFACT_FUZZ_KEEP) {
    mkdirSync(process.env.VCFACT_FUZZ_KEEP, { recursive: true });
    copyFileSync(input, join(process.env.VCFACT_FUZZ_KEEP, `run-${index}-${run.file}`));
    writeFileSync(join(process.env.VCFACT_FUZZ_KEEP, `run-${index}.txt`), `${run.command} ${run.args.join(' ')}\n${problems.join('\n')}\n${r.stderr}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return { run, index, status: r.status, problems, maxRss: r.maxRss ?? 0, cpuS: r.cpuS ?? 0 };
}

/** All runs of the plan, PARALLEL at a time, in plan order of results. */
async function fuzz(): Promise<Outcome[]> {
  const runs = plan(loadSources(), SIZES, rng(SEED));
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let it = runs.next(); !it.done; it = runs.next()) outcomes.push(await execute(it.value, next++));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return outcomes.sort((a, b) => a.index - b.index);
}

const total = (k: RunKind): number => SIZES[k].runs * SIZES[k].records;
const all = (Object.keys(SIZES) as RunKind[]).reduce((n, k) => n + total(k), 0);
const runCount = (Object.keys(SIZES) as RunKind[]).reduce((n, k) => n + SIZES[k].runs, 0);

describe('fuzzing the CLI with mutated fixture records', () => {
  it(
    `${all.toLocaleString('en')} mutated records in ${runCount} runs (${total('lenient').toLocaleString('en')} in ${SIZES.lenient.runs} lenient runs, ` +
      `${SIZES.strict.runs} --strict, ${SIZES.header.runs} with a damaged header, ${SIZES.compressed.runs} damaged gzip/BGZF; seed ${SEED}): ` +
      'exit 0/2/3/4 only, no stack trace, nothing left behind -o on failure, RSS < 1 GB',
    async () => {
      const started = Date.now();
      const outcomes = await fuzz();
      const histogram: Record<string, Record<string, number>> = {};
      for (const o of outcomes) {
        const h = (histogram[o.run.kind] ??= {});
        h[String(o.status)] = (h[String(o.status)] ?? 0) + 1;
      }
      const peak = Math.max(...outcomes.map((o) => o.maxRss));
      const records = outcomes.reduce((n, o) => n + o.run.records, 0);
      // CPU time of all the CLI processes: on an idle 2-core machine the pass takes about half of it.
      const cpu = outcomes.reduce((n, o) => n + o.cpuS, 0);
      process.stdout.write(
        `fuzz: ${records} mutated records, ${outcomes.length} runs, ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
          `CLI CPU ${cpu.toFixed(1)} s, peak RSS ${Math.round(peak / 2 ** 20)} MiB, exit codes by kind ${JSON.stringify(histogram)}\n`,
      );
      const failed = outcomes.filter((o) => o.problems.length > 0);
      expect(
        failed.map((o) => `run ${o.index} (${o.run.kind}, ${o.run.source}, ${o.run.command} ${o.run.args.join(' ')}): ${o.problems.join('; ')}`),
      ).toEqual([]);
      expect(records).toBe(all);
    },
    600_000,
  );
});
