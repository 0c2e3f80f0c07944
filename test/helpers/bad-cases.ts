// The fixtures/bad cases (hand-written ones in fixtures/bad/, generated ones in
// fixtures/bad/corpus/) and how to run one through the CLI. Case format: fixtures/bad/PROVENANCE.md.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fixture, ROOT, vcfactAsync, type CliResult } from './cli.js';

/** A change to one file of the copied knowledge base: replace (corpus file), remove, append, or edit JSON. */
export type KbChange = string | null | { append: string } | { edit: { path: (string | number)[]; value?: unknown } };

export interface Expect {
  exit: number;
  message: string;
  /** `vcfact <command>`: annotate (default), pgx or report. */
  command?: string;
  args?: string[];
  input?: string;
  stdin?: boolean;
  line?: number;
  names?: string;
  /** A copy of data/ with these changes, passed where args say `{kb}`. */
  kb?: Record<string, KbChange>;
  /** After the changes, the manifest's sha256 of every table is made to match (to reach the shape checks). */
  kbRehash?: boolean;
  /** Without --strict (cases with --strict): this must also be on stderr (e.g. '2 matched'). */
  lenient?: string;
  /** Run without -o: the last line on stdout must start with this (a failed NDJSON stream says so). */
  stdoutLast?: string;
  /** The index beside the input is made older than the input (a file rewritten after indexing). */
  staleIndex?: boolean;
}

export interface BadCase {
  name: string;
  /** The folder of the expectation; inputs and args are relative to it. */
  dir: string;
  expect: Expect;
}

const FOLDERS = [fixture('bad'), fixture('bad', 'corpus')];

export function loadCases(): BadCase[] {
  return FOLDERS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.expect.json'))
      .sort()
      .map((f) => ({ name: f.replace(/\.expect\.json$/, ''), dir, expect: JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expect })),
  );
}

/** The input path relative to the case folder: "input", else the file `<case>.<ext>` beside it. */
export function inputOf(c: BadCase): string {
  if (c.expect.input !== undefined) return c.expect.input;
  const own = readdirSync(c.dir).find((f) => f.startsWith(`${c.name}.`) && !f.endsWith('.expect.json') && !/\.(tbi|csi)$/.test(f));
  if (own === undefined) throw new Error(`${c.dir}/${c.name}: no input file and no "input" in the expectation`);
  return own;
}

function applyKbChange(kbDir: string, c: BadCase, file: string, change: KbChange): void {
  const target = join(kbDir, file);
  if (change === null) rmSync(target);
  else if (typeof change === 'string') cpSync(join(c.dir, change), target);
  else if ('append' in change) writeFileSync(target, readFileSync(target, 'utf8') + change.append);
  else {
    const doc = JSON.parse(readFileSync(target, 'utf8')) as Record<string | number, unknown>;
    const path = change.edit.path;
    let parent: Record<string | number, unknown> = doc;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if ('value' in change.edit) parent[last] = change.edit.value;
    else delete parent[last];
    writeFileSync(target, JSON.stringify(doc));
  }
}

/** Sets every table's sha256 in the manifest to the hash of the file now there. */
function rehash(kbDir: string): void {
  const path = join(kbDir, 'MANIFEST.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { tables: { file: string; sha256: string }[] };
  for (const t of manifest.tables) t.sha256 = createHash('sha256').update(readFileSync(join(kbDir, t.file))).digest('hex');
  writeFileSync(path, JSON.stringify(manifest));
}

export interface Prepared {
  args: string[];
  cwd: string;
  stdin?: Buffer;
  /** A private copy of the input (for cases that name it in args or have an index beside it). */
  inputCopy?: { path: string; bytes: Buffer };
}

/**
 * The command line of a case, its files made in `scratch`: {empty-dir}, {kb} and {input} tokens,
 * a private copy of an input with an index (mtimes set: index newer, or older with staleIndex).
 */
export function prepare(c: BadCase, scratch: string, opts: { strict: boolean; extra: string[] }): Prepared {
  const e = c.expect;
  const input = inputOf(c);
  const indexes = ['tbi', 'csi'].map((x) => join(c.dir, `${input}.${x}`)).filter((p) => existsSync(p));
  const needsCopy = indexes.length > 0 || (e.args ?? []).includes('{input}');
  let inputArg = input;
  let inputCopy: Prepared['inputCopy'];
  if (needsCopy && !e.stdin) {
    const dir = mkdtempSync(join(scratch, 'input-'));
    inputArg = join(dir, basename(input));
    cpSync(join(c.dir, input), inputArg);
    inputCopy = { path: inputArg, bytes: readFileSync(inputArg) };
    const t = statSync(inputArg).mtimeMs / 1000;
    for (const idx of indexes) {
      const copy = join(dir, basename(idx));
      cpSync(idx, copy);
      utimesSync(copy, t, e.staleIndex ? t - 3600 : t + 60);
    }
  }
  const args = (e.args ?? [])
    .filter((a) => opts.strict || a !== '--strict')
    .map((a) => {
      if (a === '{empty-dir}') return mkdtempSync(join(scratch, 'empty-'));
      if (a === '{input}') return inputArg;
      if (a !== '{kb}') return a;
      const kbDir = mkdtempSync(join(scratch, 'kb-'));
      cpSync(join(ROOT, 'data'), kbDir, { recursive: true });
      for (const [file, change] of Object.entries(e.kb ?? {})) applyKbChange(kbDir, c, file, change);
      if (e.kbRehash) rehash(kbDir);
      return kbDir;
    });
  const command = (e.command ?? 'annotate').split(' ');
  return {
    // Extra options first: a case's own last option may take the input as its value (--min-dp FILE).
    args: [...command, ...opts.extra, ...args, e.stdin ? '-' : inputArg],
    cwd: c.dir,
    ...(e.stdin ? { stdin: readFileSync(join(c.dir, input)) } : {}),
    ...(inputCopy ? { inputCopy } : {}),
  };
}

export function runCase(p: Prepared): Promise<CliResult> {
  return vcfactAsync(p.args, { cwd: p.cwd, timeoutMs: 50_000, ...(p.stdin ? { input: p.stdin } : {}) });
}

/** What names the input in messages: the file name, or 'stdin'. */
export function inputName(c: BadCase): string {
  return c.expect.stdin ? 'stdin' : basename(inputOf(c));
}
