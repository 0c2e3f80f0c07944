// Shared record types: the contract between io → vcf → normalize → match → aggregate → sink.
// Coordinates: every `pos`/`start`/`end` here is 1-based and inclusive (VCF convention) unless
// the name says otherwise (`start0` = 0-based half-open, as tabix and UCSC use).

export type Build = 'GRCh37' | 'GRCh38';
export const BUILDS: readonly Build[] = ['GRCh37', 'GRCh38'];

/** 1-based inclusive interval on a canonical contig ('1'..'22', 'X', 'Y', 'MT'). */
export interface Interval {
  contig: string;
  start: number;
  end: number;
}

export interface FieldDef {
  id: string;
  /** VCF Number: an integer as text, or 'A', 'R', 'G', '.'. */
  number: string;
  type: string;
  description: string;
}

export interface VcfHeader {
  /** Every '##' line, verbatim, in order (for VCF output and provenance). */
  metaLines: string[];
  /** The '#CHROM …' line, verbatim. */
  columnLine: string;
  /** All sample names in file order. */
  samples: string[];
  /** ##contig ID → length (undefined when the line has no length). */
  contigs: Map<string, number | undefined>;
  info: Map<string, FieldDef>;
  format: Map<string, FieldDef>;
  /** Number of header lines, so the first data line is headerLines + 1. */
  headerLines: number;
  /** From ##tumor_sample= / ##normal_sample= when present. */
  tumorSample?: string;
  normalSample?: string;
}

/**
 * Why a call is a no-call: 'missing' = '.' in the input; 'bad-gt' = a GT that is not a genotype or
 * names an allele beyond the ALTs (warned about; the record's other samples stand); the others are
 * the quality policy's.
 */
export type NoCallReason = 'missing' | 'filter' | 'min-dp' | 'min-gq' | 'min-vaf' | 'bad-gt' | 'ploidy';

/**
 * One sample's genotype at one (unsplit) record, quality policy already applied.
 * A call the policy rejected keeps its numbers for the record but has every allele set to null
 * and `noCall` set: it is "not assayed", never reference.
 */
export interface Call {
  /** Allele indices into [REF, ...ALTs] of the original record; null = '.'. Length = ploidy. */
  alleles: (number | null)[];
  phased: boolean;
  /** FORMAT PS when present (phase set id). */
  ps?: string;
  dp?: number;
  gq?: number;
  /** Allelic depths per original allele (REF first), when known. */
  ad?: number[];
  /** Variant allele fraction per ALT of the original record (index 0 = first ALT). */
  vaf?: (number | undefined)[];
  /** FORMAT FT when present. */
  ft?: string;
  noCall?: NoCallReason;
  /**
   * The alleles as written, kept when the quality policy turned the call into a no-call, so a
   * caller can still say what was filtered (never to be treated as an observation).
   */
  rawAlleles?: (number | null)[];
  /** Per-allele FORMAT fields (Number=A/R/G) as parsed, for splitting; keyed by FORMAT ID. */
  fields?: Record<string, (string | number | undefined)[] | undefined>;
  /**
   * FORMAT has no GT (somatic callers such as Strelka2): the genotype is unknown but the record is
   * the caller's claim, so the call carries an ALT whose allele fraction is above 0.
   */
  noGt?: boolean;
}

/** One parsed VCF data line (multi-allelic, unsplit). */
export interface VcfRecord {
  /** 1-based line number in the (decompressed) input. */
  line: number;
  /** CHROM as written in the input. */
  chrom: string;
  /** Canonical contig name ('1'..'22', 'X', 'Y', 'MT'), or the input name when unknown. */
  contig: string;
  pos: number;
  ids: string[];
  /** REF and ALTs with bases in upper case (for matching); `written` keeps them as in the input. */
  ref: string;
  alts: string[];
  /** REF and ALTs as written, when the input had lowercase bases (outputs show these). */
  written?: { ref: string; alts: string[] };
  qual: number | null;
  /** [] for '.', ['PASS'] for PASS. */
  filter: string[];
  info: Record<string, unknown>;
  /** INFO END (gVCF reference blocks, symbolic alleles). */
  end?: number;
  /** True for gVCF-style reference blocks: every ALT symbolic <NON_REF>/<*> (or no ALT) with END. */
  refBlock?: boolean;
  /** One per selected sample, in the order of `selectedSamples`. */
  calls: Call[];
}

/**
 * One ALT of a record after splitting (bcftools `norm -m-` semantics), plus its minimal form
 * for matching. The minimal form removes every shared suffix and prefix base, and may leave an
 * allele empty: an insertion of "A" before base 101 is {tpos: 101, tref: '', talt: 'A'}; a
 * deletion of bases 101..103 is {tpos: 101, tref: 'XYZ', talt: ''}. This representation does not
 * depend on an anchor base, so VCF-style (anchored) and CIViC/HGVS-style alleles compare equal.
 */
