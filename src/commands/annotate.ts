// annotate: every knowledge-base match of every split variant, one row per sample carrying the ALT
// × feature (schema_version 2: a cancer biomarker's evidence summarised in its row, the items nested
// in JSON), or with --evidence one row per evidence item. A sites-only VCF gives rows with an empty
// sample.
import { groupFeatures } from '../cancer/evidence-summary.js';
import { splitRecord } from '../normalize/split.js';
import { countProduced } from '../summary.js';
import { blockRows, CARRIER_CELL, type CarrierCells, forEachRow, type RowBlock, rowOf } from '../sink/row-block.js';
import type { Build, FeatureGroup, Match, Matcher, Row, RowPolicy, SplitVariant, Summary, VcfHeader, VcfRecord } from '../types.js';
import { carries, gtText, packedMayCarry, zygosity } from '../vcf/genotype.js';
import { pickCalls } from '../vcf/sample-calls.js';

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

/** VAFs as the output shows them, rounded once each: a cohort's are few distinct fractions of depths. */
const rounded = new Map<number, number>();

function round(v: number | undefined): number | undefined {
  if (v === undefined || !Number.isFinite(v)) return undefined;
  let r = rounded.get(v);
  if (r === undefined) {
    if (rounded.size >= 4096) rounded.clear();
    rounded.set(v, (r = Number(v.toFixed(4))));
  }
  return r;
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
function ownFields(v: SplitVariant, g: FeatureGroup, group: FeatureGroup, policy: RowPolicy): Row | undefined {
  if (g.kb === 'cancer') return policy.fields?.(v, group);
  const extra = (g.items[0] as Match).extra;
  return isTableMatch(g) ? { fields: extra } : extra;
}

/** The row of `group` (a group `g` or a subset of its items) with its carrier cells left open. */
function template(v: SplitVariant, g: FeatureGroup, group: FeatureGroup, policy: RowPolicy): Row {
  const rec = v.record;
  const own = ownFields(v, g, group, policy);
  return {
    sample: CARRIER_CELL, chrom: rec.chrom, pos: v.pos, ref: v.ref, alt: v.alt, filter: filterText(rec),
    gt: CARRIER_CELL, zygosity: CARRIER_CELL, vaf: CARRIER_CELL, dp: CARRIER_CELL,
    kb: g.kb, gene: g.gene, feature: g.feature, match: g.match, ...own,
  };
}

const NO_SAMPLE: CarrierCells = { sample: '', gt: '', zygosity: '', vaf: undefined, dp: undefined };

/** The cells of the samples carrying this ALT; a sites-only input gives one carrier with no sample. */
function carriersOf(v: SplitVariant, samples: readonly string[], policy: RowPolicy): CarrierCells[] {
  if (samples.length === 0) return [NO_SAMPLE];
  const out: CarrierCells[] = [];
  // A cohort read packed: only the samples whose GT may carry this ALT get a Call built.
  const calls = pickCalls(v.record, (code) => packedMayCarry(code, v.altIndex)) ?? v.record.calls;
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i];
    if (call === undefined || policy.skipSamples?.has(i) || !carries(call, v.altIndex)) continue;
    out.push({ sample: samples[i] ?? '', gt: gtText(call), zygosity: zygosity(call, v.altIndex), vaf: round(call.vaf?.[v.altIndex - 1]), dp: call.dp });
  }
  return out;
}

/**
 * The rows of one split variant, each carrying sample × each group, as a block: each group's row
 * once, its carrier cells open (src/sink/row-block.ts). Rows the policy's gate holds back are
 * marked held; the gate makes them at its release.
 */
export function variantBlock(v: SplitVariant, matches: Match[], samples: readonly string[], policy: RowPolicy = {}, mode: RowMode = 'features'): RowBlock {
  const carriers = carriersOf(v, samples, policy);
  if (carriers.length === 0) return { templates: [], carriers };
  const groups = rowGroups(matches, mode);
  const templates = groups.map((g) => template(v, g, g, policy));
  const gate = policy.gate;
  if (!gate) return { templates, carriers };
  // Only rows of items that combine variants can be held: the other groups need no asking.
  const gated = groups.flatMap((g, t) => (gate.holds(g.items) ? [t] : []));
  let held: Uint8Array | undefined;
  carriers.forEach((carrier, c) => {
    gate.see(carrier.sample, matches);
    gated.forEach((t) => {
      const g = groups[t] as FeatureGroup;
      const make = (items: Match[]): Row => rowOf(items === g.items ? (templates[t] as Row) : template(v, g, { ...g, items }, policy), carrier);
      if (!gate.admit(carrier.sample, g.items, make)) (held ??= new Uint8Array(carriers.length * groups.length))[c * groups.length + t] = 1;
    });
  });
  return held ? { templates, carriers, held } : { templates, carriers };
}

/** The rows of one split variant, one object each: each carrying sample × each group. */
export function variantRows(v: SplitVariant, matches: Match[], samples: readonly string[], policy: RowPolicy = {}, mode: RowMode = 'features'): Row[] {
  return blockRows(variantBlock(v, matches, samples, policy, mode));
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

/** Counts the block's rows in the summary: per template when none is held (every carrier has each row). */
function countRows(block: RowBlock, summary: Summary): void {
  const kind = (t: number): string => String((block.templates[t] as Row).kb);
  if (block.held !== undefined) {
    // Row by row, so the kinds are first counted in the order the rows are written.
    forEachRow(block, (_, t) => countProduced(summary, kind(t)));
    summary.results += block.held.reduce((n, h) => n + (h === 1 ? 0 : 1), 0);
    return;
  }
  const n = block.carriers.length;
  summary.results += n * block.templates.length;
  for (let t = 0; t < block.templates.length; t++) countProduced(summary, kind(t), n);
}

/** Where annotate's rows go: blocks of a variant's rows, and single rows (those the gate held back). */
export interface AnnotateOut {
  block(block: RowBlock): Promise<void> | void;
  row(row: Row): Promise<void> | void;
}

export async function annotate(inp: AnnotateInputs, out: AnnotateOut, summary: Summary): Promise<void> {
  for await (const rec of inp.records) {
    for (const { variant, matches } of matchRecord(rec, inp.header, inp.matchers, inp.build())) {
      summary.matched++;
      const block = variantBlock(variant, matches, inp.samples, inp.policy, inp.mode);
      countRows(block, summary);
      if (block.templates.length > 0) await out.block(block);
    }
  }
  // Rows of combined molecular profiles whose every part turned up in the same sample.
  for (const row of inp.policy.gate?.release() ?? []) {
    summary.results++;
    countProduced(summary, String(row.kb));
    await out.row(row);
  }
}
