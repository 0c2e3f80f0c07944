// The progress line and colour on a terminal: the line's text as a pure function of the numbers, and
// the built CLI under a pseudo-terminal (util-linux `script`), in a pipe, and with colour turned off.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { etaSeconds, formatDuration, formatSize, type ProgressState, progressText, readFraction } from '../../src/cli/progress.js';
import { BIN, fixture, ROOT, vcfact } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-progress-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const state = (over: Partial<ProgressState>): ProgressState => ({
  done: 0,
  doneAtStart: 0,
  total: undefined,
  unit: 'bytes',
  elapsedMs: 0,
  records: 0,
  candidates: 0,
  ...over,
});

describe('progress text', () => {
  it('a file of known size: percent read, its size, the time left at the rate so far, records and their rate', () => {
    // 2 s in, 25 MiB of 100 MiB read since the line appeared at 5 MiB: 20 MiB in 2 s leaves 75 MiB for 7.5 s.
    const s = state({ done: 25 << 20, doneAtStart: 5 << 20, total: 100 << 20, elapsedMs: 2000, records: 120_000, candidates: 7 });
    expect(etaSeconds(s)).toBe(8);
    expect(progressText(s)).toBe('vcfact: 25% of 100.0 MiB, ETA 8s · 120,000 records (60,000/s), 7 near KB sites');
    expect(progressText(s, (f) => `[${f}]`)).toBe('vcfact: [0.25] 25% of 100.0 MiB, ETA 8s · 120,000 records (60,000/s), 7 near KB sites');
  });

  it('an index query counts regions', () => {
    const s = state({ done: 3, total: 40, unit: 'regions', elapsedMs: 3000, records: 30, candidates: 30 });
    expect(progressText(s)).toBe('vcfact: 7% of 40 index regions, ETA 37s · 30 records (10/s), 30 near KB sites');
  });

  it('no time left before a second has passed or while nothing has been read since the line appeared', () => {
    expect(etaSeconds(state({ done: 10, total: 100, elapsedMs: 999 }))).toBeUndefined();
    expect(etaSeconds(state({ done: 10, doneAtStart: 10, total: 100, elapsedMs: 5000 }))).toBeUndefined();
    expect(progressText(state({ done: 10, total: 100, elapsedMs: 500 }))).toBe('vcfact: 10% of 100 B · 0 records (0/s), 0 near KB sites');
  });

  it('an input of unknown size (stdin): records and their rate, no percent', () => {
    const s = state({ done: 5 << 20, elapsedMs: 4000, records: 1000, candidates: 2 });
    expect(readFraction(s)).toBeUndefined();
    expect(etaSeconds(s)).toBeUndefined();
    expect(progressText(s, () => 'BAR')).toBe('vcfact: 1,000 records (250/s), 2 near KB sites');
  });

  it('read-ahead past the size, or an empty file, is 100%', () => {
    expect(readFraction(state({ done: 120, total: 100 }))).toBe(1);
    expect(readFraction(state({ done: 0, total: 0 }))).toBe(1);
    expect(etaSeconds(state({ done: 120, total: 100, elapsedMs: 2000 }))).toBe(0);
  });

  it('durations and sizes', () => {
    expect([0, 45, 60, 185, 3599, 3600, 7620].map(formatDuration)).toEqual(['0s', '45s', '1m00s', '3m05s', '59m59s', '1h00m', '2h07m']);
    expect([0, 812, 1536, 5 * 2 ** 30].map(formatSize)).toEqual(['0 B', '812 B', '1.5 KiB', '5.0 GiB']);
  });
});

/** A small VCF with a record whose GT is malformed: a warning during the run. */
function warningVcf(): string {
  const path = join(tmp, 'warn.vcf');
  const head = ['##fileformat=VCFv4.2', '##contig=<ID=chr10,length=133797422>', '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">'];
  const rec = (gt: string) => `chr10\t94781859\trs4244285\tG\tA\t50\tPASS\t.\tGT\t${gt}`;
  writeFileSync(path, `${[...head, ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'S1'].join('\t'), rec('0/1'), rec('0/x')].join('\n')}\n`);
  return path;
}

