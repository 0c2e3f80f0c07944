// Ordering and spelling of haplotype and diplotype names the way PharmCAT prints them:
// numbers inside names compare as numbers (*4 < *17, c.85 < c.1129), plain names before
// combinations `[a + b]`, smaller combinations first.

// Names repeat across samples: their digit/non-digit chunks are split once (a bounded cache).
const chunkCache = new Map<string, string[]>();
const CHUNK_CACHE_MAX = 50_000;

function chunks(name: string): string[] {
  let c = chunkCache.get(name);
  if (c === undefined) {
    if (chunkCache.size >= CHUNK_CACHE_MAX) chunkCache.clear();
    chunkCache.set(name, (c = name.split(/(\d+)/)));
  }
  return c;
}

export function naturalCompare(a: string, b: string): number {
  const pa = chunks(a);
  const pb = chunks(b);
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    if (i % 2 === 1) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      return x.length - y.length;
    }
    // Compare the shared part first so that 'c.1129-5923C>G' sorts before 'c.1129-5923C>G, c.1236G>A'.
    const m = Math.min(x.length, y.length);
    for (let k = 0; k < m; k++) {
      if (x[k] !== y[k]) return (x.charCodeAt(k) as number) - (y.charCodeAt(k) as number);
    }
    if (x.length !== y.length) {
      // The shorter chunk ends where the other continues: shorter (prefix) name first,
      // unless the shorter chunk is followed by digits in its own name.
      return x.length - y.length;
    }
  }
  return pa.length - pb.length;
}

const parts = (name: string): number => (name.startsWith('[') ? name.split(' + ').length : 1);

export function haplotypeCompare(a: string, b: string): number {
  return parts(a) - parts(b) || naturalCompare(a, b);
}

/** `[a + b + c]` with its parts in natural order; a single part stays bare. */
export function combinationName(names: string[]): string {
  const sorted = [...names].sort(naturalCompare);
  return sorted.length === 1 ? (sorted[0] as string) : `[${sorted.join(' + ')}]`;
}

export function diplotypeName(a: string, b: string): string {
  return haplotypeCompare(a, b) <= 0 ? `${a}/${b}` : `${b}/${a}`;
}
