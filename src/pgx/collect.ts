// Site genotypes for the PGx caller: one pass over VcfRecords, every selected sample at once,
// keeping only calls at definition positions. Each sample × gene × position ends in one of three
// states: observed reference, observed alternate(s), or not assayed (never silently reference,
// unless --missing-as-ref, which marks every position it filled).
import type { Build, Call, VcfRecord } from '../types.js';
import type { SiteRow } from './kb-types.js';
import { sitePos, type PgxKb } from './kb.js';
import { siteRef } from './site-allele.js';
import { fromCall, merge, ploidyProblem, referenceCall, translator, uninterpretable, type SiteCall } from './site-call.js';
import { gtText, PACK_COMPLEX, packedCalls, unpackCall } from '../vcf/genotype.js';

export type { SiteCall, SiteState } from './site-call.js';

/** One sample's calls at a gene's positions, by GRCh38 position (a Map will do). */
export interface SiteCalls {
  get(pos: number): SiteCall | undefined;
  values(): Iterable<SiteCall>;
}

/** SiteCalls over an array in site order, with a position index shared by every sample. */
class SampleSiteCalls implements SiteCalls {
  constructor(
    private readonly at: Map<number, number>,
    private readonly calls: SiteCall[],
  ) {}

  get(pos: number): SiteCall | undefined {
    const i = this.at.get(pos);
    return i === undefined ? undefined : this.calls[i];
  }

  values(): Iterable<SiteCall> {
    return this.calls;
  }
}

export interface CollectOptions {
  missingAsRef?: boolean;
  /** A call the caller cannot interpret (non-diploid on an autosome): told once per record and sample. */
  onUninterpretable?: (rec: VcfRecord, sample: number, why: string) => void;
}


/**
 * One definition position's calls across the samples. Samples share SiteCall objects: each
 * distinct call (per record, genotype and phase) is made once and every sample points to it by
 * number, so a 2,500-sample cohort costs one small integer per sample and position. The numbers
 * of one gene sit sample by sample in one array (`cells`, `stride` positions a sample, this
 * position at column `col`), so reading one sample's gene touches one stretch of memory.
 */
class SiteCells {
  readonly table: SiteCall[] = [];
  /** `${old},${add}` → merged cell, for positions written by several records. */
  private readonly merged = new Map<string, number>();

  constructor(
    /** Per sample × position: 0 = no call yet, else 1 + index into the position's `table`. */
    readonly cells: Uint32Array,
    readonly stride: number,
    readonly col: number,
    /** The allele the input's reference carries here (what a `0` in a split record stands for). */
    private readonly ref: string,
  ) {}

  cell(sample: number): number {
    return this.cells[sample * this.stride + this.col] as number;
  }

  get(sample: number): SiteCall | undefined {
    const c = this.cell(sample);
    return c === 0 ? undefined : this.table[c - 1];
  }

  intern(c: SiteCall): number {
    this.table.push(c);
    return this.table.length;
  }

  put(sample: number, id: number): void {
    const at = sample * this.stride + this.col;
    const old = this.cells[at] as number;
    const prev = old === 0 ? undefined : (this.table[old - 1] as SiteCall);
    if (prev === undefined || prev.source !== 'vcf') {
      this.cells[at] = id;
      return;
    }
    const key = `${old},${id}`;
    let m = this.merged.get(key);
    if (m === undefined) this.merged.set(key, (m = this.intern(merge(prev, this.table[id - 1] as SiteCall, this.ref))));
    this.cells[at] = m;
  }
}

export class PgxCollector {
  /** gene → GRCh38 position → the samples' calls. */
  private readonly calls = new Map<string, Map<number, SiteCells>>();
  private readonly ignored = new Set<string>();
  /** gene → its positions' columns in the gene's cells array. */
  private readonly columns = new Map<string, Map<number, number>>();
  private readonly geneCells = new Map<string, Uint32Array>();
  /** sites list → its cells, for siteCalls(); emptied whenever a position gets its first cells. */
  private ordered = new WeakMap<SiteRow[], { cells: (SiteCells | undefined)[]; at: Map<number, number> }>();

  private readonly buildOf: () => Build;
  /** Split variants (one per ALT) at a definition position: the summary's `matched`. */
  matched = 0;
  /** Genes whose calls were written to since the owner last emptied it (outcomes made before are stale). */
  readonly touched = new Set<string>();

  /** `build` may be a getter: a streaming run knows the build only from its first records. */
  constructor(
    private readonly kb: PgxKb,
    build: Build | (() => Build),
    private readonly sampleCount: number,
    private readonly opts: CollectOptions = {},
  ) {
    this.buildOf = typeof build === 'function' ? build : () => build;
    for (const s of kb.sites) {
      if (s.role === 'ignored') {
        this.ignored.add(`${s.gene}:${s.pos}:${s.ref}`);
        continue;
      }
      let cols = this.columns.get(s.gene);
      if (!cols) this.columns.set(s.gene, (cols = new Map()));
      if (!cols.has(s.pos)) cols.set(s.pos, cols.size);
    }
  }

