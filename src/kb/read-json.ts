// Reads one knowledge-base JSON file; a missing or corrupt table is a KB error (exit 4) naming it.
import { readFileSync } from 'node:fs';
import { KbError } from '../errors.js';

export function readKbJson<T>(path: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KbError(`cannot read the ${what}`, { file: path }, e);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new KbError(`the ${what} is not valid JSON (${(e as Error).message})`, { file: path }, e);
  }
}
