// Times one command: median wall time over N runs and peak resident memory, through
// GNU time (`%M`, KB) when present, else by polling /proc/<pid>/status (VmHWM) while it runs.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gist } from './proc.js';

export const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  ok: boolean;
  /** Wall seconds of each run (successful runs only). */
  walls: number[];
  median: number;
  /** Peak RSS over all runs, MB (MiB, as GNU time reports KiB); NaN when unknown. */
  rssMb: number;
  /** Exit code and the end of stderr when a run failed. */
  error?: string;
}

interface RunResult {
  code: number | null;
  wall: number;
  rssKb: number;
  stderr: string;
}

function procHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function runOnce(cmd: string, args: string[], stdoutPath: string, timeoutS: number): Promise<RunResult> {
  const useTime = existsSync(GNU_TIME);
  const rssFile = join(tmpdir(), `vcfact-bench-rss-${process.pid}`);
  const out = openSync(stdoutPath, 'w');
  const argv = useTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, cmd, ...args] : [cmd, ...args];
  const t0 = process.hrtime.bigint();
  // Own process group, so that a timeout kills the command and not only GNU time.
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', out, 'pipe'], detached: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, timeoutS * 1000);
  closeSync(out);
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString('utf8')).slice(-4000);
  });
  let hwm = 0;
  const poll = useTime ? undefined : setInterval(() => (hwm = Math.max(hwm, procHwmKb(child.pid!))), 20);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code: -1, wall: 0, rssKb: 0, stderr: e.message });
    });
    child.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      clearInterval(poll);
      clearTimeout(timer);
      let rssKb = hwm;
      if (useTime) {
        // GNU time prefixes "Command exited with non-zero status N" when the command fails.
        const lines = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n') : [];
        rssKb = Number(lines[lines.length - 1] ?? NaN);
        rmSync(rssFile, { force: true });
      }
      resolve({ code, wall, rssKb, stderr: timedOut ? `timed out after ${timeoutS} s` : stderr });
    });
  });
}

/**
 * Up to `runs` runs, fewer when they have used up `budgetS` seconds (a slow command on a big
 * input is timed once rather than holding the benchmark for half an hour); each run is killed
 * after `timeoutS`.
 */
export async function measure(
  cmd: string,
  args: string[],
  opts: { runs: number; stdout?: string; budgetS: number; timeoutS: number },
): Promise<Measurement> {
  const walls: number[] = [];
  let rssKb = 0;
  for (let i = 0; i < opts.runs; i++) {
    if (walls.reduce((a, b) => a + b, 0) > opts.budgetS) break;
    const r = await runOnce(cmd, args, opts.stdout ?? '/dev/null', opts.timeoutS);
    if (r.code !== 0) {
      return { ok: false, walls, median: NaN, rssMb: NaN, error: `exit ${r.code}: ${gist(r.stderr)}` };
    }
    walls.push(r.wall);
    rssKb = Math.max(rssKb, r.rssKb);
  }
  const sorted = [...walls].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { ok: true, walls, median, rssMb: rssKb / 1024 };
}
