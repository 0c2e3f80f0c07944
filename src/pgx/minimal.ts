// The minimal (trimmed) allele form of types.ts SplitVariant, from the normaliser itself so that
// definition alleles and input variants are trimmed by the same rule.
import { trimAlleles, type Trimmed } from '../normalize/trim.js';

export type MinimalAllele = Trimmed;
export const minimalAllele = trimAlleles;

export function minimalKey(m: MinimalAllele): string {
  return `${m.tpos}:${m.tref}>${m.talt}`;
}
