// NDJSON: a meta object first, one object per result as it is found, a summary object last;
// each carries "type" so `jq 'select(.type=="result")'` works on a stream. A run that fails after
// the meta line ends with an error line instead of the summary.
import type { WarningEntry } from '../log.js';
import type { Result, RunFailure, RunMeta, Sink, TextOut } from './types.js';

export class NdjsonSink implements Sink {
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

  async finish(_meta: RunMeta, warnings: WarningEntry[], summary: Record<string, unknown> | object): Promise<void> {
    if (!this.started) await this.start();
    await this.out.write(`${JSON.stringify({ type: 'summary', warnings, summary })}\n`);
  }

  async fail(failure: RunFailure): Promise<void> {
    // Nothing written yet: the empty output and the exit code say it all.
    if (this.started) await this.out.write(`${JSON.stringify({ type: 'error', ...failure })}\n`);
  }
}
