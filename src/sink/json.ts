// JSON: one document, written at the end (results are held; they are small next to the input).
import type { WarningEntry } from '../log.js';
import type { Result, RunMeta, Sink, TextOut } from './types.js';

export class JsonSink implements Sink {
  private readonly results: Result[] = [];

  constructor(private readonly out: TextOut) {}

  write(result: Result): void {
    this.results.push(result);
  }

  async finish(meta: RunMeta, warnings: WarningEntry[], summary: Record<string, unknown> | object): Promise<void> {
    const doc = { ...meta, results: this.results, warnings, summary };
    await this.out.write(`${JSON.stringify(doc, null, 2)}\n`);
  }
}
