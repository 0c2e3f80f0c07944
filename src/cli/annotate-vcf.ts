// vcfact annotate -O vcf|vcf.gz (or -o x.vcf / x.vcf.gz): the session opened for a pass-through
// read, the header written, then the records (src/commands/annotate-vcf.ts).
import { annotateVcf } from '../commands/annotate-vcf.js';
import { UsageError } from '../errors.js';
import { loadDomains, matchersFor } from '../match/registry.js';
import type { PipelineOptions } from '../pipeline.js';
import { VcfWriter } from '../sink/vcf.js';
import { vcfactCommand, vcfHeaderText } from '../sink/vcf-header.js';
import { VCFACT_CANCER, VCFACT_PGX, VCFACT_TABLE, VCFACT_TAGS, type VcfactTag } from '../sink/vcf-info.js';
import { TOOL } from '../version.js';
import type { CommonOptions } from './options.js';
import { startSession, withOutput } from './session.js';

export async function annotateToVcf(input: string | undefined, opts: CommonOptions, evidence: boolean): Promise<void> {
  if (opts.samples !== undefined) {
    throw new UsageError('-s/--samples with a VCF output: its tags are per site and every sample column passes through unchanged; leave -s out (bcftools view -s selects columns)');
  }
  if (evidence) throw new UsageError('--evidence with a VCF output: its tags are one per ALT × feature; --evidence is for tsv, json and ndjson');
  // startSession hands its options on to openRun: passThrough makes the reader yield every data
  // byte and, without -r/-R, stream the whole file whatever the index.
  const runOpts: CommonOptions & Pick<PipelineOptions, 'passThrough'> = { ...opts, passThrough: true };
  const s = await startSession('annotate', input, runOpts, (kb, tables) => matchersFor(loadDomains(kb.dir), undefined, tables));
  const { header, summary } = s.run;
  const writer = new VcfWriter(s.out, VCFACT_TAGS.some((t) => header.info.has(t)));
  await withOutput(s, writer, async () => {
    const command = vcfactCommand(process.argv.slice(2));
    const tags: VcfactTag[] = s.tables.length > 0 ? [VCFACT_PGX, VCFACT_CANCER, VCFACT_TABLE] : [VCFACT_PGX, VCFACT_CANCER];
    await writer.header(vcfHeaderText(header, { version: TOOL.version, command, kb: s.meta().kb, tags }));
    const inputs = { items: s.items, header, build: () => s.run.build() ?? 'GRCh38', matchers: s.matchers, stopped: () => s.out.closed } as const;
    await annotateVcf(inputs, writer, summary);
  });
  s.end(summary);
}
