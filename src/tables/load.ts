// Reads the user tables of a run (--table, repeatable): plain or gzip/BGZF by magic bytes, each
// checked whole before the first record (header, columns, every row), their names unique among the
// run's tables. Any problem is exit 4 (KbError) naming file, line, column and the text.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { KbError } from '../errors.js';
import { gzipReason } from '../io/inflate.js';
import { sniffFormat } from '../io/sniff.js';
import { readKbBytes } from '../kb/read-json.js';
import type { Build } from '../types.js';
import { parseHeader } from './header.js';
import { rowParser } from './rows.js';
import type { LocalTable, TableRow } from './types.js';

/** The table's text: gzip (and BGZF, a series of gzip members) inflated, a UTF-8 BOM dropped. */
function tableText(bytes: Buffer, file: string): string {
  let raw = bytes;
  if (sniffFormat(bytes) !== 'plain') {
    try {
      raw = gunzipSync(bytes);
    } catch (e) {
      throw new KbError(`the table is gzip-compressed but does not inflate (${gzipReason(e as Error)})`, { file }, e);
    }
  }
  const text = raw.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses and checks one table from its bytes; `file` names it in messages. */
export function parseTable(bytes: Buffer, file: string): LocalTable {
  const lines = tableText(bytes, file).split('\n');
  // A final newline leaves one empty piece; CRLF files lose their CR.
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) if ((lines[i] as string).endsWith('\r')) lines[i] = (lines[i] as string).slice(0, -1);
  const h = parseHeader(lines, file);
  const parseRow = rowParser(h, file);
  const rows: TableRow[] = [];
  for (let i = h.columnLine + 1; i < lines.length; i++) rows.push(parseRow(lines[i] as string, i + 1));
  return {
    file,
    name: h.name,
    version: h.version,
    build: h.build,
    licence: h.licence,
    description: h.description,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    columns: h.columns,
    rows,
  };
}

/** Two tables with one name are refused: the name is the `kb` of their rows. */
export function checkNames(tables: readonly LocalTable[]): void {
  tables.forEach((t, i) => {
    const twin = tables.slice(0, i).find((o) => o.name === t.name);
    if (twin) throw new KbError(`two tables are named '${t.name}' (also ${twin.file}); a table's name must be unique in a run`, { file: t.file, text: `##name=${t.name}` });
  });
}

/** Every table given, read and checked; two tables with one name are refused. */
export function loadTables(files: readonly string[]): LocalTable[] {
  const tables = files.map((file) => parseTable(readKbBytes(file, 'table'), file));
  checkNames(tables);
  return tables;
}

/**
 * A table in the other build than the input is an error (no silent liftover). `source` says how the
 * input's build was decided; `what` names what is in `build` ('the input', or '-g' for kb regions).
 */
export function checkTableBuilds(tables: readonly LocalTable[], build: Build, source: string, what = 'the input'): void {
  const other = tables.find((t) => t.build !== build);
  if (other) {
    const is = what === '-g' ? `-g asks for ${build}` : `${what} is ${build} (${source})`;
    throw new KbError(`the table '${other.name}' is ${other.build} but ${is}; vcfact does not lift tables over: give a ${build} table`, { file: other.file });
  }
}
