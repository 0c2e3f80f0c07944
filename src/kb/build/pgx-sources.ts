// Source references for the PGx tables, taken from the PROVENANCE.md files under ../shared/sources,
// plus the small helpers and the deterministic-JSON writer the PGx tables share.
import type { SourceRef } from '../manifest.js';

/** A contig name without 'chr' (PharmCAT writes chr10, PyPGx and the KB 10). */
export const canon = (c: string): string => (c.startsWith('chr') ? c.slice(3) : c);

export const byStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A known source under the folder name it was found as (a newer export may sit in a renamed folder). */
export function asFound(ref: SourceRef, folder: string): SourceRef {
  return { ...ref, name: folder };
}

const PHARMCAT = 'https://github.com/PharmGKB/PharmCAT';

export const SRC = {
  definitions: {
    name: 'pharmcat-allele-definitions',
    version: '2025-11-05-00-25',
    repository: PHARMCAT,
    commit: '5431bf1187e50383df7e7db18ef67b36fc8b562e',
    path: 'src/main/resources/org/pharmgkb/pharmcat/definition/alleles/*_translation.json, exemptions.json',
    licence: 'MPL-2.0 (PharmCAT); allele definitions CPIC/ClinPGx, CC0 1.0',
  },
  phenotypes: {
    name: 'pharmcat-phenotypes',
    version: '2025-11-05-00-25',
    repository: PHARMCAT,
    commit: '5431bf1187e50383df7e7db18ef67b36fc8b562e',
    path: 'src/main/resources/org/pharmgkb/pharmcat/phenotype/<GENE>.json',
    licence: 'MPL-2.0 (PharmCAT); CPIC function/phenotype tables CC0 1.0',
  },
  cyp2d6Fallback: {
    name: 'pharmcat-phenotypes/fallback/CYP2D6.2024-08-27',
    version: '2024-08-27',
    repository: PHARMCAT,
    commit: 'c8100ec878f6d0731ba9f1403f1a5ecb91061abb',
    path: 'src/main/resources/org/pharmgkb/pharmcat/phenotype/cpic/CYP2D6.json',
    licence: 'MPL-2.0 (PharmCAT); CPIC content CC0 1.0',
  },
  g6pdFallback: {
    name: 'pharmcat-phenotypes/fallback/G6PD.2023-08-08',
    version: '2023-08-08',
    repository: PHARMCAT,
    commit: '76bfe08c85fc1b63d014445e3d7dd883cf7088cf',
    path: 'src/main/resources/org/pharmgkb/pharmcat/phenotype/cpic/G6PD.json',
    licence: 'MPL-2.0 (PharmCAT); CPIC content CC0 1.0',
  },
  ryr1Fallback: {
    name: 'pharmcat-phenotypes/fallback/RYR1.2023-12-19',
    version: '2023-12-19',
    repository: PHARMCAT,
    commit: '5cb671756393b82732c2ffeb5e06201d453cade3',
    path: 'src/main/resources/org/pharmgkb/pharmcat/phenotype/cpic/RYR1.json',
    licence: 'MPL-2.0 (PharmCAT); CPIC content CC0 1.0',
  },
  ryr1Functions: {
    name: 'pharmcat-phenotypes/fallback/RYR1.haplotype-functions.HEAD-transcribed',
    version: 'transcribed 2026-11-23 from HEAD-format RYR1.json',
    repository: 'https://github.com/madhavajay/PharmCAT',
    commit: '162d746c3366438e72885eaa8ad68f6a550b8741',
    path: 'src/main/resources/org/pharmgkb/pharmcat/phenotype/RYR1.json (haplotypes map)',
    licence: 'MPL-2.0 (PharmCAT fork); CPIC content CC0 1.0',
  },
  cpic130: {
    name: 'cpic-recommendations-v1.30',
    version: 'v1.30.0',
    repository: PHARMCAT,
    commit: 'c115ed253a489969330afbf56a66b4c2afe5ca39',
    path: 'src/main/resources/org/pharmgkb/pharmcat/reporter/guidelines/cpic/<drug>.json',
    licence: 'CC0 1.0 (CPIC content)',
  },
  cpic2024: {
    name: 'pharmcat-cpic-guideline-annotations-2024',
    version: '2024-03-25-16-13',
    repository: PHARMCAT,
    commit: '30f8cfb7b3d71f6b579212f8161689e5f7dc2e63',
    path: 'src/main/resources/org/pharmgkb/pharmcat/reporter/guidelines/CPIC_*.json',
    licence: 'CC0 1.0 (CPIC recommendation text); annotation wrapper ClinPGx/PharmGKB CC BY-SA 4.0',
  },
  pypgx: {
    name: 'pypgx-data',
    version: '0.26.0',
    repository: 'https://github.com/sbslee/pypgx',
    commit: 'fa6b9f70747bdf1b6566adc5c21bb17276ae9f52',
    path: 'pypgx/api/data/variant-table.csv',
    licence: 'MIT',
  },
  chain: {
    name: 'ucsc-liftover-chains',
    version: 'UCSC hg38ToHg19.over.chain.gz (uncompressed md5 97b423dc9095cc322460f0ff7f50c93a)',
    repository: 'https://github.com/broadinstitute/SpliceAI-lookup',
    commit: 'd204c34d669fc498d1b17370fc6a4f3e5056bfdb',
    path: 'hg38ToHg19.over.chain.gz',
    licence: 'UCSC liftOver chains: free for any use',
  },
} satisfies Record<string, SourceRef>;

/** JSON with object keys sorted at every level (arrays keep their order): same data, same bytes. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** One row per line inside `{"rows":[...]}`: compact, diff-friendly, deterministic. */
export function rowsFile(rows: unknown[]): string {
  return `{"rows":[\n${rows.map((r) => stableJson(r)).join(',\n')}\n]}\n`;
}
