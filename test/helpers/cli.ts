// Runs the built CLI (dist/, made by `npm test` before vitest) as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'vcfact.js');
/** Preload that reports the process's peak RSS (bytes) and CPU time (µs) on fd 3 at exit. */
const MAX_RSS = join(ROOT, 'test', 'helpers', 'max-rss.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function vcfact(args: string[], opts: { input?: string | Buffer; cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0', ...opts.env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface AsyncCliResult extends CliResult {
  /** The signal that ended the process (e.g. SIGKILL after the timeout), if any. */
  signal: NodeJS.Signals | null;
  /** Peak resident set size of the CLI process in bytes (with `rss: true`), else undefined. */
  maxRss?: number;
  /** CPU time of the CLI process (user + system) in seconds (with `rss: true`), else undefined. */
  cpuS?: number;
}

/**
 * The CLI in a child process without blocking the test worker, so tests can run side by side.
 * Killed after `timeoutMs` (default 60 s). With `rss`, the child reports its own peak RSS and CPU time.
 */
export function vcfactAsync(
  args: string[],
  opts: { input?: string | Buffer; cwd?: string; timeoutMs?: number; rss?: boolean; stdoutLimit?: number } = {},
): Promise<AsyncCliResult> {
  const pre = opts.rss ? ['--import', MAX_RSS] : [];
  const child = spawn(process.execPath, [...pre, BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['pipe', 'pipe', 'pipe', ...(opts.rss ? (['pipe'] as const) : [])],
  });
  const limit = opts.stdoutLimit ?? 256 * 1024 * 1024;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outLen = 0;
  let rss = '';
  child.stdout.on('data', (b: Buffer) => {
    // Past the limit only the size matters (a runaway output is the test's failure, not ours).
    if (outLen < limit) out.push(b);
    outLen += b.length;
  });
  child.stderr.on('data', (b: Buffer) => err.push(b));
  child.stdio[3]?.on('data', (b: Buffer) => (rss += b.toString()));
  // A child that exits before reading all of stdin is not an error of the test.
  child.stdin.on('error', () => undefined);
  child.stdin.end(opts.input);
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolvePromise({
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(rss !== '' ? { maxRss: Number(rss.split(' ')[0]), cpuS: Number(rss.split(' ')[1]) / 1e6 } : {}),
      });
    });
  });
}

export function fixture(...parts: string[]): string {
  return join(ROOT, 'fixtures', ...parts);
}

/**
 * A maker of output files in `dir`: each call runs vcfact with `-q -o` a new file there, asserts
 * exit 0 and a quiet stderr, and returns the file's path.
 */
export function outputsIn(dir: string): (args: string[], ext: string) => Promise<string> {
  let n = 0;
  return async (args, ext) => {
    const file = join(dir, `o${n++}.${ext}`);
    const r = await vcfactAsync([...args, '-q', '-o', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return file;
  };
}