export interface SplitVariant {
  record: VcfRecord;
  /** 1-based index of this ALT among record.alts. */
  altIndex: number;
  pos: number;
  ref: string;
  alt: string;
  tpos: number;
  tref: string;
  talt: string;
  /** INFO after splitting (bcftools norm -m-): Number=A → this ALT's value, R → REF + this ALT. */
  info?: Record<string, unknown>;
  /**
   * Per selected sample, FORMAT fields after splitting (Number=A/R/G remapped, AD = [ref, this alt]),
   * same order as record.calls. GT is not here: record.calls keep original allele indices.
   */
  sampleFields?: Record<string, (string | number | undefined)[] | undefined>[];
}

/**
 * Zygosity of one call for one ALT (see vcf/genotype.ts `zygosity`): 'hom' every allele is this
 * ALT; 'hemi' a haploid call of this ALT; 'het' this ALT plus REF; 'het-alt' this ALT plus another
 * ALT (a 1/2 call, not heterozygous with reference); 'ref' does not carry it; 'nocall' unknown.
 */
export type Zygosity = 'hom' | 'het' | 'het-alt' | 'hemi' | 'ref' | 'nocall' | 'unknown';

export type KbDomain = 'pgx' | 'cancer';

/** How a knowledge-base entry was matched; the `match` output column. */
export type MatchKind = 'exact' | 'position' | 'codon' | 'exon' | 'range' | 'protein' | 'gene';

/** A knowledge-base hit for one split variant (independent of samples). */
/** A match's further fields; lists stay lists (JSON arrays, ';'-joined in TSV). */
export type MatchExtra = Record<string, string | string[]>;

/** 'pgx', 'cancer', or the name of a user table (--table, src/tables/). */
export type KbName = KbDomain | (string & {});

export interface Match {
  kb: KbName;
  gene: string;
  /** e.g. 'BRAF V600E', 'DPYD c.1905+1G>A (*2A)'. */
  feature: string;
  match: MatchKind;
  /** Further output fields of this match (evidence level, therapies, …): text, or a list of texts. */
  extra: MatchExtra;
}

/** The matches of one split variant that name one feature (kb, feature, match kind); items keep the matcher's order. */
export interface FeatureGroup {
  kb: KbName;
  gene: string;
  feature: string;
  match: MatchKind;
  items: Match[];
}

/** Summary counters; every record that does not reach a result is counted under a reason. */
export interface Summary {
  records: number;
  candidates: number;
  parsed: number;
  /** Split variants (ALTs) with at least one knowledge-base match of the command's matchers. */
  matched: number;
  results: number;
  /** What the results are, counted per kind: per kb (annotate), called / not_called (pgx), findings / pgx_results (report). */
  produced?: Record<string, number>;
  skipped: Record<string, number>;
}

/**
 * The one interface every knowledge-base matcher implements (bcftools-plugin style: built once from
 * the loaded tables, then asked about each split variant). Here, at the bottom of the import graph,
 * so the domains (pgx/, cancer/) implement it without importing the registry above them.
 */
export interface Matcher {
  /** Registry key, e.g. 'pgx', 'cancer'. */
  readonly name: string;
  /** Every interval a variant must overlap to possibly match (feeds the prefilter site index). */
  intervals(build: Build): Interval[];
  /** Called with the input header before any match() (e.g. CSQ/ANN field order); may be called again with the same header. */
  useHeader?(header: VcfHeader): void;
  /** Counts for the run summary (e.g. biomarkers that could not be evaluated), keyed snake_case. */
  notes?(): Record<string, string | number>;
  /** All matches of one split variant (sample-independent). */
  match(v: SplitVariant, build: Build): Match[];
}

/** One output row as the JSON outputs show it (TSV flattens it through a column list). */
export type Row = Record<string, unknown>;

/** How a command shapes the per-sample rows (src/cancer/rows.ts builds the cancer one); here so a domain can build one without importing the command above it. */
export interface RowPolicy {
  /** Sample indices (into the selected samples) that get no rows, e.g. the normal of a pair. */
  skipSamples?: ReadonlySet<number>;
  /** The domain's fields of a feature group's rows (at release, of a subset of its items); every carrier shares them. */
  fields?(v: SplitVariant, group: FeatureGroup): Row | undefined;
  /** Holds rows whose items need other variants in the same sample; released at the end of the input. */
  gate?: {
    see(sample: string, matches: readonly Match[]): void;
    /** False when a row of these items is never held (admit would say true for every sample). */
    holds(items: readonly Match[]): boolean;
    admit(sample: string, items: Match[], make: (items: Match[]) => Row): boolean;
    release(): Row[];
  };
}
