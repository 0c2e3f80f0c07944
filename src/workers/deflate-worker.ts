// Entry of the BGZF deflate worker threads (tsup builds it to dist/cli/deflate-worker.js; the pool
// in src/io/deflate-pool.ts starts them): each batch of text comes back as BGZF blocks
// (src/io/bgzf-deflate.ts), the text's buffer returned with it for reuse.
import { parentPort } from 'node:worker_threads';
import { bgzfBlocks } from '../io/bgzf-deflate.js';
import type { DeflateReply, DeflateRequest } from '../io/deflate-pool.js';

const port = parentPort ?? notAWorker();

port.on('message', (m: DeflateRequest) => {
  const out = bgzfBlocks(m.text.subarray(0, m.length));
  const reply: DeflateReply = { id: m.id, out, text: m.text };
  port.postMessage(reply, [out.buffer as ArrayBuffer, m.text.buffer as ArrayBuffer]);
});

function notAWorker(): never {
  throw new Error('deflate-worker.js runs as a worker thread only');
}
