// An outside call overrides the VCF for its gene (as in PharmCAT); when the VCF shows that gene
// and disagrees, the user must hear of it: two sources about one patient that differ are a finding.
import type { Warnings } from '../log.js';
import { callGene, type CallOptions } from './call.js';
import type { SiteCalls } from './collect.js';
import type { GeneDef } from './kb.js';
import type { OutsideCall } from './outside.js';

const unordered = (d: string): string => d.split('/').map((x) => x.trim()).sort().join('/');

export function warnIfOutsideDisagrees(def: GeneDef, calls: SiteCalls, oc: OutsideCall, sample: string, opts: CallOptions, warnings: Warnings): void {
  if (oc.diplotype === undefined) return;
  // Positions the VCF actually shows (not absent, not filled by --missing-as-ref).
  if (![...calls.values()].some((c) => c.source === 'vcf' || c.source === 'ref-block')) return;
  const vcf = callGene(def, calls, opts).diplotypes;
  if (vcf.length === 0 || vcf.map(unordered).includes(unordered(oc.diplotype))) return;
  warnings.add(
    'outside-call-disagrees',
    `${def.gene} of ${sample}: the outside call says ${oc.diplotype}, the VCF shows ${vcf.join(' or ')}; the outside call is used`,
    { file: oc.file, line: oc.line },
  );
}
