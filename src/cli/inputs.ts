// Several inputs in one command (multi.ts): before any of them is read, each file's header is read to
// check that the inputs can make one output — no sample in two inputs, one genome build, stdin at most
// once, no file twice, -o not one of them — and to hand each input its share of the -s selection.
// What only the data tells (a build decided from the records, the samples of stdin) is checked again
// after each input is read, still before any output is written.
import { realpathSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { openInput } from '../io/open.js';
import { inputStats, outputTarget, refuseInputOnStdout } from '../io/output-target.js';
import { detectBuild } from '../vcf/build.js';
import { parseHeader } from '../vcf/header.js';
import { readHeaderLines } from '../vcf/header-lines.js';
import { selectSamples } from '../vcf/samples.js';
import type { CommonOptions } from './options.js';
import type { RoleOptions } from './roles.js';

export interface InputPlan {
  input: string;
  /** This input's samples selected by -s; undefined: all of them. */
  samples?: string[];
}

const nameOf = (input: string): string => (input === '-' ? 'stdin' : input);

/** The checks across inputs, fed from the headers first and from each finished input after. */
export class InputChecks {
  private readonly owners = new Map<string, string>();
  private known: { file: string; build: string; source: string } | undefined;

  /** A sample name in two inputs is exit 2, naming the sample and both files. */
  samples(file: string, names: readonly string[]): void {
    for (const n of names) {
      const other = this.owners.get(n);
      if (other !== undefined && other !== file) throw new UsageError(`sample ${n} is in ${other} and in ${file}: the inputs of one run must not share a sample name`);
      this.owners.set(n, file);
    }
  }

  /** The input a sample name was seen in. */
  owner(name: string): string | undefined {
    return this.owners.get(name);
  }

  /** Inputs of different genome builds are exit 2, naming both. */
  build(file: string, build: string | null | undefined, source: string): void {
    if (build === undefined || build === null) return;
    if (this.known === undefined) this.known = { file, build, source };
    else if (this.known.build !== build) {
      throw new UsageError(`${this.known.file} is ${this.known.build} (${this.known.source}) but ${file} is ${build} (${source}): inputs of different genome builds cannot make one output`);
    }
  }
}

interface Scanned {
  input: string;
  samples: string[];
}

/** The header of a file input, read and let go (the run reads it again in its turn). */
async function scanHeader(input: string, opts: CommonOptions, checks: InputChecks): Promise<Scanned> {
  const src = await openInput(input, { threads: 0, maxLineBytes: opts.maxLineBytes });
  const pieces = src.chunks()[Symbol.asyncIterator]();
  try {
    const header = parseHeader((await readHeaderLines(pieces, input)).lines, input);
    const { build, source } = detectBuild(header, 'auto', input);
    checks.build(input, build, `header: ${source}`);
    return { input, samples: header.samples };
  } finally {
    await pieces.return?.();
  }
}

/** stdin at most once, no file twice, and -o (or stdout) none of the inputs. */
function checkNames(inputs: readonly string[], output: string | undefined): void {
  if (inputs.filter((i) => i === '-').length > 1) throw new UsageError("'-' (stdin) is given more than once: stdin can be read once");
  const seen = new Map<string, string>();
  for (const input of inputs) {
    if (input !== '-') {
      let real = input;
      try {
        real = realpathSync(input);
      } catch {
        // A missing file is reported when it is opened, with the same exit as for one input.
      }
      const other = seen.get(real);
      if (other !== undefined) throw new UsageError(`${input} is given twice (also as ${other})`);
      seen.set(real, input);
    }
    const st = inputStats(input);
    if (output === undefined || output === '-') refuseInputOnStdout(st);
    else outputTarget(output, st);
  }
}

/** Each input's share of -s: the selection is resolved against the samples of every input together. */
function shareSelection(scanned: readonly Scanned[], spec: string | undefined): InputPlan[] {
  if (spec === undefined) return scanned.map((s) => ({ input: s.input }));
  // A name found in no input is the error one input gives (`… is not in the VCF`).
  const chosen = new Set(selectSamples(scanned.flatMap((s) => s.samples), spec).names);
  return scanned.flatMap((s) => {
    const mine = s.samples.filter((n) => chosen.has(n));
    if (mine.length === 0) return [];
    return [mine.length === s.samples.length ? { input: s.input } : { input: s.input, samples: mine }];
  });
}

/** --tumor/--normal of several inputs: each named sample is in one input, a pair in the same one. */
function checkPair(owner: (name: string) => string | undefined, pair: RoleOptions, stdin: boolean): void {
  const where: Record<string, string | undefined> = {};
  for (const [flag, name] of [['--tumor', pair.tumor], ['--normal', pair.normal]] as const) {
    if (name === undefined) continue;
    where[flag] = owner(name);
    // stdin's samples are known only when it is read (resolveRoles then finds the name or not).
    if (where[flag] === undefined && !stdin) throw new UsageError(`${flag} ${name} is not among the (selected) samples of any input`);
  }
  const [t, n] = [where['--tumor'], where['--normal']];
  if (t !== undefined && n !== undefined && t !== n) {
    throw new UsageError(`--tumor ${String(pair.tumor)} is in ${t} and --normal ${String(pair.normal)} in ${n}: a tumour/normal pair must be in one input`);
  }
}

/**
 * Checks the inputs against each other and plans their reading, in input order. An input with none of
 * its samples selected by -s is left out (returned in `unread`).
 */
export async function planInputs(inputs: readonly string[], opts: CommonOptions, pair: RoleOptions, checks: InputChecks): Promise<{ plans: InputPlan[]; unread: string[] }> {
  checkNames(inputs, opts.output);
  if (opts.samples !== undefined && inputs.includes('-')) {
    throw new UsageError("-s with '-' among several inputs: stdin's samples are not known before it is read (give it as a file, or select with -s per run)");
  }
  const scanned: Scanned[] = [];
  for (const input of inputs) scanned.push(input === '-' ? { input, samples: [] } : await scanHeader(input, opts, checks));
  const plans = shareSelection(scanned, opts.samples);
  for (const p of plans) checks.samples(nameOf(p.input), p.samples ?? (scanned.find((s) => s.input === p.input) as Scanned).samples);
  checkPair((name) => checks.owner(name), pair, inputs.includes('-'));
  const read = new Set(plans.map((p) => p.input));
  return { plans, unread: inputs.filter((i) => !read.has(i)) };
}
