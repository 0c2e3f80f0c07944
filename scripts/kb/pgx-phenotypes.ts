// PGx phenotype table: allele function / activity values and the phenotype of each function pair,
// from PharmCAT's phenotype files (with the dated fallbacks named in pgx-sources.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { PairRule, PhenotypeRow } from '../../src/pgx/kb-types.js';
import { SRC, byStr, readJson } from './pgx-sources.js';

interface PhenoFile {
  version: string;
  haplotypes: Record<string, string>;
  activityValues: Record<string, string>;
  /** Absent from the 2023 G6PD file. */
  namedAlleles?: { name: string; functionValue: string | null }[];
  diplotypes: { diplotypekey: Record<string, number>; phenotype?: string | null; generesult?: string | null; lookupkey: string; activityScore?: string | null }[];
}

/** Also returns the function pairs whose diplotypes disagree on the phenotype (the first is kept). */
export function buildPhenotypes(sourcesDir: string): { rows: PhenotypeRow[]; conflicts: string[] } {
  const conflicts: string[] = [];
  const dir = join(sourcesDir, 'pharmcat-phenotypes');
  const files: { gene: string; path: string; source: string }[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .map((f) => ({ gene: f.replace('.json.gz', '').replace('_', '-'), path: join(dir, f), source: SRC.phenotypes.name }));
  files.push(
    { gene: 'CYP2D6', path: join(dir, 'fallback', 'CYP2D6.2024-08-27.json.gz'), source: SRC.cyp2d6Fallback.name },
    { gene: 'G6PD', path: join(dir, 'fallback', 'G6PD.2023-08-08.json.gz'), source: SRC.g6pdFallback.name },
    { gene: 'RYR1', path: join(dir, 'fallback', 'RYR1.2023-12-19.json.gz'), source: SRC.ryr1Fallback.name },
  );
  const rows = files.map(({ gene, path, source }) => {
    const d = readJson<PhenoFile>(path);
    const alleles: Record<string, [string, string | null]> = {};
    // `haplotypes` holds the activity value for activity-score genes; the function text is in namedAlleles.
    const fnText = new Map((d.namedAlleles ?? []).map((a) => [a.name, a.functionValue]));
    for (const [name, fn] of Object.entries(d.haplotypes)) alleles[name] = [fnText.get(name) ?? fn, d.activityValues[name] ?? null];
    if (gene === 'RYR1') {
      // Current allele names and functions come from the HEAD-format transcription.
      const head = readJson<{ haplotypes: Record<string, string> }>(join(dir, 'fallback', 'RYR1.haplotype-functions.HEAD-transcribed.json'));
      for (const [name, fn] of Object.entries(head.haplotypes)) alleles[name] = [fn, null];
      source = `${source} + ${SRC.ryr1Functions.name}`;
    }
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
    const row: PhenotypeRow = {
      gene,
      source,
      version: d.version,
      alleles,
      activity: Object.keys(d.activityValues).length > 0,
      pairs: [...rules.values()].sort((a, b) => byStr(a.keys.join('\t'), b.keys.join('\t'))),
    };
    return row;
  });
  return { rows: rows.sort((a, b) => byStr(a.gene, b.gene)), conflicts };
}

