// The golden HTML cases (fixtures/report/golden/<case>/cmd.json) and the checks every page must pass;
// shared by the golden test and the browser test under test/ci/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../helpers/cli.js';

export interface PageCase {
  name: string;
  args: string[];
  out: 'file' | 'dir';
}

export function goldenPages(): PageCase[] {
  const dir = fixture('report', 'golden');
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, ...(JSON.parse(readFileSync(join(dir, name, 'cmd.json'), 'utf8')) as Omit<PageCase, 'name'>) }));
}

/** The pages of a case's expected/ folder, by file name. */
export function expectedPages(name: string): Map<string, string> {
  const dir = join(fixture('report', 'golden', name), 'expected');
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/**
 * Every src/href/xlink:href/action/srcset… attribute value of a tag, and every url() in a tag or a
 * style sheet, that is neither a fragment (#…) nor a data: URL, in order. Text is not looked at
 * (escaped text has no '<', so it cannot hold a tag). A self-contained page has none.
 */
export function externalRefs(page: string): string[] {
  const out: string[] = [];
  const outside = (v: string): boolean => !v.startsWith('#') && !v.startsWith('data:');
  const tags = [...page.matchAll(/<[A-Za-z][^>]*>/g)].map((m) => m[0]);
  for (const tag of tags) {
    for (const m of tag.matchAll(/\s(?:src|href|xlink:href|action|srcset|poster|formaction|background)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)) {
      const v = (m[1] as string).replace(/^["']|["']$/g, '');
      if (outside(v)) out.push(v);
    }
  }
  const styles = [...page.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] as string);
  for (const text of [...tags, ...styles]) {
    for (const m of text.matchAll(/url\(\s*([^)]*)\)|@import/gi)) {
      const v = m[0] === '@import' ? '@import' : (m[1] as string).replace(/^["']|["']$/g, '');
      if (outside(v)) out.push(v === '@import' ? v : `url(${v})`);
    }
  }
  return out;
}
