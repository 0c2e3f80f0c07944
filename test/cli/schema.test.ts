// Every golden JSON output validates against schema/annotate.schema.json and every NDJSON line against
// schema/annotate.ndjson.schema.json; the schemas are loaded together so their $id cross-references
// (common.schema.json, annotate.result.schema.json) resolve. Fresh CLI output is checked too, so a
// schema and the writer cannot drift apart while the golden files still match an old run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schema } from '../helpers/schemas.js';
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

const validateJson = schema('annotate.schema.json');
const validateLine = schema('annotate.ndjson.schema.json');

function errors(v: { errors?: unknown }): string {
  return JSON.stringify(v.errors?.valueOf(), null, 1)?.slice(0, 2000) ?? '';
}

const goldenDir = fixture('golden');
const cases = readdirSync(goldenDir).filter((d) => existsSync(join(goldenDir, d, 'cmd.json'))).sort();

describe('JSON Schemas', () => {
  it('compile with their cross-references', () => {
    expect(validateJson).toBeTypeOf('function');
    expect(validateLine).toBeTypeOf('function');
  });

  it('reject an output that breaks the contract (the schemas are not vacuous)', () => {
    const v = validateJson!;
    expect(v({})).toBe(false);
    const doc = JSON.parse(readFileSync(join(goldenDir, 'demo', 'expected.json'), 'utf8')) as { results: Record<string, unknown>[] };
    expect(v(doc)).toBe(true);
    const broken = structuredClone(doc);
    delete broken.results[0]?.pos;
    expect(v(broken)).toBe(false);
    expect(validateLine!({ type: 'nonsense' })).toBe(false);
  });

  for (const c of cases) {
    const json = join(goldenDir, c, 'expected.json');
    if (existsSync(json)) {
      it(`fixtures/golden/${c}/expected.json`, () => {
        const v = validateJson!;
        const ok = v(JSON.parse(readFileSync(json, 'utf8')));
        expect(ok, errors(v)).toBe(true);
      });
    }
    const nd = join(goldenDir, c, 'expected.ndjson');
    if (existsSync(nd)) {
      it(`fixtures/golden/${c}/expected.ndjson: every line, meta first, summary last`, () => {
        const v = validateLine!;
        const lines = readFileSync(nd, 'utf8').split('\n');
        expect(lines.pop()).toBe('');
        const objs = lines.map((l) => JSON.parse(l) as { type: string });
        objs.forEach((o, i) => expect(v(o), `line ${i + 1}: ${errors(v)}`).toBe(true));
        expect(objs[0]?.type).toBe('meta');
        expect(objs.at(-1)?.type).toBe('summary');
        expect(objs.slice(1, -1).every((o) => o.type === 'result')).toBe(true);
      });
    }
  }

  it('fresh output with warnings (a per-record problem) validates too', () => {
    const bad = fixture('bad', 'pos-letters.vcf');
    const j = vcfact(['annotate', '-q', '-O', 'json', bad]);
    expect(j.status).toBe(0);
    const doc = JSON.parse(j.stdout) as { warnings: unknown[] };
    expect(doc.warnings.length).toBeGreaterThan(0);
    expect(validateJson!(doc), errors(validateJson!)).toBe(true);
    const n = vcfact(['annotate', '-q', '-O', 'ndjson', bad]);
    for (const line of n.stdout.trim().split('\n')) expect(validateLine!(JSON.parse(line)), errors(validateLine!)).toBe(true);
  });
});
