// GRCh38 primary assembly contigs (lengths from the GRC), in the order GATK's hg38 dictionary uses.
export interface Contig {
  /** Canonical name inside vcfact: '1'..'22', 'X', 'Y', 'MT'. */
  canonical: string;
  length: number;
  /** Haploid in the generated calls (chrY, chrM): no sex model, every sample gets one allele. */
  haploid: boolean;
}

const LENGTHS: [string, number][] = [
  ['1', 248956422], ['2', 242193529], ['3', 198295559], ['4', 190214555], ['5', 181538259],
  ['6', 170805979], ['7', 159345973], ['8', 145138636], ['9', 138394717], ['10', 133797422],
  ['11', 135086622], ['12', 133275309], ['13', 114364328], ['14', 107043718], ['15', 101991189],
  ['16', 90338345], ['17', 83257441], ['18', 80373285], ['19', 58617616], ['20', 64444167],
  ['21', 46709983], ['22', 50818468], ['X', 156040895], ['Y', 57227415], ['MT', 16569],
];

export const GRCH38: readonly Contig[] = LENGTHS.map(([canonical, length]) => ({
  canonical,
  length,
  haploid: canonical === 'Y' || canonical === 'MT',
}));

/** 'chr1', 'chrX', 'chrM' (UCSC style, as GATK writes GRCh38) or '1', 'X', 'MT' (GRC style). */
export function contigName(canonical: string, chrPrefix: boolean): string {
  if (!chrPrefix) return canonical;
  return canonical === 'MT' ? 'chrM' : `chr${canonical}`;
}

/** Canonical name of a contig written in either style, or undefined for non-primary contigs. */
export function canonicalOf(name: string): string | undefined {
  let n = name.startsWith('chr') ? name.slice(3) : name;
  if (n === 'M') n = 'MT';
  return GRCH38.some((c) => c.canonical === n) ? n : undefined;
}
