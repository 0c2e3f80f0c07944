import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BgzfOutput } from '../../src/io/bgzf-writer.js';
import { openBytes } from '../../src/io/open.js';
import { openOutput, type Output } from '../../src/io/output.js';
import { BGZF_EOF, tempDir, vcfText } from './helpers.js';

/** An Output in memory. */
class Memory implements Output {
  readonly name = 'memory';
  readonly closed = false;
  readonly gone = new Promise<void>(() => undefined);
  chunks: Buffer[] = [];
  state: 'open' | 'closed' | 'aborted' = 'open';
  write(s: string | Buffer): void {
    this.chunks.push(Buffer.from(s));
  }
  async close(): Promise<void> {
    this.state = 'closed';
  }
  async abort(): Promise<void> {
    this.state = 'aborted';
  }
  get bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

interface Block {
  size: number;
  isize: number;
}

/** Walks the blocks by their BSIZE, checking the gzip header and BC extra field of each. */
function blocks(b: Buffer): Block[] {
  const out: Block[] = [];
  for (let o = 0; o < b.length; ) {
    expect([...b.subarray(o, o + 4)]).toEqual([0x1f, 0x8b, 8, 4]);
    expect(b.readUInt16LE(o + 10)).toBe(6); // XLEN
    expect(b.subarray(o + 12, o + 16).toString('latin1')).toBe('BC\x02\x00');
    const size = b.readUInt16LE(o + 16) + 1;
    out.push({ size, isize: b.readUInt32LE(o + size - 4) });
    o += size;
  }
  return out;
}

async function compress(text: Buffer, threads: number, pieces = 7): Promise<Buffer> {
  const mem = new Memory();
  const out = new BgzfOutput(mem, threads);
  // Written in uneven pieces, as a sink does.
  const step = Math.max(1, Math.ceil(text.length / pieces));
  for (let s = 0; s < text.length; s += step) await out.write(text.subarray(s, s + step));
  await out.close();
  expect(mem.state).toBe('closed');
  return mem.bytes;
}

describe('BgzfOutput', () => {
  const text = Buffer.from(vcfText(3_000_000));

  for (const threads of [0, 2]) {
    it(`writes BGZF that gunzip reads back (${threads} deflate workers), ending in the EOF block`, async () => {
      const gz = await compress(text, threads);
      expect(gunzipSync(gz).equals(text)).toBe(true);
      expect(gz.subarray(gz.length - 28).equals(BGZF_EOF)).toBe(true);
      const bs = blocks(gz);
      expect(bs.length).toBeGreaterThan(40);
      expect(Math.max(...bs.map((b) => b.size))).toBeLessThanOrEqual(65536);
      expect(bs.reduce((n, b) => n + b.isize, 0)).toBe(text.length);
    });
  }

  it('keeps incompressible blocks within 64 KiB (stored)', async () => {
    const noise = randomBytes(300_000);
    const gz = await compress(noise, 2, 3);
    expect(gunzipSync(gz).equals(noise)).toBe(true);
    expect(Math.max(...blocks(gz).map((b) => b.size))).toBeLessThanOrEqual(65536);
  });

  it("is read back by the project's own reader as BGZF, in parallel", async () => {
    const gz = await compress(text, 2);
    async function* bytes(): AsyncGenerator<Buffer> {
      yield gz;
    }
    const src = await openBytes(bytes(), 'mem', { threads: 2 });
    expect(src.format).toBe('bgzf');
    const chunks: Buffer[] = [];
    for await (const c of src.chunks()) chunks.push(c);
    expect(Buffer.concat(chunks).equals(text)).toBe(true);
  });

  it('writes only the EOF block for an empty output', async () => {
    expect((await compress(Buffer.alloc(0), 2)).equals(BGZF_EOF)).toBe(true);
  });

  it('drops the output on abort, without an EOF block', async () => {
    const mem = new Memory();
    const out = new BgzfOutput(mem, 2);
    await out.write(text);
    await out.abort();
    expect(mem.state).toBe('aborted');
    expect(mem.bytes.subarray(-28).equals(BGZF_EOF)).toBe(false);
  });
});

describe('openOutput with a .gz name', () => {
  it('writes BGZF to the file (atomically), plain for other names', async () => {
    const dir = tempDir();
    for (const name of ['out.tsv.gz', 'OUT.JSON.GZ', 'out.tsv']) {
      const out = openOutput(join(dir, name));
      await out.write('a\tb\n');
      await out.close();
      const written = readFileSync(join(dir, name));
      if (name === 'out.tsv') expect(written.toString()).toBe('a\tb\n');
      else {
        expect(written.subarray(-28).equals(BGZF_EOF)).toBe(true);
        expect(gunzipSync(written).toString()).toBe('a\tb\n');
      }
    }
  });
});
