// Test inputs made with zlib: BGZF with chosen block sizes, so block boundaries fall inside lines.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll, expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import type { IndexedOptions } from '../../src/io/tabix.js';

export const BGZF_EOF = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex');

/** One BGZF block holding `data` (at most 64 KiB); level 0 stores it as is (a byte changed in the block changes the text). */
export function bgzfBlock(data: Buffer, level = zlib.constants.Z_DEFAULT_COMPRESSION): Buffer {
  const cdata = zlib.deflateRawSync(data, { level });
  const header = Buffer.from([0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, 66, 67, 2, 0, 0, 0]);
  header.writeUInt16LE(header.length + cdata.length + 8 - 1, 16);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(zlib.crc32(data), 0);
  trailer.writeUInt32LE(data.length, 4);
  return Buffer.concat([header, cdata, trailer]);
}

/** BGZF of `text` cut every `blockSize` bytes, with the EOF marker unless told otherwise. */
export function bgzf(text: string | Buffer, blockSize = 65280, eof = true): Buffer {
  const data = Buffer.from(text);
  const blocks: Buffer[] = [];
  for (let i = 0; i < data.length; i += blockSize) blocks.push(bgzfBlock(data.subarray(i, i + blockSize)));
  if (eof) blocks.push(BGZF_EOF);
  return Buffer.concat(blocks);
}

/** Deterministic VCF-like text of about `bytes` bytes with lines of varied length. */
export function vcfText(bytes: number): string {
  const lines = ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];
  let size = 0;
  let seed = 7;
  for (let pos = 1; size < bytes; pos++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const info = 'X'.repeat(seed % 300);
    const line = `chr1\t${pos * 10}\t.\tA\tG\t50\tPASS\tDP=${seed % 1000};N=${info}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

const made: string[] = [];
// Registered when a test file imports this module: its temporary folders go when the file is done.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vcfact-io-'));
  made.push(dir);
  return dir;
}

/** Index options for indexes that must be trusted: a warning fails the test. */
export const strictIndex: IndexedOptions = {
  warn(why) {
    throw new Error(`the index was not used: ${why}`);
  },
};

export async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

/** The InputError a promise rejects with (the test fails if it resolves or throws anything else). */
export async function failure(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}
