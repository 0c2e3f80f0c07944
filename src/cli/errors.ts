// The one place where errors become messages and exit codes (DESIGN §6).
import chalk from 'chalk';
import { EXIT, VcfactError } from '../errors.js';

export function isBrokenPipe(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'EPIPE';
}

export function reportError(e: unknown): number {
  if (isBrokenPipe(e)) return EXIT.ok;
  const tty = process.stderr.isTTY === true;
  if (e instanceof VcfactError) {
    const label = tty ? chalk.red('error') : 'error';
    process.stderr.write(`vcfact: ${label}: ${e.describe()}\n`);
    return e.exitCode;
  }
  // Anything else is a bug: show the stack so it can be reported.
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`vcfact: internal error (a bug; please report it with the command and input that caused it):\n${stack}\n`);
  return EXIT.bug;
}
