// Several inputs in one command (`vcfact pgx a.vcf.gz b.vcf.gz …`, annotate, report): each input is
// read in turn by the command's own one-input run, into an NDJSON part in a temp folder, and the parts
// are then put together by `merge`'s code (commands/merge.ts) into the one output: samples in input
// order, results in one run's order (annotate rows interleaved back into record order), counts added
// up, warnings combined. So the output is, by construction, what `vcfact merge` of the per-input
// outputs writes. Each input is read on its own (its records, its build vote, its header), as one run
// over it would: a sample of one input is not a no-call at the other inputs' records.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openShards } from '../commands/merge.js';
import { openOutput } from '../io/output.js';
import { inputStats } from '../io/output-target.js';
import type { RowType, RunMeta } from '../sink/types.js';
import type { Summary } from '../types.js';
import { VcfactError } from '../errors.js';
import { InputChecks, type InputPlan, planInputs } from './inputs.js';
import { writeShards } from './merge.js';
import type { CommonOptions } from './options.js';
import type { RoleOptions } from './roles.js';
import { type InputPart, say, sayEnd } from './session.js';
import { onInterrupt } from './signals.js';

/** One input's run of a command, writing where `opts` says; returns its meta (undefined: a VCF output). */
export type OneInput = (input: string | undefined, opts: CommonOptions, part?: InputPart) => Promise<RunMeta | undefined>;

/** Below this size an input inflates sooner on the main thread than inflate workers start (per input). */
const SMALL_INPUT = 8 << 20;

/** --threads as given; else none for a small file (a folder of single-sample VCFs), the default for others. */
function threadsFor(input: string, given: number | undefined): number | undefined {
  if (given !== undefined || input === '-') return given;
  const size = inputStats(input)?.size ?? Infinity;
  return size < SMALL_INPUT ? 0 : undefined;
}

/**
 * merge's refusals name the parts (two inputs without sample columns that share a record, merged as
 * regions): the user knows the inputs.
 */
function namingInputs(e: unknown, inputOf: ReadonlyMap<string, string>): unknown {
  if (!(e instanceof VcfactError)) return e;
  let message = e.message;
  for (const [part, input] of inputOf) message = message.split(part).join(input);
  const file = e.where.file === undefined ? undefined : (inputOf.get(e.where.file) ?? e.where.file);
  return new VcfactError(e.code, message, e.exitCode, { ...e.where, ...(file !== undefined ? { file } : {}) }, e);
}

/** The command over its inputs: one input as ever, several into one output of `type` (`pair`: --tumor/--normal). */
export async function eachInput(inputs: readonly string[], opts: CommonOptions, type: RowType, pair: RoleOptions, one: OneInput): Promise<void> {
  if (inputs.length <= 1) {
    await one(inputs[0], opts);
    return;
  }
  const checks = new InputChecks();
  const { plans, unread } = await planInputs(inputs, opts, pair, checks);
  for (const u of unread) say(opts, `note: ${u} is not read: -s selects none of its samples`);
  // Opened before the first input is read, so that an unwritable -o fails at once.
  const out = openOutput(opts.output, plans[0]?.input);
  const dir = mkdtempSync(join(tmpdir(), 'vcfact-inputs-'));
  const drop = (): void => rmSync(dir, { recursive: true, force: true });
  const release = onInterrupt(async () => {
    await out.abort();
    drop();
  });
  // `… | head` ends the process at once (main.ts), past the finally below.
  process.once('exit', drop);
  try {
    const parts: string[] = [];
    const loaded = new Map<string, unknown>();
    for (const [index, p] of plans.entries()) {
      const file = join(dir, `${index}.ndjson`);
      // The input's share of -s, as a file of names (a comma list would split a name with a comma).
      const samples = p.samples && join(dir, `${index}.samples`);
      if (samples !== undefined) writeFileSync(samples, `${(p.samples as string[]).join('\n')}\n`);
      const partOpts: CommonOptions = { ...opts, output: file, outputType: 'ndjson', samples, threads: threadsFor(p.input, opts.threads) };
      const meta = (await one(p.input, partOpts, { index, of: plans.length, loaded })) as RunMeta;
      // What only the data tells: the build decided from the records, stdin's samples.
      checks.build(meta.input, meta.genome.build, meta.genome.source);
      checks.samples(meta.input, meta.samples);
      parts.push(file);
    }
    const inputOf = new Map(parts.map((f, i) => [f, (plans[i] as InputPlan).input]));
    const { summary, warnings } = await openShards(parts)
      .then((opened) => writeShards(opened, type, out))
      .catch((e: unknown) => {
        throw namingInputs(e, inputOf);
      });
    // The matcher notes are in the summary of annotate and report (a pgx run has none to say).
    const notes = { access: summary.access === 'index' ? 'index' : 'stream', matchers: (summary.matchers ?? {}) as Record<string, Record<string, number>> } as const;
    sayEnd(opts, warnings, summary as unknown as Summary, notes);
  } catch (e) {
    await out.abort();
    throw e;
  } finally {
    release();
    process.removeListener('exit', drop);
    drop();
  }
}
