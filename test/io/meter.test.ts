// The input meter that the progress line polls: a file read from its path counts its bytes against
// its size; a FIFO given as a path has no size; an index query counts its regions.
import { spawn, spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { newMeter } from '../../src/io/meter.js';
import { openInput } from '../../src/io/open.js';
import { openIndexed } from '../../src/io/tabix.js';
import { bgzf, collect, strictIndex, tempDir, vcfText } from './helpers.js';

const dir = tempDir();
const text = vcfText(300_000);

describe('a file read from its path', () => {
  it.each([
    ['plain', Buffer.from(text)],
    ['gzip', gzipSync(text)],
    ['bgzf', bgzf(text, 4096)],
  ])('%s: the bytes read, of the file size', async (kind, bytes) => {
    const path = join(dir, `in.${kind}`);
    writeFileSync(path, bytes);
    const meter = newMeter();
    const input = await openInput(path, { meter, threads: 1 });
    expect(meter).toMatchObject({ total: bytes.length, unit: 'bytes' });
    expect(Buffer.concat(await collect(input.chunks())).toString()).toBe(text);
    expect(meter.done).toBe(bytes.length);
  });

  it('a FIFO has no size: bytes are counted, the total is unknown', async () => {
    const fifo = join(dir, 'fifo');
    const file = join(dir, 'fifo-src.vcf');
    writeFileSync(file, text);
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', file, fifo]);
    const written = new Promise((r) => writer.on('close', r));
    const meter = newMeter();
    const input = await openInput(fifo, { meter });
    await collect(input.chunks());
    await written;
    expect(meter.total).toBeUndefined();
    expect(meter.done).toBe(statSync(file).size);
  });
});

describe('an index query', () => {
  it('counts the regions read, of the regions planned', async () => {
    const meter = newMeter();
    const chunks = openIndexed(join(import.meta.dirname, '../../fixtures/io/regions.vcf.gz'), { ...strictIndex, meter }).chunks([
      { chrom: 'chr1', start0: 150, end: 250 },
      { chrom: 'chr1', start0: 1_400_000, end: 1_600_000 },
      { chrom: 'chr2', start0: 0, end: 100 },
    ]);
    await collect(chunks);
    expect(meter).toEqual({ done: 3, total: 3, unit: 'regions' });
  });
});
