// `vcfact report X | head -1` ends soon after the first line, as annotate and pgx do: each
// sample's report is built only when it is written, and a reader that went away stops the run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fixture, ROOT } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-report-head-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** fixtures/pgx/multi-sample.vcf with its sample columns repeated `copies` times (renamed). */
function widened(copies: number): { path: string; samples: number } {
  const lines = readFileSync(fixture('pgx', 'multi-sample.vcf'), 'utf8').split('\n');
  const out = lines.map((l) => {
    if (l.startsWith('##') || l === '') return l;
    const f = l.split('\t');
    const fixed = f.slice(0, 9);
    const cols = f.slice(9);
    const wide = Array.from({ length: copies }, (_, k) => (l.startsWith('#') ? cols.map((s) => `${s}_${k}`) : cols)).flat();
    return [...fixed, ...wide].join('\t');
  });
  const path = join(tmp, `wide-${copies}.vcf`);
  writeFileSync(path, out.join('\n'));
  const samples = (out.find((l) => l.startsWith('#CHROM'))?.split('\t').length ?? 9) - 9;
  return { path, samples };
}

const input = widened(15);

/** Runs the CLI from source in a child that counts the sample reports it built; stdout is closed after the first line. */
function runClosingAfterFirstLine(args: string[]): Promise<{ code: number | null; stderr: string; first: string; built: number }> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const builtFile = join(tmp, 'built');
  // tsx keeps a cache in the temporary directory: ours, removed with the rest.
  const env = { ...process.env, BUILT_FILE: builtFile, TMPDIR: tmp };
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(import.meta.dirname, 'report-head-child.ts'), ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let out = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0 && first === '') {
        first = out.slice(0, nl);
        child.stdout.destroy();
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, first, built: Number(readFileSync(builtFile, 'utf8')) }));
  });
}

describe('report | head -1', () => {
  it('builds a few sample reports, not all of them, and exits 0 quietly', async () => {
    expect(input.samples).toBe(315);
    const r = await runClosingAfterFirstLine(['report', input.path, '-O', 'ndjson']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.first)).toMatchObject({ type: 'meta', command: 'report' });
    // What fits in the pipe and the stream's buffer before the EPIPE is seen; all 315 before the fix.
    expect(r.built).toBeGreaterThan(0);
    expect(r.built).toBeLessThan(input.samples / 3);
  });

  it('the built CLI in a shell pipeline: one line, exit 0, nothing on stderr', () => {
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" report "${input.path}" -O ndjson | head -1`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
