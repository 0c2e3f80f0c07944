// Runs the built CLI (dist/, made by `npm test` before vitest) as a user would.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'vcfact.js');

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

export function fixture(...parts: string[]): string {
  return join(ROOT, 'fixtures', ...parts);
}
