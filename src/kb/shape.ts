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

/** What is wrong with `value` at `path` (e.g. 'rows[3].pos: expected an integer, found "x"'), or undefined. */
export function shapeProblem(value: unknown, check: Check, path = ''): string | undefined {
  const here = path === '' ? 'the top level' : path;
  if (typeof check === 'string') {
    const [kind, nullable] = check.split('|') as [Scalar, string | undefined];
    if (scalarOk(kind, value) || (nullable !== undefined && value === null)) return undefined;
    return `${here}: expected ${NAMES[kind]}${nullable ? ' or null' : ''}, ${found(value)}`;
  }
  if ('oneOf' in check) {
    const problems = check.oneOf.map((c) => shapeProblem(value, c, path));
    return problems.includes(undefined) ? undefined : problems[0];
  }
  if ('tuple' in check) {
    if (!Array.isArray(value) || value.length !== check.tuple.length) return `${here}: expected an array of ${check.tuple.length}, ${found(value)}`;
    return firstProblem(check.tuple, (c, i) => shapeProblem(value[i], c, at(path, i)));
  }
  if ('each' in check) {
    if (!Array.isArray(value)) return `${here}: expected an array, ${found(value)}`;
    return firstProblem(value, (item, i) => shapeProblem(item, check.each, at(path, i)));
  }
  if (!isObject(value)) return `${here}: expected an object, ${found(value)}`;
  if ('values' in check) return firstProblem(Object.keys(value), (k) => shapeProblem(value[k], check.values, at(path, k)));
  return firstProblem(Object.keys(check.fields), (k) => shapeProblem(value[k], check.fields[k] as Check, at(path, k)));
}

function firstProblem<T>(items: readonly T[], problem: (item: T, i: number) => string | undefined): string | undefined {
  for (let i = 0; i < items.length; i++) {
    const p = problem(items[i] as T, i);
    if (p !== undefined) return p;
  }
  return undefined;
}
