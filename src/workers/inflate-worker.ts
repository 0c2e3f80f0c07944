// Entry of the BGZF inflate worker threads (tsup builds it to dist/cli/inflate-worker.js; the pool
// in src/io/inflate-pool.ts starts them). Each batch is inflated with the one checking routine of
// src/io/inflate.ts. Scan plugins are typed modules imported here and installed by name: once one
// is installed, each batch's text goes to it inside the worker and only its result travels back.
// This file sits above io/ and vcf/ (an entry, like cli/) because it joins the two.
import { parentPort } from 'node:worker_threads';
import { inflateBatch } from '../io/inflate.js';
import type { BatchRequest, ScanPlugin, WorkerReply, WorkerRequest } from '../io/inflate-messages.js';
import { PREFILTER_PLUGIN, workerPlugin } from '../vcf/prefilter-plugin.js';

type PluginFactory = (config: never) => ScanPlugin;

const PLUGINS: Record<string, PluginFactory> = { [PREFILTER_PLUGIN]: workerPlugin };

const port = parentPort ?? notAWorker();

let plugin: ScanPlugin | undefined;
/** The plugin's text buffer, reused from batch to batch (the plugin copies what it keeps). */
let reused = new Uint8Array(0);

port.on('message', (m: WorkerRequest) => {
  if (m.type === 'plugin') plugin = start(m.name, m.config);
  else if (m.type === 'update') plugin?.update(m.data);
  else batch(m);
});

/** A plugin that is unknown or fails to start leaves every batch to the main thread: slower, same results. */
function start(name: string, config: unknown): ScanPlugin | undefined {
  const make = PLUGINS[name] as ((config: unknown) => ScanPlugin) | undefined;
  try {
    return make?.(config);
  } catch {
    return undefined;
  }
}

function batch(m: BatchRequest): void {
  const reuse = plugin !== undefined && plugin.keepsText !== true;
  if (reuse && reused.length < m.outSize) reused = new Uint8Array(m.outSize + (m.outSize >> 2));
  // A plugin that keeps the text gets a buffer of its own, not zero-filled first (inflate fills it all).
  const into = reuse ? reused : plugin?.keepsText === true ? Buffer.allocUnsafeSlow(m.outSize) : undefined;
  const r = inflateBatch(m.data, m.starts, m.outSize, into);
  if ('error' in r) {
    reply({ id: m.id, error: r.error, block: r.block });
    return;
  }
  const text = Buffer.from(r.out.buffer, 0, m.outSize);
  const scanned = plugin?.batch(text);
  // The compressed data goes back too, for the next batch to reuse.
  if (scanned !== undefined) reply({ id: m.id, scanned, data: m.data }, [m.data.buffer as ArrayBuffer, ...(reuse ? [] : [r.out.buffer as ArrayBuffer])]);
  else {
    const out = reuse ? new Uint8Array(text) : r.out;
    reply({ id: m.id, out, data: m.data }, [out.buffer as ArrayBuffer, m.data.buffer as ArrayBuffer]);
  }
}

function reply(m: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(m, transfer);
}

function notAWorker(): never {
  throw new Error('inflate-worker.js runs as a worker thread only');
}
