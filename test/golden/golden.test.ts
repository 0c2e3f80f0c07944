// Golden cases: each fixtures/golden/<case>/ holds cmd.json
//   {"args": [...], "input"?: "<file in the folder, or a path from the repo root>", "stdin"?: true}
// and one expected.<type> per output type (tsv, json, ndjson). The built CLI runs the command with
// `-O <type>` (from the repo root, so `input` in JSON outputs is the repo-relative path, or 'stdin')
// and its stdout must equal the file byte for byte.
//
// To regenerate after an intended change:   UPDATE_GOLDEN=1 npx vitest run test/golden
// (writes expected.tsv/json/ndjson for every case; read the diff before committing it: a golden file
// is a claim that those rows are right).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenCases, goldenDir, runCase, TYPES } from './cases.js';

const update = process.env.UPDATE_GOLDEN === '1';

describe('golden outputs', () => {
  const cases = goldenCases();
  it('has the cases the output contract needs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });
  for (const name of cases) {
    for (const type of TYPES) {
      const file = join(goldenDir, name, `expected.${type}`);
      if (!update && !existsSync(file)) continue;
      it(`${name} (${type})`, () => {
        const r = runCase(name, type);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        if (update) writeFileSync(file, r.stdout);
        expect(r.stdout).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});
