// Our .tbi/.csi reader (src/io/tabix*.ts) against @gmod/tabix 3.3.9, kept as the oracle: the same
// lines, each once, in file order, for seeded random region sets on every indexed fixture.
import { TabixIndexedFile } from '@gmod/tabix';
import { describe, expect, it } from 'vitest';
import { openIndexed, type Region } from '../../src/io/tabix.js';
import { fixture } from '../helpers/cli.js';
import { strictIndex } from './helpers.js';

const CASES: [string, string][] = [
  [fixture('io', 'regions.vcf.gz'), fixture('io', 'regions.vcf.gz.tbi')],
  [fixture('io', 'regions-csi.vcf.gz'), fixture('io', 'regions-csi.vcf.gz.csi')],
  [fixture('golden', 'indexed', 'T001-COAD.grch38.vcf.gz'), fixture('golden', 'indexed', 'T001-COAD.grch38.vcf.gz.tbi')],
  [fixture('golden', 'indexed', 'T001-COAD.grch37.vcf.gz'), fixture('golden', 'indexed', 'T001-COAD.grch37.vcf.gz.tbi')],
];

/** A small seeded generator (mulberry32), so a failure replays. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function ours(path: string, index: string, regions: Region[]): Promise<string[]> {
  let text = '';
  for await (const chunk of openIndexed(path, strictIndex, index).chunks(regions)) text += chunk.toString('utf8');
  return text.split('\n').filter((l) => l !== '');
}

async function oracle(path: string, index: string, regions: Region[]): Promise<string[]> {
  const file = new TabixIndexedFile(index.endsWith('.csi') ? { path, csiPath: index } : { path, tbiPath: index });
  const byOffset = new Map<number, string>();
  for (const r of regions) await file.getLines(r.chrom, r.start0, r.end, (line: string, offset: number) => void byOffset.set(offset, line));
  return [...byOffset.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l);
}

describe('tabix reader = @gmod/tabix', () => {
  for (const [path, index] of CASES) {
    it(path.split('/').slice(-2).join('/'), async () => {
      const file = new TabixIndexedFile(index.endsWith('.csi') ? { path, csiPath: index } : { path, tbiPath: index });
      const contigs = await file.getReferenceSequenceNames();
      const next = rng(20261123);
      let seen = 0;
      for (let round = 0; round < 20; round++) {
        const regions: Region[] = [];
        const n = 1 + Math.floor(next() * 6);
        for (let i = 0; i < n; i++) {
          const chrom = contigs[Math.floor(next() * contigs.length)] as string;
          const start0 = Math.floor(next() * 200_000_000);
          regions.push({ chrom, start0, end: start0 + 1 + Math.floor(next() * 30_000_000) });
        }
        // Whole contigs too: the widest queries cross many blocks.
        if (round % 5 === 0) regions.push({ chrom: contigs[round % contigs.length] as string, start0: 0, end: 300_000_000 });
        const want = await oracle(path, index, regions);
        seen += want.length;
        expect(await ours(path, index, regions), JSON.stringify(regions)).toEqual(want);
      }
      // The comparison is not vacuous: the regions hit records.
      expect(seen).toBeGreaterThan(0);
    });
  }
});
