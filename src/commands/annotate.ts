// annotate: every knowledge-base match of every split variant, one row per sample carrying the
// ALT × match (a sites-only VCF gives one row with an empty sample).
import { splitRecord } from '../normalize/split.js';
import type { Result } from '../sink/types.js';
import type { Build, Match, Matcher, RowPolicy, SplitVariant, Summary, VcfHeader, VcfRecord } from '../types.js';
import { carries, gtText, zygosity } from '../vcf/genotype.js';

/** The fixed leading columns (the output contract), then the match columns of both domains. */
export const ANNOTATE_COLUMNS = [
  'sample', 'chrom', 'pos', 'ref', 'alt', 'gt', 'zygosity', 'vaf', 'dp', 'filter',
  'kb', 'gene', 'feature', 'match',
  'rsid', 'alleles', 'function',
  'evidence_level', 'evidence_type', 'evidence_direction', 'significance', 'therapies', 'therapy_interaction',
  'disease', 'doid', 'tier', 'relevance', 'likely_germline', 'molecular_profile', 'variant_origin', 'pmids', 'civic_ids',
  'match_note',
] as const;

function round(v: number | undefined, digits = 4): number | undefined {
  return v === undefined || !Number.isFinite(v) ? undefined : Number(v.toFixed(digits));
}

export function filterText(rec: VcfRecord): string {
  return rec.filter.length === 0 ? '.' : rec.filter.join(';');
}

/** The rows of one split variant: each sample carrying its ALT × each match. */
export function variantRows(v: SplitVariant, matches: Match[], samples: readonly string[], policy: RowPolicy = {}): Result[] {
  const rec = v.record;
  const base = { chrom: rec.chrom, pos: v.pos, ref: v.ref, alt: v.alt, filter: filterText(rec) };
  const rows: Result[] = [];
  const carriers: { index: number; head: Result }[] = [];
  if (samples.length === 0) {
    carriers.push({ index: -1, head: { sample: '', ...base, gt: '', zygosity: '', vaf: undefined, dp: undefined } });
  } else {
    rec.calls.forEach((call, i) => {
      if (policy.skipSamples?.has(i) || !carries(call, v.altIndex)) return;
      const head = { sample: samples[i] ?? '', ...base, gt: gtText(call), zygosity: zygosity(call, v.altIndex), vaf: round(call.vaf?.[v.altIndex - 1]), dp: call.dp };
      carriers.push({ index: i, head });
    });
  }
  for (const { index, head } of carriers) {
    for (const m of matches) {
      const row: Result = { ...head, kb: m.kb, gene: m.gene, feature: m.feature, match: m.match, ...m.extra };
      policy.decorate?.(v, m, index, row);
      if (!policy.gate || policy.gate.admit(String(head.sample), m, row)) rows.push(row);
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

export async function annotate(
  records: AsyncIterable<VcfRecord>,
  header: VcfHeader,
  build: () => Build,
  matchers: readonly Matcher[],
  samples: readonly string[],
  emit: (row: Result) => Promise<void> | void,
  summary: Summary,
  policy: RowPolicy = {},
): Promise<void> {
  const write = async (row: Result): Promise<void> => {
    summary.results++;
    await emit(row);
  };
  for await (const rec of records) {
    for (const { variant, matches } of matchRecord(rec, header, matchers, build())) {
      summary.matched++;
      for (const row of variantRows(variant, matches, samples, policy)) await write(row);
    }
  }
  // Rows of combined molecular profiles whose every part turned up in the same sample.
  for (const row of policy.gate?.release() ?? []) await write(row);
}
