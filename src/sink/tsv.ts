// TSV: one header row, then one row per result; no preamble. Lists are ';'-joined; tabs and
// newlines inside values become spaces so a row is always one line of exactly N fields. Bytes of the
// input that are not UTF-8 (a sample name) are written back as those bytes (src/text.ts).
import { encodeText } from '../text.js';
import type { Result, Sink, TextOut } from './types.js';

export function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(cell).join(';');
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  // A map of counts ({A: 3, B: 12}) reads as 'A:3;B:12', the way lists are ';'-joined.
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${cell(k)}:${cell(x)}`).join(';');
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

export class TsvSink implements Sink {
  private started = false;

  constructor(
    private readonly out: TextOut,
    private readonly columns: readonly string[],
  ) {}

  private header(): Promise<void> | void {
    this.started = true;
    return this.out.write(`${this.columns.join('\t')}\n`);
  }

  async write(result: Result): Promise<void> {
    if (!this.started) await this.header();
    await this.out.write(encodeText(`${this.columns.map((c) => cell(result[c])).join('\t')}\n`));
  }

  fail(): void {
    // TSV has no place for it: a failed run is told by the exit code and stderr (README).
  }

  async finish(): Promise<void> {
    // An empty result set still gets its header row, so `cut`/`awk` scripts see the columns.
    if (!this.started) await this.header();
  }
}
