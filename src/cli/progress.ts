// The progress line on a terminal's stderr (session.ts shows it only there: never in a pipe or a log
// file). cli-progress draws it once a second, and clears it when the records end; what it says is
// progressText, a pure function of the numbers: percent and time left when the input's size is known
// (a file read from its path, or an index query's regions), records and their rate always.
import cliProgress from 'cli-progress';
import type { InputMeter } from '../io/meter.js';
import type { Summary } from '../types.js';

export interface ProgressState {
  /** Units of the input read (bytes of the file, or index regions), now and when the line appeared. */
  done: number;
  doneAtStart: number;
  /** Units in all; undefined when the size is unknown (stdin). */
  total: number | undefined;
  unit: InputMeter['unit'];
  /** Since the line appeared. */
  elapsedMs: number;
  records: number;
  candidates: number;
  /** In a run over several inputs: which one is being read ('input 2/5 b.vcf.gz'). */
  part?: string;
}

/** Before this much time the rate is too young to tell the time left. */
const MIN_ETA_MS = 1000;
const BAR_SIZE = 12;

/** Seconds left at the rate read since the line appeared; undefined when that cannot be told yet. */
export function etaSeconds(s: ProgressState): number | undefined {
  if (s.total === undefined || s.elapsedMs < MIN_ETA_MS) return undefined;
  const perMs = (s.done - s.doneAtStart) / s.elapsedMs;
  if (!(perMs > 0)) return undefined;
  return Math.max(0, Math.round((s.total - s.done) / perMs / 1000));
}

/** 45s, 3m05s, 2h07m. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${two(s % 60)}s`;
  return `${Math.floor(s / 3600)}h${two(Math.floor((s % 3600) / 60))}m`;
}

/** 812 B, 1.5 KiB, 3.2 GiB. */
export function formatSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
}

/** Share of the input read, 0 to 1; undefined when its size is unknown. */
export function readFraction(s: ProgressState): number | undefined {
  if (s.total === undefined) return undefined;
  return s.total <= 0 ? 1 : Math.min(1, Math.max(0, s.done / s.total));
}

/** The line's text; `bar` draws the bar for a fraction read (left out when the size is unknown). */
export function progressText(s: ProgressState, bar: (fraction: number) => string = () => ''): string {
  const n = (v: number) => v.toLocaleString('en');
  const rate = Math.round(s.records / Math.max(s.elapsedMs / 1000, 0.001));
  const counts = `${n(s.records)} records (${n(rate)}/s), ${n(s.candidates)} near KB sites`;
  const f = readFraction(s);
  const head = s.part === undefined ? 'vcfact:' : `vcfact: ${s.part} ·`;
  if (f === undefined || s.total === undefined) return `${head} ${counts}`;
  const of = s.unit === 'bytes' ? formatSize(s.total) : `${n(s.total)} index regions`;
  const eta = etaSeconds(s);
  const left = eta === undefined ? '' : `, ETA ${formatDuration(eta)}`;
  const drawn = bar(f);
  return `${head} ${drawn ? `${drawn} ` : ''}${Math.floor(f * 100)}% of ${of}${left} · ${counts}`;
}

export class Progress {
  private readonly bar: cliProgress.SingleBar;
  private started = 0;
  private doneAtStart = 0;
  private active = false;

  constructor(
    private readonly meter: InputMeter,
    private readonly summary: Summary,
    private readonly part?: string,
  ) {
    this.bar = new cliProgress.SingleBar({
      stream: process.stderr,
      fps: 1,
      barsize: BAR_SIZE,
      barCompleteChar: '█',
      barIncompleteChar: '░',
      // Cut to the terminal's width by the format below; the line must not wrap, or clearing it leaves a stray line.
      linewrap: true,
      clearOnComplete: true,
      format: (options, params) => progressText(this.state(), (f) => cliProgress.Format.BarFormat(f, options)).slice(0, Math.max(0, params.maxWidth - 1)),
    });
  }

  /** The records, with the line shown while they are read and cleared when they end, fail or are left. */
  async *over<T>(records: AsyncIterable<T>): AsyncGenerator<T> {
    this.started = Date.now();
    this.doneAtStart = this.meter.done;
    this.show();
    try {
      yield* records;
    } finally {
      this.stop();
    }
  }

  /** Writes a line (a warning) in place of the progress line, which comes back below it. */
  aside(write: () => void): void {
    if (!this.active) return write();
    this.stop();
    write();
    this.show();
  }

  state(now = Date.now()): ProgressState {
    const { done, total, unit } = this.meter;
    return { done, doneAtStart: this.doneAtStart, total, unit, elapsedMs: now - this.started, records: this.summary.records, candidates: this.summary.candidates, ...(this.part !== undefined ? { part: this.part } : {}) };
  }

  /** Clears the line (cli-progress's redraw timer keeps the process alive until then). */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.bar.stop();
  }

  private show(): void {
    this.active = true;
    // The numbers are read live by the format; the bar's own value and total are not used.
    this.bar.start(1, 0);
  }
}
