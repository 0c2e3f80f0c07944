// Test helper: a VCF file through the project's reader and splitter, the cancer matcher and
// per-sample aggregation (what the CLI pipeline does, without its sinks).
import { openInput } from '../../src/io/open.js';
import { Warnings } from '../../src/log.js';
import { splitRecord } from '../../src/normalize/split.js';
import { readVcf } from '../../src/vcf/reader.js';
import type { Build, VcfHeader } from '../../src/types.js';
import { cancerFindings, type CancerHit, type Finding } from '../../src/cancer/aggregate.js';
import type { CancerKb } from '../../src/cancer/kb.js';
import { cancerMatcher, type CancerMatcher } from '../../src/cancer/matcher.js';

export interface VcfRun {
  header: VcfHeader;
  hits: CancerHit[];
  matcher: CancerMatcher;
  findings(tumor: number, normal?: number, tumorType?: string): Finding[];
}

export async function runVcf(kb: CancerKb, path: string, build: Build): Promise<VcfRun> {
  const input = await openInput(path);
  const reader = await readVcf(input.chunks(), { file: path, warnings: new Warnings(), keepFields: true });
  const matcher = cancerMatcher(kb);
  matcher.useHeader(reader.header);
  const hits: CancerHit[] = [];
  for await (const rec of reader.records) {
    for (const v of splitRecord(rec, reader.header)) {
      const matches = matcher.match(v, build);
      if (matches.length > 0) hits.push({ variant: v, matches });
    }
  }
  return {
    header: reader.header,
    hits,
    matcher,
    findings: (tumor, normal, tumorType) =>
      cancerFindings(kb, hits, normal === undefined ? { tumor } : { tumor, normal }, tumorType === undefined ? {} : { tumorType }),
  };
}
