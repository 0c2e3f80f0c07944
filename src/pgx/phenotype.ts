// Diplotype → allele functions → phenotype, activity score and recommendation lookup key, from the
// PharmCAT/CPIC phenotype maps. Lowest-function genes (DPYD, RYR1, CACNA1S) use the two
// lowest-function alleles found; combinations `[a + b]` count by their lowest part.
import type { PhenotypeRow } from './kb-types.js';

export interface Phenotype {
  phenotype: string | null;
  activityScore: string | null;
  /** Value matched against recommendation lookup keys ('No Result' when nothing can be said). */
  lookupKey: string;
  /** Function (and activity value) per haplotype, in the order given. */
  functions: { allele: string; function: string | null; activity: string | null }[];
  note?: string;
}

export const NO_RESULT = 'No Result';

const LOWEST = new Set(['DPYD', 'RYR1', 'CACNA1S']);
// Function ranks for the lowest-function rule where there are no activity values.
const FUNCTION_RANK: Record<string, number> = {
  'Malignant Hyperthermia associated': 0,
  'No function': 0,
  'Decreased function': 1,
  'Uncertain function': 2,
  'Normal function': 3,
};

function parts(name: string): string[] {
  return name.startsWith('[') ? name.slice(1, -1).split(' + ') : [name];
}

function keyOf(row: PhenotypeRow, allele: string): string | undefined {
  const a = row.alleles[allele];
  return a ? (a[1] ?? a[0]) : undefined;
}

function rank(row: PhenotypeRow, allele: string): number {
  let byAllele = ranks.get(row);
  if (byAllele === undefined) ranks.set(row, (byAllele = new Map()));
  let r = byAllele.get(allele);
  if (r === undefined) byAllele.set(allele, (r = rankOf(row, allele)));
  return r;
}

// The lowest-function sorts rank the same alleles sample after sample: each rank is worked out once per map.
const ranks = new WeakMap<PhenotypeRow, Map<string, number>>();

function rankOf(row: PhenotypeRow, allele: string): number {
  const a = row.alleles[allele];
  if (!a) return 99;
  if (a[1] !== null) return Number(a[1]);
  return FUNCTION_RANK[a[0]] ?? 2.5;
}

/**
 * Phenotype of one call. `haplotypes`: two names (diplotype), one (hemizygous, or the only
 * non-reference strand of a lowest-function gene), or the allele list of a lowest-function gene.
 */
export function phenotypeOf(row: PhenotypeRow | undefined, haplotypes: string[], reference: string, isList = false): Phenotype {
  if (!row) return derive(row, haplotypes, reference, isList);
  // Samples share diplotypes: one answer per gene map and call (read-only, so shared).
  let byCall = memo.get(row);
  if (!byCall) memo.set(row, (byCall = new Map()));
  const key = `${reference}\u0000${isList}\u0000${haplotypes.join('\u0001')}`;
  let p = byCall.get(key);
  if (p === undefined) byCall.set(key, (p = derive(row, haplotypes, reference, isList)));
  return p;
}

const memo = new WeakMap<PhenotypeRow, Map<string, Phenotype>>();

function derive(row: PhenotypeRow | undefined, haplotypes: string[], reference: string, isList: boolean): Phenotype {
  const none = (note: string, functions: Phenotype['functions'] = []): Phenotype => ({ phenotype: null, activityScore: null, lookupKey: NO_RESULT, functions, note });
  if (!row) return none('no phenotype map for this gene');
  let alleles = haplotypes;
  if (LOWEST.has(row.gene)) {
    // The lowest-function part of each strand decides; an allele list gives its two lowest; the
    // reference fills a missing second copy.
    const byRank = (x: string, y: string): number => rank(row, x) - rank(row, y);
    const lowestPart = (h: string): string => parts(h).filter((a) => a !== reference).sort(byRank)[0] ?? reference;
    if (isList) alleles = [...haplotypes.filter((a) => a !== reference).sort(byRank).slice(0, 2), reference, reference].slice(0, 2);
    else alleles = [...haplotypes.map(lowestPart), reference].slice(0, 2);
  }
  const functions = alleles.map((a) => ({ allele: a, function: row.alleles[a]?.[0] ?? null, activity: row.alleles[a]?.[1] ?? null }));
  const keys = alleles.map((a) => keyOf(row, a));
  const unknown = alleles.filter((_, i) => keys[i] === undefined);
  if (unknown.length) return { ...none(`no function is known for ${unknown.join(', ')}`, functions), phenotype: 'Indeterminate', lookupKey: 'Indeterminate' };
  const sorted = [...(keys as string[])].sort();
  const rule = row.pairs.find((p) => p.keys.length === sorted.length && p.keys.every((k, i) => k === sorted[i]));
  if (!rule) {
    if (row.activity && alleles.length === 2) {
      const score = functions.reduce((n, f) => n + Number(f.activity), 0).toFixed(1);
      return { ...none(`activity score ${score} has no phenotype rule`, functions), activityScore: score };
    }
    return none(`no phenotype rule for ${alleles.join('/')}`, functions);
  }
  return { phenotype: rule.phenotype, activityScore: rule.activityScore, lookupKey: rule.lookupKey, functions };
}
