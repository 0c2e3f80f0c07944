// The sources layout `vcfact kb build` expects (that of ../shared/sources): a folder per source,
// found by name pattern, and the files inside it, also by pattern. The texts say what is expected
// when a folder or file is missing.
import type { Wanted } from './sources.js';

function exact(name: string, what: string): Wanted {
  return { pattern: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), glob: name, what };
}

const CIVIC_RELEASE = 'a CIViC release TSV from civicdb.org (Downloads → monthly or nightly release)';

export const LAYOUT = {
  civic: { pattern: /^civic/, glob: 'civic*', what: 'one folder holding one CIViC release (its *-VariantSummaries.tsv, *-MolecularProfileSummaries.tsv, *-ClinicalEvidenceSummaries.tsv, *-AssertionSummaries.tsv and *-civic_accepted.vcf)' },
  civicVariants: { pattern: /^.+-VariantSummaries\.tsv$/, glob: '*-VariantSummaries.tsv', what: `${CIVIC_RELEASE}: the variants` },
  civicProfiles: { pattern: /^.+-MolecularProfileSummaries\.tsv$/, glob: '*-MolecularProfileSummaries.tsv', what: `${CIVIC_RELEASE}: the molecular profiles` },
  civicEvidence: { pattern: /^.+-ClinicalEvidenceSummaries\.tsv$/, glob: '*-ClinicalEvidenceSummaries.tsv', what: `${CIVIC_RELEASE}: the evidence items` },
  civicAssertions: { pattern: /^.+-AssertionSummaries\.tsv$/, glob: '*-AssertionSummaries.tsv', what: `${CIVIC_RELEASE}: the assertions` },
  civicVcf: { pattern: /^.+-civic_accepted\.vcf$/, glob: '*-civic_accepted.vcf', what: "CIViC's accepted-variants VCF of the same release" },

  chains: exact('ucsc-liftover-chains', 'the UCSC liftOver chains folder'),
  chainTo38: { pattern: /^hg19ToHg38\.over\.chain(\.gz)?$/, glob: 'hg19ToHg38.over.chain.gz', what: 'the UCSC GRCh37→GRCh38 liftOver chain' },
  chainTo37: { pattern: /^hg38ToHg19\.over\.chain(\.gz)?$/, glob: 'hg38ToHg19.over.chain.gz', what: 'the UCSC GRCh38→GRCh37 liftOver chain' },
  refgene: exact('ucsc-refgene', 'the UCSC refGene tables folder'),
  refgene37: exact('hg19.refGene.txt.gz', 'the UCSC hg19 refGene table (genePred with bin column, gzip)'),
  refgene38: exact('hg38.refGene.txt.gz', 'the UCSC hg38 refGene table (genePred with bin column, gzip)'),
  mane: exact('mane-summary', 'the NCBI MANE summary folder'),
  maneSummary: { pattern: /^MANE\.GRCh38\.v[\d.]+\.summary\.txt\.gz$/, glob: 'MANE.GRCh38.v*.summary.txt.gz', what: 'the NCBI MANE summary table' },

  definitions: exact('pharmcat-allele-definitions', "PharmCAT's allele definitions folder"),
  translation: { pattern: /_translation\.json$/, glob: '*_translation.json', what: "PharmCAT's allele definition files, one per gene" },
  exemptions: exact('exemptions.json', "PharmCAT's matcher exemptions"),
  phenotypes: exact('pharmcat-phenotypes', "PharmCAT's phenotype folder"),
  phenotypeFiles: { pattern: /\.json\.gz$/, glob: '*.json.gz', what: "PharmCAT's gene phenotype files (<GENE>.json, gzipped)" },
  cpic130: { pattern: /^cpic-recommendations/, glob: 'cpic-recommendations*', what: "the folder of CPIC's recommendation export (one <drug>.json per drug)" },
  cpic2024: { pattern: /^pharmcat-cpic-guideline-annotations/, glob: 'pharmcat-cpic-guideline-annotations*', what: 'the folder of CPIC guideline annotations (CPIC_*.json)' },
  jsonFiles: { pattern: /\.json$/, glob: '*.json', what: 'one JSON file per drug or guideline' },
  pypgx: exact('pypgx-data', "PyPGx's data folder"),
  pypgxVariants: exact('variant-table.csv', "PyPGx's variant table (both builds' positions)"),
} satisfies Record<string, Wanted>;

export { exact as exactName };
