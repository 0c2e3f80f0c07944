// The build as it ships: the BGZF inflate worker is its own typed entry, built beside the CLI, and
// runs from plain node (no tsx/vitest loaders). Everything under test/ loads that same built worker
// (`npm test` builds first). No code is compiled from strings anywhere in src/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture, ROOT, vcfact } from '../helpers/cli.js';
import { bgzf, tempDir, vcfText } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the built inflate worker', () => {
  it('is built beside the CLI', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'cli', 'inflate-worker.js'))).toBe(true);
  });

  it('inflates BGZF for the built public API run by plain node', () => {
    const dir = tempDir();
    const input = join(dir, 'in.vcf.gz');
    const text = vcfText(6_000_000);
    writeFileSync(input, bgzf(text));
    const script = join(dir, 'count.mjs');
    writeFileSync(
      script,
      `import { openInput } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
       const src = await openInput(process.argv[2], { threads: 2 });
       let n = 0; for await (const c of src.chunks()) n += c.length;
       console.log(src.format, n);`,
    );
    expect(execFileSync('node', [script, input]).toString().trim()).toBe(`bgzf ${Buffer.byteLength(text)}`);
  });

  it('runs the prefilter in the workers of the built CLI: the same rows as on one thread', () => {
    // Megabytes of filler before the knowledge-base records: batches the workers scan.
    const text = gunzipSync(readFileSync(fixture('io/index-cases.vcf.gz'))).toString();
    const body = text.indexOf('\nchr7\t') + 1;
    const filler = Array.from({ length: 120_000 }, (_, i) => `chr7\t${1000 + i * 400}\t.\tC\tA\t50\tPASS\tDP=${i % 90}\tGT\t0/1\n`).join('');
    const input = join(tempDir(), 'big.vcf.gz');
    writeFileSync(input, bgzf(text.slice(0, body) + filler + text.slice(body)));
    // --evidence: one row per evidence item, so many rows to compare.
    const one = vcfact(['annotate', '--evidence', '--index', 'never', '--threads', '1', input]);
    const two = vcfact(['annotate', '--evidence', '--index', 'never', '--threads', '2', input]);
    expect(two.status).toBe(0);
    expect(two.stdout.split('\n').length).toBeGreaterThan(100);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });
});

describe('src/', () => {
  it('compiles no code from strings (no new Function, no eval, no eval: true workers)', () => {
    const offenders = sources(join(ROOT, 'src')).filter((f) => /new Function\s*\(|\beval\s*\(|eval:\s*true/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
