// BGZF input as pieces of inflated text: batches of whole blocks (bgzf.ts) inflated in the worker
// pool or inline (inflate-pool.ts), yielded in file order, optionally scanned in the workers by a
// scan plugin (the prefilter) so that only its results come back.
import { corrupt, cutBlocks } from './bgzf.js';
import { inflateInline, InflatePool, type BatchResult } from './inflate-pool.js';
import type { LineLimit } from './line-limit.js';

/** Inflated text (any cut), or a plugin's result for the next batch of text. */
export type BgzfPiece = Buffer | { scanned: unknown };

export interface ScannableSource extends AsyncIterable<BgzfPiece> {
  /** Installs the workers' plugin registered as `plugin`; false (nothing done) when inflating on this thread. */
  scanWith(plugin: string, config: unknown): boolean;
  /** A message for the plugins, delivered before any batch sent after it. */
  update(msg: unknown): void;
}

/** Compressed batches are about 350 KB (2 MB of text); buffers this large fit nearly all. */
const MIN_BATCH_BUFFER = 1 << 19;

/**
 * BGZF: batches of blocks inflated in parallel and yielded in file order. At most `2 × threads`
 * batches are in flight and a new one is sent only when the reader asks for more, so memory stays
 * bounded whatever the file size. Without scanWith() every piece is a Buffer.
 */
export class BgzfSource implements ScannableSource {
  /** Created when the iteration starts. */
  private pool: InflatePool | undefined;

  constructor(
    private readonly bytes: AsyncIterable<Buffer>,
    private readonly name: string,
    private readonly threads: number,
    private readonly batchSize: number | undefined,
    private readonly limit: LineLimit,
  ) {}

  scanWith(plugin: string, config: unknown): boolean {
    // The limit never sees the lines a worker scans whole: a limit shorter than a batch is checked here.
    if (!this.limit.coversBatches(this.batchSize)) return false;
    this.pool?.plugin(plugin, config);
    return this.pool !== undefined;
  }

  update(msg: unknown): void {
    this.pool?.update(msg);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<BgzfPiece> {
    const pool = (this.pool = this.threads > 1 ? new InflatePool(this.threads) : undefined);
    const maxInFlight = pool ? 2 * pool.size : 1;
    // Compressed batch buffers come back from the workers and are reused: no per-batch allocation.
    const spare: ArrayBuffer[] = [];
    const take = (size: number): Uint8Array => {
      let ab = spare.pop();
      if (ab === undefined || ab.byteLength < size) ab = new ArrayBuffer(Math.max(size, MIN_BATCH_BUFFER));
      return new Uint8Array(ab, 0, size);
    };
    const batches = cutBlocks(this.bytes, this.name, this.batchSize, take);
    const queue: { fileOffset: number; starts: Int32Array; result: Promise<BatchResult> }[] = [];
    try {
      let more = true;
      for (;;) {
        while (more && queue.length < maxInFlight) {
          const r = await batches.next();
          if (r.done) {
            more = false;
            break;
          }
          // Kept for error messages: the worker takes ownership of `data`, not of `starts`.
          const { fileOffset, starts } = r.value;
          const result = pool ? pool.run(r.value) : Promise.resolve(inflateInline(r.value));
          result.catch(() => undefined);
          queue.push({ fileOffset, starts, result });
        }
        const next = queue.shift();
        if (!next) return;
        const r = await next.result;
        if (r.data !== undefined) spare.push(r.data.buffer as ArrayBuffer);
        if ('error' in r) {
          throw corrupt(this.name, next.fileOffset + (next.starts[r.block] ?? 0), r.error);
        }
        const piece = 'out' in r ? Buffer.from(r.out.buffer, r.out.byteOffset, r.out.byteLength) : r;
        this.limit.piece(piece);
        yield piece;
      }
    } finally {
      await batches.return(undefined);
      await pool?.close();
    }
  }
}
