// Writes a built knowledge base as a directory, atomically: every file goes into a temp folder
// beside OUT, which is then renamed to OUT, so OUT is never half-written. An existing non-empty OUT
// is refused unless `force` (then it is replaced as a whole, after the new one is complete).
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';

type OutState = 'absent' | 'empty' | 'full';

function outState(out: string): OutState {
  let isDir: boolean;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    return 'absent';
  }
  if (!isDir) throw new UsageError('-o must name a directory for the knowledge base; this is a file', { file: out });
  return readdirSync(out).length === 0 ? 'empty' : 'full';
}

/** Refuses an OUT that would be overwritten without `force` (checked before the build, and again at the end). */
export function checkOutDir(out: string, force: boolean): void {
  if (outState(resolve(out)) === 'full' && !force) {
    throw new UsageError('the output directory exists and is not empty; choose another -o or pass --force to replace it', { file: out });
  }
}

/** Writes `files` (relative path → content) as directory `out`, atomically. */
export function writeKbDir(out: string, files: ReadonlyMap<string, string>, force: boolean): void {
  const target = resolve(out);
  checkOutDir(target, force);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), `.${basename(target)}.building-`));
  try {
    for (const [rel, content] of files) {
      const file = join(tmp, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    if (outState(target) === 'absent') {
      renameSync(tmp, target);
      return;
    }
    // Move the old one aside first: a rename cannot replace a non-empty directory.
    const old = `${tmp}.old`;
    renameSync(target, old);
    try {
      renameSync(tmp, target);
    } catch (e) {
      renameSync(old, target);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
