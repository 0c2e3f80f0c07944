// PharmCAT's outside-call TSV: GENE, DIPLOTYPE, PHENOTYPE, ACTIVITY SCORE (the last three
// optional, at least one given), plus vcfact's optional fifth column SAMPLE; '#' lines are
// comments. Outside calls serve genes the VCF cannot call (CYP2D6, HLA-A, HLA-B, MT-RNR1) and
// override any gene. A bad row is a warning naming the file and line (fatal under --strict); the
// other rows and genes still run. A row without a sample belongs to a single-sample input only.
import { InputError, UsageError } from '../errors.js';
import { readTextFile } from '../io/text-file.js';
import type { Warnings } from '../log.js';

export interface OutsideCall {
  gene: string;
  diplotype?: string;
  phenotype?: string;
  activityScore?: string;
  /** The sample it belongs to (fifth column); undefined: the input's only sample. */
  sample?: string;
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
    if (f.length > 5) return bad(`expected at most 5 tab-separated columns (gene, diplotype, phenotype, activity score, sample), found ${f.length}`);
    const [gene = '', diplotype = '', phenotype = '', score = '', sample = ''] = f;
    if (!gene) return bad('no gene in the first column');
    if (!knownGenes.has(gene)) return bad(`unknown gene '${gene}'`);
    if (seen.has(`${gene}\t${sample}`)) return bad(`a second outside call for ${gene}${sample ? ` of ${sample}` : ''}`);
    if (!diplotype && !phenotype && !score) return bad(`no diplotype, phenotype or activity score for ${gene}`);
    if (diplotype && (diplotype.split('/').length > 2 || diplotype.split('/').some((x) => x.trim() === ''))) return bad(`diplotype '${diplotype}' is not 'allele/allele' or one allele`);
    if (score && !/^(≥|>=)?\d+(\.\d+)?$/.test(score)) return bad(`activity score '${score}' is not a number`);
    seen.add(`${gene}\t${sample}`);
    calls.push({ gene, diplotype: diplotype || undefined, phenotype: phenotype || undefined, activityScore: score || undefined, sample: sample || undefined, file, line });
  });
  return calls;
}

export function readOutsideCalls(path: string, knownGenes: ReadonlySet<string>, warnings: Warnings): OutsideCall[] {
  return parseOutsideCalls(readTextFile(path, 'outside-call file', InputError).toString('utf8'), path, knownGenes, warnings);
}

/**
 * The outside calls of each sample. A row without a sample column is the only sample's; with
 * several samples it would be applied to all of them, which is never right: a usage error.
 */
export function outsideCallsBySample(calls: readonly OutsideCall[], samples: readonly string[], warnings: Warnings): Map<string, OutsideCall[]> {
  const out = new Map<string, OutsideCall[]>(samples.map((s) => [s, []]));
  for (const c of calls) {
    if (c.sample === undefined) {
      if (samples.length > 1) {
        throw new UsageError(`${c.file}:${c.line}: the outside call for ${c.gene} names no sample, and the input has ${samples.length} samples: add the sample's name as a fifth column (it is not applied to every sample)`);
      }
      out.get(samples[0] as string)?.push(c);
    } else if (out.has(c.sample)) out.get(c.sample)?.push(c);
    else warnings.add('outside-call-sample', `outside call ignored: sample '${c.sample}' is not among the input's (selected) samples`, { file: c.file, line: c.line });
  }
  return out;
}