/**
 * The CLI with stderr on a pseudo-terminal (`script`), stdout to a file, as a user at a terminal
 * would run it; what the terminal received (stderr only). A colour-capable terminal, not CI.
 */
function onTerminal(args: string[], opts: { env?: Record<string, string>; stdin?: string } = {}): { status: number | null; screen: string } {
  const env: Record<string, string | undefined> = { ...process.env, TERM: 'xterm-256color', ...opts.env };
  for (const k of ['CI', 'NO_COLOR', 'FORCE_COLOR']) if (!opts.env || !(k in opts.env)) delete env[k];
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const cmd = `${[process.execPath, BIN, ...args].map(q).join(' ')} > ${q(join(tmp, 'out'))}${opts.stdin ? ` < ${q(opts.stdin)}` : ''}`;
  const r = spawnSync('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, env, input: '', encoding: 'utf8' });
  return { status: r.status, screen: r.stdout };
}

const COLOUR = /\x1b\[3\dm/;
const DEMO = fixture('demo', 'demo.vcf.gz');

describe('on a terminal', () => {
  it('a file read from its path shows percent of its size, and the line is cleared at the end', () => {
    const r = onTerminal(['annotate', '--index', 'never', DEMO]);
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(/vcfact: \S* ?100% of 1\.1 KiB · \d+ records/);
    const last = r.screen.lastIndexOf('% of');
    const summary = r.screen.indexOf('vcfact: 49 records');
    expect(summary).toBeGreaterThan(last);
    // Cleared (ESC [2K, the whole line) after the last progress text, before the summary line.
    expect(r.screen.slice(last, summary)).toContain('\x1b[2K');
  });

  it('an index query shows percent of its regions', () => {
    const r = onTerminal(['annotate', DEMO]);
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(/\d+% of \d+ index regions/);
  });

  it('stdin (size unknown): records and rate, no percent', () => {
    const r = onTerminal(['annotate', '-'], { stdin: DEMO });
    expect(r.status).toBe(0);
    expect(r.screen).toMatch(/vcfact: \d+ records \(\d+\/s\), \d+ near KB sites/);
    expect(r.screen).not.toContain('%');
  });

  it('--no-progress and -q: no line', () => {
    for (const flag of ['--no-progress', '-q']) {
      const r = onTerminal(['annotate', '--index', 'never', flag, DEMO]);
      expect(r.status).toBe(0);
      expect(r.screen).not.toMatch(/records \(\d+\/s\)/);
    }
  });

  it('a warning during the run gets a line of its own, then the progress line comes back', () => {
    const r = onTerminal(['annotate', warningVcf()], { env: { NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    const at = r.screen.indexOf('\x1b[2Kvcfact: warning: ');
    expect(at).toBeGreaterThan(r.screen.indexOf('% of'));
    expect(r.screen.indexOf('% of', at)).toBeGreaterThan(at);
  });

  it('warnings and errors in colour, unless NO_COLOR or --no-color', () => {
    const warn = warningVcf();
    const missing = join(tmp, 'missing.vcf');
    expect(onTerminal(['annotate', warn]).screen).toContain('\x1b[33mwarning');
    expect(onTerminal(['annotate', missing]).screen).toContain('\x1b[31merror');
    for (const run of [
      () => onTerminal(['annotate', warn], { env: { NO_COLOR: '1' } }),
      () => onTerminal(['annotate', '--no-color', warn]),
      () => onTerminal(['annotate', missing], { env: { NO_COLOR: '1' } }),
      () => onTerminal(['annotate', '--no-color', missing]),
    ]) {
      const r = run();
      expect(r.screen).toMatch(/vcfact: (warning|error): /);
      expect(r.screen).not.toMatch(COLOUR);
    }
  });
});

describe('in a pipe', () => {
  it('no progress line and no colour, even with --no-color accepted', () => {
    for (const args of [['annotate', '--index', 'never', DEMO], ['annotate', '--no-color', DEMO]]) {
      const r = vcfact(args);
      expect(r.status).toBe(0);
      expect(r.stderr).not.toMatch(/records \(\d+\/s\)|% of/);
      expect(r.stderr).not.toContain('\x1b');
    }
  });
});
