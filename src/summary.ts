// The run summary every command ends with (JSON `summary`, NDJSON's last line, the stderr line):
// records read and parsed, variants matched, results written and what they are, records skipped.
// Counted the same way by every command, so "0 matched" never stands beside called diplotypes.
import type { Summary } from './types.js';

/** Adds n results of one kind (a kb for annotate, called / not_called for pgx, …). */
export function countProduced(summary: Summary, kind: string, n = 1): void {
  const produced = (summary.produced ??= {});
  produced[kind] = (produced[kind] ?? 0) + n;
}

/** '8 records…, 8 near knowledge-base sites, 8 matched, 18 results (12 cancer, 6 pgx)'. */
export function summaryLine(summary: Summary, viaIndex: boolean): string {
  const skipped = Object.entries(summary.skipped).map(([k, n]) => `${n} ${k}`).join(', ');
  const produced = Object.entries(summary.produced ?? {}).map(([k, n]) => `${n} ${k.replace(/_/g, ' ')}`).join(', ');
  const via = viaIndex ? ' read through the index (knowledge-base regions only)' : '';
  return `${summary.records} records${via}, ${summary.candidates} near knowledge-base sites, ${summary.matched} matched, ${summary.results} results${produced ? ` (${produced})` : ''}${skipped ? `; skipped: ${skipped}` : ''}`;
}
