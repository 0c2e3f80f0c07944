// BGZF deflate in worker threads (src/workers/deflate-worker.ts, built to dist/cli/deflate-worker.js):
// batches of text go out, their BGZF blocks come back; the caller keeps the order.
import { WorkerPool } from './worker-pool.js';

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

/** A fixed set of deflate workers; replies come back per request, the caller keeps the order. */
export class DeflatePool {
  private readonly pool: WorkerPool<DeflateReply>;

  constructor(threads: number) {
    this.pool = new WorkerPool<DeflateReply>('deflate-worker.js', threads);
  }

  run(text: Uint8Array, length: number): Promise<DeflateReply> {
    return this.pool.request((id): DeflateRequest => ({ id, text, length }), [text.buffer as ArrayBuffer]);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
