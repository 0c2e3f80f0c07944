// The one place where errors become messages and exit codes (DESIGN §6).
import { EXIT, VcfactError } from '../errors.js';
import type { RunFailure } from '../sink/types.js';
import { terminalSafe } from '../text.js';
import { paint } from './colour.js';

export function isBrokenPipe(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'EPIPE';
}

export function reportError(e: unknown): number {
  if (isBrokenPipe(e)) return EXIT.ok;
  if (e instanceof VcfactError) {
    const label = paint('red', 'error');
    process.stderr.write(`vcfact: ${label}: ${e.describe()}\n`);
    return e.exitCode;
  }
  // Anything else is a bug: show the stack so it can be reported (its message may quote input text).
  const raw = e instanceof Error ? (e.stack ?? e.message) : String(e);
  const stack = raw.split('\n').map((l) => terminalSafe(l, 1000)).join('\n');
  process.stderr.write(`vcfact: internal error (a bug; please report it with the command and input that caused it):\n${stack}\n`);
  return EXIT.bug;
}

/** What the last NDJSON line says about a run that failed (the stack of a bug stays on stderr). */
export function runFailure(e: unknown): RunFailure {
  if (e instanceof VcfactError) return { exit: e.exitCode, code: e.code, message: e.describe() };
  return { exit: EXIT.bug, code: 'internal', message: 'internal error (a bug; the stack is on stderr)' };
}
