// Decides from a CIViC variant's name, variant types and coordinates how (and whether) a VCF can
// show it. Conservative on purpose: a range that stands for copy number, expression, a fusion,
// methylation or a whole-gene event is never claimed from a SNV or indel overlap, because a
// false actionable finding is worse than a missed one.
import { proteinKey } from '../../cancer/protein.js';
import type { BiomarkerEvent, BiomarkerKind } from '../../cancer/types.js';

export interface VariantFacts {
  name: string;
  /** CIViC variant_types, comma-separated SO terms ('N/A' or '' when none). */
  types: string;
  hasAlleles: boolean;
  hasCoords: boolean;
}

export interface Classification {
  kind: BiomarkerKind;
  why: string;
  event?: BiomarkerEvent;
  protein?: string[];
  consequences?: string[];
  /** Codon numbers (codon kind). */
  codons?: number[];
  /** Exon numbers (exon kind). */
  exons?: number[];
  /** Gene-level classes restricted to CIViC's coordinate range (domains). */
  inRange?: boolean;
}

/** Consequences that change the protein (VEP / SnpEff SO terms). */
export const PROTEIN_ALTERING = [
  'missense_variant', 'stop_gained', 'stop_lost', 'start_lost', 'frameshift_variant', 'inframe_insertion', 'inframe_deletion',
  'disruptive_inframe_insertion', 'disruptive_inframe_deletion', 'conservative_inframe_insertion', 'conservative_inframe_deletion',
  'splice_acceptor_variant', 'splice_donor_variant', 'protein_altering_variant',
];
/** Truncating: the usual proxy for loss of function. */
export const TRUNCATING = ['stop_gained', 'frameshift_variant', 'splice_acceptor_variant', 'splice_donor_variant', 'start_lost'];

// Non-DNA or structural events: words in the name, and SO types, that rule a variant out.
const NON_DNA_WORDS = /EXPRESSION|AMPLIFICATION|COPY NUMBER|FUSION|::|REARRANGEMENT|METHYLATION|PHOSPHORYLATION|SERUM|MISLOCALI[SZ]ATION|TRANSLOCATION|\bLOH\b|HETEROZYGOSITY|WILD ?TYPE|ALTERNATIVE TRANSCRIPT|POLYMORPHISM|HOMOZYGOSITY|BIALLELIC|ALU INSERTION|TANDEM REPEAT|SKIPPING|\bEGFRVIII\b|^VIII$|\bIVS/;
const NON_DNA_TYPES = /transcript_amplification|transcript_fusion|gene_fusion|copy_number|transcript_ablation|exon_loss_variant|wild_type|loss_of_heterozygosity|short_tandem_repeat|microsatellite/;

const AA = 'ACDEFGHIKLMNPQRSTVWY';

/** One protein change in CIViC's upper-cased one-letter style: 'R282W', 'K706FS*19', 'E746_A750DEL', 'D770DELINSGY'. */
export const PROTEIN_NAME = /^[A-Z]\d+([A-Z*]|FS.*|DEL[A-Z]*|DUP|INS[A-Z]*|DELINS[A-Z]+|_[A-Z]\d+(DEL[A-Z]*|DUP[A-Z]*|INS[A-Z]+|DELINS[A-Z]+|>[A-Z]+))$/;

function gene(kind: BiomarkerKind, why: string, consequences: string[], inRange = false): Classification {
  return { kind, why, consequences, ...(inRange ? { inRange } : {}) };
}

