// Reads only some members of the results of a JSON output in vcfact's layout (JSON.stringify with an
// indent of 2, src/sink/json.ts), without parsing the rest: `summary` needs a few short fields of each
// pgx result, not its evidence and recommendation texts, and parsing a 2,500-sample output whole took
// it seconds. The layout makes this exact: a string never holds a raw line break, so every line break
// is the writer's and the spaces after it are twice the nesting depth. A member of an object indented
// n spaces is a line of n spaces and `"key": value`; a value that opens an array or object ends its
// line with `[` or `{` (a scalar line ends in a quote, digit or letter; an empty one in `[]` or `{}`)
// and closes on the first later line of n spaces and `]` or `}`.
import type { Result } from '../sink/types.js';

/** The members to read of each object: scalar values by key, arrays of objects read in turn. */
export class Projection {
  readonly arrays: ReadonlyMap<string, Projection>;
  /** The names by length, to tell a key from its bytes without decoding every key. */
  private readonly byLength: string[][] = [];

  constructor(
    readonly keys: ReadonlySet<string>,
    arrays: ReadonlyMap<string, Projection> = new Map(),
  ) {
    this.arrays = arrays;
    for (const name of [...keys, ...arrays.keys()]) (this.byLength[name.length] ??= []).push(name);
  }

  get size(): number {
    return this.keys.size + this.arrays.size;
  }

  /** The projected name whose (ASCII) bytes are buf[from, to), or undefined. */
  nameAt(buf: Buffer, from: number, to: number): string | undefined {
    const names = this.byLength[to - from];
    if (names === undefined) return undefined;
    next: for (const name of names) {
      for (let i = 0; i < name.length; i++) if (buf[from + i] !== name.charCodeAt(i)) continue next;
      return name;
    }
    return undefined;
  }
}

export const projection = (keys: string[], arrays: [string, Projection][] = []): Projection => new Projection(new Set(keys), new Map(arrays));

const NL = 10;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/** True when the byte at i starts its line after exactly `indent` spaces. */
function atIndent(buf: Buffer, i: number, indent: number): boolean {
  if (i - indent - 1 < 0 || buf[i - indent - 1] !== NL) return false;
  for (let k = i - indent; k < i; k++) if (buf[k] !== SPACE) return false;
  return true;
}

/** The index of the closing byte (] or }) on a line of `indent` spaces in [from, to), or -1. */
export function closingLine(buf: Buffer, from: number, to: number, indent: number, close: number): number {
  for (let i = buf.indexOf(close, from); i !== -1 && i < to; i = buf.indexOf(close, i + 1)) if (atIndent(buf, i, indent)) return i;
  return -1;
}

/** The last byte of a value ending its line at eol (before a trailing comma). */
const lastOf = (buf: Buffer, eol: number): number => (buf[eol - 1] === COMMA ? eol - 2 : eol - 1);

const lineEnd = (buf: Buffer, i: number): number => buf.indexOf(NL, i);

/** An array's elements (indented `indent`) in [from, to): objects projected, anything else parsed. */
function elements(buf: Buffer, from: number, to: number, indent: number, p: Projection): unknown[] {
  const out: unknown[] = [];
  for (let line = from; line < to; ) {
    const eol = lineEnd(buf, line);
    const last = lastOf(buf, eol);
    const opener = buf[last];
    if (opener === OPEN_OBJECT || opener === OPEN_ARRAY) {
      const close = closingLine(buf, eol, to, indent, opener === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY);
      const next = lineEnd(buf, close) + 1;
      out.push(opener === OPEN_OBJECT ? project(buf, eol + 1, close - indent, indent + 2, p) : JSON.parse(buf.toString('utf8', line, lastOf(buf, next - 1) + 1)));
      line = next;
    } else {
      out.push(JSON.parse(buf.toString('utf8', line + indent, last + 1)));
      line = eol + 1;
    }
  }
  return out;
}

/**
 * The projected members of the object whose member lines (indented `indent`) fill [from, to), `to`
 * being the start of its closing line. Stops once every key and array of the projection is read.
 */
export function project(buf: Buffer, from: number, to: number, indent: number, p: Projection): Result {
  const out: Result = {};
  let wanted = p.size;
  for (let line = from; line < to && wanted > 0; ) {
    const key = line + indent;
    // A key vcfact writes needs no escapes; one that has them is no projected key, and is skipped.
    const keyEnd = buf.indexOf(QUOTE, key + 1);
    const eol = lineEnd(buf, keyEnd);
    const last = lastOf(buf, eol);
    const name = p.nameAt(buf, key + 1, keyEnd);
    const opener = buf[last];
    if (opener === OPEN_OBJECT || opener === OPEN_ARRAY) {
      const close = closingLine(buf, eol, to, indent, opener === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY);
      const sub = opener === OPEN_ARRAY && name !== undefined ? p.arrays.get(name) : undefined;
      if (name === undefined) {
        // Not read: skipped whole.
      } else if (sub) {
        out[name] = elements(buf, eol + 1, close - indent, indent + 2, sub);
        wanted--;
      } else if (p.keys.has(name)) {
        out[name] = JSON.parse(buf.toString('utf8', keyEnd + 3, close + 1));
        wanted--;
      }
      line = lineEnd(buf, close) + 1;
    } else if (name !== undefined) {
      if (p.keys.has(name)) {
        // After the key: `": ` then the value.
        out[name] = JSON.parse(buf.toString('utf8', keyEnd + 3, last + 1));
        wanted--;
      } else if (opener === CLOSE_ARRAY && p.arrays.has(name)) {
        out[name] = [];
        wanted--;
      }
      line = eol + 1;
    } else {
      line = eol + 1;
    }
  }
  return out;
}
