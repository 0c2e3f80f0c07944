// One PGx pass shared by `pgx` and `report`: collect site genotypes from every record, then call
// each sample's genes (with outside calls) into results.
import type { Warnings } from '../log.js';
import type { Build, VcfRecord } from '../types.js';
import { PgxCollector } from './collect.js';
import type { PgxSample } from './germline.js';
import type { PgxKb } from './kb.js';
import { OUTSIDE_ONLY_GENES, type OutsideCall, outsideCallsBySample, readOutsideCalls } from './outside.js';
import { OutcomeBlocks } from './result-block.js';
import { ResultMemo } from './result-memo.js';
import { type PgxResult, sampleResults } from './result.js';

export interface PgxFlags {
  missingAsRef: boolean;
  allMatches: boolean;
  findCombinations: boolean;
  callCyp2d6: boolean;
  outsideCalls?: string;
  tumorPgx: boolean;
  somaticPgx: boolean;
}

export class PgxRun {
  private readonly collector: PgxCollector;
  private readonly outside: Map<string, OutsideCall[]>;
  private readonly memo = new ResultMemo();
  private readonly blocks: OutcomeBlocks;

  constructor(
    private readonly kb: PgxKb,
    private readonly build: () => Build,
    samples: readonly string[],
    private readonly flags: PgxFlags,
    private readonly warnings: Warnings,
    file: string,
    /**
     * Call each gene for every sample as soon as the input has passed it, overlapping the calls with
     * reading (`pgx`). It holds every sample's outcomes of those genes at once, so `report`, which
     * holds the cohort's cancer carriers too, leaves it off and stays within its memory bound.
     */
    callEarly = true,
  ) {
    const onUninterpretable = (rec: VcfRecord, sample: number, why: string): void =>
      warnings.add('ploidy', `sample ${samples[sample]} has ${why}: not interpreted, the position is not assayed [ploidy]`, { file, line: rec.line });
    this.collector = new PgxCollector(kb, build, samples.length, { missingAsRef: flags.missingAsRef, onUninterpretable });
    const calls = flags.outsideCalls !== undefined ? readOutsideCalls(flags.outsideCalls, new Set([...kb.genes().keys(), ...OUTSIDE_ONLY_GENES]), warnings) : [];
    this.outside = outsideCallsBySample(calls, samples, warnings);
    this.blocks = new OutcomeBlocks(kb, this.collector, samples, flags, this.outside, this.memo, callEarly);
  }

  add(rec: VcfRecord): void {
    this.collector.add(rec);
    this.blocks.read(rec.contig, rec.pos, this.build());
  }

  /** Split variants at a definition position so far (the summary's `matched`). */
  get matched(): number {
    return this.collector.matched;
  }

  /** Every gene's result for one sample (`who.index`: column among the selected samples). */
  results(who: PgxSample): PgxResult[] {
    return sampleResults(this.kb, this.collector, who, this.flags, this.outside.get(who.name) ?? [], this.memo, this.warnings, this.blocks.of(who.index));
  }
}
