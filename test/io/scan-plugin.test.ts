// The scannable face of BGZF input: a plugin installed in the inflate workers receives every batch
// of text sent after it, and its results come back in order; a plugin that declines a batch or
// fails to start leaves the text to the caller.
import { describe, expect, it } from 'vitest';
import { openBytes, scannable, type BgzfPiece } from '../../src/io/open.js';
import { bgzf, vcfText } from './helpers.js';

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

const text = Buffer.from(vcfText(300_000));

async function pieces(threads: number, source: string): Promise<{ accepted: boolean; got: BgzfPiece[] }> {
  const src = await openBytes(once(bgzf(text, 1000)), 'in.vcf.gz', { threads, batchSize: 4000 });
  const s = scannable(src.chunks());
  if (s === undefined) throw new Error('BGZF input should be scannable');
  const it = s[Symbol.asyncIterator]();
  const got: BgzfPiece[] = [];
  const first = await it.next();
  if (!first.done) got.push(first.value);
  const accepted = s.scanWith(source, { tag: 'T' });
  for (let r = await it.next(); !r.done; r = await it.next()) got.push(r.value);
  return { accepted, got };
}

/** Total text length, counting a plugin result { n } as n bytes. */
function length(got: BgzfPiece[]): number {
  return got.reduce((a, p) => a + (Buffer.isBuffer(p) ? p.length : (p.scanned as { n: number }).n), 0);
}

describe('BGZF scan plugin', () => {
  it('runs in the workers on batches sent after it, in order', async () => {
    const { accepted, got } = await pieces(2, "(cfg) => ({ batch: (t) => ({ n: t.length, tag: cfg.tag }), update() {} })");
    expect(accepted).toBe(true);
    const scanned = got.filter((p) => !Buffer.isBuffer(p));
    expect(scanned.length).toBeGreaterThan(10);
    expect(scanned.every((p) => (p as { scanned: { tag: string } }).scanned.tag === 'T')).toBe(true);
    expect(length(got)).toBe(text.length);
    // Once scanned, never text again: the batches in flight before it were the only text.
    const firstScanned = got.findIndex((p) => !Buffer.isBuffer(p));
    expect(got.slice(firstScanned).every((p) => !Buffer.isBuffer(p))).toBe(true);
  });
  it('gives back as text what the plugin declines', async () => {
    const { got } = await pieces(2, '() => ({ batch: (t) => (t[0] % 2 === 0 ? undefined : { n: t.length }), update() {} })');
    const after = got.slice(got.findIndex((p) => !Buffer.isBuffer(p)));
    expect(after.some((p) => Buffer.isBuffer(p) && (p[0] as number) % 2 === 0)).toBe(true);
    expect(length(got)).toBe(text.length);
  });
  it('survives source text that uses the __name helper of name-keeping transpilers', async () => {
    const { got } = await pieces(2, "__name(() => ({ batch: (t) => ({ n: t.length }), update() {} }), 'f')");
    expect(got.some((p) => !Buffer.isBuffer(p))).toBe(true);
  });
  it('falls back to text when the plugin does not start, or when there are no workers', async () => {
    for (const [threads, source] of [
      [2, "() => { throw new Error('no') }"],
      [1, '() => ({ batch: (t) => ({ n: t.length }), update() {} })'],
    ] as const) {
      const { accepted, got } = await pieces(threads, source);
      expect(accepted).toBe(threads > 1);
      expect(got.every((p) => Buffer.isBuffer(p))).toBe(true);
      expect(Buffer.concat(got as Buffer[]).equals(text)).toBe(true);
    }
  });
});
