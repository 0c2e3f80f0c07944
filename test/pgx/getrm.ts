// Concordance of `vcfact pgx` with the GeT-RM consensus diplotypes on real 1000 Genomes genotypes
// (fixtures/pgx/getrm/PROVENANCE.md). Shared by the fixture test and the CI test on ../shared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vcfact } from '../helpers/cli.js';

export interface TruthRow {
  sample: string;
  gene: string;
  expected: string[];
}

export interface Disagreement {
  sample: string;
  gene: string;
  expected: string;
  called: string;
}

export interface Concordance {
  /** gene → [agree, scored]. */
  perGene: Map<string, [number, number]>;
  disagreements: Disagreement[];
}

const TSV = (path: string): string[][] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(1)
    .map((l) => l.split('\t'));

/** Diplotypes compare without order: *2/*1 is *1/*2. */
export const unordered = (d: string): string => d.split('/').sort().join('/');

/** Scored truth rows of `genes`: ambiguous or novel truths (not one diplotype) are left out. */
export function truthRows(path: string, genes: readonly string[]): TruthRow[] {
  return TSV(path)
    .filter(([, gene = '', , , flags = '']) => genes.includes(gene) && !flags.includes('ambiguous_or_novel'))
    .map(([sample = '', gene = '', exp = '', alt = '']) => ({ sample, gene, expected: [exp, ...alt.split(';').filter(Boolean)].map(unordered) }));
}

export function explainedRows(path: string, build: string): Disagreement[] {
  return TSV(path)
    .filter((r) => r[2] === build)
    .map(([sample = '', gene = '', , expected = '', called = '']) => ({ sample, gene, expected, called }));
}

/** Runs pgx on a VCF and scores every truth row whose sample the VCF holds. */
export function concordance(vcf: string, truth: TruthRow[]): Concordance {
  const r = vcfact(['pgx', vcf, '--missing-as-ref', '-O', 'ndjson', '-q']);
  if (r.status !== 0) throw new Error(`vcfact pgx ${vcf}: exit ${r.status}: ${r.stderr}`);
  const called = new Map<string, string[]>();
  for (const line of r.stdout.split('\n').filter(Boolean)) {
    const o = JSON.parse(line) as { type: string; sample?: string; gene?: string; diplotypes?: string[] };
    if (o.type === 'result') called.set(`${o.sample}\t${o.gene}`, (o.diplotypes ?? []).map(unordered));
  }
  const perGene = new Map<string, [number, number]>();
  const disagreements: Disagreement[] = [];
  for (const t of truth) {
    const got = called.get(`${t.sample}\t${t.gene}`);
    if (got === undefined) continue;
    const tally = perGene.get(t.gene) ?? [0, 0];
    tally[1]++;
    // One diplotype, and one the truth names: several top-scoring candidates are not agreement.
    if (got.length === 1 && t.expected.includes(got[0] as string)) tally[0]++;
    else disagreements.push({ sample: t.sample, gene: t.gene, expected: t.expected[0] as string, called: got.join(' or ') || 'not called' });
    perGene.set(t.gene, tally);
  }
  return { perGene, disagreements };
}

export const GETRM = join(import.meta.dirname, '..', '..', 'fixtures', 'pgx', 'getrm');
