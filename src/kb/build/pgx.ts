// Builds the PGx tables (data/pgx/*.json) from the sources folder: definition sites (both builds),
// named alleles with exemptions, allele function / phenotype rules, and CPIC recommendations.
import type { BuiltTable } from '../manifest.js';
import { readDefinitions, type DefinitionRows } from './pgx-definitions.js';
import { grch37Sites } from './pgx-grch37.js';
import { buildPhenotypes } from './pgx-phenotypes.js';
import { buildRecommendations } from './pgx-recommendations.js';
import { SRC, asFound, rowsFile } from './pgx-sources.js';
import type { SourceDir } from './sources.js';

function sitesTable(d: DefinitionRows, pypgx: string, chains: string): BuiltTable {
  const { sites, fromPypgx, disagree, lifted, refDiffers } = d;
  return {
    name: 'pgx-sites',
    file: 'pgx/sites.json',
    domain: 'pgx',
    description: 'PGx definition positions per gene: GRCh38 and GRCh37 positions, REF/ALTs, minimal alleles, rsid',
    sources: [asFound(SRC.definitions, d.folder), asFound(SRC.pypgx, pypgx), asFound(SRC.chain, chains)],
    builds: ['GRCh38', 'GRCh37'],
    records: sites.length,
    notes: `GRCh38 from PharmCAT definitions; GRCh37 from PyPGx variant-table.csv where it lists the GRCh38 position (${fromPypgx} sites; the liftover disagrees at ${disagree} of them), else UCSC hg38ToHg19 liftover (${lifted} sites), ${sites.length - fromPypgx - lifted} without a GRCh37 position (pos37From per row). GRCh37 reference alleles from PyPGx's per-build reference bases (ref37From 'pypgx', ${sites.filter((x) => x.ref37From === 'pypgx').length} sites), else assumed equal to GRCh38 ('assumed', ${sites.filter((x) => x.ref37From === 'assumed').length} sites: no GRCh37 sequence is bundled). The GRCh37 reference differs from GRCh38 at ${refDiffers.length} definition sites (GRCh37/GRCh38): ${[...new Set(refDiffers)].join('; ')}`,
    content: rowsFile(sites),
  };
}

export function buildPgx(src: SourceDir): BuiltTable[] {
  const g37 = grch37Sites(src);
  const defs = readDefinitions(src, g37.site);
  const { genes } = defs;
  const { rows: phenotypes, conflicts } = buildPhenotypes(src);
  const { rows: recs, cpic2024, cpic130 } = buildRecommendations(src);
  const recSources = [...new Set(recs.map((r) => r.source))];

  return [
    sitesTable(defs, g37.pypgx, g37.chains),
    {
      name: 'pgx-alleles',
      file: 'pgx/alleles.json',
      domain: 'pgx',
      description: 'PharmCAT named alleles (defining VCF alleles per position) and matcher exemptions, per gene',
      sources: [asFound(SRC.definitions, defs.folder)],
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
      sources: [asFound(SRC.cpic2024, cpic2024), asFound(SRC.cpic130, cpic130)].filter((s) => recSources.includes(s.name)),
      builds: [],
      records: recs.length,
      notes: `per drug the 2024 guideline annotations win where they cover it (${recs.filter((r) => r.source === cpic2024).length} rows), else CPIC v1.30 (${recs.filter((r) => r.source === cpic130).length} rows); row.source says which`,
      content: rowsFile(recs),
    },
  ];
}

