// PGx phenotype table: allele function / activity values and the phenotype of each function pair,
// from PharmCAT's phenotype files (with the dated fallbacks named in pgx-sources.ts).
import { basename } from 'node:path';
import type { PairRule, PhenotypeRow } from '../../pgx/kb-types.js';
import type { Check } from '../shape.js';
import { exactName, LAYOUT } from './layout.js';
import { SRC, byStr } from './pgx-sources.js';
import type { SourceDir } from './sources.js';

interface PhenoFile {
  version: string;
  haplotypes: Record<string, string>;
  activityValues: Record<string, string>;
  /** Absent from the 2023 G6PD file. */
  namedAlleles?: { name: string; functionValue: string | null }[];
  diplotypes: { diplotypekey: Record<string, number>; phenotype?: string | null; generesult?: string | null; lookupkey: string; activityScore?: string | null }[];
}

// The fields read (namedAlleles and a diplotype's phenotype/generesult/activityScore are optional).
const PHENO_SHAPE: Check = {
  fields: {
    version: 'string',
    haplotypes: { values: 'string' },
    activityValues: { values: 'string' },
    diplotypes: { each: { fields: { diplotypekey: { values: 'int' }, lookupkey: 'string' } } },
  },
};
const FUNCTIONS_SHAPE: Check = { fields: { haplotypes: { values: 'string' } } };

/** Phenotype rules keyed by the functions of the file they come from. */
function pairRules(gene: string, d: PhenoFile, fnText: Map<string, string | null>, conflicts: string[]): PairRule[] {
  // Rules are keyed by the functions of the file they come from (RYR1's 2023 rules with its 2023
  // functions), so a function that changed since cannot pair with an old phenotype.
  const keyOf = (name: string): string => d.activityValues[name] ?? fnText.get(name) ?? d.haplotypes[name] ?? '?';
  const rules = new Map<string, PairRule>();
  for (const x of d.diplotypes) {
    const keys = Object.entries(x.diplotypekey)
      .flatMap(([n, c]) => Array<string>(c).fill(keyOf(n)))
      .sort(byStr);
    const id = keys.join('\t');
    // The 2023 G6PD file names the phenotype `generesult` only.
    const phenotype = x.phenotype ?? x.generesult ?? x.lookupkey;
    const had = rules.get(id);
    if (!had) rules.set(id, { keys, phenotype, lookupKey: x.lookupkey, activityScore: x.activityScore ?? null });
    else if (had.lookupKey !== x.lookupkey) conflicts.push(`${gene} ${keys.join('/')}`);
  }
  return [...rules.values()].sort((a, b) => byStr(a.keys.join('\t'), b.keys.join('\t')));
}

/** Also returns the function pairs whose diplotypes disagree on the phenotype (the first is kept). */
export function buildPhenotypes(src: SourceDir): { rows: PhenotypeRow[]; conflicts: string[] } {
  const conflicts: string[] = [];
  const dir = src.folder(LAYOUT.phenotypes);
  const fallback = (name: string): string => src.file(`${dir}/fallback`, exactName(name, `PharmCAT's dated ${name.split('.')[0] as string} phenotype file (see the PROVENANCE.md of ${dir})`));
  const files: { gene: string; path: string; source: string }[] = src
    .files(dir, LAYOUT.phenotypeFiles)
    .map((f) => ({ gene: basename(f).replace('.json.gz', '').replace('_', '-'), path: f, source: SRC.phenotypes.name }));
  files.push(
    { gene: 'CYP2D6', path: fallback('CYP2D6.2024-08-27.json.gz'), source: SRC.cyp2d6Fallback.name },
    { gene: 'G6PD', path: fallback('G6PD.2023-08-08.json.gz'), source: SRC.g6pdFallback.name },
    { gene: 'RYR1', path: fallback('RYR1.2023-12-19.json.gz'), source: SRC.ryr1Fallback.name },
  );
  const rows = files.map(({ gene, path, source }) => {
    const d = src.json<PhenoFile>(path, PHENO_SHAPE);
    const alleles: Record<string, [string, string | null]> = {};
    // `haplotypes` holds the activity value for activity-score genes; the function text is in namedAlleles.
    const fnText = new Map((d.namedAlleles ?? []).map((a) => [a.name, a.functionValue]));
    for (const [name, fn] of Object.entries(d.haplotypes)) alleles[name] = [fnText.get(name) ?? fn, d.activityValues[name] ?? null];
    if (gene === 'RYR1') {
      // Current allele names and functions come from the HEAD-format transcription.
      const head = src.json<{ haplotypes: Record<string, string> }>(fallback('RYR1.haplotype-functions.HEAD-transcribed.json'), FUNCTIONS_SHAPE);
      for (const [name, fn] of Object.entries(head.haplotypes)) alleles[name] = [fn, null];
      source = `${source} + ${SRC.ryr1Functions.name}`;
    }
    const row: PhenotypeRow = { gene, source, version: d.version, alleles, activity: Object.keys(d.activityValues).length > 0, pairs: pairRules(gene, d, fnText, conflicts) };
    return row;
  });
  return { rows: rows.sort((a, b) => byStr(a.gene, b.gene)), conflicts };
}
