import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openOutput } from '../../src/io/output.js';
import { tempDir } from './helpers.js';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

describe('openOutput to a file', () => {
  it('writes to a temp file and renames it over the old file on close', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.tsv');
    writeFileSync(path, 'old\n');
    const out = openOutput(path);
    await out.write('new\n');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toHaveLength(2);
    await out.close();
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('leaves the old file untouched and removes the temp file on abort', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.tsv');
    writeFileSync(path, 'old\n');
    const out = openOutput(path);
    await out.write('partial');
    await out.abort();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('creates no file at all on abort when none existed', async () => {
    const dir = tempDir();
    const out = openOutput(join(dir, 'x.json'));
    await out.write('{');
    await out.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('waits for the disk when writes outpace it, keeping every byte in order', async () => {
    const path = join(tempDir(), 'big.tsv');
    const out = openOutput(path);
    const line = `${'x'.repeat(999)}\n`;
    let waited = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = out.write(line);
      if (p) {
        waited++;
        await p;
      }
    }
    await out.close();
    expect(waited).toBeGreaterThan(0);
    const text = readFileSync(path, 'utf8');
    expect(text.length).toBe(20_000_000);
    expect(text.slice(0, 1000)).toBe(line);
  });

  it('reports a path in a missing directory as a usage error, before writing', () => {
    const path = join(tempDir(), 'no-dir', 'out.tsv');
    expect(() => openOutput(path)).toThrow(UsageError);
    expect(() => openOutput(path)).toThrow(/no such directory/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a directory as the output path', () => {
    const dir = tempDir();
    expect(() => openOutput(dir)).toThrow(/is a directory/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** Runs test/io/epipe-child.ts and closes its stdout after the first bytes, like `| head -c 10`. */
function runClosingEarly(): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(import.meta.dirname, 'epipe-child.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}

describe('openOutput to stdout', () => {
  it('ends quietly when the reader goes away (EPIPE) and tells the writer', async () => {
    const r = await runClosingEarly();
    expect(r.first.startsWith('line 0\n')).toBe(true);
    expect(r.stderr).toBe('');
    // The child exits 0 only when output.closed was set and `gone` resolved.
    expect(r.code).toBe(0);
  });
});
