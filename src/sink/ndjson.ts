// NDJSON: a meta object first, one object per result as it is found, a summary object last;
// each carries "type" so `jq 'select(.type=="result")'` works on a stream. A run that fails after
// the meta line ends with an error line instead of the summary.
import type { WarningEntry } from '../log.js';
import { blockText, jsonParts, jsonRow, type JsonStyle, type RowBlock } from './row-block.js';
import type { Result, RunFailure, RunMeta, RowSink, TextOut } from './types.js';

/** A result line's entries as JSON.stringify writes them. */
const STYLE: JsonStyle = {
  keyText: (key) => `${JSON.stringify(key)}:`,
  valueText: (value) => JSON.stringify(value) as string | undefined,
  sep: ',',
  open: '{',
  close: '}',
};

export class NdjsonSink implements RowSink {
  private started = false;

  constructor(
    private readonly out: TextOut,
    private readonly meta: () => RunMeta,
  ) {}

  private async start(): Promise<void> {
    this.started = true;
    await this.out.write(`${JSON.stringify({ type: 'meta', ...this.meta() })}\n`);
  }

  async write(result: Result): Promise<void> {
    if (!this.started) await this.start();
    await this.out.write(`${JSON.stringify({ type: 'result', ...result })}\n`);
  }

  async writeBlock(block: RowBlock): Promise<void> {
    if (!this.started) await this.start();
    const parts = block.templates.map((t) => jsonParts({ type: 'result', ...t }, STYLE));
    for (const piece of blockText(block, (c, t) => `${jsonRow(parts[t] ?? [], c, STYLE)}\n`)) await this.out.write(piece);
  }

  async finish(_meta: RunMeta, warnings: WarningEntry[], summary: Record<string, unknown> | object): Promise<void> {
    if (!this.started) await this.start();
    await this.out.write(`${JSON.stringify({ type: 'summary', warnings, summary })}\n`);
  }

  async fail(failure: RunFailure): Promise<void> {
    // Nothing written yet: the empty output and the exit code say it all.
    if (this.started) await this.out.write(`${JSON.stringify({ type: 'error', ...failure })}\n`);
  }
}
