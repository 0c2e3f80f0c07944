// Every fixtures/bad case through the built CLI, as a user would meet it: the exit code, one message on
// stderr naming the file (and line), no stack trace, and no partial output. Half the cases write with
// -o over an existing file: that file must be intact afterwards and no temp file left beside it.
// Case format: fixtures/bad/PROVENANCE.md.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

interface Expect {
  exit: number;
  message: string;
  args?: string[];
  input?: string;
  stdin?: boolean;
  line?: number;
  names?: string;
}

const dir = fixture('bad');
const files = readdirSync(dir);
const cases = files.filter((f) => f.endsWith('.expect.json')).map((f) => f.replace(/\.expect\.json$/, '')).sort();
const scratch = mkdtempSync(join(tmpdir(), 'vcfact-bad-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function inputOf(name: string, e: Expect): string {
  if (e.input !== undefined) return e.input;
  const own = files.find((f) => f.startsWith(`${name}.`) && !f.endsWith('.expect.json'));
  if (own === undefined) throw new Error(`fixtures/bad/${name}: no input file and no "input" in the expectation`);
  return own;
}

function argsOf(e: Expect, strict: boolean): string[] {
  return (e.args ?? [])
    .filter((a) => strict || a !== '--strict')
    .map((a) => (a === '{empty-dir}' ? mkdtempSync(join(scratch, 'empty-')) : a));
}

function run(name: string, e: Expect, extra: string[], strict = true) {
  const input = inputOf(name, e);
  const args = ['annotate', ...argsOf(e, strict), ...extra, e.stdin ? '-' : input];
  return vcfact(args, { cwd: dir, ...(e.stdin ? { input: readFileSync(join(dir, input)) } : {}) });
}

describe('fixtures/bad through the CLI', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  cases.forEach((name, i) => {
    const e = JSON.parse(readFileSync(join(dir, `${name}.expect.json`), 'utf8')) as Expect;
    const withOutput = i % 2 === 0;
    it(`${name}: exit ${e.exit}, '${e.message}'${withOutput ? ' (-o over an existing file)' : ''}`, () => {
      const outDir = join(scratch, `out-${name}`);
      mkdirSync(outDir);
      const out = join(outDir, 'result.tsv');
      const sentinel = `sentinel for ${name}\n`;
      if (withOutput) writeFileSync(out, sentinel);

      const r = run(name, e, withOutput ? ['-o', out] : []);
      expect(r.stderr).toContain(e.message);
      expect(r.status).toBe(e.exit);
      // One message, not a stack trace.
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).not.toContain('internal error');
      const names = e.names ?? (e.exit === 3 ? (e.stdin ? 'stdin' : basename(inputOf(name, e))) : undefined);
      if (names !== undefined) expect(r.stderr).toContain(names);
      if (e.line !== undefined) expect(r.stderr).toContain(`${names ?? ''}:${e.line}`);
      // (On stdout, rows found before a late error stay written: the exit code is the signal there.)
      if (withOutput) {
        expect(readFileSync(out, 'utf8')).toBe(sentinel);
        expect(readdirSync(outDir)).toEqual(['result.tsv']);
        expect(r.stdout).toBe('');
      }
    });

    if (e.args?.includes('--strict')) {
      it(`${name}: without --strict, a counted warning and exit 0`, () => {
        const r = run(name, e, [], false);
        expect(r.status).toBe(0);
        expect(r.stderr).toContain(`warning: `);
        expect(r.stderr).toContain(e.message);
        expect(r.stderr).not.toContain('fatal under --strict');
        expect(r.stdout.split('\n')[0]).toMatch(/^sample\tchrom\tpos\tref\talt\t/);
      });
    }
  });
});
