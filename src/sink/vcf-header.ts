// The header of the annotated VCF: the input's '##' lines as they were, then the ##INFO definitions
// of the VCFACT_* tags, ##vcfact_version, ##vcfact_command and one ##vcfact_kb line per
// knowledge-base table, then the input's #CHROM line. The lines an earlier vcfact run added are
// replaced, not repeated.
import type { VcfHeader } from '../types.js';
import { VCFACT_CANCER, VCFACT_PGX, VCFACT_TABLE, type VcfactTag } from './vcf-info.js';

const FORMAT = 'Format: allele_index|gene|feature|match';

const DESCRIPTIONS: Record<VcfactTag, string> = {
  [VCFACT_PGX]: `vcfact pharmacogenomic match, one per ALT x site or allele (percent-encoded). ${FORMAT}|function`,
  [VCFACT_CANCER]: `vcfact cancer biomarker match, one per ALT x biomarker (percent-encoded). ${FORMAT}|grade (best AMP/ASCO/CAP tier, else 'level' and the best CIViC evidence level)`,
  [VCFACT_TABLE]: 'vcfact user-table match, one per ALT x table row (percent-encoded). Format: allele_index|table|gene|label|match|level',
};

/** What the header says about the run. */
export interface VcfRunInfo {
  version: string;
  /** The command line (vcfactCommand). */
  command: string;
  kb: readonly { name: string; version: string; sha256: string; build?: string }[];
  /** The tags this run can write, in INFO order. */
  tags: readonly VcfactTag[];
}

/** Lines an earlier vcfact run added: ours replace them. */
const OUR_LINE = /^##(?:INFO=<ID=VCFACT_(?:PGX|CANCER|TABLE),|vcfact_(?:version|command|kb)=)/;

/** A value of a structured (<key=value,…>) line, quoted when it holds a separator or a space. */
export function structuredValue(v: string): string {
  const flat = v.replace(/[\r\n\t]+/g, ' ');
  return /^[^\s,"<>=\\]+$/.test(flat) ? flat : `"${flat.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `vcfact` and its arguments, each quoted for a POSIX shell when it needs it, on one line. */
export function vcfactCommand(args: readonly string[]): string {
  const word = (a: string): string => {
    const flat = a.replace(/[\x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return /^[\w./:=,+@%^-]+$/.test(flat) ? flat : `'${flat.replace(/'/g, `'\\''`)}'`;
  };
  return ['vcfact', ...args.map(word)].join(' ');
}

/** Every header line of the output, each ending in '\n'. */
export function vcfHeaderText(header: VcfHeader, run: VcfRunInfo): string {
  const lines = header.metaLines.filter((l) => !OUR_LINE.test(l));
  for (const tag of run.tags) lines.push(`##INFO=<ID=${tag},Number=.,Type=String,Description=${structuredValue(DESCRIPTIONS[tag])}>`);
  lines.push(`##vcfact_version=${run.version}`, `##vcfact_command=${run.command}`);
  for (const t of run.kb) {
    // A user table says its build (the bundled tables hold both).
    const build = t.build !== undefined ? `,build=${structuredValue(t.build)}` : '';
    lines.push(`##vcfact_kb=<name=${structuredValue(t.name)},version=${structuredValue(t.version)}${build},sha256=${structuredValue(t.sha256)}>`);
  }
  lines.push(header.columnLine);
  return `${lines.join('\n')}\n`;
}
