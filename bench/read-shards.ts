// The floor `merge` is held to (issue 12: merge ≤ 2× reading the shards): every line of each NDJSON
// shard read (with merge's own line reader) and parsed, nothing else. Run by bench/cohort.ts as
// `node --import tsx bench/read-shards.ts SHARD…`.
import { ByteWindow } from '../src/commands/output-bytes.js';

let lines = 0;
for (const file of process.argv.slice(2)) {
  const w = await ByteWindow.open(file);
  for (let line = await w.line(); line !== undefined; line = await w.line()) {
    if (line !== '') JSON.parse(line);
    lines++;
  }
}
process.stdout.write(`${lines} lines\n`);
