// A cohort's gene outcomes made gene by gene for a block of samples at a time. Calling one gene
// for many samples in a row keeps its tables (allele definitions and shapes, the site calls the
// samples share) in the processor's caches; visiting every gene once per sample evicts them each
// time. On the 2,500-sample bench cohort the calls took about half the time made this way. The
// outcomes are the same either way (each is a function of the sample's calls alone): only the
// order in which they are made changes, and a block is made when one of its samples is asked for.
import type { PgxCollector } from './collect.js';
import type { PgxKb } from './kb.js';
import type { OutsideCall } from './outside.js';
import type { ResultMemo } from './result-memo.js';
import { type GeneOutcome, type PgxRunOptions, vcfOutcome } from './result.js';

/** Samples per block: the outcomes of one block are held at a time. */
export const OUTCOME_BLOCK = 256;

export class OutcomeBlocks {
  private start = -1;
  private outcomes: Map<string, GeneOutcome>[] = [];

  constructor(
    private readonly kb: PgxKb,
    private readonly collector: PgxCollector,
    /** The selected samples' names, by column. */
    private readonly names: readonly string[],
    private readonly opts: PgxRunOptions,
    /** Outside calls by sample name: their genes are not called from the VCF. */
    private readonly outside: ReadonlyMap<string, readonly OutsideCall[]>,
    private readonly memo: ResultMemo,
  ) {}

  /** The VCF outcomes, by gene, of the sample in column `index` (its block made on first ask). */
  of(index: number): ReadonlyMap<string, GeneOutcome> {
    const start = index - (index % OUTCOME_BLOCK);
    if (start !== this.start) this.make(start);
    return this.outcomes[index - start] as Map<string, GeneOutcome>;
  }

  private make(start: number): void {
    const end = Math.min(this.names.length, start + OUTCOME_BLOCK);
    this.start = start;
    this.outcomes = [];
    for (let i = start; i < end; i++) this.outcomes.push(new Map());
    const genes = this.opts.genes;
    for (const [gene, def] of this.kb.genes()) {
      if (genes && !genes.includes(gene)) continue;
      for (let i = start; i < end; i++) {
        const name = this.names[i] as string;
        if (this.outside.get(name)?.some((o) => o.gene === gene)) continue;
        (this.outcomes[i - start] as Map<string, GeneOutcome>).set(gene, vcfOutcome(this.kb, this.collector, def, { index: i, name }, this.opts, this.memo));
      }
    }
  }
}
