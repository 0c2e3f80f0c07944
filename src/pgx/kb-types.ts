// Row shapes of the PGx tables in data/pgx/ (written by src/kb/build/pgx*.ts, read by src/pgx/kb.ts).

/** Where a site's GRCh37 position came from. */
export type Pos37Source = 'pypgx' | 'liftover' | 'none';

/**
 * Where a site's GRCh37 reference allele came from: PyPGx's per-build reference bases, or assumed
 * equal to the GRCh38 one (a lifted site PyPGx does not list: no GRCh37 sequence is on board).
 */
export type Ref37Source = 'pypgx' | 'assumed' | 'none';

/** data/pgx/sites.json: one row per definition position (GRCh38 from PharmCAT). */
export interface SiteRow {
  gene: string;
  /** Canonical contig, no 'chr'. */
  chrom: string;
  /** GRCh38 VCF-style (anchored) position. */
  pos: number;
  pos37: number | null;
  pos37From: Pos37Source;
  /** GRCh38 reference allele (VCF REF at `pos`). */
  ref: string;
  /**
   * GRCh37 reference allele at `pos37`, over the same bases as `ref` and in this row's allele space
   * (+ strand, so it is the REF a GRCh37 VCF writes). It differs from `ref` where the two
   * references differ (rs776746: GRCh37 C, the *3 allele; GRCh38 T); null without a pos37.
   */
  ref37: string | null;
  ref37From: Ref37Source;
  alts: string[];
  rsid: string | null;
  /** PharmCAT's chromosome HGVS name, e.g. 'g.94761900C>T'. */
  hgvs: string;
  /** 'definition' (used by named alleles), 'extra' (reported only), 'ignored' (exemptions). */
  role: 'definition' | 'extra' | 'ignored';
  /** CPIC allele notation → VCF allele, only where it differs from the VCF allele. */
  cpic?: Record<string, string>;
}

export interface NamedAlleleRow {
  name: string;
  id: string;
  reference: boolean;
  /** [position index, VCF-form allele] for every defined position (sparse). */
  defs: [number, string][];
}

export interface DiplotypePriority {
  list: string[];
  pick: string;
}

/** data/pgx/alleles.json: one row per gene. */
export interface GeneRow {
  gene: string;
  chrom: string;
  version: string;
  /** Definition positions (GRCh38), in PharmCAT's order; NamedAlleleRow.defs index into this. */
  positions: number[];
  alleles: NamedAlleleRow[];
  requiredPositions: number[];
  ignoredPositions: number[];
  extraPositions: number[];
  ignoredAlleles: string[];
  unphasedDiplotypePriorities: DiplotypePriority[];
}

/** data/pgx/phenotypes.json: one row per gene. */
export interface PhenotypeRow {
  gene: string;
  /** Source name (SourceRef.name) this gene's map came from. */
  source: string;
  version: string;
  /** allele → [function, activity value or null]. */
  alleles: Record<string, [string, string | null]>;
  /** Activity-score genes (phenotype follows the summed score). */
  activity: boolean;
  /** Phenotype rule per (sorted) pair of allele keys; key = activity value when present, else function. */
  pairs: PairRule[];
}

export interface PairRule {
  keys: string[];
  phenotype: string;
  lookupKey: string;
  activityScore: string | null;
}

/** data/pgx/recommendations.json: one row per recommendation. */
export interface RecommendationRow {
  drug: string;
  genes: string[];
  /** gene → lookup value (phenotype, activity score or allele status). */
  lookupKey: Record<string, string>;
  classification: string;
  implications: string[];
  recommendation: string;
  population: string;
  comments: string;
  /** SourceRef.name it came from. */
  source: string;
  guideline: { name: string; url: string; pmids: string[] };
}
