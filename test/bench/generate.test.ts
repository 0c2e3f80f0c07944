import { describe, expect, it } from 'vitest';
import { GRCH38, canonicalOf } from '../../bench/genome.js';
import { parseSites } from '../../bench/sites.js';
import { generateVcf, type GenerateOptions } from '../../bench/vcf-gen.js';

async function generate(opts: GenerateOptions): Promise<string> {
  const chunks: Buffer[] = [];
  await generateVcf(opts, (b) => {
    chunks.push(Buffer.from(b));
  });
  return Buffer.concat(chunks).toString('latin1');
}

function records(vcf: string): string[][] {
  return vcf
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

const ORDER = new Map(GRCH38.map((c, i) => [c.canonical, i]));

describe('generateVcf', () => {
  it('gives the same bytes for the same seed and different bytes for another', async () => {
    const a = await generate({ seed: 7, records: 3000, samples: 3 });
    const b = await generate({ seed: 7, records: 3000, samples: 3 });
    const c = await generate({ seed: 8, records: 3000, samples: 3 });
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('writes a full header and sorted records with one column per sample', async () => {
    const vcf = await generate({ seed: 1, records: 5000, samples: 4 });
    const lines = vcf.split('\n');
    expect(lines[0]).toBe('##fileformat=VCFv4.2');
    expect(lines).toContain('##contig=<ID=chr1,length=248956422,assembly=GRCh38>');
    expect(lines).toContain('##contig=<ID=chrM,length=16569,assembly=GRCh38>');
    expect(lines.some((l) => l.startsWith('##reference='))).toBe(true);
    for (const id of ['PASS', 'LowQual']) expect(lines.some((l) => l.startsWith(`##FILTER=<ID=${id},`))).toBe(true);
    for (const id of ['GT', 'AD', 'DP', 'GQ']) expect(lines.some((l) => l.startsWith(`##FORMAT=<ID=${id},`))).toBe(true);
    for (const id of ['AC', 'AF', 'AN', 'DP']) expect(lines.some((l) => l.startsWith(`##INFO=<ID=${id},`))).toBe(true);
    const chromLine = lines.find((l) => l.startsWith('#CHROM'))!.split('\t');
    expect(chromLine).toEqual(['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', 'SAMPLE0001', 'SAMPLE0002', 'SAMPLE0003', 'SAMPLE0004']);

    const recs = records(vcf);
    expect(recs).toHaveLength(5000);
    let prev: [number, number] = [-1, 0];
    const filters = new Set<string>();
    for (const r of recs) {
      expect(r).toHaveLength(13);
      expect(r[8]).toBe('GT:AD:DP:GQ');
      expect(r[3]).toMatch(/^[ACGT]+$/);
      expect(r[4]).toMatch(/^[ACGT]+(,[ACGT]+)?$/);
      const key: [number, number] = [ORDER.get(canonicalOf(r[0]!)!)!, Number(r[1])];
      expect(key[0] > prev[0] || (key[0] === prev[0] && key[1] > prev[1])).toBe(true);
      prev = key;
      filters.add(r[6]!);
      const nAlleles = r[4]!.split(',').length + 1;
      for (const call of r.slice(9)) {
        const [gt, ad] = call.split(':');
        expect(gt).toMatch(/^(\.|\d)([/|](\.|\d))?$/);
        if (ad !== '.') expect(ad!.split(',')).toHaveLength(nAlleles);
      }
    }
    expect(filters.has('PASS')).toBe(true);
    expect(filters.has('LowQual')).toBe(true);
    expect([...filters].filter((f) => f === 'PASS').length).toBe(1);
    const calls = recs.flatMap((r) => r.slice(9).map((c) => c.split(':')[0]!));
    expect(calls.some((g) => g.includes('|'))).toBe(true);
    expect(calls.some((g) => g.startsWith('.'))).toBe(true);
  });

  it('has about 3% indels and 1% multi-allelic records', async () => {
    const recs = records(await generate({ seed: 3, records: 20000, samples: 1 }));
    const multi = recs.filter((r) => r[4]!.includes(',')).length / recs.length;
    const indel = recs.filter((r) => !r[4]!.includes(',') && r[4]!.length !== r[3]!.length).length / recs.length;
    expect(multi).toBeGreaterThan(0.007);
    expect(multi).toBeLessThan(0.013);
    expect(indel).toBeGreaterThan(0.025);
    expect(indel).toBeLessThan(0.035);
    // One sample: mostly variant calls, as a single-sample callset is.
    const homRef = recs.filter((r) => r[9]!.startsWith('0/0') || r[9]!.startsWith('0|0')).length / recs.length;
    expect(homRef).toBeLessThan(0.05);
  });

  it('injects the given sites with their alleles, and picks alleles for BED sites', async () => {
    const { sites } = parseSites(
      ['#CHROM\tPOS\tREF\tALT\tID', 'chr10\t94781859\tG\tA\trs4244285', '22\t42130692\tG\tA\t.', 'chrUn_x\t5\tA\tC'].join('\n'),
    );
    const bed = parseSites('chr7\t117559590\t117559593\n').sites;
    const recs = records(await generate({ seed: 5, records: 2000, samples: 2, sites: [...sites, ...bed] }));
    expect(recs).toHaveLength(2000);
    const at = (chrom: string, pos: string) => recs.find((r) => r[0] === chrom && r[1] === pos);
    expect(at('chr10', '94781859')?.slice(2, 5)).toEqual(['rs4244285', 'G', 'A']);
    expect(at('chr22', '42130692')?.slice(3, 5)).toEqual(['G', 'A']);
    const cftr = at('chr7', '117559591');
    expect(cftr?.[3]).toMatch(/^[ACGT]$/);
    expect(cftr?.[4]).toMatch(/^[ACGT]$/);
    expect(cftr?.[4]).not.toBe(cftr?.[3]);
  });

  it('injects only the asked share of sites and rejects more sites than records', async () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ contig: '1', pos: 1_000_000 + i * 10, ref: 'A', alt: 'G' }));
    const recs = records(await generate({ seed: 2, records: 1000, samples: 1, sites: many, hitFraction: 0.5 }));
    const hits = recs.filter((r) => r[0] === 'chr1' && Number(r[1]) >= 1_000_000 && Number(r[1]) < 1_002_000 && (Number(r[1]) - 1_000_000) % 10 === 0);
    expect(hits.length).toBeGreaterThan(70);
    expect(hits.length).toBeLessThan(130);
    await expect(generate({ seed: 2, records: 100, samples: 1, sites: many })).rejects.toThrow(/200 sites to inject/);
  });

  it('writes GRC contig names and no sample columns when asked', async () => {
    const recs = records(await generate({ seed: 4, records: 500, samples: 0, chrPrefix: false }));
    expect(recs.every((r) => r.length === 8 && !r[0]!.startsWith('chr'))).toBe(true);
    await expect(generate({ seed: 4, records: -1, samples: 0 })).rejects.toThrow(/records/);
  });
});

describe('parseSites', () => {
  it('reads BED as 0-based and TSV as 1-based, skipping other contigs', () => {
    const r = parseSites('track name=kb\nchr1\t99\t100\nHLA-A*01\t1\t2\n1\t200\tAT\tA,C\trs1\n');
    expect(r.sites).toEqual([
      { contig: '1', pos: 100 },
      { contig: '1', pos: 200, ref: 'AT', alt: 'A', id: 'rs1' },
    ]);
    expect(r.skipped).toBe(1);
  });

  it('rejects lines that are neither BED nor TSV', () => {
    expect(() => parseSites('chr1\tabc\t5\n', 'x.bed')).toThrow(/x.bed:1/);
    expect(() => parseSites('chr1\t10\t5\n')).toThrow(/not after start/);
    expect(() => parseSites('chr1\t10\tA\t<DEL>\n')).toThrow(/REF\/ALT/);
    expect(() => parseSites('chr1\n')).toThrow(/expected BED/);
  });
});
