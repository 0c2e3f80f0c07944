// Minimal allele form for matching: drop every shared suffix base, then every shared prefix base,
// allowing empty alleles. Independent of the anchor base, so VCF-style and HGVS/CIViC-style
// alleles compare equal. Symbolic, breakend and '*' alleles are left as they are.

export interface Trimmed {
  tpos: number;
  tref: string;
  talt: string;
}

const BASES = /^[ACGTN]*$/;

/** Trim `ref`/`alt` at 1-based `pos`; bases are upper-cased. */
export function trimAlleles(pos: number, ref: string, alt: string): Trimmed {
  let r = ref.toUpperCase();
  let a = alt.toUpperCase();
  if (!BASES.test(a) || !BASES.test(r)) return { tpos: pos, tref: ref, talt: alt };
  let end = 0;
  while (end < r.length && end < a.length && r.charCodeAt(r.length - 1 - end) === a.charCodeAt(a.length - 1 - end)) end++;
  r = r.slice(0, r.length - end);
  a = a.slice(0, a.length - end);
  let start = 0;
  while (start < r.length && start < a.length && r.charCodeAt(start) === a.charCodeAt(start)) start++;
  return { tpos: pos + start, tref: r.slice(start), talt: a.slice(start) };
}
