// Golden case folders (fixtures/golden/<case>/cmd.json) and how to run them; see golden.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixture, ROOT, vcfact } from '../helpers/cli.js';

export const TYPES = ['tsv', 'json', 'ndjson'] as const;
export type OutType = (typeof TYPES)[number];
export const goldenDir = fixture('golden');

interface Cmd {
  args: string[];
  input?: string;
  stdin?: boolean;
}

/** The case's command as run from the repo root, and the bytes to pipe in when stdin. */
export function caseCommand(name: string): { args: string[]; stdin?: Buffer } {
  const dir = join(goldenDir, name);
  const cmd = JSON.parse(readFileSync(join(dir, 'cmd.json'), 'utf8')) as Cmd;
  if (cmd.input === undefined) return { args: cmd.args };
  const local = join(dir, cmd.input);
  const path = existsSync(local) ? relative(ROOT, local) : cmd.input;
  if (cmd.stdin) return { args: [...cmd.args, '-'], stdin: readFileSync(join(ROOT, path)) };
  return { args: [...cmd.args, path] };
}

export function goldenCases(): string[] {
  return readdirSync(goldenDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(goldenDir, d.name, 'cmd.json')))
    .map((d) => d.name)
    .sort();
}

export function runCase(name: string, type: OutType): { status: number | null; stdout: string; stderr: string } {
  const { args, stdin } = caseCommand(name);
  return vcfact([...args, '-q', '-O', type], stdin ? { input: stdin } : {});
}

