// src/kb/shape.ts: the first thing wrong with a KB value, as a path and what was expected; and the
// bundled tables and manifest pass their declared shapes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_SHAPE } from '../../src/kb/manifest.js';
import { type Check, shapeProblem } from '../../src/kb/shape.js';
import { TABLE_SHAPES } from '../../src/kb/table-shapes.js';
import { ROOT } from '../helpers/cli.js';

describe('shapeProblem', () => {
  const row: Check = {
    fields: {
      id: 'int',
      name: 'string|null',
      tags: { each: 'string' },
      pair: { tuple: ['int', 'string'] },
      map: { values: 'bool' },
      expr: { oneOf: ['int', 'object'] },
    },
  };
  const good = { id: 1, name: null, tags: ['a'], pair: [2, 'x'], map: { k: true }, expr: { and: [1] }, extra: 'ignored' };

  it('accepts a value of the shape (fields not listed are not checked)', () => {
    expect(shapeProblem(good, row)).toBeUndefined();
    expect(shapeProblem({ ...good, expr: 7 }, row)).toBeUndefined();
  });

  it.each([
    [{ ...good, id: 1.5 }, 'id: expected an integer, found 1.5'],
    [{ ...good, id: undefined }, 'id: expected an integer, it is missing'],
    [{ ...good, name: 5 }, 'name: expected a string or null, found 5'],
    [{ ...good, tags: ['a', 3] }, 'tags[1]: expected a string, found 3'],
    [{ ...good, pair: [2] }, 'pair: expected an array of 2, found [2]'],
    [{ ...good, pair: [2, 3] }, 'pair[1]: expected a string, found 3'],
    [{ ...good, map: { k: 'yes' } }, 'map.k: expected true or false, found "yes"'],
    [{ ...good, expr: 'x' }, 'expr: expected an integer, found "x"'],
    [null, 'the top level: expected an object, found null'],
  ])('names the first problem: %j', (value, problem) => {
    expect(shapeProblem(value, row)).toBe(problem);
  });

  it('shortens a long value it quotes', () => {
    expect(shapeProblem('x'.repeat(100), 'int')).toBe(`the top level: expected an integer, found "${'x'.repeat(38)}…`);
  });
});

describe('the bundled knowledge base', () => {
  it('the manifest and every table it lists pass their shapes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'data', 'MANIFEST.json'), 'utf8')) as { tables: { file: string }[] };
    expect(shapeProblem(manifest, MANIFEST_SHAPE)).toBeUndefined();
    expect(manifest.tables.map((t) => t.file).sort()).toEqual(Object.keys(TABLE_SHAPES).sort());
    for (const t of manifest.tables) {
      const doc = JSON.parse(readFileSync(join(ROOT, 'data', t.file), 'utf8')) as unknown;
      expect(shapeProblem(doc, TABLE_SHAPES[t.file] as Check), t.file).toBeUndefined();
    }
  });
});
