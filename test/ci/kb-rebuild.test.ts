// CI: rebuild data/ from ../shared/sources with `vcfact kb build` and require the same bytes as the
// committed data/ (MANIFEST.json included: it records the vcfact version and every source's sha256).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, vcfactAsync } from '../helpers/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('knowledge base rebuild', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'vcfact-kb-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('vcfact kb build reproduces data/ byte for byte from ../shared/sources', async () => {
    const out = join(tmp, 'kb');
    const r = await vcfactAsync(['kb', 'build', '--sources', join(ROOT, '..', 'shared', 'sources'), '-o', out], { timeoutMs: 300_000 });
    expect(r.stderr).toMatch(/kb build: 8 tables, \d+ records from \d+ source files/);
    expect(r.status).toBe(0);
    const committed = files(join(ROOT, 'data')).map((f) => relative(join(ROOT, 'data'), f)).sort();
    const rebuilt = files(out).map((f) => relative(out, f)).sort();
    expect(rebuilt).toEqual(committed);
    for (const f of committed) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'data', f))), `data/${f} differs from a rebuild`).toBe(true);
    }
    // Nothing left beside the output (the temp build folder was renamed into place).
    expect(readdirSync(tmp)).toEqual(['kb']);
  }, 300_000);
});
