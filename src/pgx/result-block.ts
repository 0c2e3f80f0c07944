// A cohort's gene outcomes, made gene by gene. Calling one gene for many samples in a row keeps its
// tables (allele definitions and shapes, the site calls the samples share) in the processor's
// caches; visiting every gene once per sample evicts them each time (on the 2,500-sample bench
// cohort the calls took about half the time made this way). A gene the input has gone past (a
// record beyond its last position, or on another contig after its own) is called for every sample
// at once while the rest is still being read, so that on a streamed input the calls overlap with
// the inflate workers; the others are made for a block of samples when one of them is asked for.
// Each outcome is a function of the sample's calls alone: only when it is made changes, and one
// made before a later record touched its gene (unsorted input) is dropped and made again.
import type { Build } from '../types.js';
import type { PgxCollector } from './collect.js';
import { type GeneDef, sitePos, type PgxKb } from './kb.js';
import type { OutsideCall } from './outside.js';
import type { ResultMemo } from './result-memo.js';
import { type GeneOutcome, type PgxRunOptions, vcfOutcome } from './result.js';

/** Samples per block: the outcomes of one block are held at a time. */
export const OUTCOME_BLOCK = 256;

export class OutcomeBlocks {
  private start = -1;
  private outcomes: Map<string, GeneOutcome>[] = [];
  /** Genes called for every sample while reading: outcome by sample column (none for an outside call). */
  private readonly early = new Map<string, (GeneOutcome | undefined)[]>();
  /** Genes not yet called early, with their contig and last position in the run's build. */
  private pending: Map<string, { contig: string; last: number }> | undefined;
  private readonly contigsSeen = new Set<string>();

  constructor(
    private readonly kb: PgxKb,
    private readonly collector: PgxCollector,
    /** The selected samples' names, by column. */
    private readonly names: readonly string[],
    private readonly opts: PgxRunOptions,
    /** Outside calls by sample name: their genes are not called from the VCF. */
    private readonly outside: ReadonlyMap<string, readonly OutsideCall[]>,
    private readonly memo: ResultMemo,
    /** Call passed genes while reading (see above); off, every outcome waits for its block. */
    private readonly callEarly: boolean,
  ) {}

  /** After each record: stale outcomes dropped, and the genes the input has now passed called. */
  read(contig: string, pos: number, build: Build): void {
    for (const gene of this.collector.touched) this.early.delete(gene);
    this.collector.touched.clear();
    if (!this.callEarly) return;
    this.contigsSeen.add(contig);
    const pending = (this.pending ??= this.geneEnds(build));
    for (const [gene, end] of pending) {
      const passed = end.contig === contig ? pos > end.last : this.contigsSeen.has(end.contig);
      if (!passed) continue;
      pending.delete(gene);
      this.early.set(gene, this.names.map((_, i) => this.make(gene, i)));
    }
  }

  /** The VCF outcomes, by gene, of the sample in column `index` (its block made on first ask). */
  of(index: number): ReadonlyMap<string, GeneOutcome> {
    const start = index - (index % OUTCOME_BLOCK);
    if (start !== this.start) this.makeBlock(start);
    return this.outcomes[index - start] as Map<string, GeneOutcome>;
  }

  private makeBlock(start: number): void {
    const end = Math.min(this.names.length, start + OUTCOME_BLOCK);
    this.start = start;
    this.outcomes = [];
    for (let i = start; i < end; i++) this.outcomes.push(new Map());
    for (const gene of this.kb.genes().keys()) {
      const early = this.early.get(gene);
      for (let i = start; i < end; i++) {
        const o = early !== undefined ? early[i] : this.make(gene, i);
        if (o !== undefined) (this.outcomes[i - start] as Map<string, GeneOutcome>).set(gene, o);
      }
    }
  }

  /** One sample's outcome for one gene; undefined when the gene is not asked for or an outside call replaces it. */
  private make(gene: string, i: number): GeneOutcome | undefined {
    const genes = this.opts.genes;
    const name = this.names[i] as string;
    if ((genes && !genes.includes(gene)) || this.outside.get(name)?.some((o) => o.gene === gene)) return undefined;
    return vcfOutcome(this.kb, this.collector, this.kb.genes().get(gene) as GeneDef, { index: i, name }, this.opts, this.memo);
  }

  /** Each gene's contig and last site position (every site it reads, not only definitions) in `build`. */
  private geneEnds(build: Build): Map<string, { contig: string; last: number }> {
    const ends = new Map<string, { contig: string; last: number }>();
    const genes = this.kb.genes();
    for (const s of this.kb.sites) {
      const p = sitePos(s, build);
      if (s.role === 'ignored' || p === null || !genes.has(s.gene)) continue;
      const e = ends.get(s.gene);
      if (e === undefined) ends.set(s.gene, { contig: s.chrom, last: p });
      else if (p > e.last) e.last = p;
    }
    return ends;
  }
}
