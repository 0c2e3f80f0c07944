// Every fixtures/bad case (hand-written in fixtures/bad/, generated in fixtures/bad/corpus/ by
// make-corpus.mjs) through the built CLI, as a user would meet it: the exit code, one message on
// stderr naming the file (and line), no stack trace, no terminal control characters, and no partial
// output. Half the cases write with -o over an existing file: on failure that file must be intact
// afterwards and no temp file left beside it; on success it is replaced. Case format:
// fixtures/bad/PROVENANCE.md. The runs are child processes, several at a time.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { type BadCase, inputName, loadCases, prepare, runCase } from '../helpers/bad-cases.js';

const cases = loadCases();
const scratch = mkdtempSync(join(tmpdir(), 'vcfact-bad-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The first line each command writes on success: a TSV header, or the start of JSON/NDJSON. */
const TSV_HEADER: Record<string, RegExp> = { annotate: /^sample\tchrom\tpos\tref\talt\t/, pgx: /^sample\tgene\t/ };

function firstLine(c: BadCase): RegExp {
  const args = c.expect.args ?? [];
  const type = args.includes('-O') ? args[args.indexOf('-O') + 1] : undefined;
  return (type === undefined || type === 'tsv' ? TSV_HEADER[commandOf(c)] : undefined) ?? /^\{/;
}
/** Control characters other than tab and newline: input text must reach the terminal escaped. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function commandOf(c: BadCase): string {
  return (c.expect.command ?? 'annotate').split(' ')[0] as string;
}

describe.concurrent('fixtures/bad through the CLI', () => {
  it('has at least 250 cases', ({ expect }) => {
    expect(cases.length).toBeGreaterThanOrEqual(250);
  });

  cases.forEach((c, i) => {
    const e = c.expect;
    const withOutput = i % 2 === 0 && !(e.args ?? []).includes('-o') && e.stdoutLast === undefined;
    it(`${c.name}: exit ${e.exit}, '${e.message}'${withOutput ? ' (-o over an existing file)' : ''}`, async ({ expect }) => {
      const outDir = mkdtempSync(join(scratch, `out-${c.name}-`));
      const out = join(outDir, commandOf(c) === 'report' ? 'result.json' : 'result.tsv');
      const sentinel = `sentinel for ${c.name}\n`;
      if (withOutput) writeFileSync(out, sentinel);

      const p = prepare(c, scratch, { strict: true, extra: withOutput ? ['-o', out] : [] });
      const r = await runCase(p);
      expect(r.stderr).toContain(e.message);
      expect(r.status).toBe(e.exit);
      // One message, not a stack trace; input text escaped.
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).not.toMatch(CONTROL);
      const names = e.names ?? (e.exit === 3 ? inputName(c) : undefined);
      if (names !== undefined) expect(r.stderr).toContain(names);
      if (e.line !== undefined) expect(r.stderr).toContain(`${names ?? ''}:${e.line}`);
      // The input named in args (-o {input}) is never written.
      if (p.inputCopy) expect(readFileSync(p.inputCopy.path).equals(p.inputCopy.bytes)).toBe(true);
      if (e.stdoutLast !== undefined) expect(r.stdout.trimEnd().split('\n').pop()?.slice(0, e.stdoutLast.length)).toBe(e.stdoutLast);
      if (withOutput) {
        // (On stdout, rows found before a late error stay written: the exit code is the signal there.)
        expect(readdirSync(outDir)).toEqual([out.slice(outDir.length + 1)]);
        expect(r.stdout).toBe('');
        if (e.exit === 0) expect(readFileSync(out, 'utf8')).toMatch(firstLine(c));
        else expect(readFileSync(out, 'utf8')).toBe(sentinel);
      }
      rmSync(outDir, { recursive: true, force: true });
    });

    if (e.args?.includes('--strict')) {
      it(`${c.name}: without --strict, a counted warning and exit 0`, async ({ expect }) => {
        const r = await runCase(prepare(c, scratch, { strict: false, extra: [] }));
        expect(r.status).toBe(0);
        expect(r.stderr).toContain(`warning: `);
        expect(r.stderr).toContain(e.message);
        if (e.lenient !== undefined) expect(r.stderr).toContain(e.lenient);
        expect(r.stderr).not.toContain('fatal under --strict');
        expect(r.stderr).not.toMatch(CONTROL);
        expect(r.stdout.split('\n')[0]).toMatch(firstLine(c));
      });
    }
  });
});

