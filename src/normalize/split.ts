// One SplitVariant per ALT, as `bcftools norm -m-` writes it: POS/REF/ALT unchanged (bcftools
// 1.16 neither trims nor realigns when splitting without -f), INFO and FORMAT Number=A/R/G fields
// reduced to this ALT, AD to [REF, this ALT]. Genotypes are not recoded: Call.alleles keep the
// original indices and `zygosity(call, altIndex)` tells 1/2 from 0/1. Each split also carries its
// minimal trimmed form (trim.ts) for matching.
import type { FieldDef, SplitVariant, VcfHeader, VcfRecord } from '../types.js';
import { trimAlleles } from './trim.js';

type Values = (string | number | undefined)[];

/** Numbers of INFO/FORMAT fields; without a header only the VCF-reserved per-allele keys are known. */
export type FieldNumbers = Pick<VcfHeader, 'info' | 'format'>;

const RESERVED_INFO: Record<string, string> = { AC: 'A', AF: 'A', AD: 'R', ADF: 'R', ADR: 'R' };
const RESERVED_FORMAT: Record<string, string> = { AD: 'R', ADF: 'R', ADR: 'R', GL: 'G', GP: 'G', PL: 'G', AF: 'A' };

export function splitRecord(rec: VcfRecord, header?: FieldNumbers): SplitVariant[] {
  const nAlts = rec.alts.length;
  const out: SplitVariant[] = [];
  for (let i = 1; i <= nAlts; i++) {
    const alt = rec.alts[i - 1] as string;
    const info: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec.info)) {
      info[k] = Array.isArray(v) ? reduce(v as Values, numberOf(header?.info, RESERVED_INFO, k), nAlts, i) : v;
    }
    // REF/ALT as the input wrote them (lowercase bases stay lowercase); the trimmed form is for matching.
    const written = rec.written === undefined ? { ref: rec.ref, alt } : { ref: rec.written.ref, alt: rec.written.alts[i - 1] as string };
    const v: SplitVariant = { record: rec, altIndex: i, pos: rec.pos, ...written, ...trimAlleles(rec.pos, rec.ref, alt), info };
    // Per-sample fields are made on first use: for a cohort they are thousands of objects per ALT,
    // more work than matching, and most split variants never need them.
    let fields: SplitVariant['sampleFields'];
    Object.defineProperty(v, 'sampleFields', { enumerable: true, get: () => (fields ??= splitSampleFields(rec, header, nAlts, i)) });
    out.push(v);
  }
  return out;
}

/** FORMAT fields of every sample reduced to ALT i (AD to [REF, ALT i], Number=A/R/G remapped). */
function splitSampleFields(rec: VcfRecord, header: FieldNumbers | undefined, nAlts: number, i: number): NonNullable<SplitVariant['sampleFields']> {
  return rec.calls.map((call) => {
    const f: NonNullable<SplitVariant['sampleFields']>[number] = {};
    const src = call.fields ?? (call.ad !== undefined ? { AD: call.ad } : {});
    for (const [k, v] of Object.entries(src)) {
      f[k] = v === undefined ? undefined : reduce(v, numberOf(header?.format, RESERVED_FORMAT, k), nAlts, i);
    }
    return f;
  });
}

function numberOf(defs: Map<string, FieldDef> | undefined, reserved: Record<string, string>, key: string): string | undefined {
  return defs !== undefined ? (defs.get(key)?.number ?? reserved[key]) : reserved[key];
}

/**
 * This ALT's part of a per-allele value. Values whose length does not fit the declared Number
 * (e.g. a single '.') are kept whole, as bcftools does.
 */
export function reduce(v: Values, number: string | undefined, nAlts: number, i: number): Values {
  const nAl = nAlts + 1;
  switch (number) {
    case 'A':
      return v.length === nAlts ? [v[i - 1]] : v;
    case 'R':
      return v.length === nAl ? [v[0], v[i]] : v;
    case 'G':
      if (v.length === nAl) return [v[0], v[i]];
      if (v.length === (nAl * (nAl + 1)) / 2) return [v[0], v[gIndex(0, i)], v[gIndex(i, i)]];
      return v;
    default:
      return v;
  }
}

/** VCF genotype ordering of the diploid genotype j/k (j ≤ k). */
function gIndex(j: number, k: number): number {
  return (k * (k + 1)) / 2 + j;
}
