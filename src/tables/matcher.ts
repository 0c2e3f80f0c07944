// The 'tables' matcher: every row of the run's user tables, matched as the bundled KB matches —
// exact on (contig, tpos, tref, talt) after split and trim, range on any overlap of pos..end (the
// cancer matcher's overlap rule), protein on the HGVSp of a VEP CSQ / SnpEff ANN consequence (the
// cancer matcher's reader and keys). One Match per row; its `kb` is the table's name.
import { type ConsequenceReader, consequenceReader } from '../cancer/consequence.js';
import { eventMatches, SILENT } from '../cancer/matcher.js';
import { codonOf } from '../cancer/protein.js';
import type { Build, Interval, Match, Matcher, SplitVariant, VcfHeader } from '../types.js';
import { contigRank } from '../vcf/intervals.js';
import type { LocalTable, TableRow } from './types.js';

/** Where a gene lies in a build (the bundled transcript spans), for the prefilter of protein rows. */
export type GeneSpan = (build: Build, gene: string) => Interval | undefined;

const BASES = /^[ACGTN]*$/;
/** Every canonical contig, whole: the prefilter's region for a gene whose span vcfact does not know. */
const GENOME: Interval[] = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y', 'MT'].map((contig) => ({ contig, start: 1, end: 2 ** 31 - 1 }));

interface Entry {
  table: LocalTable;
  row: TableRow;
}

interface BuildIndex {
  exact: Map<string, Entry[]>;
  /** Range rows per contig, by start; `longest` bounds the backward scan. */
  ranges: Map<string, { list: Entry[]; longest: number }>;
  /** Protein rows per gene (upper case). */
  proteins: Map<string, Entry[]>;
}

const exactKey = (contig: string, tpos: number, tref: string, talt: string): string => `${contig}\t${tpos}\t${tref}\t${talt}`;

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function buildIndex(tables: readonly LocalTable[], build: Build): BuildIndex {
  const idx: BuildIndex = { exact: new Map(), ranges: new Map(), proteins: new Map() };
  for (const table of tables) {
    if (table.build !== build) continue;
    for (const row of table.rows) {
      const e = { table, row };
      if (row.kind === 'exact') push(idx.exact, exactKey(row.contig as string, row.tpos as number, row.tref as string, row.talt as string), e);
      else if (row.kind === 'protein') push(idx.proteins, row.gene.toUpperCase(), e);
      else {
        let r = idx.ranges.get(row.contig as string);
        if (!r) idx.ranges.set(row.contig as string, (r = { list: [], longest: 0 }));
        r.list.push(e);
        r.longest = Math.max(r.longest, (row.end as number) - (row.pos as number));
      }
    }
  }
  // Table order breaks ties, so matches come out in the order the user wrote the rows.
  for (const r of idx.ranges.values()) r.list.sort((a, b) => (a.row.pos as number) - (b.row.pos as number));
  return idx;
}

/** Range rows the variant overlaps: those starting before its end, back to the longest row's reach. */
function rangeHits(r: { list: Entry[]; longest: number } | undefined, v: SplitVariant): Entry[] {
  if (!r) return [];
  const end = Math.max(v.tpos, v.tpos + v.tref.length - 1);
  let lo = 0;
  let hi = r.list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((r.list[mid]?.row.pos as number) <= end) lo = mid + 1;
    else hi = mid;
  }
  const out: Entry[] = [];
  for (let k = lo - 1; k >= 0; k--) {
    const e = r.list[k] as Entry;
    if ((e.row.pos as number) < v.tpos - r.longest - 1) break;
    if (eventMatches('any', v, { contig: e.row.contig as string, start: e.row.pos as number, end: e.row.end as number })) out.push(e);
  }
  return out.reverse();
}

