// Inflates batches of BGZF blocks, in worker threads or inline.
//
// The worker runs from source text (`eval: true`) instead of a file: the same code then works
// under vitest/tsx (which run .ts sources a plain worker cannot load) and from the tsup bundle
// (where this module is inlined into a chunk whose location differs from the source tree), with
// no path resolution at run time. The batch routine is that same text, compiled once more with
// `new Function` for inline use, so there is a single implementation.
//
// A scan plugin (source text of `(config) => {batch(text), update(msg)}`, see src/vcf/prefilter.ts)
// can be installed in the workers: from then on each batch is inflated into a reused buffer and
// handed to the plugin, and only its (small) result travels back; a batch the plugin declines
// comes back as text.

import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import type { BgzfBatch } from './bgzf.js';

export type BatchResult = ({ out: Uint8Array } | { scanned: unknown } | { error: string; block: number }) & {
  /** The batch's compressed data, back from the worker (free to reuse). */
  data?: Uint8Array;
};

// Plain JavaScript: it runs in the worker as a CommonJS script.
const INFLATE_BATCH = String.raw`
function inflateBatch(zlib, data, starts, outSize, checkCrc, into) {
  const out = into || new Uint8Array(outSize);
  let at = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const s = starts[i];
    const e = starts[i + 1];
    const xlen = data[s + 10] | (data[s + 11] << 8);
    const crc = (data[e - 8] | (data[e - 7] << 8) | (data[e - 6] << 16) | (data[e - 5] << 24)) >>> 0;
    const isize = (data[e - 4] | (data[e - 3] << 8) | (data[e - 2] << 16) | (data[e - 1] << 24)) >>> 0;
    let block;
    try {
      // chunkSize just above ISIZE: one output buffer per block, no concatenation.
      block = zlib.inflateRawSync(data.subarray(s + 12 + xlen, e - 8), { chunkSize: Math.max(64, isize + 1) });
    } catch (err) {
      return { error: err.message, block: i };
    }
    if (block.length !== isize) return { error: 'inflated size ' + block.length + ' differs from ISIZE ' + isize, block: i };
    if (checkCrc && zlib.crc32(block) !== crc) return { error: 'CRC32 mismatch', block: i };
    if (at + isize > outSize) return { error: 'inflated size exceeds the batch', block: i };
    out.set(block, at);
    at += isize;
  }
  return { out };
}
`;

const WORKER_SOURCE = `${INFLATE_BATCH}
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
// Transpilers that keep function names (esbuild keepNames, as under tsx) wrap functions in
// __name(fn, name), a helper outside the plugin's source text.
const keepName = (fn) => fn;
let plugin;
let reused = new Uint8Array(0);
parentPort.on('message', (m) => {
  if (m.type === 'plugin') {
    // A plugin that fails to start leaves every batch to the main thread: slower, same results.
    try {
      plugin = new Function('__name', 'return (' + m.source + ')')(keepName)(m.config);
    } catch {
      plugin = undefined;
    }
    return;
  }
  if (m.type === 'update') {
    plugin.update(m.data);
    return;
  }
  if (plugin && reused.length < m.outSize) reused = new Uint8Array(m.outSize + (m.outSize >> 2));
  const r = inflateBatch(zlib, m.data, m.starts, m.outSize, m.checkCrc, plugin ? reused : undefined);
  if (!r.out) {
    parentPort.postMessage({ id: m.id, error: r.error, block: r.block });
    return;
  }
  const text = Buffer.from(r.out.buffer, 0, m.outSize);
  const scanned = plugin ? plugin.batch(text) : undefined;
  // The compressed data goes back too, for the next batch to reuse.
  if (scanned) parentPort.postMessage({ id: m.id, scanned, data: m.data }, [m.data.buffer]);
  else {
    const out = plugin ? new Uint8Array(text) : r.out;
    parentPort.postMessage({ id: m.id, out, data: m.data }, [out.buffer, m.data.buffer]);
  }
});
`;

type InflateFn = (
  z: typeof zlib,
  data: Uint8Array,
  starts: Int32Array,
  outSize: number,
  checkCrc: boolean,
) => { out: Uint8Array } | { error: string; block: number };

const inflateBatch = new Function(`${INFLATE_BATCH}\nreturn inflateBatch;`)() as InflateFn;

// zlib.crc32 exists from Node 20.15; on older Node 20 only ISIZE is checked.
const CHECK_CRC = typeof (zlib as { crc32?: unknown }).crc32 === 'function';

export function inflateInline(b: BgzfBatch): BatchResult {
  return { ...inflateBatch(zlib, b.data, b.starts, b.outSize, CHECK_CRC), data: b.data };
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
    for (let i = 0; i < threads; i++) {
      // execArgv []: the plain-JS worker needs none of the parent's loaders (tsx, vitest), whose
      // start-up in each worker otherwise costs more than inflating a 200 MB file.
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (m: { id: number; out?: Uint8Array; scanned?: unknown; error?: string; block?: number; data?: Uint8Array }) => {
        slot.inFlight--;
        // An idle worker must not keep the process alive if the reader is abandoned.
        if (slot.inFlight === 0) worker.unref();
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.out) p?.resolve({ out: m.out, data: m.data });
        else if (m.scanned !== undefined) p?.resolve({ scanned: m.scanned, data: m.data });
        else p?.resolve({ error: m.error ?? 'unknown error', block: m.block ?? 0 });
      });
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
    slot.worker.postMessage({ id, data: b.data, starts: b.starts, outSize: b.outSize, checkCrc: CHECK_CRC }, [
      b.data.buffer as ArrayBuffer,
    ]);
    return result;
  }

  /** Installs a scan plugin in every worker; applies to batches sent from now on. */
  plugin(source: string, config: unknown): void {
    for (const s of this.slots) s.worker.postMessage({ type: 'plugin', source, config });
  }

  /** Passes a message to every worker's plugin (in order with the batches). */
  update(data: unknown): void {
    for (const s of this.slots) s.worker.postMessage({ type: 'update', data });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
