// What `merge` checks before writing anything: the shards are outputs of one command, one vcfact
// version and schema, one knowledge base, one genome build and one result shape, and they split one
// cohort either by samples or by regions, with the same options that change results (the meta's
// `options`, src/cli/result-options.ts); the result shape (--evidence, --by-drug) is compared too.
import { realpathSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { Result, RunMeta } from '../sink/types.js';
import type { OutputReader } from './merge-read.js';

/**
 * How the shards split the work:
 * - 'samples': one input, disjoint sample lists (`-s`): every shard read the same records;
 * - 'files': disjoint sample lists from different inputs (one VCF per sample): disjoint records;
 * - 'regions': the same sample list in each (`-r/-R`, or one VCF per chromosome): disjoint records.
 */
export type SplitKind = 'samples' | 'files' | 'regions';

export type Shape = 'pgx' | 'pgx-by-drug' | 'annotate' | 'annotate-evidence' | 'report';

export interface MergePlan {
  kind: SplitKind;
  shape: Shape;
  meta: RunMeta;
}

/**
 * The result shape a result shows, or undefined when it does not tell: annotate's PGx rows are alike
 * with and without --evidence, so its shape is read from a cancer row.
 */
export function shapeOf(command: string, row: Result | undefined): Shape | undefined {
  if (row === undefined) return undefined;
  if (command === 'pgx') return 'drug' in row ? 'pgx-by-drug' : 'pgx';
  if (command === 'annotate') return 'evidence_level' in row ? 'annotate-evidence' : 'evidence_items' in row ? 'annotate' : undefined;
  return 'report';
}

function sameEverywhere(shards: readonly OutputReader[], what: string, value: (m: RunMeta) => string): void {
  const first = shards[0] as OutputReader;
  for (const s of shards.slice(1)) {
    if (value(s.meta) !== value(first.meta)) {
      throw new UsageError(`the shards differ in ${what}: ${first.file} has ${value(first.meta)}, ${s.file} has ${value(s.meta)}`);
    }
  }
}

function checkKb(shards: readonly OutputReader[]): void {
  const first = shards[0] as OutputReader;
  const table = (m: RunMeta): Map<string, string> => new Map(m.kb.map((t) => [t.name, t.sha256]));
  const want = table(first.meta);
  for (const s of shards.slice(1)) {
    const got = table(s.meta);
    for (const name of new Set([...want.keys(), ...got.keys()])) {
      if (want.get(name) !== got.get(name)) {
        throw new UsageError(`the shards used different knowledge bases: table ${name} has sha256 ${want.get(name) ?? 'none'} in ${first.file} and ${got.get(name) ?? 'none'} in ${s.file}`);
      }
    }
  }
}

const shown = (v: string | number | boolean | undefined): string => (v === undefined ? 'not given' : v === true ? 'given' : JSON.stringify(v));

function checkOptions(shards: readonly OutputReader[]): void {
  const first = shards[0] as OutputReader;
  const want = first.meta.options ?? {};
  for (const s of shards.slice(1)) {
    const got = s.meta.options ?? {};
    for (const name of [...new Set([...Object.keys(want), ...Object.keys(got)])].sort()) {
      if (want[name] !== got[name]) {
        throw new UsageError(`the shards were written with different options: --${name} is ${shown(want[name])} in ${first.file} and ${shown(got[name])} in ${s.file}`);
      }
    }
  }
}

function splitKind(shards: readonly OutputReader[]): SplitKind {
  const first = shards[0] as OutputReader;
  // One shard is the whole run.
  if (shards.length === 1) return 'samples';
  const list = (s: OutputReader): string => JSON.stringify(s.meta.samples);
  if (shards.every((s) => list(s) === list(first))) return 'regions';
  const owner = new Map<string, string>();
  for (const s of shards) {
    for (const name of s.meta.samples) {
      const other = owner.get(name);
      if (other !== undefined) {
        throw new UsageError(`sample ${name} is in ${other} and in ${s.file}: shards must split by samples (no sample in two shards) or by regions (the same samples in each)`);
      }
      owner.set(name, s.file);
    }
  }
  return shards.every((s) => s.meta.input === first.meta.input) ? 'samples' : 'files';
}

function mergedMeta(shards: readonly OutputReader[], kind: SplitKind): RunMeta {
  const first = shards[0] as OutputReader;
  // A shard with no record of the knowledge base may have no build: the others' build stands.
  const built = shards.find((s) => s.meta.genome.build !== null) ?? first;
  const inputs = [...new Set(shards.map((s) => s.meta.input))];
  return {
    ...first.meta,
    input: inputs.join(','),
    genome: built.meta.genome,
    samples: kind === 'regions' ? first.meta.samples : shards.flatMap((s) => s.meta.samples),
  };
}

/** Checks the shards against each other (exit 2 naming what differs and where) and plans the merge. */
export function planMerge(shards: readonly OutputReader[], shapes: readonly (Shape | undefined)[]): MergePlan {
  const paths = new Map<string, string>();
  for (const s of shards) {
    const real = realpathSync(s.file);
    const seen = paths.get(real);
    if (seen !== undefined) throw new UsageError(`${s.file} is given twice (also as ${seen})`);
    paths.set(real, s.file);
  }
  sameEverywhere(shards, 'command', (m) => m.command);
  sameEverywhere(shards, 'schema_version', (m) => m.schema_version);
  sameEverywhere(shards, 'vcfact version', (m) => m.tool.version);
  const builds = shards.filter((s) => s.meta.genome.build !== null);
  if (builds.length > 0) sameEverywhere(builds, 'genome build', (m) => String(m.genome.build));
  checkKb(shards);
  checkOptions(shards);
  const command = (shards[0] as OutputReader).meta.command;
  if (!['pgx', 'annotate', 'report'].includes(command)) throw new UsageError(`merge takes outputs of pgx, annotate or report, not of ${command}`);
  let shape: Shape | undefined;
  let shapeFile = '';
  shards.forEach((s, i) => {
    const sh = shapes[i];
    if (sh === undefined) return;
    if (shape !== undefined && sh !== shape) throw new UsageError(`the shards were written with different options: ${shapeFile} has ${shape} results, ${s.file} has ${sh} results`);
    shape = sh;
    shapeFile = s.file;
  });
  const kind = splitKind(shards);
  const resolved = shape ?? (command === 'report' ? 'report' : command === 'pgx' ? 'pgx' : 'annotate');
  if (kind === 'regions' && (resolved === 'report' || resolved === 'pgx-by-drug')) {
    // Findings are ranked, and drug rows built, across the whole genome of a sample: a region shard
    // cannot know the others'.
    throw new UsageError(`${resolved === 'report' ? 'report' : 'pgx --by-drug'} outputs split by regions cannot be merged into one run's output (each sample's rows are built from all its regions); split by samples, or merge the regions' pgx/annotate outputs`);
  }
  return { kind, shape: resolved, meta: mergedMeta(shards, kind) };
}
