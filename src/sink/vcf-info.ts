// The INFO tags of the annotated VCF: one `|`-separated entry per ALT × feature under VCFACT_PGX,
// VCFACT_CANCER or VCFACT_TABLE, values percent-encoded as VCF 4.3 asks (section 1.2), and their
// insertion into a record's line. Only the INFO column changes; every other byte stays as it was.

export const VCFACT_PGX = 'VCFACT_PGX';
export const VCFACT_CANCER = 'VCFACT_CANCER';
/** User tables (--table); its ##INFO line is written only when a run has tables. */
export const VCFACT_TABLE = 'VCFACT_TABLE';
/** In INFO order. */
export const VCFACT_TAGS = [VCFACT_PGX, VCFACT_CANCER, VCFACT_TABLE] as const;
export type VcfactTag = (typeof VCFACT_TAGS)[number];

const OURS = new Set<string>(VCFACT_TAGS);
const TAB = 9;
const CR = 13;
const LF = 10;

/** One ALT × feature. */
export interface InfoEntry {
  tag: VcfactTag;
  /** 1-based index of the ALT among the record's ALTs. */
  allele: number;
  /** VCFACT_TABLE only: the table's name (its second field). */
  table?: string;
  gene: string;
  feature: string;
  match: string;
  /** PGx: the allele function; cancer: the best AMP tier, else `level X` (best CIViC level); a table row: its `level` cell. */
  grade: string;
}

/**
 * Percent-encodes what may not appear raw inside an INFO value: `%` itself, the INFO separators
 * `;` `=` `,`, our entry separator `|`, space, and control characters (tab, CR, LF…).
 */
export function escapeInfoValue(s: string): string {
  return s.replace(/[\x00-\x20%;=,|\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `allele|gene|feature|match|grade` (VCFACT_TABLE: `allele|table|gene|label|match|level`), each field escaped. */
export function entryText(e: InfoEntry): string {
  const table = e.tag === VCFACT_TABLE ? [e.table ?? ''] : [];
  return [String(e.allele), ...table, e.gene, e.feature, e.match, e.grade].map(escapeInfoValue).join('|');
}

/** `TAG=entry,entry;TAG=…` in tag order, '' without entries. */
export function infoTags(entries: readonly InfoEntry[]): string {
  const parts: string[] = [];
  for (const tag of VCFACT_TAGS) {
    const mine = entries.filter((e) => e.tag === tag);
    if (mine.length > 0) parts.push(`${tag}=${mine.map(entryText).join(',')}`);
  }
  return parts.join(';');
}

/** [start, end) of the INFO column in `line` (its line ending, LF or CRLF, not part of it), or undefined. */
function infoSpan(line: Buffer): [number, number] | undefined {
  let stop = line.length;
  if (line[stop - 1] === LF) stop--;
  if (line[stop - 1] === CR) stop--;
  let at = -1;
  for (let k = 0; k < 7; k++) {
    at = line.indexOf(TAB, at + 1);
    if (at < 0 || at >= stop) return undefined;
  }
  const start = at + 1;
  const end = line.indexOf(TAB, start);
  return [start, end < 0 || end > stop ? stop : end];
}

/**
 * The line with `tags` (infoTags) in its INFO column: appended, or in place of '.'; VCFACT_* keys
 * already there (an earlier run) are dropped first. The line itself when nothing changes.
 */
export function withInfoTags(line: Buffer, tags: string): Buffer {
  const span = infoSpan(line);
  if (span === undefined) return line;
  const [s, e] = span;
  const dot = e - s === 1 && line[s] === 46;
  const stale = !dot && line.subarray(s, e).includes('VCFACT_');
  if (tags === '' && !stale) return line;
  let kept = dot ? line.subarray(s, s) : line.subarray(s, e);
  if (stale) {
    // latin1: one byte, one character, so the kept keys go back as the same bytes.
    const keys = line.toString('latin1', s, e).split(';').filter((k) => !OURS.has(k.split('=', 1)[0] as string));
    kept = Buffer.from(keys.join(';'), 'latin1');
  }
  const sep = kept.length > 0 && tags !== '' ? ';' : '';
  const added = kept.length === 0 && tags === '' ? '.' : `${sep}${tags}`;
  return Buffer.concat([line.subarray(0, s), kept, Buffer.from(added), line.subarray(e)]);
}
