// BGZF deflate in worker threads (src/workers/deflate-worker.ts, built to dist/cli/deflate-worker.js):
// batches of text go out, their BGZF blocks come back; the caller keeps the order.
import { Worker } from 'node:worker_threads';
import { builtWorker } from './worker-path.js';

/** A batch of text, `text[0, length)`; `text` is transferred and comes back in the reply. */
export interface DeflateRequest {
  id: number;
  text: Uint8Array;
  length: number;
}

export interface DeflateReply {
  id: number;
  /** The batch's BGZF blocks. */
  out: Uint8Array;
  /** The request's text buffer, free to reuse. */
  text: Uint8Array;
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

export class DeflatePool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, { resolve: (r: DeflateReply) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(threads: number) {
    const path = builtWorker('deflate-worker.js');
    for (let i = 0; i < threads; i++) {
      // execArgv []: the built worker needs none of the parent's loaders (tsx, vitest).
      const worker = new Worker(path, { execArgv: [] });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (m: DeflateReply) => this.settle(slot, m));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`deflate worker exited with code ${code}`));
      });
      // Idle workers must not keep the process alive (an abandoned output).
      worker.unref();
      this.slots.push(slot);
    }
  }

  run(text: Uint8Array, length: number): Promise<DeflateReply> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, s) => (s.inFlight < a.inFlight ? s : a));
    const id = this.nextId++;
    const result = new Promise<DeflateReply>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (slot.inFlight++ === 0) slot.worker.ref();
    const m: DeflateRequest = { id, text, length };
    slot.worker.postMessage(m, [text.buffer as ArrayBuffer]);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private settle(slot: Slot, m: DeflateReply): void {
    if (--slot.inFlight === 0) slot.worker.unref();
    const p = this.pending.get(m.id);
    this.pending.delete(m.id);
    p?.resolve(m);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
