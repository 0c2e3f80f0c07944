import { describe, expect, it } from 'vitest';
import { measure } from '../../bench/measure.js';
import { gist } from '../../bench/proc.js';

describe('measure', () => {
  it('times a command over several runs and reads its peak RSS', async () => {
    const m = await measure('sh', ['-c', 'echo hi'], { runs: 3, budgetS: 60, timeoutS: 10 });
    expect(m.ok).toBe(true);
    expect(m.walls).toHaveLength(3);
    expect(m.median).toBeGreaterThan(0);
    expect(m.rssMb).toBeGreaterThan(0);
  });

  it('reports a failing command with its exit code and message', async () => {
    const m = await measure('sh', ['-c', 'echo "vcfact: error: no such file" >&2; exit 3'], { runs: 3, budgetS: 60, timeoutS: 10 });
    expect(m.ok).toBe(false);
    expect(m.error).toBe('exit 3: vcfact: error: no such file');
  });

  it('kills a command that outlives its timeout', async () => {
    const m = await measure('sleep', ['30'], { runs: 1, budgetS: 60, timeoutS: 0.3 });
    expect(m.ok).toBe(false);
    expect(m.error).toMatch(/timed out after 0.3 s/);
  });
});

describe('gist', () => {
  it('picks the error line out of a Node stack trace', () => {
    const stderr = 'node:internal/x:1\n  throw e;\n  ^\n\nError [ERR_X]: Cannot find module\n    at f (x.js:1:1)\n\nNode.js v20.0.0\n';
    expect(gist(stderr)).toBe('Error [ERR_X]: Cannot find module');
    expect(gist('')).toBe('');
  });
});
