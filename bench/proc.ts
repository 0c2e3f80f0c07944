// Small child-process helpers shared by the benchmark scripts.
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';

/** Runs a command to completion; throws with its stderr when it fails. */
export function runChecked(cmd: string, args: string[], opts: { input?: string } = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input: opts.input, maxBuffer: 64 << 20 });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${basename(cmd)} ${args.map((a) => basename(a)).join(' ')} exited with ${r.status}: ${gist(r.stderr)}`);
  return r.stdout;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** The line of a failed command's stderr worth showing: its error message, not a stack frame. */
export function gist(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^at |^Node\.js v|^[{}]$|^\^+$/.test(l));
  const msg = lines.find((l) => /(^|\w)Error\b|^vcfact:|error:/i.test(l)) ?? lines[lines.length - 1] ?? '';
  return msg.slice(0, 200);
}
