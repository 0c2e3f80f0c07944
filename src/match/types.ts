// The one interface every knowledge-base matcher implements (bcftools-plugin style: built once
// from the loaded tables, then asked about each split variant).
import type { Build, Interval, Match, SplitVariant, VcfHeader } from '../types.js';

export interface Matcher {
  /** Registry key, e.g. 'pgx', 'cancer'. */
  readonly name: string;
  /** Every interval a variant must overlap to possibly match (feeds the prefilter site index). */
  intervals(build: Build): Interval[];
  /** Called with the input header before any match() (e.g. CSQ/ANN field order); may be called again with the same header. */
  useHeader?(header: VcfHeader): void;
  /** Counts for the run summary (e.g. biomarkers that could not be evaluated), keyed snake_case. */
  notes?(): Record<string, string | number>;
  /** All matches of one split variant (sample-independent). */
  match(v: SplitVariant, build: Build): Match[];
}