  add(rec: VcfRecord): void {
    const build = this.buildOf();
    const sites = this.kb.sitesAt(build, rec.contig, rec.pos);
    // As annotate's pgx matcher counts: each ALT of a record at a site that is not ignored.
    if (sites?.some((site) => site.role !== 'ignored')) this.matched += rec.alts.length;
    if (rec.refBlock && rec.end !== undefined) {
      this.addRefBlock(rec);
      return;
    }
    if (!sites) return;
    const { codes, ps } = packedCalls(rec);
    for (const site of sites) {
      if (site.role === 'ignored') continue;
      // A record of a variant the exemptions ignore (same position, its REF) says nothing here.
      if (rec.ref !== siteRef(site, build) && this.ignored.has(`${site.gene}:${site.pos}:${rec.ref}`)) continue;
      const alleleOf = translator(rec, site, build);
      const cells = this.cells(site);
      // One SiteCall per distinct packed call of this record; unusual calls and calls with a PS
      // get their own.
      const made = new Map<number, number>();
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as number;
        const p = ps?.[i];
        const shared = code !== PACK_COMPLEX && p === undefined;
        let id = shared ? made.get(code) : undefined;
        if (id === undefined) {
          const call = code === PACK_COMPLEX ? (rec.calls[i] as Call) : unpackCall(code, p);
          const bad = ploidyProblem(site, call);
          if (bad !== undefined) this.opts.onUninterpretable?.(rec, i, bad);
          id = cells.intern(bad === undefined ? fromCall(site, call, alleleOf) : uninterpretable(site, call));
          if (shared) made.set(code, id);
        }
        cells.put(i, id);
      }
    }
  }

  private addRefBlock(rec: VcfRecord): void {
    const end = rec.end as number;
    const build = this.buildOf();
    const { codes } = packedCalls(rec);
    for (const site of this.kb.sitesOn(build, rec.contig)) {
      const p = sitePos(site, build) as number;
      if (p < rec.pos || p > end || site.role === 'ignored') continue;
      const cells = this.cells(site);
      const made = new Map<number, number>();
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as number;
        const call = code === PACK_COMPLEX ? (rec.calls[i] as Call) : unpackCall(code);
        if (call.noCall || call.alleles.every((a) => a === null)) continue;
        if (cells.get(i)) continue;
        let id = code === PACK_COMPLEX ? undefined : made.get(code);
        if (id === undefined) {
          id = cells.intern(referenceCall(site, build, call.alleles.length, call.phased, { source: 'ref-block', gt: gtText(call) }));
          if (code !== PACK_COMPLEX) made.set(code, id);
        }
        cells.put(i, id);
      }
    }
  }

  private cells(site: SiteRow): SiteCells {
    this.touched.add(site.gene);
    let g = this.calls.get(site.gene);
    if (!g) this.calls.set(site.gene, (g = new Map()));
    let c = g.get(site.pos);
    if (!c) {
      const cols = this.columns.get(site.gene) as Map<number, number>;
      let cells = this.geneCells.get(site.gene);
      if (!cells) this.geneCells.set(site.gene, (cells = new Uint32Array(this.sampleCount * cols.size)));
      g.set(site.pos, (c = new SiteCells(cells, cols.size, cols.get(site.pos) as number, siteRef(site, this.buildOf()))));
      this.ordered = new WeakMap();
    }
    return c;
  }

  /**
   * A key that is equal for two samples exactly when siteCalls() gives them equal calls at these
   * positions (the same shared SiteCall at every position), so a gene's result can be reused.
   */
  signature(gene: string, sites: SiteRow[], sample: number): string {
    let key = '';
    for (const c of this.cellsOf(gene, sites).cells) key += `${c?.cell(sample) ?? 0},`;
    return key;
  }

  /** The cells of `sites` in order, looked up once per gene and site list. */
  private cellsOf(gene: string, sites: SiteRow[]): { cells: (SiteCells | undefined)[]; at: Map<number, number> } {
    let out = this.ordered.get(sites);
    if (out === undefined) {
      const g = this.calls.get(gene);
      // A position listed twice is found at its last entry, as Map.set would have it.
      this.ordered.set(sites, (out = { cells: sites.map((s) => g?.get(s.pos)), at: new Map(sites.map((s, i) => [s.pos, i])) }));
    }
    return out;
  }

  /** Whether siteCalls() turns absent positions into reference (--missing-as-ref). */
  get fillsMissing(): boolean {
    return this.opts.missingAsRef === true;
  }

  /** Every position of `positions` for one sample and gene, absent ones filled per the options. */
  siteCalls(gene: string, sites: SiteRow[], sample: number): SiteCalls {
    const { cells, at } = this.cellsOf(gene, sites);
    const build = this.buildOf();
    const out = new Array<SiteCall>(sites.length);
    for (let i = 0; i < sites.length; i++) {
      const site = sites[i] as SiteRow;
      const c = cells[i]?.get(sample);
      if (c && c.state !== 'missing') out[i] = c;
      else if (this.opts.missingAsRef) {
        out[i] = referenceCall(site, build, 2, false, { source: 'missing-as-ref', noCall: c?.noCall, gt: c?.gt });
      } else out[i] = c ?? { site, state: 'missing', alleles: [], phased: false, source: 'absent' };
    }
    return new SampleSiteCalls(at, out);
  }
}
