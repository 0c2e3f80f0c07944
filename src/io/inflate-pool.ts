// Inflates batches of BGZF blocks, in worker threads or inline, with the one checking routine
// (src/io/inflate.ts).
//
// The workers run the typed entry src/workers/inflate-worker.ts, which tsup builds beside the CLI
// (dist/cli/inflate-worker.js, found from the package root: src/io/worker-path.ts).
//
// A scan plugin compiled into the worker (see that file) can be installed by name: from then on
// each batch is inflated into a reused buffer and handed to the plugin, and only its (small)
// result travels back; a batch the plugin declines comes back as text.

import { Worker } from 'node:worker_threads';
import type { BgzfBatch } from './bgzf.js';
import { inflateBatch } from './inflate.js';
import { builtWorker } from './worker-path.js';
import type { BatchReply, WorkerReply, WorkerRequest } from './inflate-messages.js';

export type BatchResult = BatchReply & {
  /** The batch's compressed data, free to reuse. */
  data?: Uint8Array;
};

export function inflateInline(b: BgzfBatch): BatchResult {
  return { ...inflateBatch(b.data, b.starts, b.outSize), data: b.data };
}

interface Pending {
  resolve: (r: BatchResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

/** A fixed set of inflate workers; results come back per request, the caller keeps the order. */
export class InflatePool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(threads: number) {
    const path = builtWorker('inflate-worker.js');
    for (let i = 0; i < threads; i++) {
      // execArgv []: the built worker needs none of the parent's loaders (tsx, vitest), whose
      // start-up in each worker otherwise costs more than inflating a 200 MB file.
      const worker = new Worker(path, { execArgv: [] });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (m: WorkerReply) => this.settle(slot, m));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`inflate worker exited with code ${code}`));
      });
      worker.unref();
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  run(b: BgzfBatch): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, s) => (s.inFlight < a.inFlight ? s : a));
    const id = this.nextId++;
    const result = new Promise<BatchResult>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (slot.inFlight++ === 0) slot.worker.ref();
    this.post(slot, { type: 'batch', id, data: b.data, starts: b.starts, outSize: b.outSize }, [b.data.buffer as ArrayBuffer]);
    return result;
  }

  /** Installs the scan plugin registered as `name` in every worker; applies to batches sent from now on. */
  plugin(name: string, config: unknown): void {
    for (const s of this.slots) this.post(s, { type: 'plugin', name, config });
  }

  /** Passes a message to every worker's plugin (in order with the batches). */
  update(data: unknown): void {
    for (const s of this.slots) this.post(s, { type: 'update', data });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private post(slot: Slot, m: WorkerRequest, transfer: ArrayBuffer[] = []): void {
    slot.worker.postMessage(m, transfer);
  }

  private settle(slot: Slot, m: WorkerReply): void {
    slot.inFlight--;
    // An idle worker must not keep the process alive if the reader is abandoned.
    if (slot.inFlight === 0) slot.worker.unref();
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    if ('out' in m) p?.resolve({ out: m.out, data: m.data });
    else if ('scanned' in m) p?.resolve({ scanned: m.scanned, data: m.data });
    else p?.resolve({ error: m.error, block: m.block });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
