// The PGx part of a page: one row per called gene (call, phenotype, activity score, call quality, the
// positions picture, the findings it bears on), then the CPIC recommendations grouped by drug.
import type { LinkedPgxResult } from '../../commands/report-links.js';
import type { RecommendationHit } from '../../pgx/recommend.js';
import { genePositions, geneSvg } from './gene-svg.js';
import { type Html, html, join } from './template.js';

/** Definition positions per gene (GRCh38), from the PGx knowledge base. */
export type GeneDefinitions = ReadonlyMap<string, readonly number[]>;

function geneRow(r: LinkedPgxResult, defs: GeneDefinitions): Html {
  const outside = r.source === 'outside-call';
  const pos = genePositions(r, outside ? [] : (defs.get(r.gene) ?? []));
  const c = pos.counts;
  const picture = outside
    ? html`<span class="muted small">outside call: no positions read from the VCF</span>`
    : html`${geneSvg(r.gene, pos)}<span class="muted small">${c.variant} variant · ${c.assayed} assayed · ${c.absent} not assayed</span>`;
  const affects = (r.affects_findings ?? []).map((a) => html`<span class="tag pgx">${a.feature}</span> <span class="small muted">${join(a.drugs)}</span>`);
  return html`<tr id="gene-${r.gene}">
<th scope="row">${r.gene}</th>
<td>${r.diplotype || '—'}${r.diplotypes.length > 1 ? html`<div class="small muted">also: ${join(r.diplotypes.slice(1))}</div>` : ''}</td>
<td>${r.phenotype ?? html`<span class="muted">—</span>`}</td>
<td class="num">${r.activity_score ?? ''}</td>
<td class="q-${r.call_quality}">${r.call_quality}</td>
<td>${picture}</td>
<td>${join(affects, html`<br>`)}</td>
</tr>`;
}

/** The called genes as table rows; the genes with no call (no definition position assayed) in one line below. */
export function geneTable(pgx: readonly LinkedPgxResult[], defs: GeneDefinitions): Html {
  const called = pgx.filter((r) => r.call_quality !== 'not-called');
  const none = pgx.filter((r) => r.call_quality === 'not-called');
  const noneLine = none.length
    ? html`<p class="small"><span class="q-not-called">Not called</span> (${none.length}): ${join(none.map((r) => html`<span title="${r.note}">${r.gene}</span>`))}</p>`
    : '';
  return html`${called.length ? geneRows(called, defs) : html`<p class="muted">No gene could be called.</p>`}${noneLine}`;
}

function geneRows(pgx: readonly LinkedPgxResult[], defs: GeneDefinitions): Html {
  return html`<table class="genes">
<thead><tr><th>Gene</th><th>Diplotype</th><th>Phenotype</th><th>Activity score</th><th>Call quality</th><th>Definition positions <span class="legend small muted"><span><i class="dot variant"></i>variant</span><span><i class="dot assayed"></i>assayed</span><span><i class="dot absent"></i>not assayed</span></span></th><th>Cancer findings affected</th></tr></thead>
<tbody>
${pgx.map((r) => geneRow(r, defs))}
</tbody>
</table>`;
}

/** Each distinct recommendation once (a two-gene one is listed under both genes), grouped by drug in name order. */
export function byDrug(pgx: readonly LinkedPgxResult[]): [string, RecommendationHit[]][] {
  const groups = new Map<string, RecommendationHit[]>();
  const seen = new Set<RecommendationHit>();
  for (const r of pgx) {
    for (const h of r.recommendations) {
      if (seen.has(h)) continue;
      seen.add(h);
      groups.set(h.drug, [...(groups.get(h.drug) ?? []), h]);
    }
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function hitBlock(h: RecommendationHit): Html {
  const keys = Object.entries(h.lookup_key).map(([g, v]) => `${g}: ${v}`);
  return html`<div class="rec">
<div><span class="tag">${h.classification || 'no classification'}</span> <span class="small muted">${join(keys, '; ')}${h.population && h.population !== 'general' ? ` · population: ${h.population}` : ''}${h.candidate ? ` · if ${h.candidate}` : ''}</span></div>
<p>${h.recommendation}</p>
${h.implications.length ? html`<div class="small muted">${join(h.implications, html`<br>`)}</div>` : ''}
<div class="small muted">${h.guideline}${h.url ? html` · <span class="mono">${h.url}</span>` : ''}</div>
</div>`;
}

export function drugRecommendations(pgx: readonly LinkedPgxResult[]): Html {
  const groups = byDrug(pgx);
  if (groups.length === 0) return html`<p class="muted">No CPIC recommendation applies to these calls.</p>`;
  return html`${groups.map(
    ([drug, hits]) => html`<div class="drug" id="drug-${drug.replace(/[^A-Za-z0-9]+/g, '-')}"><h3>${drug} <span class="small muted">${join([...new Set(hits.flatMap((h) => h.genes))])}</span></h3>${hits.map(hitBlock)}</div>`,
  )}`;
}
