// --max-line-bytes and binary input at the byte level: LineLimit on text cut anywhere, and through
// openInput for plain, gzip and BGZF (inflated on this thread and in workers).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { LineLimit } from '../../src/io/line-limit.js';
import { openInput } from '../../src/io/open.js';
import { bgzf, collect, tempDir } from './helpers.js';

const dir = tempDir();

/** Feeds `text` to a fresh limit in pieces of `size` bytes; the error it throws, if any. */
function feed(text: string | Buffer, max: number, size: number): InputError | undefined {
  const limit = new LineLimit('in.vcf', max);
  const data = Buffer.from(text);
  try {
    for (let i = 0; i < data.length; i += size) limit.text(data.subarray(i, i + size));
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  return undefined;
}

/** What the user sees of the error `f` throws. */
function thrown(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).describe();
  }
  return undefined;
}

const HEAD = '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n';
const record = (pos: number, info = '.') => `chr1\t${pos}\t.\tA\tG\t.\t.\t${info}\n`;

describe('LineLimit', () => {
  it('a line of exactly the limit passes, one byte more is an error naming its line, however the text is cut', () => {
    const exact = record(5, 'X'.repeat(100 - record(5, '').length + 1)); // 100 bytes before the newline
    expect(exact.length).toBe(101);
    const text = HEAD + record(1) + record(2) + exact + record(6);
    const longer = HEAD + record(1) + record(2) + exact.replace('X', 'XX') + record(6);
    for (const size of [1, 7, 64, 100_000]) {
      expect(feed(text, 100, size)).toBeUndefined();
      const e = feed(longer, 100, size);
      expect(e?.describe()).toBe('in.vcf:5: line longer than 100 bytes (--max-line-bytes)');
    }
  });

  it('stops a line without a newline once it passes the limit, without waiting for its end', () => {
    const limit = new LineLimit('in.vcf', 1000);
    limit.text(Buffer.from(HEAD + record(1)));
    limit.text(Buffer.alloc(600, 'A'));
    expect(thrown(() => limit.text(Buffer.alloc(600, 'A')))).toBe('in.vcf:4: line longer than 1000 bytes (--max-line-bytes)');
  });

  it('a NUL byte in the header or the first data line is binary input, named by line', () => {
    expect(feed(Buffer.alloc(4096), 1 << 20, 1024)?.describe()).toBe('in.vcf:1: binary data (a NUL byte), not a text VCF');
    expect(feed(`${HEAD}##x=a\0b\n${record(1)}`, 1 << 20, 5)?.describe()).toBe('in.vcf:3: binary data (a NUL byte), not a text VCF');
    expect(feed(`${HEAD}chr1\t1\0\n${record(2)}`, 1 << 20, 3)?.describe()).toBe('in.vcf:3: binary data (a NUL byte), not a text VCF');
    // Later data lines are the reader's business (a bad record, counted): not scanned for NUL here.
    expect(feed(`${HEAD}${record(1)}chr1\t2\0\n`, 1 << 20, 3)).toBeUndefined();
  });

  it('counts the lines of batches scanned in workers (head line, whole lines, tail)', () => {
    const limit = new LineLimit('in.vcf', 50);
    limit.text(Buffer.from(`${HEAD}chr1\t1`));
    // The batch ends the line in progress, holds 10 whole lines, and leaves 30 bytes of line 14.
    limit.scanned({ lines: 10, head: new Uint8Array(20), tail: new Uint8Array(30) });
    expect(thrown(() => limit.text(Buffer.alloc(21, 'A')))).toBe('in.vcf:14: line longer than 50 bytes (--max-line-bytes)');
    const again = new LineLimit('in.vcf', 50);
    again.text(Buffer.from(`${HEAD}${'A'.repeat(40)}`));
    expect(thrown(() => again.scanned({ lines: 0, head: new Uint8Array(11), tail: new Uint8Array(0) }))).toBe('in.vcf:3: line longer than 50 bytes (--max-line-bytes)');
  });

  it('lets workers scan only when the limit covers a whole batch', () => {
    expect(new LineLimit('x', 1000).coversBatches(1000)).toBe(false);
    expect(new LineLimit('x', 1000 + 65536).coversBatches(1000)).toBe(true);
    expect(new LineLimit('x').coversBatches()).toBe(true);
    expect(new LineLimit('x', 1 << 20).coversBatches()).toBe(false);
  });
});

describe('openInput with a line limit', () => {
  const lines = Array.from({ length: 2000 }, (_, i) => record(i + 1, `N=${'Y'.repeat(i % 50)}`)).join('');
  const text = `${HEAD}${lines}${record(9999, 'L'.repeat(5000))}${record(10_000)}`;
  const longLine = 2 + 2000 + 1;
  const write = (name: string, data: Buffer | string): string => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const files = { plain: write('l.vcf', text), gzip: write('l.vcf.gz', gzipSync(text)), bgzf: write('l.bgz', bgzf(text, 4000)) };

  for (const [format, path] of Object.entries(files)) {
    for (const threads of [1, 2]) {
      it(`${format}, ${threads} thread(s): the long line is exit 3 at its line; a higher limit reads it all`, async () => {
        const src = await openInput(path, { threads, maxLineBytes: 4000, batchSize: 3000 });
        const e = await collect(src.chunks()).then(() => undefined, (err: unknown) => err);
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).describe()).toBe(`${path}:${longLine}: line longer than 4000 bytes (--max-line-bytes)`);
        const all = await collect((await openInput(path, { threads, maxLineBytes: 5100, batchSize: 3000 })).chunks());
        expect(Buffer.concat(all).toString()).toBe(text);
      });
    }
  }

  it('/dev/zero is binary input at line 1, read no further than its first piece', async () => {
    const src = await openInput('/dev/zero');
    await expect(collect(src.chunks())).rejects.toThrow('binary data (a NUL byte), not a text VCF');
  });
});
