// The PGx tables at run time. Only sites.json is read up front (the prefilter needs its
// intervals); alleles, phenotypes and recommendations are parsed on first use.
import { KbError } from '../errors.js';
import { readKbTable } from '../kb/load.js';
import type { Build, Interval } from '../types.js';
import type { GeneRow, PhenotypeRow, RecommendationRow, SiteRow } from './kb-types.js';

export interface NamedAllele {
  name: string;
  reference: boolean;
  /** Full haplotype over GeneDef.positions (undefined positions take the reference allele). */
  hap: string[];
  /** True where the definition gives the allele (PharmCAT's score counts these). */
  defined: boolean[];
}

export interface GeneDef {
  gene: string;
  chrom: string;
  version: string;
  positions: number[];
  /** Site row per position (same order as positions). */
  sites: SiteRow[];
  alleles: NamedAllele[];
  reference: NamedAllele;
  row: GeneRow;
}

export interface PgxKb {
  sites: SiteRow[];
  /** Sites keyed by `${contig}:${pos}` in the given build. */
  sitesAt(build: Build, contig: string, pos: number): SiteRow[] | undefined;
  /** Sites on a contig sorted by position in the given build (for gVCF reference blocks). */
  sitesOn(build: Build, contig: string): SiteRow[];
  intervals(build: Build): Interval[];
  genes(): Map<string, GeneDef>;
  phenotypes(): Map<string, PhenotypeRow>;
  recommendations(): RecommendationRow[];
}

/** Rows of a PGx table, verified against the manifest and its shape (src/kb/table-shapes.ts). */
function readRows<T>(dataDir: string, file: string): T[] {
  return readKbTable<{ rows: T[] }>(dataDir, `pgx/${file}`).rows;
}

export function sitePos(site: SiteRow, build: Build): number | null {
  return build === 'GRCh38' ? site.pos : site.pos37;
}

export function loadPgxKb(dataDir: string): PgxKb {
  const sites = readRows<SiteRow>(dataDir, 'sites.json');
  const byKey = new Map<Build, Map<string, SiteRow[]>>();
  const byContig = new Map<Build, Map<string, SiteRow[]>>();
  const index = (build: Build): void => {
    if (byKey.has(build)) return;
    const keyed = new Map<string, SiteRow[]>();
    const contigs = new Map<string, SiteRow[]>();
    for (const s of sites) {
      const p = sitePos(s, build);
      if (p === null) continue;
      const k = `${s.chrom}:${p}`;
      keyed.set(k, [...(keyed.get(k) ?? []), s]);
      const list = contigs.get(s.chrom) ?? [];
      list.push(s);
      contigs.set(s.chrom, list);
    }
    for (const list of contigs.values()) list.sort((a, b) => (sitePos(a, build) ?? 0) - (sitePos(b, build) ?? 0));
    byKey.set(build, keyed);
    byContig.set(build, contigs);
  };
  let genes: Map<string, GeneDef> | undefined;
  let phenos: Map<string, PhenotypeRow> | undefined;
  let recs: RecommendationRow[] | undefined;
  return {
    sites,
    sitesAt(build, contig, pos) {
      index(build);
      return byKey.get(build)?.get(`${contig}:${pos}`);
    },
    sitesOn(build, contig) {
      index(build);
      return byContig.get(build)?.get(contig) ?? [];
    },
    intervals(build) {
      const out: Interval[] = [];
      for (const s of sites) {
        const p = sitePos(s, build);
        if (p !== null) out.push({ contig: s.chrom, start: p, end: p + Math.max(s.ref.length, 1) - 1 });
      }
      return out.sort((a, b) => (a.contig < b.contig ? -1 : a.contig > b.contig ? 1 : a.start - b.start || a.end - b.end));
    },
    genes() {
      genes ??= buildGenes(readRows<GeneRow>(dataDir, 'alleles.json'), sites);
      return genes;
    },
    phenotypes() {
      phenos ??= new Map(readRows<PhenotypeRow>(dataDir, 'phenotypes.json').map((r) => [r.gene, r]));
      return phenos;
    },
    recommendations() {
      recs ??= readRows<RecommendationRow>(dataDir, 'recommendations.json');
      return recs;
    },
  };
}

function buildGenes(rows: GeneRow[], sites: SiteRow[]): Map<string, GeneDef> {
  const out = new Map<string, GeneDef>();
  for (const row of rows) {
    const siteOf = new Map(sites.filter((s) => s.gene === row.gene && s.role === 'definition').map((s) => [s.pos, s]));
    const geneSites = row.positions.map((p) => {
      const s = siteOf.get(p);
      if (!s) throw new KbError(`PGx tables disagree: ${row.gene} position ${p} has no site row`);
      return s;
    });
    const refRow = row.alleles.find((a) => a.reference);
    if (!refRow) throw new KbError(`PGx table: ${row.gene} has no reference allele`);
    const refHap = row.positions.map((_, i) => refRow.defs.find(([j]) => j === i)?.[1] ?? geneSites[i]?.ref ?? '');
    const ignored = new Set(row.ignoredAlleles);
    const alleles = row.alleles
      .filter((a) => !ignored.has(a.name))
      .map((a): NamedAllele => {
        const hap = [...refHap];
        const defined = row.positions.map(() => false);
        for (const [i, x] of a.defs) {
          hap[i] = x;
          defined[i] = true;
        }
        return { name: a.name, reference: a.reference, hap, defined };
      });
    const reference = alleles.find((a) => a.reference) as NamedAllele;
    out.set(row.gene, { gene: row.gene, chrom: row.chrom, version: row.version, positions: row.positions, sites: geneSites, alleles, reference, row });
  }
  return out;
}
