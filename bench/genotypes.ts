// Pre-rendered sample columns (GT:AD:DP:GQ) for the generator. Rendering one string per sample per
// record is what makes a 2,500-sample file slow to write, so each genotype class gets a pool of
// ready-made byte strings (varied DP/AD/GQ, phase orientation) and a record only picks from pools.
import { Rng } from './rng.js';

/** Entries per genotype class; a power of two so low random bits pick one. */
export const POOL_SIZE = 32;

export interface GenotypePool {
  ploidy: 1 | 2;
  nAlt: number;
  /** Class 0 is the missing call; the others list their allele indices (sorted). */
  classes: number[][];
  /** classes.length × POOL_SIZE rendered entries, class-major. */
  entries: Uint8Array[];
  /** FORMAT/DP of each entry, summed into INFO/DP. */
  dp: Int32Array;
  maxLen: number;
  /** The class of a plain carrier (0/1, or 1 when haploid). */
  carrier: number;
}

function enumerateClasses(ploidy: 1 | 2, nAlt: number): number[][] {
  const out: number[][] = [[]];
  for (let a = 0; a <= nAlt; a++) {
    if (ploidy === 1) out.push([a]);
    else for (let b = a; b <= nAlt; b++) out.push([a, b]);
  }
  return out;
}

function render(rng: Rng, alleles: number[], ploidy: 1 | 2, nAlt: number, phased: boolean, variant: number): [string, number] {
  const sep = phased ? '|' : '/';
  if (alleles.length === 0) {
    const gt = ploidy === 1 ? '.' : `.${sep}.`;
    // Both spellings occur in the wild: GATK writes zero depths, others drop the fields.
    return variant % 2 === 0 ? [`${gt}:${new Array(nAlt + 1).fill(0).join(',')}:0:.`, 0] : [`${gt}:.:.:.`, 0];
  }
  const dp = 8 + Math.floor(rng.float() * rng.float() * 70);
  const ad = new Array<number>(nAlt + 1).fill(0);
  const [a, b] = alleles as [number, number | undefined];
  if (b === undefined || a === b) {
    const err = rng.float() < 0.2 ? 1 : 0;
    const other = a === 0 ? 1 : 0;
    ad[a] = dp - err;
    ad[other] = err;
  } else {
    const share = Math.round(dp * (0.3 + 0.4 * rng.float()));
    ad[a] = share;
    ad[b] = dp - share;
  }
  const isHet = b !== undefined && a !== b;
  const gq = Math.min(99, (isHet ? 15 : 3) + Math.floor(dp * (1 + rng.float() * 2)));
  let gt: string;
  if (ploidy === 1) gt = String(a);
  else if (isHet && phased && variant % 2 === 1) gt = `${b}${sep}${a}`;
  else gt = `${a}${sep}${b}`;
  return [`${gt}:${ad.join(',')}:${dp}:${gq}`, dp];
}

export function buildPool(seed: number, ploidy: 1 | 2, nAlt: number, phased: boolean): GenotypePool {
  const rng = new Rng(seed ^ (ploidy * 0x1000193 + nAlt * 0x9e37 + (phased ? 0x5bd1 : 0)));
  const classes = enumerateClasses(ploidy, nAlt);
  const entries: Uint8Array[] = [];
  const dp = new Int32Array(classes.length * POOL_SIZE);
  let maxLen = 0;
  classes.forEach((alleles, c) => {
    for (let j = 0; j < POOL_SIZE; j++) {
      const [text, depth] = render(rng, alleles, ploidy, nAlt, phased, j);
      entries.push(Buffer.from(text, 'latin1'));
      dp[c * POOL_SIZE + j] = depth;
      maxLen = Math.max(maxLen, text.length);
    }
  });
  const carrier = classes.findIndex((al) => al.join() === (ploidy === 1 ? '1' : '0,1'));
  return { ploidy, nAlt, classes, entries, dp, maxLen, carrier };
}

/**
 * Cumulative class probabilities for one record: Hardy–Weinberg from allele frequencies `freq`
 * (index 0 = REF), `missing` taken first. `homRefWeight` < 1 thins reference calls (0/0, or 0 when haploid), as in a
 * single-sample VCF, which lists mostly variant calls.
 */
export function classCdf(pool: GenotypePool, freq: readonly number[], missing: number, homRefWeight: number, out: Float64Array): void {
  let total = 0;
  const n = pool.classes.length;
  for (let c = 1; c < n; c++) {
    const al = pool.classes[c]!;
    const a = al[0]!;
    let p: number;
    if (al.length === 1) p = a === 0 ? freq[0]! * homRefWeight : freq[a]!;
    else {
      const b = al[1]!;
      p = a === b ? freq[a]! * freq[a]! : 2 * freq[a]! * freq[b]!;
      if (a === 0 && b === 0) p *= homRefWeight;
    }
    out[c] = p;
    total += p;
  }
  let acc = missing;
  out[0] = acc;
  for (let c = 1; c < n; c++) {
    acc += ((1 - missing) * out[c]!) / total;
    out[c] = acc;
  }
  out[n - 1] = 1.0000001;
}
