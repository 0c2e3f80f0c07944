// vitest globalSetup: the suite runs with TMPDIR set to a fresh folder of its own (so runs of other
// people on the same machine do not count), and fails if a `vcfact-*` entry is left in it at the
// end: every test removes the temporary folders and files it makes, CLI runs included. (Tools keep
// their own caches there, e.g. tsx-0; those are not the tests' and go with the folder.)
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outer = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'vcfact-test-run-'));
  // Workers and the CLI processes they start inherit it; os.tmpdir() reads TMPDIR on each call.
  process.env.TMPDIR = dir;
  return () => {
    const left = readdirSync(dir).filter((f) => f.startsWith('vcfact-'));
    rmSync(dir, { recursive: true, force: true });
    if (outer === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = outer;
    if (left.length > 0) {
      throw new Error(`tests left ${left.length} vcfact-* entries in the temporary directory (each test must remove what it makes): ${left.sort().join(', ')}`);
    }
  };
}
