// Tumour/normal roles: --tumor/--normal, else ##tumor_sample/##normal_sample.
import type { Command } from 'commander';
import type { CancerKb } from '../cancer/kb.js';
import { kbDiseases, unknownTumorType } from '../cancer/tumor-type-terms.js';
import { UsageError } from '../errors.js';
import type { VcfHeader } from '../types.js';

export interface RoleOptions {
  tumor?: string;
  normal?: string;
  tumorType?: string;
}

/** --tumor / --normal: `annotate` and `report` use them for the cancer side, `pgx` to call the normal. */
export function addPairOptions(cmd: Command): Command {
  return cmd
    .option('--tumor <name>', 'the tumour sample of a tumour/normal VCF (default: ##tumor_sample)')
    .option('--normal <name>', 'the matched normal: cancer rows skip it (tumour variants also in it are flagged likely germline); PGx is called from it (default: ##normal_sample)');
}

export function addRoleOptions(cmd: Command): Command {
  return addPairOptions(cmd)
    .option('--tumor-type <term>', "the patient's tumour type (disease name, DOID or TCGA code): evidence in it is marked on-label and ranked first; a term the knowledge base does not know is a usage error");
}

/** --tumor-type: a term vcfact cannot relate to any disease of the knowledge base is a usage error naming the closest ones. */
export function checkTumorType(kb: CancerKb, opts: RoleOptions): void {
  if (opts.tumorType === undefined) return;
  const unknown = unknownTumorType(kbDiseases(kb.tables().itemsOfProfile.values()), opts.tumorType);
  if (!unknown) return;
  const closest = unknown.closest.length > 0 ? `; closest: ${unknown.closest.join(', ')}` : '';
  throw new UsageError(`--tumor-type '${opts.tumorType}' is not a disease, DOID or TCGA code the knowledge base knows${closest}`);
}

/**
 * Indices into the selected samples; a named sample that is not selected is a usage error, except in
 * one of several inputs (`several`), where it belongs to the input that has it (checked in inputs.ts).
 */
export function resolveRoles(header: VcfHeader, selected: readonly string[], opts: RoleOptions, several = false): { tumor?: number; normal?: number } {
  const find = (name: string | undefined, flag: string, fromHeader: boolean): number | undefined => {
    if (name === undefined) return undefined;
    const i = selected.indexOf(name);
    if (i >= 0) return i;
    if (fromHeader || several) return undefined;
    throw new UsageError(`${flag} ${name} is not among the VCF's (selected) samples: ${selected.join(', ') || '(none)'}`);
  };
  const tumor = find(opts.tumor, '--tumor', false) ?? find(header.tumorSample, '##tumor_sample', true);
  const normal = find(opts.normal, '--normal', false) ?? find(header.normalSample, '##normal_sample', true);
  if (tumor !== undefined && tumor === normal) throw new UsageError('--tumor and --normal name the same sample');
  return { ...(tumor !== undefined ? { tumor } : {}), ...(normal !== undefined ? { normal } : {}) };
}
