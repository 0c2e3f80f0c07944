// PharmCAT's outside-call TSV: GENE, DIPLOTYPE, PHENOTYPE, ACTIVITY SCORE (the last three
// optional, at least one given); '#' lines are comments. Outside calls serve genes the VCF cannot
// call (CYP2D6, HLA-A, HLA-B, MT-RNR1) and override any gene. A bad row is a warning naming the
// file and line (fatal under --strict); the other rows and genes still run.
import { InputError } from '../errors.js';
import { readTextFile } from '../io/text-file.js';
import type { Warnings } from '../log.js';

export interface OutsideCall {
  gene: string;
  diplotype?: string;
  phenotype?: string;
  activityScore?: string;
  file: string;
  line: number;
}

/** Genes reached only through outside calls, beside the definition genes. */
export const OUTSIDE_ONLY_GENES = ['HLA-A', 'HLA-B', 'MT-RNR1'];

export function parseOutsideCalls(text: string, file: string, knownGenes: ReadonlySet<string>, warnings: Warnings): OutsideCall[] {
  const calls: OutsideCall[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const where = { file, line, text: raw };
    const f = raw.split('\t').map((x) => x.trim());
    const bad = (why: string): void => warnings.add('bad-outside-call', `outside call ignored: ${why}`, where);
    if (f.length > 4) return bad(`expected at most 4 tab-separated columns (gene, diplotype, phenotype, activity score), found ${f.length}`);
    const [gene = '', diplotype = '', phenotype = '', score = ''] = f;
    if (!gene) return bad('no gene in the first column');
    if (!knownGenes.has(gene)) return bad(`unknown gene '${gene}'`);
    if (seen.has(gene)) return bad(`a second outside call for ${gene}`);
    if (!diplotype && !phenotype && !score) return bad(`no diplotype, phenotype or activity score for ${gene}`);
    if (diplotype && (diplotype.split('/').length > 2 || diplotype.split('/').some((x) => x.trim() === ''))) return bad(`diplotype '${diplotype}' is not 'allele/allele' or one allele`);
    if (score && !/^(≥|>=)?\d+(\.\d+)?$/.test(score)) return bad(`activity score '${score}' is not a number`);
    seen.add(gene);
    calls.push({ gene, diplotype: diplotype || undefined, phenotype: phenotype || undefined, activityScore: score || undefined, file, line });
  });
  return calls;
}

export function readOutsideCalls(path: string, knownGenes: ReadonlySet<string>, warnings: Warnings): OutsideCall[] {
  return parseOutsideCalls(readTextFile(path, 'outside-call file', InputError).toString('utf8'), path, knownGenes, warnings);
}
