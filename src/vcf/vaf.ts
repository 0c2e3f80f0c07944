// Variant allele fraction and allelic depths per caller, from FORMAT fields located by offsets:
// Mutect2 AF; Strelka2 tier-1 counts (SNVs AU/CU/GU/TU, indels TAR/TIR); VarScan2 FREQ with RD/AD;
// FreeBayes AO/RO; DeepVariant VAF; otherwise AD. The first source present wins. (PCGR's fields, and
// those named by --vaf-field/--dp-field, are read only when the header declares them: depth-fields.ts.)
import { fraction, intAt, numListAt } from './fields.js';
import { KEY } from './call-keys.js';

export interface VafOutput {
  /** Per ALT (index 0 = first ALT). */
  vaf?: (number | undefined)[];
  /** Per allele, REF first; only when every count is known. */
  ad?: number[];
}

const NONE: VafOutput = {};

/** `ranges` in the CALL_KEYS layout of genotype.ts: key k spans line[ranges[2k], ranges[2k+1]). */
export function vafOf(line: string, ranges: Int32Array, ref: string, alts: string[]): VafOutput {
  const n = alts.length;
  const ad = numListAt(line, (ranges[2 * KEY.AD] as number), (ranges[2 * KEY.AD + 1] as number));
  // VarScan2 writes AD as the ALT depth only (Number=1) and RD as the REF depth.
  if ((ranges[2 * KEY.FREQ] as number) >= 0) {
    const rd = intAt(line, (ranges[2 * KEY.RD] as number), (ranges[2 * KEY.RD + 1] as number));
    const alt = ad?.[0];
    const vaf: (number | undefined)[] = alts.map(() => undefined);
    vaf[0] = fraction(line.slice(ranges[2 * KEY.FREQ] as number, ranges[2 * KEY.FREQ + 1] as number));
    return rd !== undefined && alt !== undefined && n === 1 ? { vaf, ad: [rd, alt] } : { vaf };
  }
  const fullAd = fullDepths(ad, n);
  const af = numListAt(line, (ranges[2 * KEY.AF] as number), (ranges[2 * KEY.AF + 1] as number));
  if (af !== undefined && af.length === n) return withAd({ vaf: af }, fullAd);
  if ((ranges[2 * KEY.AU] as number) >= 0 && (ranges[2 * KEY.CU] as number) >= 0 && (ranges[2 * KEY.GU] as number) >= 0 && (ranges[2 * KEY.TU] as number) >= 0) {
    const strelka = strelkaSnv(line, ranges, ref, alts);
    if (strelka) return withAd(strelka, fullAd ?? strelka.ad);
  }
  const tar = numListAt(line, (ranges[2 * KEY.TAR] as number), (ranges[2 * KEY.TAR + 1] as number))?.[0];
  const tir = numListAt(line, (ranges[2 * KEY.TIR] as number), (ranges[2 * KEY.TIR + 1] as number))?.[0];
  if (tar !== undefined && tir !== undefined && n === 1) {
    const tot = tar + tir;
    return withAd({ vaf: [tot > 0 ? tir / tot : undefined] }, fullAd ?? [tar, tir]);
  }
  const ao = numListAt(line, (ranges[2 * KEY.AO] as number), (ranges[2 * KEY.AO + 1] as number));
  const ro = intAt(line, (ranges[2 * KEY.RO] as number), (ranges[2 * KEY.RO + 1] as number));
  if (ao !== undefined && ao.length === n && ro !== undefined && ao.every((v) => v !== undefined)) {
    const aoN = ao as number[];
    const tot = ro + aoN.reduce((a, b) => a + b, 0);
    return withAd({ vaf: aoN.map((v) => (tot > 0 ? v / tot : undefined)) }, fullAd ?? [ro, ...aoN]);
  }
  const dv = numListAt(line, (ranges[2 * KEY.VAF] as number), (ranges[2 * KEY.VAF + 1] as number));
  if (dv !== undefined && dv.length === n) return withAd({ vaf: dv }, fullAd);
  return fullAd !== undefined ? fromDepths(fullAd) : NONE;
}

/** Depths of REF and every ALT, when all of them are known. */
export function fullDepths(ad: (number | undefined)[] | undefined, nAlts: number): number[] | undefined {
  return ad !== undefined && ad.length === nAlts + 1 && ad.every((v) => v !== undefined) ? (ad as number[]) : undefined;
}

/** AD and the VAF of each ALT from allelic depths (REF first). */
export function fromDepths(ad: number[]): { ad: number[]; vaf: (number | undefined)[] } {
  const tot = ad.reduce((a, b) => a + b, 0);
  return { ad, vaf: ad.slice(1).map((v) => (tot > 0 ? v / tot : undefined)) };
}

function withAd(out: VafOutput, ad: number[] | undefined): VafOutput {
  if (ad !== undefined) out.ad = ad;
  return out;
}

const TIER1_KEY: Record<string, number> = { A: KEY.AU, C: KEY.CU, G: KEY.GU, T: KEY.TU };

/** Strelka2 SNV: {A,C,G,T}U = "tier1,tier2"; VAF = alt tier1 / (ref tier1 + alt tier1). */
function strelkaSnv(line: string, ranges: Int32Array, ref: string, alts: string[]): VafOutput | undefined {
  const r = ref.length === 1 ? tier1(line, ranges, ref) : undefined;
  if (r === undefined) return undefined;
  const altCounts = alts.map((a) => (a.length === 1 ? tier1(line, ranges, a) : undefined));
  const out: VafOutput = { vaf: altCounts.map((c) => (c === undefined || r + c === 0 ? undefined : c / (r + c))) };
  if (altCounts.every((c) => c !== undefined)) out.ad = [r, ...(altCounts as number[])];
  return out;
}

function tier1(line: string, ranges: Int32Array, base: string): number | undefined {
  const k = TIER1_KEY[base.toUpperCase()];
  return k === undefined ? undefined : numListAt(line, ranges[2 * k] as number, ranges[2 * k + 1] as number)?.[0];
}
