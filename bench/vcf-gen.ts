// Seeded generator of realistic VCFs (GATK-like single-sample or cohort calls on GRCh38), written
// in large chunks to a sink so that any size streams in constant memory.
import { GRCH38, contigName, type Contig } from './genome.js';
import { buildPool, classCdf, type GenotypePool, POOL_SIZE } from './genotypes.js';
import { Rng } from './rng.js';
import type { Site } from './sites.js';

export interface GenerateOptions {
  seed: number;
  records: number;
  samples: number;
  /** Knowledge-base sites to inject as variant records (they count towards `records`). */
  sites?: readonly Site[];
  /** Share of `sites` injected, chosen by the seed (default 1: all). */
  hitFraction?: number;
  /** chr1… (default, as GATK writes GRCh38) or 1…. */
  chrPrefix?: boolean;
}

export interface GenerateStats {
  records: number;
  hits: number;
  indels: number;
  multiallelic: number;
  bytes: number;
}

export type Sink = (chunk: Buffer) => void | Promise<void>;

/** Bumped whenever the bytes for a given seed change, so cached benchmark inputs are remade. */
export const GENERATOR_VERSION = 1;

const INDEL_RATE = 0.03;
const MULTI_RATE = 0.01;
const PHASED_RATE = 0.1;
const ID_RATE = 0.4;
const CHUNK = 4 << 20;
const BASES = 'ACGT';
const TRANSITION: Record<string, string> = { A: 'G', G: 'A', C: 'T', T: 'C' };

class ChunkWriter {
  buf = Buffer.allocUnsafe(CHUNK);
  pos = 0;
  bytes = 0;
  constructor(private readonly sink: Sink) {}

  needs(n: number): boolean {
    return this.pos + n > this.buf.length;
  }

