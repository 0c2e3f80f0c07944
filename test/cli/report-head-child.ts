// Child for report-head.test.ts: runs the CLI's main() on argv and, at exit, writes how many
// sample reports it built (PgxRun.results is called once per sample) to the file $BUILT_FILE.
import { writeFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import { PgxRun } from '../../src/pgx/run.js';

let built = 0;
const results = PgxRun.prototype.results;
PgxRun.prototype.results = function (this: PgxRun, ...args: Parameters<PgxRun['results']>) {
  built++;
  return results.apply(this, args);
};
process.on('exit', () => writeFileSync(process.env.BUILT_FILE as string, String(built)));
await main(['node', 'vcfact', ...process.argv.slice(2)]);
