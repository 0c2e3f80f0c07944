// readTextFile: the bounded reader behind -R, -s and --outside-calls files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError, type VcfactError } from '../../src/errors.js';
import { readTextFile } from '../../src/io/text-file.js';
import { tempDir } from './helpers.js';

const dir = tempDir();

function failure(f: () => unknown): VcfactError {
  try {
    f();
  } catch (e) {
    return e as VcfactError;
  }
  throw new Error('expected an error');
}

describe('readTextFile', () => {
  it('returns the bytes of a text file', () => {
    const p = join(dir, 'names.txt');
    writeFileSync(p, 'S1\nS2\n');
    expect(readTextFile(p, 'samples file', UsageError).toString()).toBe('S1\nS2\n');
  });

  it('a file of exactly the limit is read; one byte more is an error of the class asked for', () => {
    const p = join(dir, 'big.txt');
    writeFileSync(p, 'x'.repeat(99) + '\n');
    expect(readTextFile(p, 'regions file', UsageError, 100).length).toBe(100);
    writeFileSync(p, 'x'.repeat(100) + '\n');
    const e = failure(() => readTextFile(p, 'regions file', UsageError, 100));
    expect(e).toBeInstanceOf(UsageError);
    expect(e.describe()).toBe(`${p}: the regions file is larger than 100 bytes`);
  });

  it('a NUL byte is binary data, named by its line, also past the first read', () => {
    const p = join(dir, 'bin.txt');
    writeFileSync(p, Buffer.concat([Buffer.from('a\nb\n'.repeat(300_000)), Buffer.from('c\0\n')]));
    const e = failure(() => readTextFile(p, 'outside-call file', InputError));
    expect(e).toBeInstanceOf(InputError);
    expect(e.describe()).toBe(`${p}:600001: the outside-call file holds binary data (a NUL byte), not text`);
  });

  it('/dev/zero ends at its first read; a missing file or a directory says why', () => {
    expect(failure(() => readTextFile('/dev/zero', 'samples file', UsageError)).describe()).toBe('/dev/zero:1: the samples file holds binary data (a NUL byte), not text');
    expect(failure(() => readTextFile(join(dir, 'none'), 'samples file', UsageError)).describe()).toContain('cannot read the samples file (ENOENT)');
    expect(failure(() => readTextFile(dir, 'samples file', UsageError)).describe()).toContain('cannot read the samples file (EISDIR)');
  });
});
