// Child for output.test.ts: writes far more than a pipe holds to stdout; the parent closes the
// pipe early. Exits 0 only if the output noticed (closed + gone) without any error output.
import { openOutput } from '../../src/io/output.js';

const out = openOutput('-');
let gone = false;
void out.gone.then(() => (gone = true));
for (let i = 0; i < 2_000_000 && !out.closed; i++) {
  const p = out.write(`line ${i}\n`);
  if (p) await p;
  // Let the EPIPE error event arrive between synchronous pipe writes.
  if (i % 1000 === 0) await new Promise((r) => setImmediate(r));
}
await out.close();
await new Promise((r) => setImmediate(r));
process.exitCode = out.closed && gone ? 0 : 5;
