// TSV: one header row, then one row per result; no preamble. Lists are ';'-joined; tabs and
// newlines inside values become spaces so a row is always one line of exactly N fields. Bytes of the
// input that are not UTF-8 (a sample name) are written back as those bytes (src/text.ts).
import { encodeText } from '../text.js';
import { blockText, CARRIER_CELL, type CarrierCells, type CarrierKey, type RowBlock } from './row-block.js';
import type { Result, RowSink, TextOut } from './types.js';

export function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(cell).join(';');
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  // A map of counts ({A: 3, B: 12}) reads as 'A:3;B:12', the way lists are ';'-joined.
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${cell(k)}:${cell(x)}`).join(';');
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

/** A template's line cut at its carrier cells: texts[0] cell(holes[0]) texts[1] … texts[n]. */
interface CutLine {
  texts: string[];
  holes: CarrierKey[];
}

export class TsvSink implements RowSink {
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

  async writeBlock(block: RowBlock): Promise<void> {
    if (!this.started) await this.header();
    const lines = block.templates.map((t) => this.cut(t));
    const line = (c: CarrierCells, t: number): string => {
      const { texts, holes } = lines[t] as CutLine;
      let s = texts[0] as string;
      for (let i = 0; i < holes.length; i++) s += cell(c[holes[i] as CarrierKey]) + (texts[i + 1] as string);
      return s;
    };
    for (const piece of blockText(block, line)) await this.out.write(encodeText(piece));
  }

  private cut(template: Result): CutLine {
    const texts: string[] = [];
    const holes: CarrierKey[] = [];
    let text = '';
    this.columns.forEach((c, i) => {
      if (i > 0) text += '\t';
      const v = template[c];
      if (v !== CARRIER_CELL) text += cell(v);
      else {
        texts.push(text);
        holes.push(c as CarrierKey);
        text = '';
      }
    });
    texts.push(`${text}\n`);
    return { texts, holes };
  }

  fail(): void {
    // TSV has no place for it: a failed run is told by the exit code and stderr (README).
  }

  async finish(): Promise<void> {
    // An empty result set still gets its header row, so `cut`/`awk` scripts see the columns.
    if (!this.started) await this.header();
  }
}
