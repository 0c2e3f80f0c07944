// `report` with user tables: each sample's table rows as findings (one per variant × table row),
// ranked by the table's `level` column when it has one — the user's own scale, so it is never
// mixed into the CIViC ranking of `cancer[]`: levels compare as text with numbers in order
// ('A' < 'B', '1' < '2' < '10'), rows without a level come last, then file order.
import type { Carried, FindingVariant } from '../cancer/carriers.js';
import type { Match } from '../types.js';

export interface TableFinding extends FindingVariant {
  /** 'KRAS G12C (clinic) — clinic_actionable level A'. */
  headline: string;
  /** The table's name (the `kb` of its annotate rows). */
  table: string;
  gene: string;
  /** The row's label. */
  feature: string;
  match: string;
  /** The row's `level` cell, '' when the table has none. */
  level: string;
  /** The row's other columns, as annotate's `fields`. */
  fields: Record<string, string>;
}

const levelOf = (m: Match): string => [m.extra.level ?? ''].flat().join(';');

export function tableHeadline(m: Match): string {
  const level = levelOf(m);
  return `${m.feature} — ${m.kb}${level ? ` level ${level}` : ''}`;
}

const byLevel = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** One sample's table findings, ranked; `filterText` is annotate's FILTER column text. */
export function tableFindings(carried: readonly Carried[], filterText: (c: Carried) => string): TableFinding[] {
  const out: (TableFinding & { order: number })[] = [];
  for (const c of carried) {
    const v = c.variant;
    for (const m of c.matches) {
      out.push({
        headline: tableHeadline(m),
        table: m.kb,
        gene: m.gene,
        feature: m.feature,
        match: m.match,
        level: levelOf(m),
        chrom: v.record.chrom,
        pos: v.pos,
        ref: v.ref,
        alt: v.alt,
        gt: c.call.gt,
        zygosity: c.call.zygosity,
        vaf: c.call.vaf,
        filter: filterText(c),
        ...(c.likelyGermline !== undefined ? { likely_germline: c.likelyGermline } : {}),
        fields: m.extra as Record<string, string>,
        order: out.length,
      });
    }
  }
  out.sort((a, b) => (a.level === '') !== (b.level === '') ? (a.level === '' ? 1 : -1) : byLevel.compare(a.level, b.level) || a.order - b.order);
  return out.map(({ order: _, ...f }) => f);
}
