// Checks that JSON read from a knowledge-base directory has the shape the code relies on, so a file
// that is JSON but not a table (`{"rows":[null,5]}`, a manifest table without sources) is an exit-4
// message naming the file and the field, never a TypeError deep inside a matcher.

type Scalar = 'string' | 'int' | 'number' | 'bool' | 'object' | 'array';

/**
 * What a value must be: a scalar kind (`'int|null'` also allows null); `fields`: an object with these
 * fields (others are not checked); `each`: an array whose items all pass; `values`: an object whose
 * values all pass; `tuple`: an array of exactly these items; `oneOf`: any of these.
 */
export type Check =
  | Scalar
  | `${Scalar}|null`
  | { readonly fields: Shape }
  | { readonly each: Check }
  | { readonly values: Check }
  | { readonly tuple: readonly Check[] }
  | { readonly oneOf: readonly Check[] };

export interface Shape {
  readonly [field: string]: Check;
}

const NAMES: Record<Scalar, string> = {
  string: 'a string',
  int: 'an integer',
  number: 'a number',
  bool: 'true or false',
  object: 'an object',
  array: 'an array',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalarOk(kind: Scalar, v: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof v === 'string';
    case 'int':
      return Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'bool':
      return typeof v === 'boolean';
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
  }
}

function found(v: unknown): string {
  if (v === undefined) return 'it is missing';
  const text = JSON.stringify(v);
  return `found ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
}

function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

/** A problem found below some value: the keys from there down, and what is wrong. */
interface Problem {
  keys: (string | number)[];
  what: string;
}

/**
 * What is wrong with `value` at `path` (e.g. 'rows[3].pos: expected an integer, found "x"'), or
 * undefined. The path is spelled out only for a problem: a table of 40,000 values is checked on every
 * run, and building a path string per value cost more than the checks themselves.
 */
export function shapeProblem(value: unknown, check: Check, path = ''): string | undefined {
  const p = problemOf(value, check);
  if (p === undefined) return undefined;
  const where = p.keys.reduce<string>((acc, k) => at(acc, k), path);
  return `${where === '' ? 'the top level' : where}: ${p.what}`;
}

function scalarProblem(value: unknown, check: Scalar | `${Scalar}|null`): Problem | undefined {
  const bar = check.indexOf('|');
  const kind = (bar < 0 ? check : check.slice(0, bar)) as Scalar;
  if (scalarOk(kind, value) || (bar >= 0 && value === null)) return undefined;
  return { keys: [], what: `expected ${NAMES[kind]}${bar >= 0 ? ' or null' : ''}, ${found(value)}` };
}

function problemOf(value: unknown, check: Check): Problem | undefined {
  if (typeof check === 'string') return scalarProblem(value, check);
  if ('oneOf' in check) {
    const problems = check.oneOf.map((c) => problemOf(value, c));
    return problems.includes(undefined) ? undefined : problems[0];
  }
  if ('tuple' in check) {
    if (!Array.isArray(value) || value.length !== check.tuple.length) return { keys: [], what: `expected an array of ${check.tuple.length}, ${found(value)}` };
    return firstProblem(check.tuple, (c, i) => below(i, problemOf(value[i], c)));
  }
  if ('each' in check) {
    if (!Array.isArray(value)) return { keys: [], what: `expected an array, ${found(value)}` };
    return firstProblem(value, (item, i) => below(i, problemOf(item, check.each)));
  }
  if (!isObject(value)) return { keys: [], what: `expected an object, ${found(value)}` };
  if ('values' in check) return firstProblem(Object.keys(value), (k) => below(k, problemOf(value[k], check.values)));
  return firstProblem(Object.keys(check.fields), (k) => below(k, problemOf(value[k], check.fields[k] as Check)));
}

/** A child's problem, one key further from the top. */
function below(key: string | number, p: Problem | undefined): Problem | undefined {
  p?.keys.unshift(key);
  return p;
}

function firstProblem<T>(items: readonly T[], problem: (item: T, i: number) => Problem | undefined): Problem | undefined {
  for (let i = 0; i < items.length; i++) {
    const p = problem(items[i] as T, i);
    if (p !== undefined) return p;
  }
  return undefined;
}
