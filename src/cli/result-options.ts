// The options of a run that change its results, recorded in the output's meta (`options`) so that an
// output says how it was made and `merge` can refuse shards made differently. Options that only say
// where or how the output goes (-o, -O, -q, --progress, --threads, --index, --max-line-bytes, --strict)
// are left out, and so are those that split a cohort into shards (-s, -r, -R) or name its samples'
// roles (--tumor, --normal: each sample shard names its own pair). --kb and --table are recorded by
// the meta's kb[] (each table with its sha256), the build by genome.
import type { CommonOptions } from './options.js';

/** An option as recorded: its long name without the dashes, and its value as parsed. */
export type ResultOptions = Record<string, string | number | boolean>;

/** The commander keys of the result options, and the names they are recorded under. */
const FLAGS: readonly (readonly [key: string, name: string])[] = [
  ['passOnly', 'pass-only'],
  ['minDp', 'min-dp'],
  ['minGq', 'min-gq'],
  ['minVaf', 'min-vaf'],
  ['vafField', 'vaf-field'],
  ['dpField', 'dp-field'],
  ['missingAsRef', 'missing-as-ref'],
  ['outsideCalls', 'outside-calls'],
  ['allMatches', 'all-matches'],
  ['combinations', 'combinations'],
  ['callCyp2d6', 'call-cyp2d6'],
  ['tumorPgx', 'tumor-pgx'],
  ['somaticPgx', 'somatic-pgx'],
  ['byDrug', 'by-drug'],
  ['evidence', 'evidence'],
  ['tumorType', 'tumor-type'],
];

/** The result options given (numbers as parsed into `common`, the others as given). */
export function resultOptions(raw: Record<string, unknown>, common: Pick<CommonOptions, 'minDp' | 'minGq' | 'minVaf'>): ResultOptions {
  const parsed: Record<string, unknown> = { ...raw, minDp: common.minDp, minGq: common.minGq, minVaf: common.minVaf };
  const out: ResultOptions = {};
  for (const [key, name] of FLAGS) {
    const v = parsed[key];
    if (typeof v === 'string' || typeof v === 'number' || v === true) out[name] = v;
  }
  return out;
}
