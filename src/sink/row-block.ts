// Rows in blocks: the rows of one split variant are every carrier × every feature, and they differ
// only in the carrier's own cells (sample, gt, zygosity, vaf, dp). A block holds each feature's row
// once, as a template whose carrier cells are CARRIER_CELL, and the carriers' cells as small typed
// records, so a sink formats a feature's shared cells once per variant instead of once per carrier
// (src/sink/tsv.ts, json.ts, ndjson.ts). blockRows() gives the same rows one object each.
import type { Result } from './types.js';

/** A template's value standing for the carrier's own cell under the same key. */
export const CARRIER_CELL: unique symbol = Symbol('carrier cell');

/** The cells that differ between the carriers of one variant. */
export interface CarrierCells {
  sample: string;
  gt: string;
  zygosity: string;
  vaf: number | undefined;
  dp: number | undefined;
}

export type CarrierKey = keyof CarrierCells;

/** Rows in carrier-major order: for each carrier, for each template, one row (unless held). */
export interface RowBlock {
  templates: readonly Result[];
  carriers: readonly CarrierCells[];
  /** 1 at carrier × templates.length + template for a row that is not written here (held back). */
  held?: Uint8Array;
}

/** The row of one template for one carrier: the template's keys in order, carrier cells filled in. */
export function rowOf(template: Result, carrier: CarrierCells): Result {
  const row: Result = {};
  for (const k in template) {
    const v = template[k];
    row[k] = v === CARRIER_CELL ? carrier[k as CarrierKey] : v;
  }
  return row;
}

/** Calls `each(carrier, template index)` for every row of the block that is written, in order. */
export function forEachRow(block: RowBlock, each: (carrier: CarrierCells, t: number) => void): void {
  const n = block.templates.length;
  const held = block.held;
  for (let c = 0; c < block.carriers.length; c++) {
    const carrier = block.carriers[c] as CarrierCells;
    for (let t = 0; t < n; t++) if (held === undefined || held[c * n + t] === 0) each(carrier, t);
  }
}

/** The block's rows, one object each (the library's variantRows, and the reference for the sinks' fast path). */
export function blockRows(block: RowBlock): Result[] {
  const rows: Result[] = [];
  forEachRow(block, (carrier, t) => rows.push(rowOf(block.templates[t] as Result, carrier)));
  return rows;
}

/** About this many characters of rows go to the output in one write: small enough that the rows
 * joined into one are still in the young generation (1 MB pieces measured 5× slower to join). */
const PIECE = 1 << 14;

/** The text of the block's rows (`render` gives one row's), in pieces of about PIECE characters. */
export function blockText(block: RowBlock, render: (carrier: CarrierCells, t: number) => string): string[] {
  // Rows joined once per piece: a string grown row by row would be a deep rope that every later
  // reader (the UTF-8 check, the encoder) must first flatten.
  const pieces: string[] = [];
  let rows: string[] = [];
  let length = 0;
  forEachRow(block, (carrier, t) => {
    const row = render(carrier, t);
    rows.push(row);
    length += row.length;
    if (length < PIECE) return;
    pieces.push(rows.join(''));
    rows = [];
    length = 0;
  });
  if (rows.length > 0) pieces.push(rows.join(''));
  return pieces;
}

// JSON text of block rows: a template cut into parts, literal runs of `"key": value` entries and the
// carrier cells between them; a carrier cell that is undefined is left out, as JSON.stringify does.

type JsonPart = string | { key: CarrierKey; prefix: string };

/** How one JSON sink writes an object: an entry's key and value, the separator, the braces around them. */
export interface JsonStyle {
  /** The text before an entry's value (`"key": `). */
  keyText(key: string): string;
  /** A value's text; undefined when JSON leaves the entry out (an undefined value). */
  valueText(value: unknown): string | undefined;
  sep: string;
  open: string;
  close: string;
}

/** The template's entries cut at its carrier cells, consecutive literal entries joined. */
export function jsonParts(template: Result, style: JsonStyle): JsonPart[] {
  const parts: JsonPart[] = [];
  for (const k in template) {
    const v = template[k];
    if (v === CARRIER_CELL) {
      parts.push({ key: k as CarrierKey, prefix: style.keyText(k) });
      continue;
    }
    const value = style.valueText(v);
    if (value === undefined) continue;
    const e = style.keyText(k) + value;
    const last = parts.length - 1;
    if (typeof parts[last] === 'string') parts[last] += style.sep + e;
    else parts.push(e);
  }
  return parts;
}

/** JSON text of carrier cells by value: a cohort's carriers share few distinct genotypes and sample names. */
const jsonOfText = new Map<string, string>();

/** JSON.stringify(v) of a carrier cell (a string or a number). */
function cellJson(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  let text = jsonOfText.get(v);
  if (text === undefined) {
    if (jsonOfText.size >= 1 << 16) jsonOfText.clear();
    jsonOfText.set(v, (text = JSON.stringify(v)));
  }
  return text;
}

/** The object's text for one carrier; equals the style's text of rowOf(template, carrier). */
export function jsonRow(parts: readonly JsonPart[], carrier: CarrierCells, style: JsonStyle): string {
  let body = '';
  for (const p of parts) {
    let text: string;
    if (typeof p === 'string') text = p;
    else {
      const v = carrier[p.key];
      if (v === undefined) continue;
      text = p.prefix + cellJson(v);
    }
    body = body === '' ? text : body + style.sep + text;
  }
  return body === '' ? '{}' : style.open + body + style.close;
}
