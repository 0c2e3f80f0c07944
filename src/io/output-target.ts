// Where a result file may be written, decided before a byte is: -o must be a regular file (or not
// exist yet) and must not be the input, whatever name or link reaches it (same device and inode).
// The temporary file beside it is created exclusively, so a file or symlink planted under its name is
// never followed or truncated, and it takes the mode of the file it will replace.
import { randomBytes } from 'node:crypto';
import { fchmodSync, fstatSync, lstatSync, openSync, realpathSync, type Stats, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';

export interface OutputTarget {
  /** The file the result replaces or creates (a symlink given as -o resolved to its target). */
  path: string;
  /** Permission bits of the file being replaced; undefined for a new file (the umask decides). */
  mode?: number;
}

/** The input's identity, to refuse writing over it; undefined when it cannot be stat'ed (reported elsewhere). */
export function inputStats(input: string | undefined): Stats | undefined {
  if (input === undefined) return undefined;
  try {
    return input === '-' ? fstatSync(0) : statSync(input);
  } catch {
    return undefined;
  }
}

function kindOf(st: Stats): string {
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** True when `st` (what a name reaches) is the input itself: same device and inode, whatever the name or link. */
function isInput(st: Stats, input: Stats | undefined): boolean {
  return input !== undefined && st.dev === input.dev && st.ino === input.ino;
}

/** A path's stats, undefined when it cannot be reached (missing, or a parent is not a directory): creating the temp file reports why. */
function statsOf(stat: () => Stats | undefined): Stats | undefined {
  try {
    return stat();
  } catch {
    return undefined;
  }
}

/** Checks the -o path and says where the result goes; every refusal is exit 2, before any writing. */
export function outputTarget(name: string, input: Stats | undefined): OutputTarget {
  let path = name;
  if (statsOf(() => lstatSync(name))?.isSymbolicLink()) {
    // Replace the file the link points to, as `>` would, not the link; a dangling link is replaced.
    try {
      path = realpathSync(name);
    } catch {
      return { path };
    }
  }
  const st = statsOf(() => statSync(path));
  if (st === undefined) return { path };
  if (st.isDirectory()) throw new UsageError('cannot create output file: is a directory', { file: name });
  if (!st.isFile()) {
    throw new UsageError(`cannot write output to ${kindOf(st)}: -o must name a regular file (leave -o out to write to stdout)`, { file: name });
  }
  if (isInput(st, input)) {
    throw new UsageError('-o names the input file (the same file, by name or through a link); refusing to overwrite it', { file: name });
  }
  return { path, mode: st.mode & 0o777 };
}

/** `vcfact annotate in.vcf >> in.vcf` would read what it appends: exit 2 when stdout is the input file. */
export function refuseInputOnStdout(input: Stats | undefined): void {
  if (input === undefined) return;
  const st = statsOf(() => fstatSync(1));
  if (st?.isFile() && isInput(st, input)) throw new UsageError('stdout is the input file; refusing to write into what is being read');
}

const ATTEMPTS = 8;

/** Creates the temporary file beside the target (O_CREAT|O_EXCL, never through a link); returns its path and fd. */
export function createTemp(target: OutputTarget, name: string): { tmp: string; fd: number } {
  for (let i = 0; ; i++) {
    const tmp = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`);
    let fd: number;
    try {
      // Created no more permissive than the file it replaces (the umask can only take bits away)…
      fd = openSync(tmp, 'wx', target.mode ?? 0o666);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && i < ATTEMPTS) continue;
      const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code;
      throw new UsageError(`cannot create output file: ${why ?? (e as Error).message}`, { file: name }, e);
    }
    if (target.mode !== undefined) {
      // …then given exactly its mode (a 0600 result stays 0600, a 0640 one is not cut to the umask).
      try {
        fchmodSync(fd, target.mode);
      } catch {
        // A filesystem without modes: the file is at most as open as the one it replaces.
      }
    }
    return { tmp, fd };
  }
}
