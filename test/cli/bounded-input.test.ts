// Bounded memory on any input (issue 9 §3), through the built CLI: --max-line-bytes on every
// reading command, a long line inflated from a small gzip stopped at the limit (peak RSS measured
// in the child), binary input (/dev/zero, a binary file) stopped at once, and the -R, -s and
// --outside-calls files read in bounded pieces.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bgzf } from '../io/helpers.js';
import { fixture, vcfact, vcfactAsync } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-bounded-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const source = readFileSync(fixture('vcf', 'multiallelic.vcf'), 'utf8');
const header = source.slice(0, source.indexOf('\n1\t') + 1);
const records = source.slice(header.length);
const headerLines = header.split('\n').length - 1;
/** A record whose INFO holds `n` extra bytes (S1..S3 columns as the fixture's). */
const longRecord = (n: number) => `1\t150\t.\tA\tG\t50\tPASS\tDP=3;X=${'A'.repeat(n)}\tGT\t0/1\t0/0\t0/0\n`;

function write(name: string, data: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
}

/** The one-line error, with no stack trace. */
function expectError(r: { status: number | null; stderr: string }, status: number, text: string): void {
  expect(r.stderr).toContain(text);
  expect(r.status).toBe(status);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe('--max-line-bytes', () => {
  const firstRecord = records.slice(0, records.indexOf('\n') + 1);
  const path = write('long.vcf', header + firstRecord + longRecord(2000) + records.slice(firstRecord.length));
  const longLine = headerLines + 2;

  for (const cmd of ['annotate', 'pgx', 'report']) {
    it(`${cmd}: a line over the limit is exit 3 naming file and line; under it the run succeeds`, () => {
      expectError(vcfact([cmd, path, '--max-line-bytes', '1000']), 3, `${path}:${longLine}: line longer than 1000 bytes (--max-line-bytes)`);
      const ok = vcfact([cmd, path, '--max-line-bytes', '3000', '-q']);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
    });
  }

  it('the value must be a whole number from 1 to the longest string Node holds', () => {
    for (const bad of ['0', 'abc', '1.5', String(2 ** 40)]) expectError(vcfact(['annotate', path, '--max-line-bytes', bad]), 2, '--max-line-bytes');
  });

  it('BGZF scanned in the inflate workers: the line is still counted right', () => {
    // 3 MB of ordinary lines (batches the workers scan), then a 3 MB line, over a 2.5 MB limit.
    const filler = Array.from({ length: 40_000 }, (_, i) => `1\t${1000 + i}\t.\tA\tG\t50\tPASS\tDP=${i}\tGT\t0/1\t0/0\t0/0\n`).join('');
    const text = header + filler + longRecord(3_000_000) + records;
    const gz = write('long-workers.vcf.gz', bgzf(text));
    const line = headerLines + 40_001;
    for (const threads of ['1', '2']) {
      expectError(vcfact(['annotate', gz, '--index', 'never', '--threads', threads, '--max-line-bytes', '2500000']), 3, `${gz}:${line}: line longer than 2500000 bytes`);
    }
  });

  it('a 300 MB line inflated from a 300 KB gzip stops at the default limit (256 MiB) in bounded memory', async () => {
    // Gzip members of 1 MiB of one byte each (about 1 KB compressed): a multi-member gzip file.
    const member = gzipSync(Buffer.alloc(1 << 20, 'A'), { level: 9 });
    const start = gzipSync(`${header}1\t150\t.\tA\tG\t50\tPASS\tX=`);
    const gz = write('huge-line.vcf.gz', Buffer.concat([start, ...Array<Buffer>(300).fill(member), gzipSync('\tGT\t0/1\t0/0\t0/0\n')]));
    const r = await vcfactAsync(['annotate', gz, '-q'], { rss: true, timeoutMs: 120_000 });
    expectError(r, 3, `${gz}:${headerLines + 1}: line longer than 268435456 bytes (--max-line-bytes)`);
    // Held: the line up to the limit, and the runtime. Buffering the whole line, then parsing it, took 680 MB.
    expect(r.maxRss).toBeLessThan(256 * 2 ** 20 + 160 * 2 ** 20);
  });
});

describe('binary input', () => {
  it('/dev/zero is exit 3 at once, naming the file', async () => {
    const r = await vcfactAsync(['annotate', '/dev/zero'], { rss: true, timeoutMs: 20_000 });
    expectError(r, 3, '/dev/zero:1: binary data (a NUL byte), not a text VCF');
    expect(r.maxRss).toBeLessThan(200 * 2 ** 20);
  });

  it('a binary file (bytes of every value) and a VCF header with a NUL are exit 3', () => {
    let seed = 9;
    const bytes = Buffer.from(Buffer.alloc(1 << 16).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 23));
    const bin = write('random.bin', bytes);
    expectError(vcfact(['pgx', bin]), 3, `${bin}:1: binary data (a NUL byte), not a text VCF`);
    const nul = write('nul-header.vcf', header.replace('##contig=<ID=2', '##contig=<ID=\u00002') + records);
    expectError(vcfact(['report', nul]), 3, `${nul}:3: binary data (a NUL byte), not a text VCF`);
  });
});

describe('files named by options are read bounded', () => {
  const vcf = fixture('vcf', 'multiallelic.vcf');
  const binary = write('names.bin', Buffer.from('S1\nS2\0\n'));

  it('-R /dev/zero and a binary -R file are exit 2 naming file and line', () => {
    expectError(vcfact(['annotate', vcf, '-R', '/dev/zero']), 2, '/dev/zero:1: the -R/--regions-file holds binary data (a NUL byte), not text');
    expectError(vcfact(['annotate', vcf, '-R', binary]), 2, `${binary}:2: the -R/--regions-file holds binary data`);
  });

  it('-s with a binary file of names is exit 2', () => {
    expectError(vcfact(['pgx', vcf, '-s', binary]), 2, `${binary}:2: the -s samples file holds binary data`);
  });

  it('--outside-calls with a binary file is exit 3, for pgx and report', () => {
    for (const cmd of ['pgx', 'report']) {
      expectError(vcfact([cmd, vcf, '--outside-calls', binary]), 3, `${binary}:2: the outside-call file holds binary data`);
    }
  });
});
