// Every fixtures/bad case through readVcf: the error (exit 3) carries the expected message; the
// per-record cases (args: --strict) are only warnings without --strict.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VcfactError } from '../../src/errors.js';
import { readAll } from './helpers.js';

const dir = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));
const cases = readdirSync(dir).filter((f) => f.endsWith('.vcf'));

describe('fixtures/bad', () => {
  it('has at least 15 cases, each with an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
    for (const c of cases) expect(readdirSync(dir)).toContain(c.replace(/\.vcf$/, '.expect.json'));
  });
  for (const c of cases) {
    const expected = JSON.parse(readFileSync(dir + c.replace(/\.vcf$/, '.expect.json'), 'utf8')) as {
      exit: number;
      message: string;
      args?: string[];
    };
    const strict = expected.args?.includes('--strict') ?? false;
    it(`${c}: exit ${expected.exit}, '${expected.message}'`, async () => {
      const text = readFileSync(dir + c);
      const err = await readAll(text, { strict: true, file: c }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(VcfactError);
      const e = err as VcfactError;
      expect(e.exitCode).toBe(expected.exit);
      expect(e.describe()).toContain(expected.message);
      expect(e.describe()).toContain(c);
      if (strict) {
        const { warnings } = await readAll(text, { file: c });
        expect(warnings.list().map((w) => w.message).join('\n')).toContain(expected.message);
      }
    });
  }
});
