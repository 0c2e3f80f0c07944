import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openBytes, openInput } from '../../src/io/open.js';
import { BGZF_EOF, bgzf, failure, collect, tempDir, vcfText } from './helpers.js';

const dir = tempDir();
let n = 0;
function file(name: string, data: string | Buffer): string {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, data);
  return p;
}

async function readAll(path: string, threads?: number): Promise<{ format: string; text: Buffer; chunks: Buffer[] }> {
  const src = await openInput(path, { threads });
  const chunks = await collect(src.chunks());
  return { format: src.format, text: Buffer.concat(chunks), chunks };
}

/** Every chunk but the last ends with a newline, and no chunk is empty. */
function expectWholeLines(chunks: Buffer[]): void {
  chunks.forEach((c, i) => {
    expect(c.length).toBeGreaterThan(0);
    if (i < chunks.length - 1) expect(c[c.length - 1]).toBe(0x0a);
  });
}

async function* pieces(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

const small = '##fileformat=VCFv4.2\n#CHROM\tPOS\nchr1\t1\nchr1\t2\n';
const big = vcfText(5_000_000);

describe('openInput: formats by magic bytes', () => {
  it('reads plain text, even when named .gz', async () => {
    const r = await readAll(file('plain.vcf.gz', small));
    expect(r.format).toBe('plain');
    expect(r.text.toString()).toBe(small);
  });

  it('reads gzip', async () => {
    const r = await readAll(file('x.txt', gzipSync(small)));
    expect(r.format).toBe('gzip');
    expect(r.text.toString()).toBe(small);
  });

  it('reads multi-member gzip', async () => {
    const r = await readAll(file('m.vcf.gz', Buffer.concat([gzipSync('a\nb'), gzipSync('c\n'), gzipSync('d\n')])));
    expect(r.text.toString()).toBe('a\nbc\nd\n');
  });

  it('reads BGZF named .vcf', async () => {
    const r = await readAll(file('b.vcf', bgzf(small)));
    expect(r.format).toBe('bgzf');
    expect(r.text.toString()).toBe(small);
  });

  it('treats gzip with an FEXTRA field lacking BC as plain gzip', async () => {
    const g = gzipSync(small);
    // FLG.FEXTRA with a 4-byte 'XY' subfield inserted after the 10-byte header.
    const withExtra = Buffer.concat([g.subarray(0, 10), Buffer.from([4, 0, 88, 89, 0, 0]), g.subarray(10)]);
    withExtra[3] = (withExtra[3] ?? 0) | 4;
    const r = await readAll(file('extra.gz', withExtra));
    expect(r.format).toBe('gzip');
    expect(r.text.toString()).toBe(small);
  });

  it('yields nothing for an empty file', async () => {
    const r = await readAll(file('empty.vcf', ''));
    expect(r.format).toBe('plain');
    expect(r.chunks).toEqual([]);
  });

  it('keeps a last line that lacks a newline', async () => {
    for (const data of [Buffer.from('a\nb'), gzipSync('a\nb'), bgzf('a\nb')]) {
      expect((await readAll(file('nonl', data))).text.toString()).toBe('a\nb');
    }
  });
});

describe('openInput: chunks hold whole lines', () => {
  for (const [kind, data] of [
    ['plain', Buffer.from(big)],
    ['gzip', gzipSync(big)],
    ['bgzf', bgzf(big, 1000)],
  ] as const) {
    it(`${kind}: chunks end at line ends and rebuild the input`, async () => {
      const r = await readAll(file(kind, data));
      expect(r.text.equals(Buffer.from(big))).toBe(true);
      expectWholeLines(r.chunks);
    });

    it(`${kind}: sniffs and splits a stream fed in small pieces (stdin-like)`, async () => {
      // Tiny pieces first (the sniffing must gather them), then pipe-sized ones.
      const src = await openBytes(
        (async function* () {
          yield* pieces(data.subarray(0, 200), 3);
          yield* pieces(data.subarray(200), 65536);
        })(),
        'stdin',
      );
      expect(src.format).toBe(kind);
      const chunks = await collect(src.chunks());
      expect(Buffer.concat(chunks).equals(Buffer.from(big))).toBe(true);
      expectWholeLines(chunks);
    });
  }

  it('gives large chunks', async () => {
    const r = await readAll(file('large', Buffer.from(big)));
    expect(r.chunks.length).toBeLessThanOrEqual(4);
  });

  it('rejects a second iteration', async () => {
    const src = await openInput(file('once', small));
    await collect(src.chunks());
    expect(() => src.chunks()).toThrow(/only once/);
  });
});

describe('openInput: BGZF in parallel', () => {
  // Small blocks so lines cross block boundaries, and enough data for many batches in flight.
  const data = bgzf(big, 777);
  const path = file('par.vcf.gz', data);

  it('gives byte-identical output with 0, 1, 2 and 3 threads', async () => {
    const outputs = await Promise.all([0, 1, 2, 3].map((t) => readAll(path, t)));
    for (const o of outputs) {
      expect(o.format).toBe('bgzf');
      expect(o.text.equals(Buffer.from(big))).toBe(true);
      expectWholeLines(o.chunks);
    }
  });

  it('reads a BGZF file larger than its (reused) read buffer, and gives the same text with 1 and 2 threads', async () => {
    // Hex digits compress to under half: 12 MB of text is more than one 4 MB read of compressed data.
    let seed = 11;
    const lines: string[] = [];
    for (let size = 0; size < 12_000_000; ) {
      let l = 'chr1';
      for (let k = 0; k < 12; k++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        l += `\t${seed.toString(16)}`;
      }
      lines.push(l);
      size += l.length + 1;
    }
    const text = Buffer.from(`${lines.join('\n')}\n`);
    const compressed = bgzf(text, 65280);
    expect(compressed.length).toBeGreaterThan(4 << 20);
    const p = file('reads.vcf.gz', compressed);
    for (const t of [1, 2]) expect((await readAll(p, t)).text.equals(text)).toBe(true);
  });

  it('stops its workers when the reader stops early', async () => {
    const src = await openInput(path, { threads: 2 });
    for await (const c of src.chunks()) {
      expect(c.length).toBeGreaterThan(0);
      break;
    }
  });

  it('reads ahead only a bounded amount while the reader is busy (back-pressure)', async () => {
    const text = vcfText(40_000_000);
    const data = bgzf(text);
    let pulled = 0;
    const counted = (async function* () {
      for await (const p of pieces(data, 65536)) {
        pulled += p.length;
        yield p;
      }
    })();
    const src = await openBytes(counted, 'stdin', { threads: 2 });
    const it = src.chunks()[Symbol.asyncIterator]();
    await it.next();
    await new Promise((r) => setTimeout(r, 300));
    // 4 batches of ~2 MB inflated in flight: far less than the 40 MB input, compressed or not.
    expect(pulled).toBeLessThan(data.length / 4);
    await it.return?.();
  });

  it('reads empty BGZF blocks inside the stream (concatenated files)', async () => {
    const r = await readAll(file('cat.vcf.gz', Buffer.concat([bgzf('a\n'), bgzf('b\n')])), 2);
    expect(r.text.toString()).toBe('a\nb\n');
  });
});

describe('openInput: bad inputs', () => {
  it('names a missing file', async () => {
    const e = await failure(openInput(join(dir, 'nope.vcf')));
    expect(e.exitCode).toBe(3);
    expect(e.describe()).toContain('nope.vcf');
    expect(e.message).toContain('no such file');
  });

  it('refuses a directory', async () => {
    const d = join(dir, 'a-dir');
    mkdirSync(d);
    const e = await failure(openInput(d));
    expect(e.message).toContain('is a directory');
    expect(e.where.file).toBe(d);
  });

  it('fails on truncated gzip after the data read so far', async () => {
    const g = gzipSync(big);
    const path = file('trunc.vcf.gz', g.subarray(0, g.length >> 1));
    const e = await failure(readAll(path));
    expect(e.message).toContain('truncated or corrupt gzip data');
    expect(e.where.file).toBe(path);
  });

  it('fails on a gzip file cut inside its header', async () => {
    const e = await failure(readAll(file('hdr.gz', gzipSync(small).subarray(0, 5))));
    expect(e.message).toContain('truncated or corrupt gzip data');
  });

  it('fails on corrupt gzip', async () => {
    const g = Buffer.from(gzipSync(big));
    g.fill(0xaa, 1000, 1100);
    const e = await failure(readAll(file('bad.gz', g)));
    expect(e.message).toContain('truncated or corrupt gzip data');
  });

  for (const threads of [1, 2]) {
    it(`fails on BGZF cut mid-block (threads ${threads})`, async () => {
      const b = bgzf(big, 30000);
      const path = file('cut.vcf.gz', b.subarray(0, b.length - BGZF_EOF.length - 1234));
      const e = await failure(readAll(path, threads));
      expect(e.message).toContain('truncated or corrupt gzip data');
      expect(e.where.file).toBe(path);
    });

    it(`fails on BGZF cut at a block boundary without the EOF marker (threads ${threads})`, async () => {
      const e = await failure(readAll(file('noeof.vcf.gz', bgzf(big, 30000, false)), threads));
      expect(e.message).toContain('missing BGZF end-of-file marker');
    });

    it(`fails on corrupt BGZF data (threads ${threads})`, async () => {
      const b = Buffer.from(bgzf(big, 30000));
      b.fill(0x55, 200_000, 200_050);
      const e = await failure(readAll(file('corrupt.vcf.gz', b), threads));
      expect(e.message).toMatch(/truncated or corrupt gzip data: .*BGZF block at byte \d+/);
    });

    it(`fails on a BGZF block whose CRC or size does not match (threads ${threads})`, async () => {
      const b = Buffer.from(bgzf(small));
      const isizeAt = b.length - BGZF_EOF.length - 4;
      b.writeUInt32LE(b.readUInt32LE(isizeAt) + 1, isizeAt);
      const e = await failure(readAll(file('isize.vcf.gz', b), threads));
      expect(e.message).toContain('ISIZE');
    });
  }

  it('fails when non-BGZF data follows BGZF blocks', async () => {
    const e = await failure(readAll(file('mixed.gz', Buffer.concat([bgzf('a\n', 100, false), gzipSync('b\n')]))));
    expect(e.message).toContain('not a BGZF block header');
  });

  it('fails on a corrupt stream fed in pieces, before the iteration ends', async () => {
    const g = gzipSync(big);
    const src = await openBytes(pieces(g.subarray(0, g.length - 100), 4096), 'stdin');
    const seen: Buffer[] = [];
    const e = await failure(
      (async () => {
        for await (const c of src.chunks()) seen.push(c);
      })(),
    );
    expect(e.where.file).toBe('stdin');
    expect(Buffer.concat(seen).length).toBeLessThan(big.length);
  });
});
