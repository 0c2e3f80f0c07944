// annotate: every knowledge-base match of every split variant, one row per sample carrying the ALT
// × feature (schema_version 2: a cancer biomarker's evidence summarised in its row, the items nested
// in JSON), or with --evidence one row per evidence item. A sites-only VCF gives rows with an empty
// sample.
import { groupFeatures } from '../cancer/evidence-summary.js';
import { splitRecord } from '../normalize/split.js';
import { countProduced } from '../summary.js';
import type { Build, FeatureGroup, Match, Matcher, Row, RowPolicy, SplitVariant, Summary, VcfHeader, VcfRecord } from '../types.js';
import { carries, gtText, zygosity } from '../vcf/genotype.js';

const LEAD = ['sample', 'chrom', 'pos', 'ref', 'alt', 'gt', 'zygosity', 'vaf', 'dp', 'filter', 'kb', 'gene', 'feature', 'match', 'rsid', 'alleles', 'function'] as const;

/** Default TSV columns: one row per sample × variant × feature (the output contract, schema_version 2). */
export const ANNOTATE_COLUMNS = [
  ...LEAD,
  'evidence_items', 'best_level', 'tier', 'levels', 'sensitivity', 'resistance', 'diseases', 'doids', 'significance',
  'relevance', 'likely_germline', 'molecular_profiles', 'civic_ids', 'pmids', 'match_note', 'fields',
] as const;

/** --evidence: one row per evidence item, the columns of schema_version 1. */
export const EVIDENCE_COLUMNS = [
  ...LEAD,
  'evidence_level', 'evidence_type', 'evidence_direction', 'significance', 'therapies', 'therapy_interaction',
  'disease', 'doid', 'tier', 'relevance', 'likely_germline', 'molecular_profile', 'variant_origin', 'pmids', 'civic_ids',
  'match_note', 'fields',
] as const;

export type RowMode = 'features' | 'evidence';

function round(v: number | undefined, digits = 4): number | undefined {
  return v === undefined || !Number.isFinite(v) ? undefined : Number(v.toFixed(digits));
}

export function filterText(rec: VcfRecord): string {
  return rec.filter.length === 0 ? '.' : rec.filter.join(';');
}

/** A user table's match (its kb is the table's name): every row of a table is a feature of its own. */
export function isTableMatch(m: Pick<Match, 'kb'>): boolean {
  return m.kb !== 'pgx' && m.kb !== 'cancer';
}

const alone = (m: Match): FeatureGroup => ({ kb: m.kb, gene: m.gene, feature: m.feature, match: m.match, items: [m] });

/** The groups rows are made of: features (a table row each), or (--evidence) each match alone. */
export function rowGroups(matches: readonly Match[], mode: RowMode): FeatureGroup[] {
  if (mode === 'features') return groupFeatures(matches).flatMap((g) => (isTableMatch(g) ? g.items.map(alone) : [g]));
  return matches.map(alone);
}

/** A group's own fields: the cancer policy's, a PGx match's extra, or a table row's other columns under `fields`. */
function ownFields(v: SplitVariant, g: FeatureGroup, group: FeatureGroup, index: number, policy: RowPolicy): Row | undefined {
  if (g.kb === 'cancer') return policy.fields?.(v, group, index);
  const extra = (g.items[0] as Match).extra;
  return isTableMatch(g) ? { fields: extra } : extra;
}

/** The samples carrying this ALT (index, row head); a sites-only input gives one with no sample. */
function carriersOf(v: SplitVariant, samples: readonly string[], policy: RowPolicy): { index: number; head: Row }[] {
  const rec = v.record;
  const base = { chrom: rec.chrom, pos: v.pos, ref: v.ref, alt: v.alt, filter: filterText(rec) };
  if (samples.length === 0) return [{ index: -1, head: { sample: '', ...base, gt: '', zygosity: '', vaf: undefined, dp: undefined } }];
  const out: { index: number; head: Row }[] = [];
  rec.calls.forEach((call, i) => {
    if (policy.skipSamples?.has(i) || !carries(call, v.altIndex)) return;
    out.push({ index: i, head: { sample: samples[i] ?? '', ...base, gt: gtText(call), zygosity: zygosity(call, v.altIndex), vaf: round(call.vaf?.[v.altIndex - 1]), dp: call.dp } });
  });
  return out;
}

/** The rows of one split variant: each carrying sample × each group. */
export function variantRows(v: SplitVariant, matches: Match[], samples: readonly string[], policy: RowPolicy = {}, mode: RowMode = 'features'): Row[] {
  const rows: Row[] = [];
  const groups = rowGroups(matches, mode);
  for (const { index, head } of carriersOf(v, samples, policy)) {
    const sample = String(head.sample);
    policy.gate?.see(sample, matches);
    for (const g of groups) {
      const make = (items: Match[]): Row => {
        const group = items === g.items ? g : { ...g, items };
        const own = ownFields(v, g, group, index, policy);
        return { ...head, kb: g.kb, gene: g.gene, feature: g.feature, match: g.match, ...own };
      };
      if (!policy.gate || policy.gate.admit(sample, g.items, make)) rows.push(make(g.items));
    }
  }
  return rows;
}

/** Matches of one record under one build, per split ALT. */
export function matchRecord(rec: VcfRecord, header: VcfHeader, matchers: readonly Matcher[], build: Build): { variant: SplitVariant; matches: Match[] }[] {
  const out: { variant: SplitVariant; matches: Match[] }[] = [];
  for (const v of splitRecord(rec, header)) {
    const matches = matchers.flatMap((m) => m.match(v, build));
    if (matches.length) out.push({ variant: v, matches });
  }
  return out;
}

export interface AnnotateInputs {
  records: AsyncIterable<VcfRecord>;
  header: VcfHeader;
  build: () => Build;
  matchers: readonly Matcher[];
  samples: readonly string[];
  policy: RowPolicy;
  mode: RowMode;
}

export async function annotate(inp: AnnotateInputs, emit: (row: Row) => Promise<void> | void, summary: Summary): Promise<void> {
  const write = async (row: Row): Promise<void> => {
    summary.results++;
    countProduced(summary, String(row.kb));
    await emit(row);
  };
  for await (const rec of inp.records) {
    for (const { variant, matches } of matchRecord(rec, inp.header, inp.matchers, inp.build())) {
      summary.matched++;
      for (const row of variantRows(variant, matches, inp.samples, inp.policy, inp.mode)) await write(row);
    }
  }
  // Rows of combined molecular profiles whose every part turned up in the same sample.
  for (const row of inp.policy.gate?.release() ?? []) await write(row);
}
