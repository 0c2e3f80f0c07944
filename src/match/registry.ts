// The name-keyed table of matchers; `annotate` asks each about every split variant. The domain
// knowledge bases are loaded once (lazily) and shared with the commands that need more than
// matching (pgx calling, cancer ranking).
import { type CancerKb, loadCancerKb } from '../cancer/kb.js';
import { cancerMatcher } from '../cancer/matcher.js';
import { loadPgxKb, type PgxKb } from '../pgx/kb.js';
import { pgxMatcher } from '../pgx/matcher.js';
import { tablesMatcher } from '../tables/matcher.js';
import type { LocalTable } from '../tables/types.js';
import type { Build, Matcher } from '../types.js';

export interface Domains {
  pgx: PgxKb;
  cancer: CancerKb;
}

export function loadDomains(dataDir: string): Domains {
  return { pgx: loadPgxKb(dataDir), cancer: loadCancerKb(dataDir) };
}

const FACTORIES: Record<string, (d: Domains) => Matcher> = {
  pgx: (d) => pgxMatcher(d.pgx),
  cancer: (d) => cancerMatcher(d.cancer),
};

export const MATCHER_NAMES = Object.keys(FACTORIES);

/** The named matchers, then (when `tables` holds any) the user tables' matcher. */
export function matchersFor(domains: Domains, names: readonly string[] = MATCHER_NAMES, tables: readonly LocalTable[] = []): Matcher[] {
  const out = names.map((n) => {
    const f = FACTORIES[n];
    if (!f) throw new Error(`unknown matcher '${n}'`);
    return f(domains);
  });
  // Protein rows are prefiltered by the gene spans of the bundled transcript table (read only if asked).
  const span = (b: Build, gene: string) => domains.cancer.tables().geneSpans[b].get(gene) ?? domains.cancer.tables().geneSpans[b].get(gene.toUpperCase());
  if (tables.length > 0) out.push(tablesMatcher(tables, span));
  return out;
}

export function loadMatchers(dataDir: string, names: readonly string[] = MATCHER_NAMES, tables: readonly LocalTable[] = []): Matcher[] {
  return matchersFor(loadDomains(dataDir), names, tables);
}
