// Builds the PGx tables (data/pgx/*.json) from ../shared/sources: definition sites (both builds),
// named alleles with exemptions, allele function / phenotype rules, and CPIC recommendations.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltTable } from '../../src/kb/manifest.js';
import type { GeneRow, NamedAlleleRow, SiteRow } from '../../src/pgx/kb-types.js';
import { grch37Sites } from './pgx-grch37.js';
import { buildPhenotypes } from './pgx-phenotypes.js';
import { buildRecommendations } from './pgx-recommendations.js';
import { SRC, byStr, canon, readJson, rowsFile } from './pgx-sources.js';

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
  requiredPositions: number[];
  ignoredPositions: DefVariant[];
  extraPositions: DefVariant[];
  ignoredAlleles: string[];
  unphasedDiplotypePriorities: { list: string[]; pick: string }[];
}
export async function buildPgx(sourcesDir: string): Promise<BuiltTable[]> {
  const defDir = join(sourcesDir, 'pharmcat-allele-definitions');
  const exemptions = readJson<Record<string, Exemption>>(join(defDir, 'exemptions.json'));
  const defs = readdirSync(defDir)
    .filter((f) => f.endsWith('_translation.json'))
    .sort()
    .map((f) => readJson<DefFile>(join(defDir, f)));

  const grch37 = grch37Sites(sourcesDir);
  const sites: SiteRow[] = [];
  const genes: GeneRow[] = [];
  let fromPypgx = 0;
  let lifted = 0;
  let disagree = 0;
  const refDiffers: string[] = [];
  for (const d of defs) {
    const ex = exemptions[d.gene];
    // An exemption names a variant (position + REF): G6PD ignores CGGT>C at 154532990 but not C>T there.
    const ignoredVar = (v: DefVariant): boolean => (ex?.ignoredPositions ?? []).some((x) => x.position === v.position && x.ref === v.ref);
    const ignored = new Set(d.variants.filter(ignoredVar).map((v) => v.position));
    const addSite = (v: DefVariant, role: SiteRow['role']): void => {
      const chrom = canon(v.chromosome);
      const p37 = grch37(chrom, v.position, v.ref);
      if (p37.from === 'pypgx') fromPypgx++;
      if (p37.disagrees) disagree++;
      else if (p37.from === 'liftover') lifted++;
      if (p37.ref !== null && p37.ref !== v.ref && role !== 'ignored') refDiffers.push(`${d.gene} ${v.rsid ?? v.chromosomeHgvsName} ${p37.ref}/${v.ref}`);
      const cpic = Object.fromEntries(Object.entries(v.cpicToVcfAlleleMap).filter(([k, x]) => k !== x));
      sites.push({
        gene: d.gene,
        chrom,
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
      });
    };
    for (const v of d.variants) addSite(v, ignoredVar(v) ? 'ignored' : 'definition');
    for (const v of ex?.extraPositions ?? []) addSite(v, 'extra');
    for (const v of ex?.ignoredPositions ?? []) if (!d.variants.some((x) => x.position === v.position && x.ref === v.ref)) addSite(v, 'ignored');

    const alleles: NamedAlleleRow[] = d.namedAlleles.map((a) => ({
      name: a.name,
      id: a.id,
      reference: a.reference,
      defs: a.alleles.flatMap((x, i): [number, string][] => (x === null ? [] : [[i, x]])),
    }));
    genes.push({
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
    });
  }
  sites.sort((a, b) => byStr(a.gene, b.gene) || a.pos - b.pos || byStr(a.role, b.role));
  genes.sort((a, b) => byStr(a.gene, b.gene));

  const { rows: phenotypes, conflicts } = buildPhenotypes(sourcesDir);
  const recs = buildRecommendations(sourcesDir);
  const recSources = [...new Set(recs.map((r) => r.source))];

  return [
    {
      name: 'pgx-sites',
      file: 'pgx/sites.json',
      domain: 'pgx',
      description: 'PGx definition positions per gene: GRCh38 and GRCh37 positions, REF/ALTs, minimal alleles, rsid',
      sources: [SRC.definitions, SRC.pypgx, SRC.chain],
      builds: ['GRCh38', 'GRCh37'],
      records: sites.length,
      notes: `GRCh38 from PharmCAT definitions; GRCh37 from PyPGx variant-table.csv where it lists the GRCh38 position (${fromPypgx} sites; the liftover disagrees at ${disagree} of them), else UCSC hg38ToHg19 liftover (${lifted} sites), ${sites.length - fromPypgx - lifted} without a GRCh37 position (pos37From per row). GRCh37 reference alleles from PyPGx's per-build reference bases (ref37From 'pypgx', ${sites.filter((x) => x.ref37From === 'pypgx').length} sites), else assumed equal to GRCh38 ('assumed', ${sites.filter((x) => x.ref37From === 'assumed').length} sites: no GRCh37 sequence is bundled). The GRCh37 reference differs from GRCh38 at ${refDiffers.length} definition sites (GRCh37/GRCh38): ${[...new Set(refDiffers)].join('; ')}`,
      content: rowsFile(sites),
    },
    {
      name: 'pgx-alleles',
      file: 'pgx/alleles.json',
      domain: 'pgx',
      description: 'PharmCAT named alleles (defining VCF alleles per position) and matcher exemptions, per gene',
      sources: [SRC.definitions],
      builds: ['GRCh38'],
      records: genes.reduce((n, g) => n + g.alleles.length, 0),
      notes: 'exemptions.json applied as fields: requiredPositions, ignoredPositions, extraPositions, ignoredAlleles, unphasedDiplotypePriorities',
      content: rowsFile(genes),
    },
    {
      name: 'pgx-phenotypes',
      file: 'pgx/phenotypes.json',
      domain: 'pgx',
      description: 'Allele function and activity values; phenotype, activity score and lookup key per allele-function pair',
      sources: [SRC.phenotypes, SRC.cyp2d6Fallback, SRC.g6pdFallback, SRC.ryr1Fallback, SRC.ryr1Functions],
      builds: [],
      records: phenotypes.length,
      notes:
        `HEAD (2025-11-05) maps for 17 genes; CYP2D6 from fallback 2024-08-27, G6PD from fallback 2023-08-08, RYR1 phenotype rules from fallback 2023-12-19 with allele functions from the HEAD-format transcription (row.source says which); rules keyed by each file's own allele functions; ${conflicts.length} function pairs with conflicting phenotypes${conflicts.length ? ` (${conflicts.slice(0, 5).join('; ')})` : ''}`,
      content: rowsFile(phenotypes),
    },
    {
      name: 'pgx-recommendations',
      file: 'pgx/recommendations.json',
      domain: 'pgx',
      description: 'CPIC drug recommendations: drug, genes, lookup key, classification, implications, recommendation, population, guideline',
      sources: [SRC.cpic2024, SRC.cpic130].filter((s) => recSources.includes(s.name)),
      builds: [],
      records: recs.length,
      notes: `per drug the 2024 guideline annotations win where they cover it (${recs.filter((r) => r.source === SRC.cpic2024.name).length} rows), else CPIC v1.30 (${recs.filter((r) => r.source === SRC.cpic130.name).length} rows); row.source says which`,
      content: rowsFile(recs),
    },
  ];
}

