// VAF and depth from fields beyond the per-caller table of vaf.ts: those named on the command line
// (--vaf-field, --dp-field: an INFO or a FORMAT field) and PCGR's (INFO TVAF/TDP, the tumour's as PCGR
// reads them; FORMAT ADT/DPT, the tumour's REF,ALT depths and depth). A FORMAT field is read per
// sample; an INFO field describes one sample only: the file's single sample, or the one ##tumor_sample
// names. Order: a named field where it has a value, then TVAF/TDP, then the per-caller fields (vaf.ts,
// call.ts), then ADT/DPT. FORMAT fields are located only when the header declares them: every key
// asked for costs every sample of every record.
import { UsageError } from '../errors.js';
import type { Call, VcfHeader } from '../types.js';
import { fraction, numListAt } from './fields.js';
import { fromDepths, fullDepths } from './vaf.js';

export interface DepthFieldOptions {
  /** --vaf-field: INFO or FORMAT field holding the allele fraction (one value per ALT; '45%' allowed). */
  vafField?: string;
  /** --dp-field: INFO or FORMAT field holding the read depth. */
  dpField?: string;
}

/** VAF and depth the INFO column gives for its one sample: from the named fields, else TVAF/TDP. */
export interface SiteDepth {
  vaf?: (number | undefined)[];
  dp?: number;
}

/** A named field: `slot` in the located FORMAT keys, or -1 for an INFO field read under `key`. */
interface Named {
  key: string;
  slot: number;
}

export class DepthFields {
  /** FORMAT keys the sample reader must locate, at slots base, base + 1, … */
  readonly formatKeys: string[] = [];
  private readonly vaf: Named | undefined;
  private readonly dp: Named | undefined;
  /** Slots of PCGR's ADT and DPT, -1 when the header does not declare them. */
  private readonly adt: number;
  private readonly dpt: number;
  /** File column of the sample the INFO fields describe, -1 when none. */
  private readonly infoColumn: number;

  constructor(header: VcfHeader, opts: DepthFieldOptions, private readonly base: number) {
    const { samples, tumorSample } = header;
    this.infoColumn = samples.length === 1 ? 0 : tumorSample !== undefined ? samples.indexOf(tumorSample) : -1;
    this.vaf = this.named(header, '--vaf-field', opts.vafField);
    this.dp = this.named(header, '--dp-field', opts.dpField);
    this.adt = header.format.has('ADT') ? this.locate('ADT') : -1;
    this.dpt = header.format.has('DPT') ? this.locate('DPT') : -1;
  }

  /** Some FORMAT field of this class is read for every sample. */
  get perSample(): boolean {
    return this.formatKeys.length > 0;
  }

  private locate(key: string): number {
    this.formatKeys.push(key);
    return this.base + this.formatKeys.length - 1;
  }

  private named(header: VcfHeader, flag: string, key: string | undefined): Named | undefined {
    if (key === undefined) return undefined;
    if (header.format.has(key)) return { key, slot: this.locate(key) };
    if (!header.info.has(key)) throw new UsageError(`${flag} ${key}: the VCF header defines no INFO or FORMAT field ${key}`);
    if (this.infoColumn < 0 && header.samples.length > 1) {
      throw new UsageError(`${flag} ${key} is an INFO field, which describes one sample: the file has ${header.samples.length} samples and no ##tumor_sample line naming one`);
    }
    return { key, slot: -1 };
  }

  /** What the record's INFO says about the INFO column's sample (undefined: nothing). */
  site(info: Record<string, unknown>, nAlts: number): SiteDepth | undefined {
    if (this.infoColumn < 0) return undefined;
    const vaf = (this.vaf?.slot === -1 ? infoVaf(info[this.vaf.key], nAlts) : undefined) ?? infoVaf(info.TVAF, nAlts);
    const dp = (this.dp?.slot === -1 ? infoDp(info[this.dp.key]) : undefined) ?? infoDp(info.TDP);
    return vaf === undefined && dp === undefined ? undefined : { vaf, dp };
  }

  /** Sets call.vaf, call.dp (and call.ad from ADT) of sample column `idx`, in the order above. */
  apply(call: Call, line: string, ranges: Int32Array, idx: number, site: SiteDepth | undefined, nAlts: number): void {
    const at = (slot: number): [number, number] => [ranges[2 * slot] as number, ranges[2 * slot + 1] as number];
    if (this.adt >= 0 && call.ad === undefined) {
      const adt = fullDepths(numListAt(line, ...at(this.adt)), nAlts);
      if (adt !== undefined) {
        const depths = fromDepths(adt);
        call.ad = depths.ad;
        call.vaf ??= depths.vaf;
      }
    }
    if (call.dp === undefined) {
      const dp = this.dpt >= 0 ? numListAt(line, ...at(this.dpt))?.[0] : undefined;
      if (dp !== undefined) call.dp = dp;
      else if (call.ad !== undefined) call.dp = call.ad.reduce((a, b) => a + b, 0);
    }
    const own = idx === this.infoColumn ? site : undefined;
    const vaf = (this.vaf !== undefined && this.vaf.slot >= 0 ? formatVaf(line, ...at(this.vaf.slot), nAlts) : undefined) ?? own?.vaf;
    const dp = (this.dp !== undefined && this.dp.slot >= 0 ? numListAt(line, ...at(this.dp.slot))?.[0] : undefined) ?? own?.dp;
    if (vaf !== undefined) call.vaf = vaf;
    if (dp !== undefined) call.dp = dp;
  }
}

/** One fraction per ALT, or undefined. */
function perAlt(values: (number | undefined)[], nAlts: number): (number | undefined)[] | undefined {
  return values.length === nAlts && values.some((v) => v !== undefined) ? values : undefined;
}

function formatVaf(line: string, s: number, e: number, nAlts: number): (number | undefined)[] | undefined {
  if (s < 0 || e <= s) return undefined;
  return perAlt(line.slice(s, e).split(',').map(fraction), nAlts);
}

/** An INFO value as @gmod/vcf parsed it: a list of numbers or strings ('.' = undefined), or true for a flag. */
function infoVaf(v: unknown, nAlts: number): (number | undefined)[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return perAlt(v.map((x) => (typeof x === 'number' ? (Number.isNaN(x) ? undefined : x) : typeof x === 'string' ? fraction(x) : undefined)), nAlts);
}

function infoDp(v: unknown): number | undefined {
  const x: unknown = Array.isArray(v) ? v[0] : undefined;
  const n = typeof x === 'number' ? x : typeof x === 'string' ? Number(x) : NaN;
  return Number.isInteger(n) ? n : undefined;
}
