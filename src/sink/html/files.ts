// A report directory (-o DIR/): one page per sample under a file name made safe from the sample
// name, plus index.html. Each page goes to a temporary file beside its destination as it is made
// (memory does not grow with the cohort); all are renamed into place when the run ends well, and
// removed when it does not, so a failed run leaves the directory as it was.
import { closeSync, mkdirSync, renameSync, type Stats, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors.js';
import { createTemp, outputTarget } from '../../io/output-target.js';

const MAX_NAME = 100;

/** True when -o names a directory for the pages: an existing one, or a path ending in '/'. */
export function isDirTarget(path: string): boolean {
  if (path.endsWith('/')) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** File names for samples, in the order asked: [A-Za-z0-9._-] only, unique without regard to case, never index.html. */
export class PageNames {
  private readonly taken = new Set<string>(['index']);

  name(sample: string): string {
    const base = sample.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._-]+/, '').slice(0, MAX_NAME) || 'sample';
    let name = base;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    this.taken.add(name.toLowerCase());
    return `${name}.html`;
  }
}

export class PageDir {
  private readonly pending: { tmp: string; dest: string }[] = [];

  /** Creates the directory when missing; refuses a path that is not one. Before any record is read. */
  constructor(
    readonly dir: string,
    private readonly input: Stats | undefined,
  ) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new UsageError(`cannot create the report directory: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { file: dir }, e);
    }
    if (!isDirTarget(dir)) throw new UsageError('-o for several HTML pages must name a directory', { file: dir });
  }

  /** Writes `file` to its temporary file now; it takes its name in commit(). */
  put(file: string, text: string): void {
    const name = join(this.dir, file);
    const target = outputTarget(name, this.input);
    const { tmp, fd } = createTemp(target, name);
    this.pending.push({ tmp, dest: target.path });
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  }

  commit(): void {
    for (const p of this.pending.splice(0)) renameSync(p.tmp, p.dest);
  }

  abort(): void {
    for (const p of this.pending.splice(0)) {
      try {
        unlinkSync(p.tmp);
      } catch {
        // Already gone.
      }
    }
  }
}
