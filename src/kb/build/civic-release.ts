// One CIViC release from the sources folder: the folder civic*, its five files found by pattern
// (the release date is in their names), each TSV checked for the columns the builder reads. Also the
// source references of the cancer tables.
import { basename } from 'node:path';
import { KbError } from '../../errors.js';
import type { SourceRef } from '../manifest.js';
import { parseCivicVcf, parseTsv, type Row, type VcfAllele } from './civic-read.js';
import { LAYOUT } from './layout.js';
import type { SourceDir, Wanted } from './sources.js';

/** The release that was staged in ../shared/sources, with where it was obtained. */
const STAGED_RELEASE = '01-Aug-2024';
const STAGED: Omit<SourceRef, 'name'> = {
  version: STAGED_RELEASE,
  repository: 'https://github.com/rk-izak/DATA72000-IBE (vendored CIViC release from civicdb.org)',
  commit: '88c9d637cddcaf9eaf6a9f9e9caf8d4e6ef41004',
  path: `data/CIVIC/raw/${STAGED_RELEASE}-*`,
  licence: 'CC0-1.0',
};

export const CHAINS: SourceRef = {
  name: 'ucsc-liftover-chains',
  version: 'UCSC hg19ToHg38 / hg38ToHg19',
  repository: 'https://github.com/broadinstitute/SpliceAI-lookup',
  commit: 'd204c34d669fc498d1b17370fc6a4f3e5056bfdb',
  path: 'hg19ToHg38.over.chain.gz; hg38ToHg19.over.chain.gz',
  licence: 'UCSC liftOver chains: free for any use',
};
export const REFGENE: SourceRef = {
  name: 'ucsc-refgene',
  version: 'UCSC refGene 2018 dump',
  repository: 'https://github.com/vladsavelyev/bed_annotation',
  commit: '3c3edae3742ea023440ecb0ccce05284b1c53032',
  path: 'bed_annotation/refseq/hg19/refGene.txt.gz; bed_annotation/refseq/hg38/refGene.txt.gz',
  licence: 'UCSC/NCBI RefSeq tables: freely usable',
};
export const MANE: SourceRef = {
  name: 'mane-summary',
  version: 'MANE v1.0',
  repository: 'https://github.com/user-tq/anvcivi (vendored NCBI MANE release 1.0)',
  commit: 'fabb00b2d197baccfc93f651c5b65c2f399d388c',
  path: 'source/MANE.GRCh38.v1.0.summary.txt.gz',
  licence: 'public domain (NCBI)',
};

// The columns read from each TSV, with what they are used for (named in the error when missing).
const VARIANT_COLUMNS = {
  variant_id: 'the variant id',
  gene: 'the gene symbol',
  variant: 'the variant name',
  variant_types: 'the SO variant types',
  chromosome: 'the coordinates',
  start: 'the coordinates',
  stop: 'the coordinates',
  reference_bases: 'the REF allele',
  variant_bases: 'the ALT allele',
  reference_build: 'the genome build of the coordinates',
};
const PROFILE_COLUMNS = { molecular_profile_id: 'the profile id', name: 'the profile expression', variant_ids: 'the variants of the profile' };
const SHARED_ITEM_COLUMNS = {
  molecular_profile_id: 'the profile of the item',
  significance: 'the clinical significance',
  therapies: 'the therapies',
  disease: 'the disease',
  doid: 'the disease ontology id',
};
const EVIDENCE_COLUMNS = {
  ...SHARED_ITEM_COLUMNS,
  evidence_id: 'the evidence id',
  evidence_status: 'accepted items only',
  evidence_level: 'the evidence level',
  evidence_type: 'the evidence type',
  evidence_direction: 'the evidence direction',
  therapy_interaction_type: 'the therapy combination',
  citation_id: 'the citation',
  source_type: 'the citation source',
  variant_origin: 'somatic or germline',
};
const ASSERTION_COLUMNS = {
  ...SHARED_ITEM_COLUMNS,
  assertion_id: 'the assertion id',
  amp_category: 'the AMP/ASCO/CAP tier',
  assertion_type: 'the assertion type',
  assertion_direction: 'the assertion direction',
  evidence_item_ids: 'the evidence behind the assertion',
};

export interface CivicRelease {
  ref: SourceRef;
  variants: Row[];
  profiles: Row[];
  evidence: Row[];
  assertions: Row[];
  vcf: Map<number, VcfAllele>;
}

/** The release date every file name starts with ('01-Aug-2024-VariantSummaries.tsv' → '01-Aug-2024'). */
function releaseOf(files: string[], w: Wanted[], folder: string): string {
  const dates = files.map((f, i) => {
    const name = basename(f);
    const suffix = (w[i] as Wanted).glob.slice(1);
    return name.slice(0, name.length - suffix.length);
  });
  const distinct = [...new Set(dates)];
  if (distinct.length > 1) throw new KbError(`the CIViC files come from different releases (${distinct.join(', ')}): keep one release in the folder`, { file: folder });
  return distinct[0] as string;
}

/** The source reference: where the staged release came from, or civicdb.org for any other release. */
function civicRef(folder: string, release: string): SourceRef {
  if (release === STAGED_RELEASE) return { name: folder, ...STAGED };
  return { name: folder, version: release, repository: 'https://civicdb.org/releases', commit: 'none (release files; sha256 in source_files)', path: `${release}-*`, licence: 'CC0-1.0' };
}

export function readCivicRelease(src: SourceDir): CivicRelease {
  const folder = src.folder(LAYOUT.civic);
  const wanted = [LAYOUT.civicVariants, LAYOUT.civicProfiles, LAYOUT.civicEvidence, LAYOUT.civicAssertions, LAYOUT.civicVcf];
  const files = wanted.map((w) => src.file(folder, w));
  const [variants, profiles, evidence, assertions, vcf] = files as [string, string, string, string, string];
  const tsv = (rel: string, columns: Record<string, string>): Row[] => parseTsv(src.text(rel), src.path(rel), columns);
  return {
    ref: civicRef(folder, releaseOf(files, wanted, src.path(folder))),
    variants: tsv(variants, VARIANT_COLUMNS),
    profiles: tsv(profiles, PROFILE_COLUMNS),
    evidence: tsv(evidence, EVIDENCE_COLUMNS),
    assertions: tsv(assertions, ASSERTION_COLUMNS),
    vcf: parseCivicVcf(src.text(vcf), src.path(vcf)),
  };
}
