// The prefilter: decides from a data line's bytes whether it can touch a knowledge-base site,
// before the line is decoded. One job per file:
//   prefilter-sites.ts   the site query (sorted intervals, merge-join cursor)
//   prefilter-line.ts    one line: CHROM/POS/REF (and END for gVCF blocks) → skip or candidate
//   prefilter-scan.ts    a run of lines: skips counted, candidates and malformed lines as events
//   prefilter-plugin.ts  the scan inside the BGZF inflate workers (src/workers/inflate-worker.ts)
// This module is what the rest of the code imports.
export { Prefilter, Verdict, type CanonFn } from './prefilter-line.js';
export { PREFILTER_PLUGIN, workerPlugin, type WorkerConfig, type WorkerPlugin, type WorkerScan } from './prefilter-plugin.js';
export { EventKind, scanText, type ContigRun, type Scan, type ScanEvent } from './prefilter-scan.js';
export { overlaps, type SiteHandle, type SiteLookup } from './prefilter-sites.js';

/**
 * The plugin name under the export reader.ts imports (the plugin used to be shipped as source
 * text). To go once reader.ts names PREFILTER_PLUGIN.
 */
export { PREFILTER_PLUGIN as WORKER_PLUGIN_SOURCE } from './prefilter-plugin.js';
