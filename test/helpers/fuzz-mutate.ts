// Seeded mutations of VCF text for the fuzzer (test/ci/fuzz.test.ts), on latin1 strings (one
// character per byte, so any byte survives): a record line or a header
// is damaged the ways real files and hostile ones are (byte flips, fields lost, doubled, cut or
// swapped, tabs turned to spaces, huge numbers, odd genotypes, many alleles). Same seed, same bytes.

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;

export function int(r: Rand, n: number): number {
  return Math.floor(r() * n);
}

export function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[int(r, xs.length)] as T;
}

const HUGE = ['99999999999999999999', '2147483648', '4294967296', '9007199254740993', '1e308', '1e999', '-0', '0', '-1', 'NaN', 'Infinity', '0x10', '1.5', ''];
const SPECIAL = [',', ';', ':', '=', '<', '>', '[', ']', '\r', '\u0000', '#', '.', '|', '/', ' ', '"', '\\', '%', '\u00e9', '\u001b'];
const SEPARATORS = ['/', '|', '\\', '', '//', ':', ','];
const ALLELES = ['0', '1', '2', '3', '.', '10', '255', '-1', '99999999999', 'a', ''];

/** A genotype string: mostly plausible shapes, sometimes of any ploidy or nonsense. */
export function randomGt(r: Rand): string {
  const n = 1 + int(r, r() < 0.7 ? 2 : 6);
  let s = pick(r, ALLELES);
  for (let i = 1; i < n; i++) s += pick(r, SEPARATORS) + pick(r, ALLELES);
  return s;
}

type FieldOp = (f: string[], r: Rand) => void;

/** Mutations on the tab-separated fields of a record. */
const FIELD_OPS: FieldOp[] = [
  (f, r) => void f.splice(int(r, f.length), 1),
  (f, r) => {
    const i = int(r, f.length);
    f.splice(i, 0, f[i] as string);
  },
  (f, r) => void (f[int(r, f.length)] = ''),
  (f, r) => {
    const i = int(r, f.length);
    const j = int(r, f.length);
    [f[i], f[j]] = [f[j] as string, f[i] as string];
  },
  (f, r) => void (f[pick(r, [1, 5, 1, 1])] = pick(r, HUGE)),
  (f, r) => {
    // A number inside INFO or a sample column (DP=, AD, GQ...) made huge or odd.
    const i = pick(r, [7, 9, 10, 11].filter((k) => k < f.length));
    if (i !== undefined) f[i] = (f[i] as string).replace(/\d+/, pick(r, HUGE));
  },
  (f, r) => {
    // A random sample's GT (the first FORMAT value).
    if (f.length < 10) return;
    const i = 9 + int(r, f.length - 9);
    const rest = (f[i] as string).split(':').slice(1);
    f[i] = [randomGt(r), ...rest].join(':');
  },
  (f, r) => {
    // Many ALT alleles, and a genotype that names one of them.
    const n = 2 + int(r, 300);
    f[4] = Array.from({ length: n }, (_, k) => 'ACGT'[k % 4]!.repeat(1 + (k >> 2))).join(',');
    if (f.length > 9) f[9] = `${int(r, n + 2)}/${int(r, n + 2)}${(f[9] as string).replace(/^[^:]*/, '')}`;
  },
  (f, r) => {
    const i = int(r, f.length);
    const s = f[i] ?? '';
    const at = int(r, s.length + 1);
    f[i] = s.slice(0, at) + pick(r, SPECIAL) + s.slice(at);
  },
  (f, r) => void (f[7] = pick(r, ['', ';', 'END=', `END=${pick(r, HUGE)}`, 'END=-5', 'DP=1;DP=2', `${f[7] ?? ''};END=${f[1] ?? ''}`])),
  (f, r) => void (f[8] = pick(r, ['', '.', 'GT:GT', 'DP:GT', 'GT::AD', `${f[8] ?? ''}:XX`, 'AD:DP:GT:GQ'])),
  (f, r) => void (f[int(r, f.length)] = 'X'.repeat(1 + int(r, r() < 0.1 ? 100_000 : 2_000))),
  (f, r) => void (f[3] = pick(r, ['', '.', 'N', 'g', 'ACGTN'.repeat(1 + int(r, 200)), '*', '<DEL>'])),
];

/** Mutations on the raw bytes of a line. */
const BYTE_OPS: ((b: Buffer, r: Rand) => Buffer)[] = [
  (b, r) => {
    const c = Buffer.from(b);
    if (c.length > 0) c[int(r, c.length)] = int(r, 256);
    return c;
  },
  (b, r) => b.subarray(0, int(r, b.length + 1)),
  (b, r) => Buffer.from(b.toString('latin1').replace(/\t/g, (t) => (r() < 0.3 ? pick(r, [' ', '\t ', '  ', '']) : t)), 'latin1'),
];

/** A record line with 1–3 mutations (never returned unchanged). */
export function mutateRecord(line: string, r: Rand): Buffer {
  const original = Buffer.from(line, 'latin1');
  let out = original;
  for (let tries = 0; tries < 5 && out.equals(original); tries++) {
    const n = 1 + int(r, 3);
    let f = line.split('\t');
    for (let k = 0; k < n; k++) {
      if (r() < 0.75) pick(r, FIELD_OPS)(f, r);
      else f = pick(r, BYTE_OPS)(Buffer.from(f.join('\t'), 'latin1'), r).toString('latin1').split('\t');
      // Ops that set a column past the end leave holes: those are empty columns.
      f = Array.from(f, (x) => x ?? '');
    }
    out = Buffer.from(f.join('\t'), 'latin1');
  }
  return out;
}

/** Header damage: a line lost, cut, doubled or moved, a byte flipped, samples renamed. */
export function mutateHeader(lines: string[], r: Rand): string[] {
  const h = [...lines];
  const i = int(r, h.length);
  const line = h[i] as string;
  const ops: (() => void)[] = [
    () => void h.splice(i, 1),
    () => void (h[i] = line.slice(0, int(r, line.length))),
    () => void h.splice(i, 0, line),
    () => void h.splice(int(r, h.length), 0, h.splice(i, 1)[0] as string),
    () => {
      const c = Buffer.from(line);
      if (c.length > 0) c[int(r, c.length)] = int(r, 256);
      h[i] = c.toString('latin1');
    },
    () => void (h[h.length - 1] = `${h[h.length - 1]}\t${pick(r, ['', 'EXTRA', (h[h.length - 1] as string).split('\t')[9] ?? 'S'])}`),
    () => void (h[h.length - 1] = (h[h.length - 1] as string).replace(/\t/g, pick(r, [' ', '\t\t']))),
    () => void (h[i] = line.replace(/Number=[^,]+/, `Number=${pick(r, ['', 'Z', '-1', '.', '99999999999'])}`).replace(/Type=[^,]+/, `Type=${pick(r, ['', 'Int', 'String'])}`)),
  ];
  pick(r, ops)();
  return h;
}
