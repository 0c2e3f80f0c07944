// GRCh37 coordinates and reference alleles of the PGx definition sites (PharmCAT gives GRCh38 only).
// PyPGx's variant table lists both builds' position and reference base for most sites; the UCSC
// chain lifts the rest. Where a build's reference differs (rs776746: GRCh37 C, GRCh38 T) the GRCh37
// VCF writes the other REF, so the site keeps both: a 0/0 means a different allele in each build.
import { KbError } from '../../errors.js';
import type { Pos37Source, Ref37Source } from '../../pgx/kb-types.js';
import { LAYOUT } from './layout.js';
import { liftPoint, loadChain } from './liftover.js';
import { canon } from './pgx-sources.js';
import { columnIndex, type SourceDir } from './sources.js';

export interface Grch37Site {
  pos: number | null;
  from: Pos37Source;
  ref: string | null;
  refFrom: Ref37Source;
  /** PyPGx and the chain both place the site, at different positions. */
  disagrees: boolean;
}

interface PypgxRow {
  pos37: number;
  ref37: string;
  ref38: string;
}

/** PyPGx variant-table.csv rows keyed by `${chrom}:${GRCh38 position}`; columns found by name. */
function pypgxRows(src: SourceDir): { folder: string; rows: Map<string, PypgxRow> } {
  const folder = src.folder(LAYOUT.pypgx);
  const rel = src.file(folder, LAYOUT.pypgxVariants);
  const lines = src.text(rel).split(/\r?\n/).filter((l) => l.length > 0);
  const head = (lines[0] ?? '').split(',');
  const col = (name: string): number => columnIndex(head, name, src.path(rel), 'GRCh37 positions and reference bases of the PGx sites');
  const [ci, p37, p38, a37, a38] = ['Chromosome', 'GRCh37Position', 'GRCh38Position', 'GRCh37Allele', 'GRCh38Allele'].map(col) as number[];
  const map = new Map<string, PypgxRow>();
  for (const l of lines.slice(1)) {
    const f = l.split(',');
    const pos37 = Number(f[p37 as number]);
    const pos38 = Number(f[p38 as number]);
    if (!Number.isInteger(pos37) || !Number.isInteger(pos38) || pos37 <= 0 || pos38 <= 0) continue;
    map.set(`${canon(f[ci as number] ?? '')}:${pos38}`, { pos37, ref37: f[a37 as number] ?? '', ref38: f[a38 as number] ?? '' });
  }
  return { folder, rows: map };
}

/**
 * The GRCh37 reference allele in the site's allele space. PyPGx gives one reference base per build
 * (the whole REF for indels); when they are equal the GRCh38 REF stands, when they differ the site
 * must be one base long in both (every such site is an SNV) and the GRCh37 base replaces it.
 */
function ref37Of(ref38: string, row: PypgxRow): string | null {
  if (row.ref37 === row.ref38) return ref38;
  if (ref38.length === 1 && row.ref38 === ref38 && /^[ACGT]$/.test(row.ref37)) return row.ref37;
  return null;
}

export interface Grch37Lookup {
  site: (chrom: string, pos: number, ref: string) => Grch37Site;
  /** Source folder names, for the manifest. */
  pypgx: string;
  chains: string;
}

export function grch37Sites(src: SourceDir): Grch37Lookup {
  const { folder, rows } = pypgxRows(src);
  const chains = src.folder(LAYOUT.chains);
  const chainFile = src.file(chains, LAYOUT.chainTo37);
  const chain = loadChain(src, chainFile);
  const site = (chrom: string, pos: number, ref: string): Grch37Site => {
    const l = liftPoint(chain, chrom, pos);
    // No definition region lifts onto the minus strand; if one ever did, its GRCh37 alleles would
    // be the reverse complement, which nothing here writes: stop rather than store them wrongly.
    if (l && l.strand === '-') throw new KbError(`${chrom}:${pos} lifts to the minus strand of GRCh37; alleles would need complementing`, { file: src.path(chainFile) });
    const lifted = l && l.contig === chrom ? l.pos : null;
    const hit = rows.get(`${chrom}:${pos}`);
    if (hit !== undefined) {
      const r37 = ref37Of(ref, hit);
      return { pos: hit.pos37, from: 'pypgx', ref: r37 ?? ref, refFrom: r37 === null ? 'assumed' : 'pypgx', disagrees: lifted !== null && lifted !== hit.pos37 };
    }
    if (lifted === null) return { pos: null, from: 'none', ref: null, refFrom: 'none', disagrees: false };
    return { pos: lifted, from: 'liftover', ref, refFrom: 'assumed', disagrees: false };
  };
  return { site, pypgx: folder, chains };
}

/** Positions where PyPGx records different reference bases in the two builds (any gene). */
export function referenceDifferences(src: SourceDir): { chrom: string; pos37: number; pos38: number; ref37: string; ref38: string }[] {
  return [...pypgxRows(src).rows]
    .filter(([, r]) => r.ref37 !== r.ref38)
    .map(([key, r]) => ({ chrom: key.split(':')[0] as string, pos37: r.pos37, pos38: Number(key.split(':')[1]), ref37: r.ref37, ref38: r.ref38 }));
}
