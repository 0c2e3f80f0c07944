// Reads one knowledge-base JSON file: a missing or corrupt file, or one that is JSON but not the
// expected shape, is a KB error (exit 4) naming the file (and the field).
import { readFileSync } from 'node:fs';
import { KbError } from '../errors.js';
import { type Check, shapeProblem } from './shape.js';

/** The file's bytes; unreadable is exit 4 naming it. */
export function readKbBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new KbError(`cannot read the ${what} (${why})`, { file: path }, e);
  }
}

/** Parses bytes already read and checks their shape; T is what `shape` describes. */
export function parseKbJson<T>(bytes: Buffer, path: string, what: string, shape: Check): T {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new KbError(`the ${what} is not valid JSON (${(e as Error).message})`, { file: path }, e);
  }
  const problem = shapeProblem(value, shape);
  if (problem !== undefined) throw new KbError(`the ${what} is not valid: ${problem}`, { file: path });
  return value as T;
}
