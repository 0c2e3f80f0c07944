// A fixed set of worker threads running one built entry (dist/cli/<file>), each request answered by
// one reply carrying its id. Requests go to the least busy worker; the caller keeps the order. The
// inflate and deflate pools are this pool with their own messages.
import { Worker } from 'node:worker_threads';
import { builtWorker } from './worker-path.js';

interface Slot {
  worker: Worker;
  inFlight: number;
}

interface Pending<R> {
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

export class WorkerPool<Reply extends { id: number }> {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending<Reply>>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(file: string, threads: number) {
    const path = builtWorker(file);
    for (let i = 0; i < threads; i++) {
      // execArgv []: the built worker needs none of the parent's loaders (tsx, vitest), whose
      // start-up in each worker otherwise costs more than inflating a 200 MB file.
      const worker = new Worker(path, { execArgv: [] });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (m: Reply) => this.settle(slot, m));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`${file.replace('-worker.js', ' worker')} exited with code ${code}`));
      });
      // Idle workers must not keep the process alive (an abandoned reader or output).
      worker.unref();
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Sends `message(id)` to the least busy worker; resolves with the reply of that id. */
  request(message: (id: number) => unknown, transfer: ArrayBuffer[]): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, s) => (s.inFlight < a.inFlight ? s : a));
    const id = this.nextId++;
    const result = new Promise<Reply>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (slot.inFlight++ === 0) slot.worker.ref();
    slot.worker.postMessage(message(id), transfer);
    return result;
  }

  /** Sends a message that has no reply to every worker (in order with the requests). */
  broadcast(message: unknown): void {
    for (const s of this.slots) s.worker.postMessage(message);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private settle(slot: Slot, m: Reply): void {
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