/** Protein keys a CIViC name stands for ('R200W (c.598C>T)' → R200W, 'Q157P/R' → Q157P, Q157R), or undefined. */
export function proteinKeysOfName(name: string): string[] | undefined {
  const n = name.trim().toUpperCase().replace(/\s+/g, ' ').replace(/^([A-Z]\d+\S*) \(?C\..*$/, '$1');
  const alt = /^([A-Z])(\d+)([A-Z*](?:\/[A-Z*])+)$/.exec(n);
  if (alt) return (alt[3] as string).split('/').map((x) => `${alt[1]}${alt[2]}${x}`);
  return PROTEIN_NAME.test(n) ? [proteinKey(n)] : undefined;
}

/** 'Exon 19 Deletion', 'Exon 20 Insertion', 'EXON 1-2 MUTATION', 'Exon 10 or Exon 21 Mutation'; undefined when not an exon name. */
function classifyExon(n: string, types: string, f: VariantFacts): Classification | undefined {
  // 'Exon 10 and Exon 21 Mutation' needs two variants.
  const exon = /^EXON (\d+)(?:-(\d+)|((?: (?:AND|OR) EXON \d+)+))? (.+)$/.exec(n);
  if (!exon) return undefined;
  const a = Number(exon[1]);
  const b = Number(exon[2] ?? exon[1]);
  const listed = exon[3] ? [a, ...[...exon[3].matchAll(/\d+/g)].map((m) => Number(m[0]))] : undefined;
  const exons = listed ?? Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const what = exon[4] as string;
  if (exon[3]?.includes('AND')) return { kind: 'none', why: `'${f.name}' needs changes in several exons at once` };
  if (/DELETION/.test(what)) {
    if (exons.length > 1 || !/inframe_deletion/.test(types)) return { kind: 'none', why: `'${f.name}' is a whole-exon deletion (structural)` };
    return { kind: 'exon', why: 'in-frame deletion inside the exon', event: 'inframe-deletion', exons };
  }
  if (/INSERTION/.test(what)) return { kind: 'exon', why: 'in-frame insertion inside the exon', event: 'inframe-insertion', exons };
  if (/FRAMESHIFT/.test(what)) return { kind: 'exon', why: 'frameshift indel inside the exon', event: 'frameshift', exons };
  if (/MUTATION/.test(what)) return { kind: 'exon', why: 'any change inside the coding part of the exon (silent changes only excluded with a consequence)', event: 'any', exons };
  return { kind: 'none', why: `exon event '${what}' not recognised` };
}

/** Names past the codon and exon forms: protein changes, DNA-level ranges, gene-level classes. */
function classifyByName(n: string, types: string, f: VariantFacts): Classification {
  // Protein changes without alleles: 'R282W', 'S310F/Y', 'E746_A750DEL', 'P2514FS', 'K706FS*19', 'E746_T751>I'.
  const alt = /^([A-Z])(\d+)([A-Z*](?:\/[A-Z*])+)$/.exec(n);
  if (alt) {
    const stem = `${alt[1]}${alt[2]}`;
    return { kind: 'protein', why: 'protein change without alleles: matched through HGVSp', protein: (alt[3] as string).split('/').map((x) => stem + x) };
  }
  if (PROTEIN_NAME.test(n)) {
    // A named in-frame deletion with an exact CIViC range can also be recognised by its span.
    if (f.hasCoords && /_[A-Z]\d+DEL[A-Z]*$/.test(n) && /inframe_deletion/.test(types)) {
      return { kind: 'range', why: 'named in-frame deletion: a deletion of exactly the CIViC range', event: 'deletion-span', protein: [proteinKey(n)] };
    }
    return { kind: 'protein', why: 'protein change without alleles: matched through HGVSp', protein: [proteinKey(n)] };
  }

  // DNA-level ranges.
  if (/PROMOTER MUTATION/.test(n) && f.hasCoords) return { kind: 'range', why: 'promoter SNV/indel inside the CIViC range', event: 'any' };
  if (/^ITD$|INTERNAL DUPLICATION/.test(n) && f.hasCoords) return { kind: 'range', why: 'internal tandem duplication: an in-frame insertion inside the CIViC range', event: 'inframe-insertion' };

  // Gene-level classes: only with a consequence.
  const domain = /DOMAIN|N-TERMINAL|TKD/.test(n) && f.hasCoords;
  if (/TRUNCATING|NONSENSE/.test(n)) return gene('gene', 'truncating class: stop-gained/frameshift consequence', ['stop_gained', 'frameshift_variant'], domain);
  if (/FRAME ?SHIFT/.test(n)) return gene('gene', 'frameshift class: frameshift consequence', ['frameshift_variant'], domain);
  if (/LOSS-OF-FUNCTION|INACTIVATING|DELETERIOUS/.test(n)) return gene('gene', 'loss-of-function class: truncating consequence (stop, frameshift, splice site, start lost)', TRUNCATING, domain);
  if (/MUTATION|MUT$|ALTERATION/.test(n)) return gene('gene', `mutation class${domain ? ' in the CIViC range' : ''}: protein-altering consequence`, PROTEIN_ALTERING, domain);
  return { kind: 'none', why: `name '${f.name}' not recognised as a SNV/indel event` };
}

export function classify(f: VariantFacts): Classification {
  // 'L129Q (c.386insAGA)', 'R474C c.1420C>T' → the protein part; 'H1047L or H1047R' → alternatives.
  const n = f.name.trim().toUpperCase().replace(/\s+/g, ' ').replace(/^([A-Z]\d+\S*) \(?C\..*$/, '$1');
  const alternatives = n.split(' OR ');
  if (alternatives.length > 1 && alternatives.every((a) => /^[A-Z]\d+[A-Z*]$/.test(a))) {
    return { kind: 'protein', why: 'alternative protein changes without alleles: matched through HGVSp', protein: alternatives };
  }
  const types = f.types.toLowerCase();
  if (NON_DNA_WORDS.test(n)) return { kind: 'none', why: `name '${f.name}' is a non-DNA or structural event` };
  if (NON_DNA_TYPES.test(types)) return { kind: 'none', why: `variant type ${f.types} is not a SNV/indel` };
  if (f.hasAlleles) return { kind: 'exact', why: 'CIViC gives REF/ALT alleles' };
  if (/^(LOSS|DELETION)$/.test(n)) return { kind: 'none', why: `'${f.name}' is a whole-gene loss (copy number or protein), not claimable from a SNV/indel` };
  if (/RARE/.test(n)) return { kind: 'none', why: `'${f.name}' is defined by exclusion of common variants; cannot be evaluated` };
  if (/ACTIVATING|GAIN-OF-FUNCTION/.test(n) && !/INACTIVATING/.test(n)) {
    return { kind: 'none', why: `'${f.name}' needs functional evidence a consequence cannot give` };
  }

  // Codons: 'G12', 'V600', 'G12X', 'G12/G13'.
  const codon = /^([A-Z]\d+X?)(\/[A-Z]\d+X?)*$/.exec(n);
  if (codon && [...n.split('/')].every((c) => AA.includes(c[0] as string))) {
    const codons = n.split('/').map((c) => Number(/\d+/.exec(c)?.[0]));
    return { kind: 'codon', why: 'codon-level name: any non-silent change of the codon', codons, protein: n.split('/').map((c) => c.replace(/X$/, '')) };
  }
  return classifyExon(n, types, f) ?? classifyByName(n, types, f);
}
