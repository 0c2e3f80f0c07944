// A frozen copy of the built CLI (bin/, dist/, data/, schema/, package.json) for one benchmark
// run: others rebuild dist/ while a full run takes a quarter of an hour, and rows measured on
// different builds would not compare (nor would streamed and indexed outputs). The copy lives
// inside the repository so that dist/ still resolves node_modules/ by walking up.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function snapshotBuild(root: string, outDir: string): string {
  const dir = join(outDir, 'build');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of ['bin', 'dist', 'data', 'schema', 'package.json']) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(dir, part), { recursive: true });
  }
  return join(dir, 'bin', 'vcfact.js');
}
