// Row types of the cancer tables in data/cancer/ (written by src/kb/build/civic*.ts, read by
// src/cancer/kb.ts). Coordinates are 1-based inclusive on canonical contigs.
import type { Build, Match } from '../types.js';

/**
 * How a CIViC variant can be recognised in a VCF:
 * - exact   one allele, compared on (contig, tpos, tref, talt) in the minimal trimmed form;
 * - codon   any non-silent change of the named codon(s): SNV/MNV inside the codon's bases;
 * - exon    an event (in-frame deletion / insertion / frameshift / any change) inside an exon;
 * - range   a DNA-level event inside a CIViC coordinate range (promoter, ITD, named deletion);
 * - protein a protein change named by CIViC, matched only through a VEP/SnpEff HGVSp;
 * - gene    a gene-level class ("Mutation", "Loss-of-function", …), only through a consequence;
 * - none    not visible as a SNV/indel (expression, copy number, fusion, methylation, …).
 */
export type BiomarkerKind = 'exact' | 'codon' | 'exon' | 'range' | 'protein' | 'gene' | 'none';

/** The DNA event a codon / exon / range biomarker asks for. */
export type BiomarkerEvent = 'any' | 'substitution' | 'inframe-deletion' | 'inframe-insertion' | 'frameshift' | 'deletion-span';

export interface Locus {
  contig: string;
  start: number;
  end: number;
  /** Exact alleles only: minimal trimmed REF/ALT (either may be ''); start = tpos. */
  tref?: string;
  talt?: string;
}

export interface Biomarker {
  /** CIViC variant id. */
  id: number;
  gene: string;
  /** CIViC variant name as written, e.g. 'V600E', 'Exon 19 Deletion'. */
  name: string;
  kind: BiomarkerKind;
  /** Why it was classified so (shown by `kb show`, kept for audits). */
  why: string;
  event?: BiomarkerEvent;
  /** Protein changes in one-letter form ('V600E', 'E746_A750DEL', 'P2514FS', 'G12' for codons). */
  protein?: string[];
  /** Sequence Ontology terms a consequence must carry (gene level). */
  consequences?: string[];
  /** Loci per build ([] when the build has none: not lifted or no coordinates). */
  loci: Record<Build, Locus[]>;
  /**
   * Exact alleles: the build whose locus was lifted from CIViC's. Its REF is CIViC's REF, not read
   * from that build's sequence (none is bundled), so the two references may differ there.
   */
  lifted?: Build;
  /** Transcript the codon/exon coordinates come from, per build. */
  transcript?: Partial<Record<Build, string>>;
  /** Why GRCh38 (or GRCh37) coordinates are missing. */
  unlifted?: string;
}

/** A boolean expression over CIViC variant ids (molecular profiles). */
export type ProfileExpr = number | { and: ProfileExpr[] } | { or: ProfileExpr[] } | { not: ProfileExpr };

export interface Profile {
  id: number;
  name: string;
  expr: ProfileExpr;
  /** Every variant id in the expression. */
  parts: number[];
}

export interface EvidenceItem {
  /** 'EID1409' or 'AID7'. */
  id: string;
  profile: number;
  /** A–E for evidence; '' for assertions. */
  level: string;
  /** Assertions: AMP/ASCO/CAP category, e.g. 'Tier I - Level A'. */
  tier: string;
  type: string;
  direction: string;
  significance: string;
  therapies: string[];
  interaction: string;
  disease: string;
  doid: string;
  /** 'PMID:123', 'ASCO:456', … */
  citations: string[];
  origin: string;
  /** Assertions: the evidence ids they rest on. */
  evidence?: string[];
}

/** data/cancer/transcripts.json: the transcript chosen per gene and build. */
export interface TranscriptRow {
  gene: string;
  build: Build;
  /** RefSeq accession without version (refGene has none). */
  transcript: string;
  /** 'MANE Select' / 'MANE Plus Clinical' or 'longest coding'. */
  choice: string;
  contig: string;
  strand: '+' | '-';
  /** CDS, 1-based inclusive genomic. */
  cdsStart: number;
  cdsEnd: number;
  /** Exons, 1-based inclusive, in genomic order (exon numbering follows the strand). */
  exons: [number, number][];
}

/** What the cancer matcher puts in Match.extra: one CIViC evidence item or assertion (matcher.ts). */
export type CancerExtra = {
  evidence_level: string;
  evidence_type: string;
  evidence_direction: string;
  significance: string;
  therapies: string[];
  therapy_interaction: string;
  disease: string;
  /** 'DOID:9256', or '' when CIViC gives none. */
  doid: string;
  tier: string;
  pmids: string[];
  /** The item's id and the assertions resting on it ('EID1409', 'AID7'). */
  civic_ids: string[];
  variant_origin: string;
  civic_variant_id: string;
  molecular_profile: string;
  molecular_profile_id: string;
  /** Other CIViC variants the profile needs in the same sample ([] for a one-variant profile). */
  profile_parts: string[];
  match_note: string;
};

/** The cancer fields of a match whose kb is 'cancer' (the matcher writes exactly these). */
export function cancerExtra(m: Match): CancerExtra {
  return m.extra as CancerExtra;
}
