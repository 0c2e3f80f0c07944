// `report -O html`: where the pages go and what they are made from. One page (a single sample, or
// a tumour/normal pair: the tumour page is the patient's, its PGx the normal's) goes to -o FILE, or
// to stdout without -o; several pages need -o DIR/ (one page per sample and index.html).
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { inputStats } from '../io/output-target.js';
import type { PgxKb } from '../pgx/kb.js';
import type { PgxFlags } from '../pgx/run.js';
import { isDirTarget, PageDir, PageNames } from '../sink/html/files.js';
import type { PageInputs } from '../sink/html/page.js';
import { HtmlSink } from '../sink/html/sink.js';
import type { Sink } from '../sink/types.js';
import type { CommonOptions } from './options.js';
import type { Session } from './session.js';
import { onInterrupt } from './signals.js';

/** The report's own wording of -o and -O (its default is JSON, its types json, ndjson, html). */
export function usePageOptions(cmd: Command): Command {
  for (const o of cmd.options) {
    if (o.long === '--output-type') o.description = 'json | ndjson | html (default: json; with -o, from its extension: .json, .ndjson, .html)';
    if (o.long === '--output') o.description = 'write to FILE (atomically: temp file + rename) instead of stdout; with -O html and several samples, a DIR/ of pages';
  }
  return cmd;
}

/** HTML asked for (-O html, or -o *.html), and the directory when -o names one. */
export function isHtml(opts: CommonOptions): { dir?: string } | undefined {
  const byName = opts.outputType === undefined && opts.output !== undefined && /\.html?$/i.test(opts.output);
  if (opts.outputType !== 'html' && !byName) return undefined;
  return opts.output !== undefined && isDirTarget(opts.output) ? { dir: opts.output } : {};
}

/** The HTML sink for this run; a usage error (exit 2) when several pages have no directory to go to. */
export interface HtmlRun {
  html: { dir?: string };
  s: Session;
  /** The input argument as given (a path, or '-'): pages are never written over it. */
  input: string | undefined;
  pgxKb: PgxKb;
  roles: { tumor?: number; normal?: number };
  flags: PgxFlags;
  tumorType: string | undefined;
}

export function htmlOutput({ html, s, input, pgxKb, roles, flags, tumorType }: HtmlRun): { sink: Sink; release: () => void } {
  const samples = s.run.samples;
  const { tumor, normal } = roles;
  // The normal of a pair is shown in its tumour's page (the tumour's own PGx is not called).
  const elsewhere = new Set(tumor !== undefined && normal !== undefined && !flags.tumorPgx ? [samples[normal] as string] : []);
  const pages = samples.length - elsewhere.size;
  if (html.dir === undefined && pages > 1) {
    throw new UsageError(`-O html: ${pages} samples make ${pages} pages; give -o DIR/ (one page per sample and index.html), or choose samples with -s`);
  }
  const defs = new Map([...pgxKb.genes()].map(([gene, def]) => [gene, def.positions]));
  const inputs = (): PageInputs => ({
    meta: s.meta(),
    warnings: s.warnings.list(),
    unevaluated: Number(s.notes().matchers.cancer?.consequence_level_unevaluated ?? 0),
    missingAsRef: flags.missingAsRef,
    ...(tumorType !== undefined ? { tumorType } : {}),
    defs,
  });
  if (html.dir === undefined) return { sink: new HtmlSink({ kind: 'single', out: s.out }, inputs, elsewhere), release: () => undefined };
  const dir = new PageDir(html.dir, inputStats(input));
  const release = onInterrupt(() => dir.abort());
  return { sink: new HtmlSink({ kind: 'dir', dir, names: new PageNames() }, inputs, elsewhere), release };
}
