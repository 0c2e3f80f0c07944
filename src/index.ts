// Public API (no side effects): the same pieces the CLI composes, for use from other programs.
export { annotate, ANNOTATE_COLUMNS, matchRecord, variantRows } from './commands/annotate.js';
export { EXIT, InputError, KbError, UsageError, VcfactError } from './errors.js';
export { openInput } from './io/open.js';
export { openOutput } from './io/output.js';
export { openKb, verifyKb } from './kb/load.js';
export type { Manifest, TableManifest } from './kb/manifest.js';
export { SiteIndex } from './vcf/site-index.js';
export { Warnings } from './log.js';
export { loadMatchers, MATCHER_NAMES } from './match/registry.js';
export type { Matcher } from './types.js';
export { canonicalContig } from './normalize/contig.js';
export { splitRecord } from './normalize/split.js';
export { openRun, type PipelineOptions, type Run } from './pipeline.js';
export type * from './types.js';
export { parseHeader } from './vcf/header.js';
export { readVcf } from './vcf/reader.js';
export { VERSION } from './version.js';
