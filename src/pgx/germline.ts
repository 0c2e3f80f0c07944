// PGx is germline. Which samples of an input carry a germline genotype, and what each PGx result
// must say about where its genotype came from: a matched normal is the patient's germline, a
// tumour's genotype can differ from it (loss of heterozygosity, somatic changes), and a somatic
// call set holds only candidate somatic sites, germline variants filtered out or absent, so a star
// allele called from it is wrong however it is read.
import type { VcfHeader } from '../types.js';

export type GenotypeSource = 'germline' | 'normal' | 'tumor' | 'tumor-only' | 'somatic-call-set';

export interface PgxSample {
  index: number;
  name: string;
  source: GenotypeSource;
  /** Said in every result of the sample (empty for a plain germline or a matched normal). */
  caveat: string;
}

export interface GermlineOptions {
  /** Also call the tumour of a tumour/normal pair (flagged). */
  tumorPgx: boolean;
  /** Call a somatic call set anyway (flagged). */
  somaticPgx: boolean;
}

const SOMATIC_FILTERS = ['germline', 'germline_risk', 'normal_artifact', 'panel_of_normals'];

/** Why the header says the file is a somatic call set, or undefined. */
export function somaticCallSet(header: VcfHeader, selected: readonly string[]): string | undefined {
  for (const line of header.metaLines) {
    if (/^##(source=Mutect2|GATKCommandLine=<ID=Mutect2|GATKCommandLine\.Mutect2|MutectVersion=)/i.test(line)) return 'a Mutect2 header';
    if (/^##source=VarScan/i.test(line) && header.info.has('SS')) return 'a VarScan2 somatic header (INFO SS)';
    if (/^##content=.*somatic/i.test(line)) return `its ${line.slice(2, 60)} line`;
    const filter = /^##FILTER=<ID=([^,>]+)/.exec(line)?.[1];
    if (filter !== undefined && SOMATIC_FILTERS.includes(filter)) return `its FILTER '${filter}' (a somatic caller's filter)`;
  }
  if (/^##source=strelka/im.test(header.metaLines.join('\n')) && header.format.has('TIR')) return 'a Strelka2 somatic header (FORMAT TIR)';
  for (const [id, def] of [...header.info, ...header.format]) if (/\bsomatic\b/i.test(def.description)) return `its ${id} field ("${def.description}")`;
  if (selected.length === 1 && header.tumorSample === selected[0] && header.normalSample === undefined) return `its only sample is the ##tumor_sample ${selected[0]}`;
  return undefined;
}

const TUMOR_CAVEAT = "tumour genotype: loss of heterozygosity and somatic changes can make it differ from the patient's germline";

export interface PgxPlan {
  samples: PgxSample[];
  /** Said once on stderr (whose genotype is used). */
  notice?: string;
  /** Why nothing is called (a somatic call set): `pgx` stops with it, `report` says it. */
  refusal?: string;
  /** Said in place of the results of a sample that is not called. */
  leftOut: string;
}

/**
 * The samples to call and what each result says. A somatic call set is refused unless asked for;
 * with a matched normal only the normal is called unless the tumour is asked for too.
 */
export function pgxSamples(header: VcfHeader, samples: readonly string[], roles: { tumor?: number; normal?: number }, opts: GermlineOptions, file: string): PgxPlan {
  const at = (index: number, source: GenotypeSource, caveat = ''): PgxSample => ({ index, name: samples[index] as string, source, caveat });
  const somatic = somaticCallSet(header, samples);
  if (somatic !== undefined) {
    if (!opts.somaticPgx) {
      const refusal = `${file} is a somatic call set (${somatic}): its genotypes are not germline genotypes (germline variants are filtered out or absent), so star alleles called from it would be wrong. Call PGx on a germline VCF (of the normal), or give --somatic-pgx to call it anyway, flagged`;
      return { samples: [], refusal, leftOut: refusal };
    }
    return { samples: samples.map((_, i) => at(i, 'somatic-call-set', `somatic call set (${somatic}): not a germline genotype; absent germline variants read as reference`)), leftOut: '' };
  }
  const { tumor, normal } = roles;
  if (normal !== undefined) {
    const out = [at(normal, 'normal')];
    if (tumor !== undefined && opts.tumorPgx) out.push(at(tumor, 'tumor', TUMOR_CAVEAT));
    const others = samples.map((_, i) => i).filter((i) => i !== normal && i !== tumor);
    out.push(...others.map((i) => at(i, 'germline')));
    const notice = `PGx is called from the matched normal ${samples[normal]} (germline)${tumor !== undefined && !opts.tumorPgx ? `; the tumour ${samples[tumor]} is left out (--tumor-pgx adds it, flagged)` : ''}`;
    return { samples: out.sort((a, b) => a.index - b.index), notice, leftOut: `PGx is the matched normal's (${samples[normal]}); --tumor-pgx adds the tumour's, flagged` };
  }
  if (tumor !== undefined) return { samples: samples.map((_, i) => (i === tumor ? at(i, 'tumor-only', `tumour-only input: ${TUMOR_CAVEAT}; no matched normal to call from`) : at(i, 'germline'))), leftOut: '' };
  return { samples: samples.map((_, i) => at(i, 'germline')), leftOut: '' };
}
