// Site genotypes for the PGx caller: one pass over VcfRecords, every selected sample at once,
// keeping only calls at definition positions. Each sample × gene × position ends in one of three
// states: observed reference, observed alternate(s), or not assayed (never silently reference,
// unless --missing-as-ref, which marks every position it filled).
import type { Build, Call, NoCallReason, VcfRecord } from '../types.js';
import type { SiteRow } from './kb-types.js';
import { sitePos, type PgxKb } from './kb.js';
import { minimalAllele, minimalKey } from './minimal.js';
import { PACK_COMPLEX, packedCalls, unpackCall } from '../vcf/genotype.js';

export type SiteState = 'ref' | 'alt' | 'missing';

export interface SiteCall {
  site: SiteRow;
  state: SiteState;
  /** VCF-form allele per chromosome copy (site.ref, one of site.alts, or an undocumented allele); null = '.'. */
  alleles: (string | null)[];
  phased: boolean;
  ps?: string;
  /** Where the state came from. */
  source: 'vcf' | 'ref-block' | 'missing-as-ref' | 'absent';
  line?: number;
  gt?: string;
  noCall?: NoCallReason;
}

export interface CollectOptions {
  missingAsRef?: boolean;
}

const SYMBOLIC = /^<.*>$|^\*$/;

/**
 * One definition position's calls across the samples. Samples share SiteCall objects: each
 * distinct call (per record, genotype and phase) is made once and every sample points to it by
 * number, so a 2,500-sample cohort costs one small integer per sample and position.
 */
class SiteCells {
  /** Per sample: 0 = no call yet, else 1 + index into `table`. */
  readonly cell: Uint32Array;
  readonly table: SiteCall[] = [];
  /** `${old},${add}` → merged cell, for positions written by several records. */
  private readonly merged = new Map<string, number>();

  constructor(n: number) {
    this.cell = new Uint32Array(n);
  }

  get(sample: number): SiteCall | undefined {
    const c = this.cell[sample] as number;
    return c === 0 ? undefined : this.table[c - 1];
  }

  intern(c: SiteCall): number {
    this.table.push(c);
    return this.table.length;
  }

  put(sample: number, id: number): void {
    const old = this.cell[sample] as number;
    const prev = old === 0 ? undefined : (this.table[old - 1] as SiteCall);
    if (prev === undefined || prev.source !== 'vcf') {
      this.cell[sample] = id;
      return;
    }
    const key = `${old},${id}`;
    let m = this.merged.get(key);
    if (m === undefined) this.merged.set(key, (m = this.intern(merge(prev, this.table[id - 1] as SiteCall))));
    this.cell[sample] = m;
  }
}

export class PgxCollector {
  /** gene → GRCh38 position → the samples' calls. */
  private readonly calls = new Map<string, Map<number, SiteCells>>();
  private readonly ignored = new Set<string>();

  private readonly buildOf: () => Build;

  /** `build` may be a getter: a streaming run knows the build only from its first records. */
  constructor(
    private readonly kb: PgxKb,
    build: Build | (() => Build),
    private readonly sampleCount: number,
    private readonly opts: CollectOptions = {},
  ) {
    this.buildOf = typeof build === 'function' ? build : () => build;
    for (const s of kb.sites) if (s.role === 'ignored') this.ignored.add(`${s.gene}:${s.pos}:${s.ref}`);
  }

  add(rec: VcfRecord): void {
    if (rec.refBlock && rec.end !== undefined) {
      this.addRefBlock(rec);
      return;
    }
    const sites = this.kb.sitesAt(this.buildOf(), rec.contig, rec.pos);
    if (!sites) return;
    const codes = packedCalls(rec);
    for (const site of sites) {
      if (site.role === 'ignored') continue;
      // A record of a variant the exemptions ignore (same position, its REF) says nothing here.
      if (rec.ref !== site.ref && this.ignored.has(`${site.gene}:${site.pos}:${rec.ref}`)) continue;
      const alleleOf = translator(rec, site);
      const cells = this.cells(site);
      // One SiteCall per distinct packed call of this record; unusual calls get their own.
      const made = new Map<number, number>();
      for (let i = 0; i < codes.length; i++) {
        const code = codes[i] as number;
        let id = code === PACK_COMPLEX ? undefined : made.get(code);
        if (id === undefined) {
          const call = code === PACK_COMPLEX ? (rec.calls[i] as Call) : unpackCall(code);
          id = cells.intern(fromCall(site, rec, call, alleleOf));
          if (code !== PACK_COMPLEX) made.set(code, id);
        }
        cells.put(i, id);
      }
    }
  }

