// Stages between the reader and a command, over records or over the pass-through items of a VCF
// output (bytes and parsed records in file order): the user's regions (-r/-R), and the hold that
// waits until the data shows the genome build.
import type { BuildVote } from './build-vote.js';
import type { Warnings } from './log.js';
import type { Build, Summary, VcfRecord } from './types.js';
import type { PassItem } from './vcf/reader.js';
import type { RegionLines } from './vcf/region-lines.js';
import type { SiteIndex } from './vcf/site-index.js';

/** A record, or a pass-through item (bytes, or a record with its line). */
export type StreamItem = VcfRecord | PassItem;

/** The record an item carries; undefined for bytes. */
export function recordOf(item: StreamItem): VcfRecord | undefined {
  if (Buffer.isBuffer(item)) return undefined;
  return 'record' in item ? item.record : item;
}

/**
 * Records overlapping the user's regions only (the KB prefilter already ran in the reader); bytes
 * keep only their lines inside the regions (`lines`).
 */
export async function* withinRegions<T extends StreamItem>(items: AsyncIterable<T>, regions: SiteIndex, lines: RegionLines, summary: Summary): AsyncGenerator<T> {
  for await (const item of items) {
    const rec = recordOf(item);
    if (rec === undefined) {
      const kept = lines.keep(item as Buffer);
      if (kept.length > 0) yield kept as T;
      continue;
    }
    const end = rec.end ?? rec.pos + rec.ref.length - 1;
    if (regions.overlaps(rec.contig, rec.pos, end)) yield item;
    else summary.skipped['outside-regions'] = (summary.skipped['outside-regions'] ?? 0) + 1;
  }
}

export interface BuildHold {
  vote: BuildVote;
  set: (b: Build, why: string) => void;
  warnings: Warnings;
  file: string;
  /** The build -g named, used when the data has no votes at all. */
  given?: Build;
}

/**
 * Holds items until the data shows the build, then releases them (see build-vote.ts). A
 * pass-through read holds its bytes too, so an input with no knowledge-base site in it is held whole.
 */
export async function* decideBuild<T extends StreamItem>(items: AsyncIterable<T>, h: BuildHold): AsyncGenerator<T> {
  const held: T[] = [];
  let decided = false;
  for await (const item of items) {
    if (decided) {
      yield item;
      continue;
    }
    held.push(item);
    const rec = recordOf(item);
    if (rec === undefined) continue;
    h.vote.add(rec);
    const b = h.vote.decided();
    if (b) {
      h.set(b, `data: ${h.vote.describe(b)}`);
      decided = true;
      yield* held.splice(0);
    }
  }
  if (!decided) {
    const b = h.vote.leader();
    if (b) h.set(b, `data: ${h.vote.describe(b)}`);
    else if (h.given) h.set(h.given, '-g');
    else {
      h.set('GRCh38', 'assumed: neither the header nor the data tells the build');
      h.warnings.add('build-assumed', 'the genome build could not be told from the header or the data; GRCh38 assumed (use -g to say)', { file: h.file });
    }
    yield* held;
  }
}
