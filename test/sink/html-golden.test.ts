// `report -O html` golden pages: each fixtures/report/golden/<case>/ holds cmd.json
//   {"args": [...], "out": "file" | "dir"}
// and expected/ with the pages the built CLI writes for it (-o <tmp>/page.html, or -o <tmp>/dir/),
// byte for byte. Regenerate after an intended change (read the diff: a golden page is a claim):
//   UPDATE_GOLDEN=1 npx vitest run test/sink/html-golden.test.ts
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';
import { externalRefs, goldenPages, type PageCase } from './html-pages.js';

const update = process.env.UPDATE_GOLDEN === '1';
const tmp = mkdtempSync(join(tmpdir(), 'vcfact-html-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the case's command; returns the written pages by file name. */
function render(c: PageCase, where: string): Map<string, string> {
  const target = c.out === 'dir' ? join(where, 'pages') + '/' : join(where, 'page.html');
  const r = vcfact([...c.args, '-q', '-O', 'html', '-o', target]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  if (c.out === 'file') return new Map([['page.html', readFileSync(target, 'utf8')]]);
  return new Map(readdirSync(target).sort().map((f) => [f, readFileSync(join(target, f), 'utf8')]));
}

describe('report -O html golden pages', () => {
  const cases = goldenPages();
  it('has the tumour/normal, escaping and demo cases', () => {
    expect(cases.map((c) => c.name)).toEqual(['demo', 'script-names', 'tn-dpyd']);
  });
  for (const c of cases) {
    it(c.name, () => {
      const where = join(tmp, c.name);
      mkdirSync(where);
      const pages = render(c, where);
      const expected = join(fixture('report', 'golden', c.name), 'expected');
      if (update) {
        rmSync(expected, { recursive: true, force: true });
        mkdirSync(expected);
        for (const [f, text] of pages) writeFileSync(join(expected, f), text);
      }
      expect([...pages.keys()]).toEqual(readdirSync(expected).sort());
      for (const [f, text] of pages) expect(text, f).toBe(readFileSync(join(expected, f), 'utf8'));
      // Nothing a page refers to leaves it: the index links to its sibling pages, nothing else links at all.
      for (const [f, text] of pages) {
        const refs = externalRefs(text).sort();
        expect(refs, f).toEqual(f === 'index.html' ? [...pages.keys()].filter((p) => p !== 'index.html') : []);
      }
    });
  }
});
