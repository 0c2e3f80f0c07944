import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bgzf, vcfText } from './helpers.js';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

function viaStdin(data: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(import.meta.dirname, 'stdin-child.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}`))));
    child.stdin.end(data);
  });
}

describe("openInput('-')", () => {
  const text = vcfText(3_000_000);
  it.each([
    ['plain', Buffer.from(text)],
    ['gzip', gzipSync(text)],
    ['bgzf', bgzf(text)],
  ])('sniffs %s on stdin and reads all of it', async (format, data) => {
    const [f, bytes] = (await viaStdin(data)).split(' ');
    expect(f).toBe(format);
    expect(Number(bytes)).toBe(Buffer.byteLength(text));
  });
});