  private addRefBlock(rec: VcfRecord): void {
    const end = rec.end as number;
    const build = this.buildOf();
    const codes = packedCalls(rec);
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
          const alleles = call.alleles.map((a) => (a === null ? null : site.ref));
          id = cells.intern({ site, state: 'ref', alleles, phased: call.phased, source: 'ref-block', line: rec.line, gt: gtText(call) });
          if (code !== PACK_COMPLEX) made.set(code, id);
        }
        cells.put(i, id);
      }
    }
  }

  private cells(site: SiteRow): SiteCells {
    let g = this.calls.get(site.gene);
    if (!g) this.calls.set(site.gene, (g = new Map()));
    let c = g.get(site.pos);
    if (!c) g.set(site.pos, (c = new SiteCells(this.sampleCount)));
    return c;
  }

  /**
   * A key that is equal for two samples exactly when siteCalls() gives them equal calls at these
   * positions (the same shared SiteCall at every position), so a gene's result can be reused.
   */
  signature(gene: string, sites: SiteRow[], sample: number): string {
    const g = this.calls.get(gene);
    let key = '';
    for (const site of sites) key += `${g?.get(site.pos)?.cell[sample] ?? 0},`;
    return key;
  }

  /** Every position of `positions` for one sample and gene, absent ones filled per the options. */
  siteCalls(gene: string, sites: SiteRow[], sample: number): Map<number, SiteCall> {
    const out = new Map<number, SiteCall>();
    const g = this.calls.get(gene);
    for (const site of sites) {
      const c = g?.get(site.pos)?.get(sample);
      if (c && c.state !== 'missing') out.set(site.pos, c);
      else if (this.opts.missingAsRef) {
        out.set(site.pos, { site, state: 'ref', alleles: [site.ref, site.ref], phased: false, source: 'missing-as-ref', noCall: c?.noCall, line: c?.line, gt: c?.gt });
      } else out.set(site.pos, c ?? { site, state: 'missing', alleles: [], phased: false, source: 'absent' });
    }
    return out;
  }
}

/** Maps a record's allele index to the site's VCF-form allele (or an undocumented allele text). */
function translator(rec: VcfRecord, site: SiteRow): (idx: number) => string | null {
  const byMinimal = new Map(site.minimal.map((m, j) => [minimalKey(m), site.alts[j] as string]));
  return (idx) => {
    if (idx === 0) return site.ref;
    const alt = rec.alts[idx - 1];
    if (alt === undefined || SYMBOLIC.test(alt)) return null;
    if (rec.ref === site.ref) return alt;
    // Compare in GRCh38 coordinates (the record sits at the site, whichever build it is in).
    const m = minimalAllele(site.pos, rec.ref, alt);
    return byMinimal.get(minimalKey(m)) ?? `${m.tref || '-'}>${m.talt || '-'}@${m.tpos}`;
  };
}

function gtText(call: Call): string {
  const a = call.noCall && call.rawAlleles ? call.rawAlleles : call.alleles;
  return a.map((x) => (x === null ? '.' : String(x))).join(call.phased ? '|' : '/');
}

function fromCall(site: SiteRow, rec: VcfRecord, call: Call, alleleOf: (i: number) => string | null): SiteCall {
  const base = { site, phased: call.phased, ps: call.ps, source: 'vcf' as const, line: rec.line, gt: gtText(call), noCall: call.noCall };
  if (call.noCall || call.alleles.every((a) => a === null)) return { ...base, state: 'missing', alleles: [] };
  const alleles = call.alleles.map((a) => (a === null ? null : alleleOf(a)));
  const state: SiteState = alleles.some((a) => a !== null && a !== site.ref) ? 'alt' : 'ref';
  return { ...base, state, alleles };
}

/** Two records at one position (split multi-allelic input): alternates win over reference per copy. */
function merge(old: SiteCall, add: SiteCall): SiteCall {
  if (add.state === 'missing') return old;
  if (old.state === 'missing') return add;
  const n = Math.max(old.alleles.length, add.alleles.length);
  const alleles: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const a = old.alleles[i] ?? null;
    const b = add.alleles[i] ?? null;
    alleles.push(a === null || (a === old.site.ref && b !== null && b !== old.site.ref) ? b : a);
  }
  const state: SiteState = alleles.some((a) => a !== null && a !== old.site.ref) ? 'alt' : 'ref';
  return { ...old, alleles, state, phased: old.phased && add.phased, gt: `${old.gt};${add.gt}`, line: old.line };
}
