// What an outside call's own words mean for the phenotype and the recommendation lookup, following
// PharmCAT's outside-call format: phenotype names are normalised (case, PM/IM/NM/EM/UM/RM), a
// CYP2D6 copy number `*1x3` is the phenotype map's `*1x≥3`, and for an activity-score gene a
// phenotype without a score looks up every score that phenotype stands for (CYP2C9 Intermediate
// Metabolizer is 1.0 or 1.5, whose recommendations differ): each is a candidate, never a guess.
import type { PhenotypeRow } from './kb-types.js';

const ABBREVIATIONS: Record<string, string> = {
  PM: 'Poor Metabolizer',
  IM: 'Intermediate Metabolizer',
  NM: 'Normal Metabolizer',
  EM: 'Normal Metabolizer',
  RM: 'Rapid Metabolizer',
  UM: 'Ultrarapid Metabolizer',
};

/** The map's own spelling of a phenotype ('likely/possible' prefixes kept), or the text as given. */
export function normalPhenotype(text: string, row: PhenotypeRow | undefined): string {
  const m = /^(likely |possible )?(.*)$/i.exec(text.trim()) as RegExpExecArray;
  const prefix = m[1] ? `${(m[1][0] as string).toUpperCase()}${m[1].slice(1).toLowerCase()}` : '';
  const core = ABBREVIATIONS[(m[2] as string).toUpperCase()] ?? (m[2] as string);
  const known = row?.pairs.map((p) => p.phenotype).find((p) => p.toLowerCase() === core.toLowerCase());
  return `${prefix}${known ?? core}`;
}

/** CYP2D6 copy numbers as the phenotype map writes them: `*2x3` → `*2x≥3`. */
export function copyNumberName(allele: string, row: PhenotypeRow | undefined): string {
  const m = /^(.*)x(\d+)$/.exec(allele);
  if (!m || !row || row.alleles[allele]) return allele;
  const ge = `${m[1]}x≥${m[2]}`;
  if (row.alleles[ge]) return ge;
  const n = Number(m[2]);
  const atLeast = Object.keys(row.alleles).find((k) => k.startsWith(`${m[1]}x≥`) && Number(k.slice(`${m[1]}x≥`.length)) <= n);
  return atLeast ?? allele;
}

/** Activity scores whose phenotype is `phenotype` (an activity-score gene's map). */
export function scoresOf(phenotype: string, row: PhenotypeRow): string[] {
  const scores = row.pairs.filter((p) => p.phenotype === phenotype && p.activityScore !== null && p.activityScore !== 'n/a').map((p) => p.activityScore as string);
  return [...new Set(scores)].sort((a, b) => Number(a) - Number(b));
}