function proteinHits(idx: BuildIndex, reader: ConsequenceReader, v: SplitVariant): Entry[] {
  const out = new Set<Entry>();
  for (const c of reader.read(v)) {
    // A synonymous change (VEP p.=, SnpEff p.Gly12Gly) changes no residue, as the cancer matcher reads it.
    if (c.protein === undefined || c.terms.every((x) => SILENT.has(x))) continue;
    const at = codonOf(c.protein);
    for (const e of idx.proteins.get(c.gene.toUpperCase()) ?? []) {
      const key = e.row.proteinKey as string;
      // 'G12' names the codon: any change of that residue; otherwise the change itself.
      const codon = /^[A-Z*]\d+$/.test(key) ? codonOf(key) : undefined;
      if (key === c.protein || (codon !== undefined && at !== undefined && codon.aa === at.aa && codon.pos === at.pos)) out.add(e);
    }
  }
  return [...out];
}

/**
 * In the site index's order (compareIntervals), with the contig's rank looked up once per contig:
 * the index's own sort then meets one sorted run instead of sorting 100,000 rows by a costlier key.
 */
function sortIntervals(list: Interval[]): void {
  const rank = new Map<string, number>();
  const r = (c: string): number => rank.get(c) ?? (rank.set(c, contigRank(c)), rank.get(c) as number);
  list.sort((a, b) => r(a.contig) - r(b.contig) || (a.contig < b.contig ? -1 : a.contig > b.contig ? 1 : 0) || a.start - b.start || a.end - b.end);
}

/** The prefilter's intervals of every row in `build`; protein rows only with `geneSpan` (one span per gene, the genome for an unknown gene). */
function siteIntervals(tables: readonly LocalTable[], build: Build, geneSpan: GeneSpan | undefined): Interval[] {
  const out: Interval[] = [];
  const genes = new Set<string>();
  for (const t of tables) {
    if (t.build !== build) continue;
    for (const r of t.rows) {
      if (r.kind === 'exact') out.push({ contig: r.contig as string, start: (r.tpos as number) - (r.tref === '' ? 1 : 0), end: Math.max(r.tpos as number, r.end as number) });
      else if (r.kind === 'range') out.push({ contig: r.contig as string, start: r.pos as number, end: r.end as number });
      else genes.add(r.gene);
    }
  }
  sortIntervals(out);
  if (geneSpan === undefined) return out;
  const spans = [...genes].map((g) => geneSpan(build, g));
  if (spans.some((s) => s === undefined)) return [...out, ...GENOME];
  return [...out, ...(spans as Interval[])];
}

export function tablesMatcher(tables: readonly LocalTable[], geneSpan: GeneSpan): Matcher {
  const index: Partial<Record<Build, BuildIndex>> = {};
  const indexOf = (b: Build): BuildIndex => (index[b] ??= buildIndex(tables, b));
  let reader: ConsequenceReader | undefined;
  let headerKnown = false;
  const proteinRows = tables.reduce((n, t) => n + t.rows.filter((r) => r.kind === 'protein').length, 0);
  return {
    name: 'tables',
    // Protein rows need their gene's records parsed, but only when a consequence can be read.
    intervals: (build: Build): Interval[] => siteIntervals(tables, build, !headerKnown || reader !== undefined ? geneSpan : undefined),
    useHeader(h: VcfHeader): void {
      reader = consequenceReader(h);
      headerKnown = true;
    },
    notes: () => ({ rows: tables.reduce((n, t) => n + t.rows.length, 0), protein_rows: proteinRows, protein_rows_unevaluated: reader ? 0 : proteinRows }),
    match(v: SplitVariant, build: Build): Match[] {
      if (!BASES.test(v.tref) || !BASES.test(v.talt) || v.tref === v.talt) return [];
      const idx = indexOf(build);
      const hits = [...(idx.exact.get(exactKey(v.record.contig, v.tpos, v.tref, v.talt)) ?? []), ...rangeHits(idx.ranges.get(v.record.contig), v)];
      if (reader && idx.proteins.size > 0) hits.push(...proteinHits(idx, reader, v));
      return hits.map(({ table, row }) => ({ kb: table.name, gene: row.gene, feature: row.label, match: row.kind, extra: row.fields }));
    },
  };
}
