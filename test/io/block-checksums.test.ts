// Every inflate path checks each BGZF block's CRC32 and ISIZE: the streaming reader (inline and in
// the built workers), region reads through an index, the header read through an index, and the
// index file itself. The damaged blocks here are *stored* deflate blocks with one byte of text
// changed: they still inflate, to different text, so only the checksum can tell.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateBlock } from '../../src/io/inflate.js';
import { openInput } from '../../src/io/open.js';
import { openIndexed, type Region } from '../../src/io/tabix.js';
import { fixture } from '../helpers/cli.js';
import { BGZF_EOF, bgzf, failure, bgzfBlock, collect, strictIndex, tempDir, vcfText } from './helpers.js';

const STORED = 0;
const cases = fixture('io', 'index-cases.vcf.gz');
/** rs4244285 (1/1 in index-cases, 0/1 in the damaged copy). */
const rs4244285: Region[] = [{ chrom: 'chr10', start0: 94781000, end: 94782000 }];

/** Offsets of the blocks of a BGZF file (BSIZE at byte 16 of each header, as our writers make them). */
function blockStarts(b: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at < b.length; at += b.readUInt16LE(at + 16) + 1) out.push(at);
  return out;
}

/** A copy of `b` with the byte at `at` changed ('1' ↔ '0', else flipped). */
function changed(b: Buffer, at: number): Buffer {
  const copy = Buffer.from(b);
  copy[at] = copy[at] === 0x31 ? 0x30 : copy[at] === 0x30 ? 0x31 : (copy[at] as number) ^ 0x20;
  return copy;
}

describe('inflateBlock', () => {
  const text = Buffer.from('chr10\t94781859\trs4244285\tG\tA\t50\tPASS\t.\tGT\t1/1\n');
  const block = bgzfBlock(text, STORED);
  const gt = block.indexOf('1/1');

  it('inflates an intact block', () => {
    expect(inflateBlock(block, 0, block.length).equals(text)).toBe(true);
  });
  it('refuses a block whose data inflates but not to what its CRC32 says', () => {
    expect(() => inflateBlock(changed(block, gt), 0, block.length)).toThrow(/CRC32 mismatch/);
  });
  it('refuses a block whose ISIZE is not the inflated size', () => {
    const b = Buffer.from(block);
    b.writeUInt32LE(text.length - 1, b.length - 4);
    expect(() => inflateBlock(b, 0, b.length)).toThrow(/ISIZE mismatch/);
  });
});

describe('block checksums while streaming', () => {
  const text = vcfText(400_000);
  const whole = bgzf(text, 3000, true);
  // bgzf() compresses; rebuild with stored blocks so that a changed byte still inflates.
  const stored = Buffer.concat([
    ...Array.from({ length: Math.ceil(text.length / 3000) }, (_, i) => bgzfBlock(Buffer.from(text.slice(i * 3000, (i + 1) * 3000)), STORED)),
    BGZF_EOF,
  ]);
  const starts = blockStarts(stored);
  const k = Math.floor(starts.length / 2);
  const damaged = changed(stored, (starts[k] as number) + 100);

  for (const threads of [1, 2]) {
    it(`names the file and the block's offset (threads ${threads}${threads > 1 ? ', built workers' : ', inline'})`, async () => {
      const path = join(tempDir(), 'damaged.vcf.gz');
      writeFileSync(path, damaged);
      const src = await openInput(path, { threads });
      const e = await failure(collect(src.chunks()));
      expect(e.message).toContain(`CRC32 mismatch`);
      expect(e.message).toContain(`(BGZF block at byte ${starts[k]})`);
      expect(e.where.file).toBe(path);
    });
  }

  it('reads the intact files', async () => {
    const path = join(tempDir(), 'ok.vcf.gz');
    for (const bytes of [whole, stored]) {
      writeFileSync(path, bytes);
      expect(Buffer.concat(await collect((await openInput(path, { threads: 2 })).chunks())).toString()).toBe(text);
    }
  });
});

describe('block checksums through an index', () => {
  it('stops on a changed genotype in a region read (fixtures/bad/crc-via-index)', async () => {
    const path = fixture('bad', 'crc-via-index.vcf.gz');
    const e = await failure(collect(openIndexed(path, strictIndex).chunks(rs4244285)));
    expect(e.message).toMatch(/CRC32 mismatch .*\(BGZF block at byte \d+\)/);
    expect(e.where.file).toBe(path);
    // The intact file, through the same index: 1/1.
    const intact = Buffer.concat(await collect(openIndexed(cases, strictIndex).chunks(rs4244285))).toString();
    expect(intact).toMatch(/rs4244285\t.*\tGT\t1\/1\n/);
  });

  it('stops on a changed header line read through the index', async () => {
    const bytes = readFileSync(cases);
    const dir = tempDir();
    const path = join(dir, 'header.vcf.gz');
    writeFileSync(path, changed(bytes, bytes.indexOf('##contig=<ID=chr7')));
    copyFileSync(`${cases}.tbi`, `${path}.tbi`);
    const e = await failure(openIndexed(path, strictIndex).header());
    expect(e.message).toContain('CRC32 mismatch');
    expect(e.message).toContain('(BGZF block at byte 0)');
    expect(e.where.file).toBe(path);
  });

  describe('in the index file itself', () => {
    // The index re-written as stored 64-byte BGZF blocks: its names in the first, bins after (a
    // block's text starts 23 bytes in: 18 of BGZF header, 5 of stored-block header).
    const inflated = gunzipSync(readFileSync(`${cases}.tbi`));
    const storedIndex = Buffer.concat([
      ...Array.from({ length: Math.ceil(inflated.length / 64) }, (_, i) => bgzfBlock(inflated.subarray(i * 64, (i + 1) * 64), STORED)),
      BGZF_EOF,
    ]);
    const starts = blockStarts(storedIndex);

    function beside(index: Buffer): string {
      const path = join(tempDir(), 'x.vcf.gz');
      copyFileSync(cases, path);
      writeFileSync(`${path}.tbi`, index);
      return path;
    }

    it('reads the intact re-written index', async () => {
      const text = Buffer.concat(await collect(openIndexed(beside(storedIndex), strictIndex).chunks(rs4244285))).toString();
      expect(text).toContain('rs4244285');
    });
    it('stops on a changed contig name (the names read first)', async () => {
      const path = beside(changed(storedIndex, storedIndex.indexOf('chr10')));
      const e = await failure(openIndexed(path, strictIndex).contigs());
      expect(e.message).toContain('cannot read the index: CRC32 mismatch');
      expect(e.where.file).toBe(`${path}.tbi`);
    });
    it('stops on a changed byte among the bins', async () => {
      const path = beside(changed(storedIndex, (starts[3] as number) + 30));
      const r = openIndexed(path, strictIndex);
      expect(await r.contigs()).toEqual(['chr7', 'chr10']);
      const e = await failure(collect(r.chunks(rs4244285)));
      expect(e.message).toContain('cannot read the index: CRC32 mismatch');
      expect(e.where.file).toBe(`${path}.tbi`);
    });
  });
});
