import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BgzfBlocks, LineCursor } from '../../src/io/tabix-blocks.js';
import { bgzf, bgzfBlock, tempDir, vcfText } from './helpers.js';

function file(bytes: Buffer): string {
  const path = join(tempDir(), 'x.gz');
  writeFileSync(path, bytes);
  return path;
}

function readAll(path: string, voff = 0): { text: string; offsets: number[] } {
  const blocks = new BgzfBlocks(path);
  try {
    const cursor = new LineCursor(blocks, voff);
    const lines: string[] = [];
    const offsets: number[] = [];
    while (cursor.read()) {
      lines.push(cursor.buf.toString('utf8', cursor.start, cursor.end));
      offsets.push(cursor.voff);
    }
    return { text: lines.map((l) => `${l}\n`).join(''), offsets };
  } finally {
    blocks.close();
  }
}

describe('LineCursor', () => {
  it('reads every line, joining lines cut across small blocks, with increasing offsets', () => {
    const text = vcfText(200_000);
    const { text: got, offsets } = readAll(file(bgzf(text, 997)));
    expect(got).toBe(text);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  it('starts at a virtual offset inside a later block', () => {
    const a = bgzfBlock(Buffer.from('one\ntw'));
    const b = bgzfBlock(Buffer.from('o\nthree\nfour\n'));
    const path = file(Buffer.concat([a, b]));
    // Block b starts at a.length; "three" is 2 bytes into it.
    expect(readAll(path, a.length * 65536 + 2).text).toBe('three\nfour\n');
    // An offset at the very end of a block's data means the start of the next block.
    expect(readAll(path, 6).text).toBe('o\nthree\nfour\n');
    expect(readAll(path).text).toBe('one\ntwo\nthree\nfour\n');
  });

  it('gives the last line without a newline and skips empty blocks', () => {
    const path = file(Buffer.concat([bgzfBlock(Buffer.from('a\nb')), bgzfBlock(Buffer.alloc(0)), bgzfBlock(Buffer.from('c'))]));
    expect(readAll(path).text).toBe('a\nbc\n');
  });

  it('reports a byte that starts no BGZF block, and a truncated block', () => {
    expect(() => readAll(file(Buffer.from('plain text, not BGZF\n')))).toThrow(/not a BGZF block header \(BGZF block at byte 0\)/);
    const whole = bgzf('x\ty\n'.repeat(100), 65280, false);
    expect(() => readAll(file(whole.subarray(0, whole.length - 5)))).toThrow(/the BGZF block is incomplete \(BGZF block at byte 0\)/);
  });

  it('reports a block whose data does not inflate to its stated size, naming the file', () => {
    const block = bgzfBlock(Buffer.from('hello\n'));
    block.writeUInt32LE(99, block.length - 4);
    const path = file(block);
    expect(() => readAll(path)).toThrow(/ISIZE mismatch .*\(BGZF block at byte 0\)/);
    expect(() => readAll(path)).toThrow(expect.objectContaining({ where: { file: path } }));
  });
});
