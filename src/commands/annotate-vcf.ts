// annotate -O vcf / vcf.gz: the input passes through byte for byte, and each record whose split
// ALTs match gets one INFO entry per ALT × feature (site-level: per-sample calls stay in TSV/JSON).
// A feature is what a row of `annotate` is (groupFeatures); a cancer feature's grade is its best
// AMP tier, else its best CIViC level, from the same evidence summary the rows carry.
import { rankItems, summarizeEvidence } from '../cancer/evidence-summary.js';
import type { VcfWriter } from '../sink/vcf.js';
import { type InfoEntry, VCFACT_CANCER, VCFACT_PGX, VCFACT_TABLE } from '../sink/vcf-info.js';
import type { Build, FeatureGroup, Match, Matcher, SplitVariant, Summary, VcfHeader } from '../types.js';
import type { PassItem } from '../vcf/reader.js';
import { isTableMatch, matchRecord, rowGroups } from './annotate.js';

export interface AnnotateVcfInputs {
  /** Every data byte in file order, the prefilter's candidates parsed (Run.items). */
  items: AsyncIterable<PassItem>;
  header: VcfHeader;
  build: () => Build;
  matchers: readonly Matcher[];
  /** True once the output's reader has gone away (`| head`): stop reading. */
  stopped: () => boolean;
}

/** PGx: the allele function; cancer: the best AMP/ASCO/CAP tier, else `level` and the best CIViC level. */
function grade(g: FeatureGroup): string {
  if (g.kb === 'pgx') return [(g.items[0] as Match).extra.function ?? ''].flat().join(';');
  const s = summarizeEvidence(rankItems(g.items));
  return s.tier || (s.best_level ? `level ${s.best_level}` : '');
}

/** The INFO entries of a record's matches: per split ALT, one per feature (a user-table row each, as annotate's rows). */
export function infoEntries(found: readonly { variant: SplitVariant; matches: Match[] }[]): InfoEntry[] {
  const out: InfoEntry[] = [];
  for (const { variant, matches } of found) {
    for (const g of rowGroups(matches, 'features')) {
      const at = { allele: variant.altIndex, gene: g.gene, feature: g.feature, match: g.match };
      if (isTableMatch(g)) out.push({ tag: VCFACT_TABLE, table: g.kb, ...at, grade: [(g.items[0] as Match).extra.level ?? ''].flat().join(';') });
      else out.push({ tag: g.kb === 'pgx' ? VCFACT_PGX : VCFACT_CANCER, ...at, grade: grade(g) });
    }
  }
  return out;
}

/** Writes the data part; summary.matched counts matched ALTs, summary.results the records tagged. */
export async function annotateVcf(inp: AnnotateVcfInputs, writer: VcfWriter, summary: Summary): Promise<void> {
  for await (const item of inp.items) {
    if (inp.stopped()) return;
    if (Buffer.isBuffer(item)) {
      await writer.bytes(item);
      continue;
    }
    const found = matchRecord(item.record, inp.header, inp.matchers, inp.build());
    const entries = infoEntries(found);
    summary.matched += found.length;
    if (entries.length > 0) summary.results++;
    await writer.record(item.line, entries);
  }
}
