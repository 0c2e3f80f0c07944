// A one-line progress display on a terminal's stderr (never in a pipe or a log file).
import type { Summary } from '../types.js';

export class Progress {
  private readonly timer: NodeJS.Timeout;
  private readonly started = Date.now();
  private shown = false;

  constructor(private readonly summary: Summary) {
    this.timer = setInterval(() => this.draw(), 1000);
    this.timer.unref();
  }

  private draw(): void {
    const s = (Date.now() - this.started) / 1000;
    const rate = Math.round(this.summary.records / Math.max(s, 0.001));
    process.stderr.write(`\r\x1b[Kvcfact: ${this.summary.records.toLocaleString('en')} records (${rate.toLocaleString('en')}/s), ${this.summary.candidates.toLocaleString('en')} near KB sites`);
    this.shown = true;
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
