// JSON: one document {…meta, results, warnings, summary}, written as results arrive so memory
// does not grow with their number. The bytes equal JSON.stringify(document, null, 2). A run that
// fails leaves the document unclosed, so no JSON parser takes it for a complete one.
import type { WarningEntry } from '../log.js';
import { blockText, type CarrierCells, jsonParts, jsonRow, type JsonStyle, type RowBlock } from './row-block.js';
import type { Result, RowSink, RunMeta, TextOut } from './types.js';

/** JSON.stringify(value, null, 2) as it appears nested `depth` levels deep. */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** A result's entries as nested(result, 2) writes them. */
const STYLE: JsonStyle = {
  keyText: (key) => `${JSON.stringify(key)}: `,
  valueText: (value) => (JSON.stringify(value, null, 2) as string | undefined)?.replace(/\n/g, '\n      '),
  sep: ',\n      ',
  open: '{\n      ',
  close: '\n    }',
};

export class JsonSink implements RowSink {
  private started = false;
  private count = 0;

  constructor(
    private readonly out: TextOut,
    private readonly meta: () => RunMeta,
  ) {}

  private start(meta: RunMeta): Promise<void> | void {
    this.started = true;
    const head = JSON.stringify(meta, null, 2);
    // Reopen the meta object (drop its closing "\n}") and start the results array.
    return this.out.write(`${head.slice(0, -2)},\n  "results": [`);
  }

  async write(result: Result): Promise<void> {
    if (!this.started) await this.start(this.meta());
    await this.out.write(`${this.count++ === 0 ? '' : ','}\n    ${nested(result, 2)}`);
  }

  async writeBlock(block: RowBlock): Promise<void> {
    if (!this.started) await this.start(this.meta());
    const parts = block.templates.map((t) => jsonParts(t, STYLE));
    const row = (c: CarrierCells, t: number): string => `${this.count++ === 0 ? '' : ','}\n    ${jsonRow(parts[t] ?? [], c, STYLE)}`;
    for (const piece of blockText(block, row)) await this.out.write(piece);
  }

  fail(): void {
    // Deliberately nothing: the open "results" array makes the document invalid JSON.
  }

  async finish(meta: RunMeta, warnings: WarningEntry[], summary: Record<string, unknown> | object): Promise<void> {
    if (!this.started) await this.start(meta);
    const close = this.count === 0 ? ']' : '\n  ]';
    await this.out.write(`${close},\n  "warnings": ${nested(warnings, 1)},\n  "summary": ${nested(summary, 1)}\n}\n`);
  }
}
