// Reading FORMAT values out of a line by offsets (the ranges @gmod/vcf's processFormatFields
// reports), so a many-sample line does not become thousands of substrings and arrays.

/** Integer in str[s, e), or undefined for '', '.', or anything not a plain integer. */
export function intAt(str: string, s: number, e: number): number | undefined {
  if (s < 0 || e <= s) return undefined;
  let v = 0;
  let i = s;
  const neg = str.charCodeAt(i) === 45;
  if (neg) i++;
  if (i === e) return undefined;
  for (; i < e; i++) {
    const d = str.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return numAt(str, s, e);
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/** Number in str[s, e) (integers, floats, exponents), undefined for '', '.', or not a number. */
export function numAt(str: string, s: number, e: number): number | undefined {
  if (s < 0 || e <= s) return undefined;
  if (e - s === 1 && str.charCodeAt(s) === 46) return undefined;
  const v = Number(str.slice(s, e));
  return Number.isNaN(v) ? undefined : v;
}

/** Comma list of numbers (integers fast, floats through Number) in str[s, e); '.' entries are undefined; undefined when absent or '.'. */
export function numListAt(str: string, s: number, e: number): (number | undefined)[] | undefined {
  if (s < 0 || e <= s) return undefined;
  if (e - s === 1 && str.charCodeAt(s) === 46) return undefined;
  const out: (number | undefined)[] = [];
  let a = s;
  for (let i = s; i <= e; i++) {
    if (i === e || str.charCodeAt(i) === 44) {
      out.push(intAt(str, a, i));
      a = i + 1;
    }
  }
  return out;
}

/** Comma list of strings in str[s, e); '.' entries are undefined. */
export function strListAt(str: string, s: number, e: number): (string | undefined)[] | undefined {
  if (s < 0 || e <= s) return undefined;
  if (e - s === 1 && str.charCodeAt(s) === 46) return undefined;
  return str
    .slice(s, e)
    .split(',')
    .map((x) => (x === '.' || x === '' ? undefined : x));
}

/** Text in str[s, e), or undefined for absent, '' or '.'. */
export function textAt(str: string, s: number, e: number): string | undefined {
  if (s < 0 || e <= s) return undefined;
  if (e - s === 1 && str.charCodeAt(s) === 46) return undefined;
  return str.slice(s, e);
}

/** An allele fraction written as a number ('0.45') or a percentage ('45%'); undefined when neither. */
export function fraction(text: string): number | undefined {
  if (text === '' || text === '.') return undefined;
  const v = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  return Number.isNaN(v) ? undefined : v;
}
