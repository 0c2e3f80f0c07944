// Child for stdin.test.ts: reads '-' through openInput and prints format, bytes and chunk count.
import { openInput } from '../../src/io/open.js';

const src = await openInput('-', { threads: 2 });
let bytes = 0;
let chunks = 0;
for await (const c of src.chunks()) {
  bytes += c.length;
  chunks++;
}
process.stdout.write(`${src.format} ${bytes} ${chunks}\n`);
