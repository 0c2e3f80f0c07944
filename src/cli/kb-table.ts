// The `kb` subcommands with user tables (--table FILE, repeatable): `validate --table` checks each
// table as a run would and prints a summary per table; `list`, `regions` and `show` include them.
import { describeAt, KbError, VcfactError } from '../errors.js';
import { openOutput } from '../io/output.js';
import { checkNames, checkTableBuilds, loadTables, parseTable } from '../tables/load.js';
import { readKbBytes } from '../kb/read-json.js';
import { showTableRows, SUMMARY_COLUMNS, tableSummary } from '../tables/show.js';
import type { LocalTable } from '../tables/types.js';
import type { Build } from '../types.js';

/** Collects a repeatable option's values in order (--table). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `kb list`: one line per table in the columns of the bundled tables (domain 'table'). */
export function tableListLines(tables: readonly LocalTable[]): string[] {
  return tables.map((t) => [t.name, 'table', t.rows.length, t.build, t.file, t.version, t.licence, t.sha256.slice(0, 12)].join('\t'));
}

/** `kb regions -g BUILD`: the tables, refused when one is in the other build (as a run refuses it). */
export function tablesFor(files: readonly string[], build: Build): LocalTable[] {
  const tables = loadTables(files);
  checkTableBuilds(tables, build, '', '-g');
  return tables;
}

/** `kb show QUERY --table …`: the table rows QUERY names, or undefined. */
export function showTables(files: readonly string[], query: string): string[] | undefined {
  return showTableRows(loadTables(files), query);
}

/**
 * `kb validate --table FILE…`: every table checked (each problem listed, not only the first table's),
 * one summary line per good table on stdout; any problem, or two tables of one name, is exit 4.
 */
export async function validateTables(files: readonly string[]): Promise<void> {
  const good: LocalTable[] = [];
  let bad = 0;
  for (const file of files) {
    try {
      good.push(parseTable(readKbBytes(file, 'table'), file));
    } catch (e) {
      if (!(e instanceof VcfactError)) throw e;
      bad++;
      process.stderr.write(`vcfact: ${e.describe()}\n`);
    }
  }
  const out = openOutput(undefined);
  await out.write(`${SUMMARY_COLUMNS.join('\t')}\n${good.map((t) => `${tableSummary(t)}\n`).join('')}`);
  await out.close();
  // The same names check as a run's, over the tables that parsed.
  checkNames(good);
  if (bad > 0) throw new KbError(`${bad} of ${files.length} table(s) have problems`);
  process.stderr.write(`vcfact: ${describeAt(`${files.length} table(s) valid`, {})}\n`);
}
