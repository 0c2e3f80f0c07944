// The scannable face of BGZF input: the scan plugin compiled into the inflate worker (the prefilter,
// installed by name) receives every batch of text sent after it and its results come back in
// order; a batch it declines, a plugin that fails to start or an unknown name leave the text to
// the caller, and so does inflating on one thread.
import { describe, expect, it } from 'vitest';
import { openBytes, scannable, type BgzfPiece } from '../../src/io/open.js';
import { PREFILTER_PLUGIN, type WorkerConfig, type WorkerScan } from '../../src/vcf/prefilter.js';
import { bgzf } from './helpers.js';

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

/** chr1 then chr2 records, 10 apart; the sites are chr1:100000-100500 and chr2:5000-5100. */
const lines: string[] = [];
for (const chrom of ['chr1', 'chr2']) for (let pos = 10; pos <= 120_000; pos += 10) lines.push(`${chrom}\t${pos}\t.\tA\tG\t50\tPASS\tDP=${pos % 97}`);
const text = Buffer.from(`${lines.join('\n')}\n`);
const isCandidate = (l: string) => /^chr1\t(100[0-4]\d\d|100500)\t|^chr2\t(50\d\d|5100)\t/.test(l);

function config(contigs: [string, string][]): WorkerConfig {
  return {
    hasEnd: false,
    sites: [
      ['1', Int32Array.of(100000), Int32Array.of(100500)],
      ['2', Int32Array.of(5000), Int32Array.of(5100)],
    ],
    contigs,
  };
}

/** Reads the input with the plugin installed after the first piece; `update` is sent after the n-th piece. */
async function pieces(threads: number, name: string, cfg: unknown, update?: { after: number; contigs: [string, string][] }) {
  const src = await openBytes(once(bgzf(text, 1000)), 'in.vcf.gz', { threads, batchSize: 4000 });
  const s = scannable(src.chunks());
  if (s === undefined) throw new Error('BGZF input should be scannable');
  const it = s[Symbol.asyncIterator]();
  const got: BgzfPiece[] = [];
  const first = await it.next();
  if (!first.done) got.push(first.value);
  const accepted = s.scanWith(name, cfg);
  for (let r = await it.next(); !r.done; r = await it.next()) {
    got.push(r.value);
    if (update && got.length === update.after) s.update({ contigs: update.contigs });
  }
  return { accepted, got };
}

/** The text with every scanned batch replaced by its head, its candidate lines and its tail. */
function rebuilt(got: BgzfPiece[]): string {
  return got
    .map((p) => {
      if (Buffer.isBuffer(p)) return p.toString();
      const r = p.scanned as WorkerScan;
      const bytes = Buffer.from(r.bytes);
      const kept = r.events.map((e) => `${bytes.toString('utf8', e.start, e.end)}\n`).join('');
      return `${Buffer.from(r.head).toString()}\n${kept}${Buffer.from(r.tail).toString()}`;
    })
    .join('');
}

const scanned = (got: BgzfPiece[]) => got.filter((p): p is { scanned: unknown } => !Buffer.isBuffer(p));

describe('BGZF scan plugin', () => {
  it('runs in the workers on batches sent after it, in order, and finds every candidate', async () => {
    const { accepted, got } = await pieces(2, PREFILTER_PLUGIN, config([['chr1', '1'], ['chr2', '2']]));
    expect(accepted).toBe(true);
    expect(scanned(got).length).toBeGreaterThan(10);
    // Once scanned, never text again: the batches in flight before it were the only text.
    const firstScanned = got.findIndex((p) => !Buffer.isBuffer(p));
    expect(got.slice(firstScanned).every((p) => !Buffer.isBuffer(p))).toBe(true);
    expect(rebuilt(got).split('\n').filter(isCandidate)).toEqual(lines.filter(isCandidate));
    const counted = scanned(got).reduce((n, p) => n + 1 + (p.scanned as WorkerScan).lines, 0);
    const inText = got.filter(Buffer.isBuffer).reduce((n, b) => n + b.toString().split('\n').length - 1, 0);
    expect(counted + inText).toBe(lines.length);
  });

  it('gives back as text the batches it declines (a CHROM it does not know), until told the name', async () => {
    const { got } = await pieces(2, PREFILTER_PLUGIN, config([['chr1', '1']]));
    const chr2 = got.filter((p) => Buffer.isBuffer(p) && p.includes('chr2\t'));
    expect(chr2.length).toBeGreaterThan(10);
    expect(rebuilt(got).split('\n').filter(isCandidate)).toEqual(lines.filter(isCandidate));

    const told = await pieces(2, PREFILTER_PLUGIN, config([['chr1', '1']]), { after: 5, contigs: [['chr2', '2']] });
    expect(told.got.filter((p) => Buffer.isBuffer(p) && p.includes('chr2\t'))).toEqual([]);
    expect(rebuilt(told.got).split('\n').filter(isCandidate)).toEqual(lines.filter(isCandidate));
  });

  it('falls back to text when the plugin does not start, has an unknown name, or there are no workers', async () => {
    for (const [threads, name, cfg] of [
      [2, PREFILTER_PLUGIN, { sites: 42 }],
      [2, 'no-such-plugin', config([])],
      [1, PREFILTER_PLUGIN, config([['chr1', '1']])],
    ] as const) {
      const { accepted, got } = await pieces(threads, name, cfg);
      expect(accepted).toBe(threads > 1);
      expect(got.every((p) => Buffer.isBuffer(p))).toBe(true);
      expect(Buffer.concat(got as Buffer[]).equals(text)).toBe(true);
    }
  });
});
