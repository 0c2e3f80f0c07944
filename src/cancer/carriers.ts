// The cancer hits of a `report` run, kept until every sample's report is written (PGx needs the
// whole file before any sample is done). A hit is kept without its record's calls: only the
// samples that carry it, in typed arrays (sample, genotype as written and zygosity by number into
// one shared table, VAF). Memory grows with the carriers of the hits, not with samples × records:
// a 200,000-sample record no longer stays alive as 200,000 Call objects.
import type { Match, SplitVariant, VcfRecord, Zygosity } from '../types.js';
import { carries, gtText, zygosity } from '../vcf/genotype.js';
import { type CarriedHit, normalCarries } from './aggregate.js';

/** Where a finding is and how its sample carries it, as every report finding (CIViC or table) shows it. */
export interface FindingVariant {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  gt: string;
  zygosity: string;
  vaf?: number | undefined;
  filter: string;
  /** With a normal sample only: the variant is also seen there. */
  likely_germline?: boolean;
}

export interface CarrierCall {
  gt: string;
  zygosity: Zygosity;
  vaf: number | undefined;
}

export interface Carried extends CarriedHit {
  call: CarrierCall;
}

interface StoredHit {
  variant: SplitVariant;
  matches: Match[];
  likelyGermline: boolean | undefined;
  /** Carrying samples (indices into record.calls), increasing. */
  samples: Int32Array;
  /** Per carrier: index into CarrierStore.kinds. */
  kinds: Int32Array;
  /** Per carrier: VAF of this ALT, NaN when the call has none (a VAF is never NaN); absent when no carrier has one. */
  vafs: Float64Array | undefined;
  /** Where the walk over the samples stands (carriedBy). */
  next: number;
}

export class CarrierStore {
  private readonly hits: StoredHit[] = [];
  private readonly kinds: { gt: string; zygosity: Zygosity }[] = [];
  private readonly kindOf = new Map<string, number>();
  private lastSample = -1;

  /** `normal`: index of the matched normal sample, whose carrying marks hits likely germline. */
  constructor(private readonly normal?: number) {}

  /** Split variants kept (each with at least one match). */
  get size(): number {
    return this.hits.length;
  }

  add(variant: SplitVariant, matches: Match[]): void {
    const calls = variant.record.calls;
    const alt = variant.altIndex;
    const samples: number[] = [];
    const kinds: number[] = [];
    const vafs: number[] = [];
    let anyVaf = false;
    for (let i = 0; i < calls.length; i++) {
      const c = calls[i];
      if (c === undefined || !carries(c, alt)) continue;
      samples.push(i);
      kinds.push(this.kind(gtText(c), zygosity(c, alt)));
      const vaf = c.vaf?.[alt - 1];
      if (vaf !== undefined) anyVaf = true;
      vafs.push(vaf ?? Number.NaN);
    }
    this.hits.push({
      variant: withoutCalls(variant),
      matches,
      likelyGermline: this.normal === undefined ? undefined : normalCarries(variant, this.normal),
      samples: Int32Array.from(samples),
      kinds: Int32Array.from(kinds),
      vafs: anyVaf ? Float64Array.from(vafs) : undefined,
      next: 0,
    });
  }

  /** The hits sample `i` carries, in file order, with its call. Samples are asked for in increasing order. */
  carriedBy(i: number): Carried[] {
    if (i <= this.lastSample) throw new Error(`carriedBy(${i}) after carriedBy(${this.lastSample}): samples go in increasing order`);
    this.lastSample = i;
    const out: Carried[] = [];
    for (const h of this.hits) {
      let k = h.next;
      while (k < h.samples.length && (h.samples[k] as number) < i) k++;
      h.next = k;
      if (h.samples[k] !== i) continue;
      const kind = this.kinds[h.kinds[k] as number] as { gt: string; zygosity: Zygosity };
      const vaf = h.vafs?.[k];
      out.push({ variant: h.variant, matches: h.matches, likelyGermline: h.likelyGermline, call: { ...kind, vaf: vaf === undefined || Number.isNaN(vaf) ? undefined : vaf } });
    }
    return out;
  }

  private kind(gt: string, zyg: Zygosity): number {
    const key = `${gt} ${zyg}`;
    let k = this.kindOf.get(key);
    if (k === undefined) {
      k = this.kinds.push({ gt, zygosity: zyg }) - 1;
      this.kindOf.set(key, k);
    }
    return k;
  }
}

/** The variant as a finding row reads it: position, alleles, CHROM and FILTER; no calls, INFO or per-sample fields. */
function withoutCalls(v: SplitVariant): SplitVariant {
  const r = v.record;
  const record: VcfRecord = { line: r.line, chrom: r.chrom, contig: r.contig, pos: r.pos, ids: r.ids, ref: r.ref, alts: r.alts, qual: r.qual, filter: r.filter, info: {}, calls: [] };
  return { record, altIndex: v.altIndex, pos: v.pos, ref: v.ref, alt: v.alt, tpos: v.tpos, tref: v.tref, talt: v.talt };
}
