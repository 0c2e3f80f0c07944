// CI: rebuild data/ from ../shared/sources and require the same bytes as the committed data/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('knowledge base rebuild', () => {
  const out = mkdtempSync(join(tmpdir(), 'vcfact-kb-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('scripts/build-kb.ts reproduces data/ byte for byte from ../shared/sources', () => {
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-kb.ts'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const committed = files(join(ROOT, 'data')).map((f) => relative(join(ROOT, 'data'), f)).sort();
    const rebuilt = files(out).map((f) => relative(out, f)).sort();
    expect(rebuilt).toEqual(committed);
    for (const f of committed) {
      expect(readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'data', f))), `data/${f} differs from a rebuild`).toBe(true);
    }
  }, 300_000);
});
