// The minimal (trimmed) allele form of types.ts SplitVariant: shared suffix bases removed first,
// then shared prefix bases (each prefix base moves the position one to the right).
export interface MinimalAllele {
  tpos: number;
  tref: string;
  talt: string;
}

export function minimalAllele(pos: number, ref: string, alt: string): MinimalAllele {
  let r = ref;
  let a = alt;
  while (r.length > 0 && a.length > 0 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let p = pos;
  while (r.length > 0 && a.length > 0 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    p++;
  }
  return { tpos: p, tref: r, talt: a };
}

export function minimalKey(m: MinimalAllele): string {
  return `${m.tpos}:${m.tref}>${m.talt}`;
}
