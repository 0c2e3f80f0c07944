import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openOutput } from '../../src/io/output.js';
import { tempDir } from './helpers.js';

// Temp-file names come from randomBytes: made predictable here, so a test can plant a symlink under
// the very name the writer tries first (as an attacker who guessed it would).
const nextRandom = vi.hoisted(() => ({ n: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, randomBytes: (size: number) => Buffer.alloc(size, nextRandom.n++ % 256) };
});

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let dirs = 0;
function freshDir(): string {
  return mkdtempSync(join(scratch, `${dirs++}-`));
}

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

describe('openOutput to a file', () => {
  it('writes to a temp file and renames it over the old file on close', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.tsv');
    writeFileSync(path, 'old\n');
    const out = openOutput(path);
    await out.write('new\n');
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toHaveLength(2);
    await out.close();
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('leaves the old file untouched and removes the temp file on abort', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.tsv');
    writeFileSync(path, 'old\n');
    const out = openOutput(path);
    await out.write('partial');
    await out.abort();
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  // A signal that arrives while the output is closing (the run's last bytes flushing) must still
  // leave the old file and no temp file behind: the handler awaits abort, then the process dies.
  it('an abort while closing keeps the old file and removes the temp file', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.tsv');
    writeFileSync(path, 'old\n');
    const out = openOutput(path);
    await out.write('x'.repeat(1 << 20));
    const closing = out.close();
    await out.abort();
    expect(readdirSync(dir)).toEqual(['out.tsv']);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
    await closing;
    expect(readdirSync(dir)).toEqual(['out.tsv']);
  });

  it('creates no file at all on abort when none existed', async () => {
    const dir = tempDir();
    const out = openOutput(join(dir, 'x.json'));
    await out.write('{');
    await out.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('waits for the disk when writes outpace it, keeping every byte in order', async () => {
    const path = join(tempDir(), 'big.tsv');
    const out = openOutput(path);
    const line = `${'x'.repeat(999)}\n`;
    let waited = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = out.write(line);
      if (p) {
        waited++;
        await p;
      }
    }
    await out.close();
    expect(waited).toBeGreaterThan(0);
    const text = readFileSync(path, 'utf8');
    expect(text.length).toBe(20_000_000);
    expect(text.slice(0, 1000)).toBe(line);
  });

  it('reports a path in a missing directory as a usage error, before writing', () => {
    const path = join(tempDir(), 'no-dir', 'out.tsv');
    expect(() => openOutput(path)).toThrow(UsageError);
    expect(() => openOutput(path)).toThrow(/no such directory/);
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a directory as the output path', () => {
    const dir = tempDir();
    expect(() => openOutput(dir)).toThrow(/is a directory/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('openOutput: what -o may write over', () => {
  function input(dir: string): string {
    const path = join(dir, 'patient.vcf');
    writeFileSync(path, '##fileformat=VCFv4.2\n');
    return path;
  }

  for (const how of ['the same path', 'another spelling of the path', 'a hard link', 'a symbolic link'] as const) {
    it(`refuses the input file named through ${how} (exit 2), before writing anything`, () => {
      const dir = freshDir();
      const vcf = input(dir);
      const out = {
        'the same path': vcf,
        'another spelling of the path': join(dir, '.', '..', dir.split('/').pop() as string, 'patient.vcf'),
        'a hard link': join(dir, 'hard.tsv'),
        'a symbolic link': join(dir, 'sym.tsv'),
      }[how];
      if (how === 'a hard link') linkSync(vcf, out);
      if (how === 'a symbolic link') symlinkSync('patient.vcf', out);
      const before = readdirSync(dir).sort();
      expect(() => openOutput(out, vcf)).toThrow(UsageError);
      expect(() => openOutput(out, vcf)).toThrow(/input file/);
      expect(readFileSync(vcf, 'utf8')).toBe('##fileformat=VCFv4.2\n');
      expect(readdirSync(dir).sort()).toEqual(before);
    });
  }

  it('accepts another file beside the input', async () => {
    const dir = freshDir();
    const vcf = input(dir);
    const out = openOutput(join(dir, 'result.tsv'), vcf);
    await out.write('x\n');
    await out.close();
    expect(readFileSync(join(dir, 'result.tsv'), 'utf8')).toBe('x\n');
  });

  it('refuses a FIFO (a non-regular file) and leaves it in place', () => {
    const dir = freshDir();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => openOutput(fifo)).toThrow(UsageError);
    expect(() => openOutput(fifo)).toThrow(/a FIFO/);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('replaces the file a symlink points to, keeping the link', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'real.tsv'), 'old\n');
    symlinkSync('real.tsv', join(dir, 'link.tsv'));
    const out = openOutput(join(dir, 'link.tsv'));
    await out.write('new\n');
    await out.close();
    expect(readFileSync(join(dir, 'real.tsv'), 'utf8')).toBe('new\n');
    expect(readdirSync(dir).sort()).toEqual(['link.tsv', 'real.tsv']);
  });
});

describe('openOutput: the temporary file', () => {
  it('is created exclusively: a symlink planted under its name is not followed', async () => {
    const dir = freshDir();
    const victim = join(scratch, `victim-${dirs}.txt`);
    writeFileSync(victim, 'precious\n');
    // The names the writer would try first: today's random one, and the pid-based one of old.
    const first = `.out.tsv.${Buffer.alloc(6, nextRandom.n % 256).toString('hex')}.tmp`;
    symlinkSync(victim, join(dir, first));
    symlinkSync(victim, join(dir, `.out.tsv.${process.pid}.tmp`));
    const out = openOutput(join(dir, 'out.tsv'));
    await out.write('result\n');
    await out.close();
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'out.tsv'), 'utf8')).toBe('result\n');
  });

  it('gives the result the mode of the file it replaces (0600 stays 0600)', async () => {
    const dir = freshDir();
    const path = join(dir, 'private.tsv');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o600);
    const out = openOutput(path);
    await out.write('new\n');
    await out.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o640);
    const again = openOutput(path);
    await again.close();
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('gives a new file the umask default, as any new file in that directory', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'plain.txt'), '');
    const out = openOutput(join(dir, 'new.tsv'));
    await out.close();
    expect(statSync(join(dir, 'new.tsv')).mode & 0o777).toBe(statSync(join(dir, 'plain.txt')).mode & 0o777);
  });
});

/** Runs test/io/epipe-child.ts and closes its stdout after the first bytes, like `| head -c 10`. */
function runClosingEarly(): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(import.meta.dirname, 'epipe-child.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}

describe('openOutput to stdout', () => {
  it('ends quietly when the reader goes away (EPIPE) and tells the writer', async () => {
    const r = await runClosingEarly();
    expect(r.first.startsWith('line 0\n')).toBe(true);
    expect(r.stderr).toBe('');
    // The child exits 0 only when output.closed was set and `gone` resolved.
    expect(r.code).toBe(0);
  });
});
