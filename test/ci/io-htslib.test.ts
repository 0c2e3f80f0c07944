// io against htslib's own tools: BGZF written by `bgzip`, regions answered by `tabix`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInput } from '../../src/io/open.js';
import { openIndexed, type Region } from '../../src/io/tabix.js';
import { collect, strictIndex, tempDir, vcfText } from '../io/helpers.js';

const dir = tempDir();

describe('openInput on bgzip output', () => {
  const text = vcfText(8_000_000);
  const plain = join(dir, 'big.vcf');
  writeFileSync(plain, text);
  const single = join(dir, 'single.vcf.gz');
  const threaded = join(dir, 'threaded.bin');
  writeFileSync(single, execFileSync('bgzip', ['-c', plain], { maxBuffer: 1 << 30 }));
  writeFileSync(threaded, execFileSync('bgzip', ['-@2', '-c', plain], { maxBuffer: 1 << 30 }));

  for (const path of [single, threaded]) {
    for (const threads of [1, 2]) {
      it(`${path.endsWith('.bin') ? 'bgzip -@2' : 'bgzip'} output, ${threads} thread(s), equals the input`, async () => {
        const src = await openInput(path, { threads });
        expect(src.format).toBe('bgzf');
        const chunks = await collect(src.chunks());
        expect(Buffer.concat(chunks).equals(Buffer.from(text))).toBe(true);
        for (const c of chunks.slice(0, -1)) expect(c[c.length - 1]).toBe(0x0a);
      });
    }
  }
});

describe('openIndexed against the tabix command', () => {
  // Seeded records on two contigs, some with END spanning many others.
  let seed = 11;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const lines = ['##fileformat=VCFv4.2', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO'];
  for (const chrom of ['chr1', 'chr2']) {
    let pos = 1;
    for (let i = 0; i < 3000; i++) {
      pos += 1 + rand(2000);
      const info = rand(20) === 0 ? `END=${pos + rand(200_000)}` : '.';
      lines.push(`${chrom}\t${pos}\t${chrom}_${i}\tA\t${info === '.' ? 'G' : '<DEL>'}\t50\tPASS\t${info}`);
    }
  }
  const plain = join(dir, 'r.vcf');
  writeFileSync(plain, `${lines.join('\n')}\n`);
  execFileSync('bgzip', ['-f', plain]);
  const gz = `${plain}.gz`;
  execFileSync('tabix', ['-p', 'vcf', gz]);

  it('finds the same records, once each and in file order, for overlapping random regions', async () => {
    const regions: Region[] = [];
    for (let i = 0; i < 40; i++) {
      const start0 = rand(3_000_000);
      regions.push({ chrom: rand(2) ? 'chr1' : 'chr2', start0, end: start0 + 1 + rand(300_000) });
    }
    const args = regions.map((r) => `${r.chrom}:${r.start0 + 1}-${r.end}`);
    const expected = new Set(execFileSync('tabix', [gz, ...args], { maxBuffer: 1 << 28 }).toString().trimEnd().split('\n'));
    const got = Buffer.concat(await collect(openIndexed(gz, strictIndex).chunks(regions))).toString().trimEnd().split('\n');
    expect(new Set(got)).toEqual(expected);
    expect(expected.size).toBeGreaterThan(500);
    expect(got.length).toBe(expected.size);
    const order = new Map(lines.map((l, i) => [l, i]));
    const positions = got.map((l) => order.get(l) ?? -1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
