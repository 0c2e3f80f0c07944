// The prefilter as a scan plugin of the BGZF inflate workers (src/workers/inflate-worker.ts imports
// it): each batch of text is scanned where it was inflated, and only the scan and the candidate
// lines' bytes travel back to the reader.
import type { ScanPlugin } from '../io/inflate-messages.js';
import { Prefilter } from './prefilter-line.js';
import type { SiteHandle } from './prefilter-sites.js';
import { EventKind, scanText, type Scan } from './prefilter-scan.js';

const NL = 10;

/** The name the worker knows this plugin by (ScannableSource.scanWith). */
export const PREFILTER_PLUGIN = 'prefilter';

/** A BGZF batch scanned in a worker: the text before its first and after its last newline
 * (lines crossing batch boundaries), and the candidate lines' bytes (pass-through: the whole text,
 * the events pointing into it). */
export interface WorkerScan extends Scan {
  head: Uint8Array;
  tail: Uint8Array;
  bytes: Uint8Array;
}

export interface WorkerConfig {
  hasEnd: boolean;
  /** [canonical contig, starts, ends] of the site index. */
  sites: [string, Int32Array, Int32Array][];
  /** Raw CHROM → canonical names known so far. */
  contigs: [string, string][];
  /** Send the whole text back with the scan (VCF output copies every line). */
  passThrough?: boolean;
}

export interface WorkerPlugin extends ScanPlugin {
  /** Scans the text of a batch; undefined when the main thread must scan it (no newline, unknown CHROM). */
  batch(text: Buffer): WorkerScan | undefined;
  update(msg: { contigs: [string, string][] }): void;
}

/** The worker side: prefilter built from a transferred site index and the reader's contig table. */
export function workerPlugin(cfg: WorkerConfig): WorkerPlugin {
  const handles = new Map<string, SiteHandle>();
  for (const [c, starts, ends] of cfg.sites) handles.set(c, { starts, ends, cursor: 0, lastStart: 0 });
  const names = new Map<string, string>(cfg.contigs);
  const pre = new Prefilter({ handle: (c) => handles.get(c) }, cfg.hasEnd, (raw) => names.get(raw));
  return {
    keepsText: cfg.passThrough === true,
    update(msg) {
      for (const [raw, c] of msg.contigs) names.set(raw, c);
    },
    batch(text) {
      const first = text.indexOf(NL);
      if (first < 0) return undefined;
      const last = text.lastIndexOf(NL);
      const r = scanText(pre, text, first + 1, last + 1);
      if (r.unknown !== undefined) return undefined;
      // Copies: `text` is the worker's reused output buffer (unless keepsText).
      // Pass-through: the text itself, in a buffer of its own (keepsText), transferred with the scan.
      const bytes = cfg.passThrough ? new Uint8Array(text.buffer, text.byteOffset, text.byteLength) : candidates(r, text);
      return { ...r, head: new Uint8Array(text.subarray(0, first)), tail: new Uint8Array(text.subarray(last + 1)), bytes };
    },
  };
}

/** The candidate lines' bytes, one after the other; their events are moved to point into them. */
function candidates(r: Scan, text: Buffer): Uint8Array {
  let n = 0;
  for (const ev of r.events) if (ev.kind === EventKind.Candidate) n += ev.end - ev.start;
  const bytes = new Uint8Array(n);
  let at = 0;
  for (const ev of r.events) {
    if (ev.kind !== EventKind.Candidate) continue;
    bytes.set(text.subarray(ev.start, ev.end), at);
    ev.end = at + ev.end - ev.start;
    ev.start = at;
    at = ev.end;
  }
  return bytes;
}
