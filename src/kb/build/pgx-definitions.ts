// PharmCAT allele definitions (*_translation.json) and exemptions → the PGx site rows (both
// builds) and the per-gene allele rows. The JSON is checked against the fields read here, so a
// newer PharmCAT export that lost one is exit 4 naming file and field.
import type { GeneRow, NamedAlleleRow, SiteRow } from '../../pgx/kb-types.js';
import type { Check } from '../shape.js';
import { LAYOUT } from './layout.js';
import type { Grch37Site } from './pgx-grch37.js';
import { byStr, canon } from './pgx-sources.js';
import type { SourceDir } from './sources.js';

interface DefVariant {
  chromosome: string;
  position: number;
  rsid: string | null;
  chromosomeHgvsName: string;
  cpicToVcfAlleleMap: Record<string, string>;
  ref: string;
  alts: string[];
}
interface DefFile {
  gene: string;
  chromosome: string;
  version: string;
  variants: DefVariant[];
  namedAlleles: { name: string; id: string; alleles: (string | null)[]; reference: boolean }[];
}
interface Exemption {
  requiredPositions?: number[];
  ignoredPositions?: DefVariant[];
  extraPositions?: DefVariant[];
  ignoredAlleles?: string[];
  unphasedDiplotypePriorities?: { list: string[]; pick: string }[];
}

const VARIANT: Check = {
  fields: {
    chromosome: 'string',
    position: 'int',
    rsid: 'string|null',
    chromosomeHgvsName: 'string',
    cpicToVcfAlleleMap: { values: 'string' },
    ref: 'string',
    alts: { each: 'string' },
  },
};
const DEF_SHAPE: Check = {
  fields: {
    gene: 'string',
    chromosome: 'string',
    version: 'string',
    variants: { each: VARIANT },
    namedAlleles: { each: { fields: { name: 'string', id: 'string', alleles: { each: 'string|null' }, reference: 'bool' } } },
  },
};
// Every exemption field is optional; the ones present must have the shape read.
const EXEMPTIONS_SHAPE: Check = { values: 'object' };

export interface DefinitionRows {
  folder: string;
  /** The distinct `version` fields of the definition files. */
  versions: string[];
  sites: SiteRow[];
  genes: GeneRow[];
  /** GRCh37 statistics for the manifest notes. */
  fromPypgx: number;
  lifted: number;
  disagree: number;
  refDiffers: string[];
}

type Grch37 = (chrom: string, pos: number, ref: string) => Grch37Site;

function siteRow(gene: string, v: DefVariant, role: SiteRow['role'], p37: Grch37Site): SiteRow {
  const cpic = Object.fromEntries(Object.entries(v.cpicToVcfAlleleMap).filter(([k, x]) => k !== x));
  return {
    gene,
    chrom: canon(v.chromosome),
    pos: v.position,
    pos37: p37.pos,
    pos37From: p37.from,
    ref37: p37.ref,
    ref37From: p37.refFrom,
    ref: v.ref,
    alts: v.alts,
    rsid: v.rsid,
    hgvs: v.chromosomeHgvsName,
    role,
    cpic: Object.keys(cpic).length ? cpic : undefined,
  };
}

function geneRow(d: DefFile, ex: Exemption | undefined, ignored: Set<number>): GeneRow {
  const alleles: NamedAlleleRow[] = d.namedAlleles.map((a) => ({
    name: a.name,
    id: a.id,
    reference: a.reference,
    defs: a.alleles.flatMap((x, i): [number, string][] => (x === null ? [] : [[i, x]])),
  }));
  return {
    gene: d.gene,
    chrom: canon(d.chromosome),
    version: d.version,
    positions: d.variants.map((v) => v.position),
    alleles,
    requiredPositions: ex?.requiredPositions ?? [],
    ignoredPositions: [...ignored].sort((a, b) => a - b),
    extraPositions: (ex?.extraPositions ?? []).map((v) => v.position),
    ignoredAlleles: ex?.ignoredAlleles ?? [],
    unphasedDiplotypePriorities: (ex?.unphasedDiplotypePriorities ?? []).map((p) => ({ list: p.list, pick: p.pick })),
  };
}

/** One gene's sites (definition, extra and ignored positions) into `out`, counting GRCh37 sources. */
function addGeneSites(d: DefFile, ex: Exemption | undefined, grch37: Grch37, out: DefinitionRows): Set<number> {
  // An exemption names a variant (position + REF): G6PD ignores CGGT>C at 154532990 but not C>T there.
  const ignoredVar = (v: DefVariant): boolean => (ex?.ignoredPositions ?? []).some((x) => x.position === v.position && x.ref === v.ref);
  const add = (v: DefVariant, role: SiteRow['role']): void => {
    const p37 = grch37(canon(v.chromosome), v.position, v.ref);
    if (p37.from === 'pypgx') out.fromPypgx++;
    if (p37.disagrees) out.disagree++;
    else if (p37.from === 'liftover') out.lifted++;
    if (p37.ref !== null && p37.ref !== v.ref && role !== 'ignored') out.refDiffers.push(`${d.gene} ${v.rsid ?? v.chromosomeHgvsName} ${p37.ref}/${v.ref}`);
    out.sites.push(siteRow(d.gene, v, role, p37));
  };
  for (const v of d.variants) add(v, ignoredVar(v) ? 'ignored' : 'definition');
  for (const v of ex?.extraPositions ?? []) add(v, 'extra');
  for (const v of ex?.ignoredPositions ?? []) if (!d.variants.some((x) => x.position === v.position && x.ref === v.ref)) add(v, 'ignored');
  return new Set(d.variants.filter(ignoredVar).map((v) => v.position));
}

export function readDefinitions(src: SourceDir, grch37: Grch37): DefinitionRows {
  const folder = src.folder(LAYOUT.definitions);
  const exemptions = src.json<Record<string, Exemption>>(src.file(folder, LAYOUT.exemptions), EXEMPTIONS_SHAPE);
  const defs = src.files(folder, LAYOUT.translation).map((f) => src.json<DefFile>(f, DEF_SHAPE));
  const out: DefinitionRows = { folder, versions: [...new Set(defs.map((d) => d.version))].sort(), sites: [], genes: [], fromPypgx: 0, lifted: 0, disagree: 0, refDiffers: [] };
  for (const d of defs) {
    const ex = exemptions[d.gene];
    const ignored = addGeneSites(d, ex, grch37, out);
    out.genes.push(geneRow(d, ex, ignored));
  }
  out.sites.sort((a, b) => byStr(a.gene, b.gene) || a.pos - b.pos || byStr(a.role, b.role));
  out.genes.sort((a, b) => byStr(a.gene, b.gene));
  return out;
}
