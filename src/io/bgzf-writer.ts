// BGZF output: the text written is cut into batches of whole blocks, deflated in the deflate
// workers (deflate-pool.ts, bgzf-deflate.ts) and written in order to the output underneath (an
// atomic file or stdout, src/io/output.ts), then the EOF block. A failed run never writes the EOF
// block, so a reader of a partial stream on stdout can tell it is truncated.
import { availableParallelism } from 'node:os';
import { BLOCK_DATA, bgzfBlocks, EOF_BLOCK } from './bgzf-deflate.js';
import { DeflatePool } from './deflate-pool.js';
import type { Output } from './output.js';

/** Text per batch: 16 blocks, about 1 MiB (amortises a worker message, bounds memory). */
const BATCH = 16 * BLOCK_DATA;

export class BgzfOutput implements Output {
  readonly name: string;
  private text: Uint8Array = new Uint8Array(BATCH);
  private used = 0;
  /** Batches in file order: their blocks once deflated. */
  private readonly queue: Promise<Uint8Array>[] = [];
  /** Text buffers back from the workers. */
  private readonly spare: Uint8Array[] = [];
  /** The chain of writes to the output underneath (one at a time, in order; a failure sticks). */
  private writing: Promise<void> = Promise.resolve();
  private readonly pool: DeflatePool | undefined;
  private readonly maxInFlight: number;
  private finished = false;

  /** `threads` deflate workers; 0 deflates on the calling thread. Default min(2, CPUs). */
  constructor(
    private readonly inner: Output,
    threads = Math.min(2, availableParallelism()),
  ) {
    this.name = inner.name;
    this.pool = threads > 0 ? new DeflatePool(threads) : undefined;
    this.maxInFlight = 2 * Math.max(1, threads);
  }

  get closed(): boolean {
    return this.inner.closed;
  }

  get gone(): Promise<void> {
    return this.inner.gone;
  }

  write(s: string | Buffer): void | Promise<void> {
    const b = typeof s === 'string' ? Buffer.from(s) : s;
    for (let at = 0; at < b.length; ) {
      const n = Math.min(b.length - at, BATCH - this.used);
      this.text.set(b.subarray(at, at + n), this.used);
      this.used += n;
      at += n;
      if (this.used === BATCH) this.dispatch();
    }
    // Back-pressure: the caller waits while more batches are in flight than the workers can hold.
    if (this.queue.length > this.maxInFlight) return this.flush(this.maxInFlight);
  }

  async close(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      this.dispatch();
      await this.flush(0);
      await this.inner.write(EOF_BLOCK);
    } finally {
      await this.pool?.close();
    }
    await this.inner.close();
  }

  async abort(): Promise<void> {
    this.finished = true;
    await this.pool?.close();
    await this.inner.abort();
  }

  /** Sends the text gathered so far to be deflated. */
  private dispatch(): void {
    if (this.used === 0) return;
    const text = this.text;
    const length = this.used;
    this.text = this.spare.pop() ?? new Uint8Array(BATCH);
    this.used = 0;
    let out: Promise<Uint8Array>;
    if (this.pool === undefined) {
      out = Promise.resolve(bgzfBlocks(text.subarray(0, length)));
      this.spare.push(text);
    } else {
      out = this.pool.run(text, length).then((r) => {
        this.spare.push(r.text);
        return r.out;
      });
    }
    // Awaited in order by flush(); this keeps a failure from being reported as unhandled first.
    out.catch(() => undefined);
    this.queue.push(out);
  }

  /** Writes deflated batches, oldest first, until `keep` are left in flight. */
  private flush(keep: number): Promise<void> {
    this.writing = this.writing.then(async () => {
      while (this.queue.length > keep) {
        const out = await (this.queue.shift() as Promise<Uint8Array>);
        await this.inner.write(Buffer.from(out.buffer, out.byteOffset, out.byteLength));
      }
    });
    return this.writing;
  }
}