  str(s: string): void {
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  async flush(minSize = 0): Promise<void> {
    const out = this.buf.subarray(0, this.pos);
    // A fresh buffer each time: the sink may still hold the previous one (stream back-pressure).
    this.buf = Buffer.allocUnsafe(Math.max(CHUNK, minSize));
    this.pos = 0;
    if (out.length) {
      this.bytes += out.length;
      await this.sink(out);
    }
  }
}

/** Small tables of pre-formatted numbers, picked by random bits: toFixed per record is slow. */
function table(rng: Rng, n: number, f: (u: number) => number, digits: number): string[] {
  return Array.from({ length: n }, () => f(rng.float()).toFixed(digits));
}

function randomSeq(rng: Rng, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += BASES[rng.u32() & 3];
  return s;
}

function indelLength(rng: Rng): number {
  let len = 1;
  while (len < 20 && rng.float() < 0.45) len++;
  return len;
}

function otherBase(rng: Rng, ref: string): string {
  const r = rng.u32() % 3;
  if (r < 2) return TRANSITION[ref] ?? 'A';
  const tv = ref === 'A' || ref === 'G' ? 'CT' : 'AG';
  return tv[rng.u32() & 1]!;
}

/** Splits `total` over contigs in proportion to their length (largest remainder). */
function allocate(contigs: readonly Contig[], total: number): number[] {
  const len = contigs.reduce((s, c) => s + c.length, 0);
  const exact = contigs.map((c) => (total * c.length) / len);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/** The generated samples' names, in column order: SAMPLE0001… (wider past 9,999 samples). */
export function sampleNames(samples: number): string[] {
  const width = Math.max(4, String(samples).length);
  return Array.from({ length: samples }, (_, i) => `SAMPLE${String(i + 1).padStart(width, '0')}`);
}

export function header(opts: GenerateOptions): string {
  const chr = opts.chrPrefix ?? true;
  const lines = [
    '##fileformat=VCFv4.2',
    '##FILTER=<ID=PASS,Description="All filters passed">',
    '##FILTER=<ID=LowQual,Description="Low quality">',
    '##FILTER=<ID=VQSRTrancheINDEL99.00to100.00,Description="Truth sensitivity tranche level for INDEL model at VQS Lod: -inf <= x < -2.1">',
    '##FILTER=<ID=VQSRTrancheSNP99.90to100.00,Description="Truth sensitivity tranche level for SNP model at VQS Lod: -inf <= x < -10.5">',
    '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths for the ref and alt alleles in the order listed">',
    '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth (reads with MQ=255 or with bad mates are filtered)">',
    '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype Quality">',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in genotypes, for each ALT allele, in the same order as listed">',
    '##INFO=<ID=AF,Number=A,Type=Float,Description="Allele Frequency, for each ALT allele, in the same order as listed">',
    '##INFO=<ID=AN,Number=1,Type=Integer,Description="Total number of alleles in called genotypes">',
    '##INFO=<ID=DP,Number=1,Type=Integer,Description="Approximate read depth; some reads may have been filtered">',
    '##INFO=<ID=ExcessHet,Number=1,Type=Float,Description="Phred-scaled p-value for exact test of excess heterozygosity">',
    '##INFO=<ID=FS,Number=1,Type=Float,Description="Phred-scaled p-value using Fisher\'s exact test to detect strand bias">',
    '##INFO=<ID=MQ,Number=1,Type=Float,Description="RMS Mapping Quality">',
    '##INFO=<ID=MQRankSum,Number=1,Type=Float,Description="Z-score From Wilcoxon rank sum test of Alt vs. Ref read mapping qualities">',
    '##INFO=<ID=QD,Number=1,Type=Float,Description="Variant Confidence/Quality by Depth">',
    '##INFO=<ID=ReadPosRankSum,Number=1,Type=Float,Description="Z-score from Wilcoxon rank sum test of Alt vs. Ref read position bias">',
    '##INFO=<ID=SOR,Number=1,Type=Float,Description="Symmetric Odds Ratio of 2x2 contingency table to detect strand bias">',
    ...GRCH38.map((c) => `##contig=<ID=${contigName(c.canonical, chr)},length=${c.length},assembly=GRCh38>`),
    '##reference=file:///references/GRCh38/Homo_sapiens_assembly38.fasta',
    `##source=vcfact-bench-generate v${GENERATOR_VERSION} seed=${opts.seed} records=${opts.records} samples=${opts.samples}`,
  ];
  const cols = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];
  if (opts.samples > 0) cols.push('FORMAT', ...sampleNames(opts.samples));
  return `${lines.join('\n')}\n${cols.join('\t')}\n`;
}

/** Sites to inject, per canonical contig, sorted, one per position, inside the contig. */
function chooseHits(opts: GenerateOptions): Map<string, Site[]> {
  const rng = new Rng(opts.seed ^ 0x517e5);
  const fraction = opts.hitFraction ?? 1;
  const byContig = new Map<string, Site[]>();
  for (const c of GRCH38) byContig.set(c.canonical, []);
  for (const s of opts.sites ?? []) {
    const list = byContig.get(s.contig);
    const contig = GRCH38.find((c) => c.canonical === s.contig);
    if (!list || !contig || s.pos > contig.length) continue;
    if (rng.float() < fraction) list.push(s);
  }
  for (const [k, list] of byContig) {
    list.sort((a, b) => a.pos - b.pos);
    byContig.set(k, list.filter((s, i) => i === 0 || list[i - 1]!.pos !== s.pos));
  }
  return byContig;
}

export async function generateVcf(opts: GenerateOptions, sink: Sink): Promise<GenerateStats> {
  if (!Number.isInteger(opts.records) || opts.records < 0) throw new Error(`records must be a non-negative integer, got ${opts.records}`);
  if (!Number.isInteger(opts.samples) || opts.samples < 0) throw new Error(`samples must be a non-negative integer, got ${opts.samples}`);
  const rng = new Rng(opts.seed);
  const chr = opts.chrPrefix ?? true;
  const nSamples = opts.samples;
  const single = nSamples === 1;
  const hitsByContig = chooseHits(opts);
  const nHits = [...hitsByContig.values()].reduce((s, l) => s + l.length, 0);
  if (nHits > opts.records) throw new Error(`${nHits} sites to inject but only ${opts.records} records asked for`);
  const perContig = allocate(GRCH38, opts.records - nHits);

  const qualHigh = table(rng, 1024, (u) => 30 + Math.exp(u * 8), 2);
  const qualLow = table(rng, 256, (u) => 3 + u * 27, 2);
  const fs = table(rng, 64, (u) => (u < 0.5 ? 0 : -Math.log(1 - u) * 4), 3);
  const rank = table(rng, 64, (u) => (u - 0.5) * 4, 3);
  const qd = table(rng, 64, (u) => 2 + u * 33, 2);
  const sor = table(rng, 64, (u) => 0.3 + u * 2.5, 3);
  const mq = table(rng, 64, (u) => (u < 0.8 ? 60 : 40 + u * 20), 2);

  const pools = new Map<string, GenotypePool>();
  const pool = (ploidy: 1 | 2, nAlt: number, phased: boolean): GenotypePool => {
    const key = `${ploidy}:${nAlt}:${phased}`;
    let p = pools.get(key);
    if (!p) pools.set(key, (p = buildPool(opts.seed, ploidy, nAlt, phased)));
    return p;
  };
  const cdf = new Float64Array(16);
  const choice = new Int32Array(nSamples);
  const classCount = new Int32Array(16);

  const w = new ChunkWriter(sink);
  w.str(header(opts));
  const stats: GenerateStats = { records: 0, hits: 0, indels: 0, multiallelic: 0, bytes: 0 };

  const emit = async (contig: Contig, name: string, pos: number, site: Site | undefined): Promise<void> => {
    let ref: string;
    let alts: string[];
    if (site) {
      ref = site.ref ?? BASES[rng.u32() & 3]!;
      alts = [site.alt ?? otherBase(rng, ref)];
    } else {
      const u = rng.float();
      const base = BASES[rng.u32() & 3]!;
      if (u < MULTI_RATE) {
        if (rng.float() < 0.7) {
          ref = base;
          const a1 = otherBase(rng, base);
          let a2 = BASES[rng.u32() & 3]!;
          while (a2 === base || a2 === a1) a2 = BASES[rng.u32() & 3]!;
          alts = [a1, a2];
        } else {
          ref = base + randomSeq(rng, indelLength(rng));
          alts = [base, ref + ref.slice(1, 2)];
        }
      } else if (u < MULTI_RATE + INDEL_RATE) {
        const ins = randomSeq(rng, indelLength(rng));
        if (rng.float() < 0.5) {
          ref = base + ins;
          alts = [base];
        } else {
          ref = base;
          alts = [base + ins];
        }
      } else {
        ref = base;
        alts = [otherBase(rng, base)];
      }
    }
    const nAlt = alts.length;
    if (nAlt > 1) stats.multiallelic++;
    else if (alts[0]!.length !== ref.length) stats.indels++;

    const r = rng.u32();
    const f = (r >>> 8) & 0xff;
    let filter = 'PASS';
    let qual = qualHigh[r & 1023]!;
    if (f >= 235 && f < 245) {
      filter = 'LowQual';
      qual = qualLow[r & 255]!;
    } else if (f >= 245 && f < 253) filter = ref.length === alts[0]!.length ? 'VQSRTrancheSNP99.90to100.00' : 'VQSRTrancheINDEL99.00to100.00';
    else if (f >= 253) filter = '.';
    const id = site?.id ?? (rng.float() < ID_RATE ? `rs${100000 + (rng.u32() % 1500000000)}` : '.');

    // Allele frequencies: log-uniform alt frequency for a cohort (most variants rare), a fixed
    // het-or-hom mix for one sample; injected sites get common enough to have carriers.
    const freq = new Array<number>(nAlt + 1);
    let q: number;
    if (single) q = 0.5;
    else if (site) q = 0.05 + 0.45 * rng.float();
    else q = Math.min(0.999, Math.exp(-rng.float() * Math.log(2 * nSamples)));
    if (nAlt === 1) freq[1] = q;
    else {
      const v = 0.5 + 0.45 * rng.float();
      freq[1] = q * v;
      freq[2] = q * (1 - v);
    }
    freq[0] = 1 - q;
    const ploidy: 1 | 2 = contig.haploid ? 1 : 2;
    const phased = ploidy === 2 && rng.float() < PHASED_RATE;
    const gp = pool(ploidy, nAlt, phased);
    const missing = single ? 0.005 : rng.float() < 0.2 ? 0.05 : 0.005;
    classCdf(gp, freq, missing, single ? 0.02 : 1, cdf);

    const nClasses = gp.classes.length;
    classCount.fill(0, 0, nClasses);
    let dpSum = 0;
    const last = nClasses - 1;
    for (let s = 0; s < nSamples; s++) {
      const x = rng.u32();
      const y = (x >>> 5) * 7.450580596923828e-9; // 2^-27
      let c = 0;
      while (c < last && y >= cdf[c]!) c++;
      const e = c * POOL_SIZE + (x & (POOL_SIZE - 1));
      choice[s] = e;
      classCount[c]!++;
      dpSum += gp.dp[e]!;
    }
    if (nSamples > 0 && classCount[0]! + classCount[1]! === nSamples) {
      // Nobody carries the variant: give it one carrier, as a real callset has no AC=0 records.
      const s = rng.u32() % nSamples;
      const e = gp.carrier * POOL_SIZE + (rng.u32() & (POOL_SIZE - 1));
      const old = choice[s]!;
      classCount[Math.floor(old / POOL_SIZE)]!--;
      classCount[gp.carrier]!++;
      dpSum += gp.dp[e]! - gp.dp[old]!;
      choice[s] = e;
    }
    const ac = new Array<number>(nAlt).fill(0);
    let an = 0;
    for (let c = 1; c < nClasses; c++) {
      const n = classCount[c]!;
      if (!n) continue;
      for (const a of gp.classes[c]!) if (a > 0) ac[a - 1]! += n;
      an += n * ploidy;
    }
    if (nSamples === 0) {
      an = 2;
      ac[0] = 1;
      dpSum = 30;
    }
    const af = ac.map((n) => (an ? n / an : 0).toFixed(3)).join(',');
    const m = rng.u32();
    const info =
      `AC=${ac.join(',')};AF=${af};AN=${an};DP=${dpSum};ExcessHet=3.0103;FS=${fs[m & 63]};MQ=${mq[(m >>> 6) & 63]}` +
      `;MQRankSum=${rank[(m >>> 12) & 63]};QD=${qd[(m >>> 18) & 63]};ReadPosRankSum=${rank[(m >>> 24) & 63]};SOR=${sor[(m >>> 26) & 63]}`;

    const line = `${name}\t${pos}\t${id}\t${ref}\t${alts.join(',')}\t${qual}\t${filter}\t${info}`;
    const need = line.length + 16 + nSamples * (gp.maxLen + 1);
    if (w.needs(need)) await w.flush(need);
    w.str(line);
    if (nSamples > 0) {
      w.str('\tGT:AD:DP:GQ');
      const buf = w.buf;
      let p = w.pos;
      const entries = gp.entries;
      for (let s = 0; s < nSamples; s++) {
        buf[p++] = 9;
        const b = entries[choice[s]!]!;
        for (let i = 0; i < b.length; i++) buf[p++] = b[i]!;
      }
      w.pos = p;
    }
    w.buf[w.pos++] = 10;
    stats.records++;
    if (site) stats.hits++;
  };

  for (let ci = 0; ci < GRCH38.length; ci++) {
    const contig = GRCH38[ci]!;
    const name = contigName(contig.canonical, chr);
    const n = perContig[ci]!;
    const hits = hitsByContig.get(contig.canonical) ?? [];
    // Stratified uniform positions away from the telomeres: sorted without sorting.
    const margin = contig.length > 1_000_000 ? 10_000 : 0;
    const start = margin + 1;
    const width = (contig.length - 2 * margin) / Math.max(n, 1);
    let h = 0;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      let p = start + Math.floor((i + rng.float()) * width);
      if (p <= prev) p = prev + 1;
      while (h < hits.length && hits[h]!.pos <= p) {
        const site = hits[h++]!;
        await emit(contig, name, site.pos, site);
        prev = site.pos;
        if (site.pos === p) p++;
      }
      await emit(contig, name, p, undefined);
      prev = p;
    }
    while (h < hits.length) await emit(contig, name, hits[h]!.pos, hits[h++]);
  }
  await w.flush();
  stats.bytes = w.bytes;
  return stats;
}
