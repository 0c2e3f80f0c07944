import { describe, expect, it } from 'vitest';
import { joinedPieces, wholeLines } from '../../src/io/lines.js';
import { bytesToSniff, sniffFormat } from '../../src/io/sniff.js';
import { bgzf, collect } from './helpers.js';

async function* of(...parts: string[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

const split = async (min: number, ...parts: string[]) =>
  (await collect(wholeLines(of(...parts), min))).map((b) => b.toString());

describe('wholeLines', () => {
  it('cuts at the last newline and carries the tail', async () => {
    expect(await split(1, 'ab\ncd', 'ef\ngh\n', 'ij')).toEqual(['ab\n', 'cdef\n', 'gh\n', 'ij']);
  });

  it('joins a line spread over many pieces', async () => {
    expect(await split(1, 'a', 'b', 'c', '\nd')).toEqual(['abc\n', 'd']);
  });

  it('gathers small pieces up to the minimum chunk size', async () => {
    expect(await split(8, 'a\n', 'b\n', 'c\n', 'd\ne\n')).toEqual(['a\nb\nc\nd\n', 'e\n']);
  });

  it('yields nothing for no input or empty pieces', async () => {
    expect(await split(1)).toEqual([]);
    expect(await split(1, '', '')).toEqual([]);
  });

  it('keeps a final newline-only piece as one line', async () => {
    expect(await split(1, 'a', '\n')).toEqual(['a\n']);
  });
});

describe('sniffFormat', () => {
  it('tells plain, gzip and BGZF apart', () => {
    expect(sniffFormat(Buffer.from('##fileformat'))).toBe('plain');
    expect(sniffFormat(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0, 0]))).toBe('gzip');
    expect(sniffFormat(bgzf('x\n'))).toBe('bgzf');
  });

  it('treats a lone 1f byte as plain and a bare gzip magic as gzip', () => {
    expect(sniffFormat(Buffer.from([0x1f]))).toBe('plain');
    expect(sniffFormat(Buffer.from([0x1f, 0x8b]))).toBe('gzip');
  });

  it('asks for the whole FEXTRA field before deciding', () => {
    const head = bgzf('x\n').subarray(0, 12);
    expect(bytesToSniff(head)).toBe(18);
    expect(bytesToSniff(Buffer.from('plain text here'))).toBe(12);
  });
});

describe('joinedPieces', () => {
  async function* mixed(...parts: (string | { scanned: number })[]): AsyncGenerator<Buffer | { scanned: number }> {
    for (const p of parts) yield typeof p === 'string' ? Buffer.from(p) : p;
  }
  const show = async (...parts: (string | { scanned: number })[]) =>
    (await collectAll(joinedPieces(mixed(...parts)))).map((p) => (Buffer.isBuffer(p) ? p.toString() : p));

  async function collectAll<T>(it: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const x of it) out.push(x);
    return out;
  }

  it('joins text pieces without a newline to the next text piece', async () => {
    expect(await show('a\nb', 'cc', 'dd', 'e\nf', 'g\n')).toEqual(['a\nb', 'ccdde\nf', 'g\n']);
  });

  it('yields held text before a scan result, keeping the order', async () => {
    expect(await show('xx', 'yy', { scanned: 1 }, 'z', { scanned: 2 })).toEqual(['xxyy', { scanned: 1 }, 'z', { scanned: 2 }]);
  });

  it('yields what is held at the end', async () => {
    expect(await show('a', 'b')).toEqual(['ab']);
    expect(await show()).toEqual([]);
  });
});
