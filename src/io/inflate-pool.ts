// Inflates batches of BGZF blocks, in worker threads or inline, with the one checking routine
// (src/io/inflate.ts).
//
// The workers run the typed entry src/workers/inflate-worker.ts, which tsup builds beside the CLI
// (dist/cli/inflate-worker.js, found from the package root: src/io/worker-path.ts).
//
// A scan plugin compiled into the worker (see that file) can be installed by name: from then on
// each batch is inflated into a reused buffer and handed to the plugin, and only its (small)
// result travels back; a batch the plugin declines comes back as text.

import type { BgzfBatch } from './bgzf.js';
import { inflateBatch } from './inflate.js';
import { WorkerPool } from './worker-pool.js';
import type { BatchReply, WorkerReply, WorkerRequest } from './inflate-messages.js';

export type BatchResult = BatchReply & {
  /** The batch's compressed data, free to reuse. */
  data?: Uint8Array;
};

export function inflateInline(b: BgzfBatch): BatchResult {
  return { ...inflateBatch(b.data, b.starts, b.outSize), data: b.data };
}

/** A fixed set of inflate workers; results come back per request, the caller keeps the order. */
export class InflatePool {
  private readonly pool: WorkerPool<WorkerReply>;

  constructor(threads: number) {
    this.pool = new WorkerPool<WorkerReply>('inflate-worker.js', threads);
  }

  get size(): number {
    return this.pool.size;
  }

  async run(b: BgzfBatch): Promise<BatchResult> {
    const m = await this.pool.request((id): WorkerRequest => ({ type: 'batch', id, data: b.data, starts: b.starts, outSize: b.outSize }), [b.data.buffer as ArrayBuffer]);
    if ('out' in m) return { out: m.out, data: m.data };
    if ('scanned' in m) return { scanned: m.scanned, data: m.data };
    return { error: m.error, block: m.block };
  }

  /** Installs the scan plugin registered as `name` in every worker; applies to batches sent from now on. */
  plugin(name: string, config: unknown): void {
    this.pool.broadcast({ type: 'plugin', name, config } satisfies WorkerRequest);
  }

  /** Passes a message to every worker's plugin (in order with the batches). */
  update(data: unknown): void {
    this.pool.broadcast({ type: 'update', data } satisfies WorkerRequest);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
