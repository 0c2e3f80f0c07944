// Variant allele fraction and allelic depths per caller, from FORMAT fields located by offsets:
// Mutect2 AF; Strelka2 tier-1 counts (SNVs AU/CU/GU/TU, indels TAR/TIR); VarScan2 FREQ with RD/AD;
// FreeBayes AO/RO; DeepVariant VAF; otherwise AD. The first source present wins.
import { intAt, numListAt } from './fields.js';

export interface VafInput {
  line: string;
  /** [start, end) of FORMAT key in `line`, [-1, -1] when absent. */
  get(key: string): [number, number];
  ref: string;
  alts: string[];
}

export interface VafOutput {
  /** Per ALT (index 0 = first ALT). */
  vaf?: (number | undefined)[];
  /** Per allele, REF first. */
  ad?: number[];
}

export function vafOf(x: VafInput): VafOutput {
  const { line, alts } = x;
  const n = alts.length;
  const list = (k: string) => numListAt(line, ...x.get(k));
  const ad = list('AD');
  // VarScan2 writes AD as the ALT depth only (Number=1) and RD as the REF depth.
  const freq = x.get('FREQ');
  if (freq[0] >= 0) {
    const rd = intAt(line, ...x.get('RD'));
    const alt = ad?.[0];
    const text = line.slice(freq[0], freq[1]);
    const pct = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
    const out: VafOutput = { vaf: [Number.isNaN(pct) ? undefined : pct, ...Array<undefined>(Math.max(0, n - 1)).fill(undefined)] };
    if (rd !== undefined && alt !== undefined && n === 1) out.ad = [rd, alt];
    return out;
  }
  const fullAd = ad !== undefined && ad.length === n + 1 && ad.every((v) => v !== undefined) ? (ad as number[]) : undefined;
  const af = list('AF');
  if (af !== undefined && af.length === n) return withAd({ vaf: af }, fullAd);
  const strelka = strelkaSnv(x);
  if (strelka) return withAd(strelka, fullAd ?? strelka.ad);
  const tar = list('TAR');
  const tir = list('TIR');
  if (tar?.[0] !== undefined && tir?.[0] !== undefined && n === 1) {
    const tot = tar[0] + tir[0];
    return withAd({ vaf: [tot > 0 ? tir[0] / tot : undefined] }, fullAd ?? [tar[0], tir[0]]);
  }
  const ao = list('AO');
  const ro = intAt(line, ...x.get('RO'));
  if (ao !== undefined && ao.length === n && ro !== undefined && ao.every((v) => v !== undefined)) {
    const aoN = ao as number[];
    const tot = ro + aoN.reduce((a, b) => a + b, 0);
    return withAd({ vaf: aoN.map((v) => (tot > 0 ? v / tot : undefined)) }, fullAd ?? [ro, ...aoN]);
  }
  const dv = list('VAF');
  if (dv !== undefined && dv.length === n) return withAd({ vaf: dv }, fullAd);
  if (fullAd !== undefined) {
    const tot = fullAd.reduce((a, b) => a + b, 0);
    return { ad: fullAd, vaf: fullAd.slice(1).map((v) => (tot > 0 ? v / tot : undefined)) };
  }
  return {};
}

function withAd(out: VafOutput, ad: number[] | undefined): VafOutput {
  if (ad !== undefined) out.ad = ad;
  return out;
}

const BASES = ['A', 'C', 'G', 'T'] as const;

/** Strelka2 SNV: {A,C,G,T}U = "tier1,tier2"; VAF = alt tier1 / (ref tier1 + alt tier1). */
function strelkaSnv(x: VafInput): VafOutput | undefined {
  const tier1: Record<string, number | undefined> = {};
  for (const b of BASES) {
    const [s, e] = x.get(`${b}U`);
    if (s < 0) return undefined;
    tier1[b] = numListAt(x.line, s, e)?.[0];
  }
  const ref = tier1[x.ref.toUpperCase()];
  if (x.ref.length !== 1 || ref === undefined) return undefined;
  const altCounts = x.alts.map((a) => (a.length === 1 ? tier1[a.toUpperCase()] : undefined));
  const vaf = altCounts.map((c) => (c === undefined || ref + c === 0 ? undefined : c / (ref + c)));
  const out: VafOutput = { vaf };
  if (altCounts.every((c) => c !== undefined)) out.ad = [ref, ...(altCounts as number[])];
  return out;
}
