// The ranked cancer findings of a page, in the report's order (on-label and higher tiers first):
// the variant, its best evidence, therapies for sensitivity and resistance, and beside a therapy
// that contains a drug of the patient's PGx, the CPIC recommendation for it.
import type { ReportFinding } from '../../commands/report.js';
import type { FindingVariant } from '../../cancer/carriers.js';
import type { PgxLink } from '../../commands/report-links.js';
import { type Html, html, join } from './template.js';

const SHOWN_DISEASES = 6;

function linkBlock(l: PgxLink): Html {
  const calls = l.calls.map((c) => `${c.gene} ${c.diplotype}: ${c.phenotype ?? 'no phenotype'}${c.activity_score !== null ? ` (activity score ${c.activity_score})` : ''}`);
  return html`<div class="link"><span class="tag pgx">PGx</span> <b>${l.drug}</b> — ${join(calls.length ? calls : [`${join(l.genes)}: not called`], '; ')}${l.pgx_sample ? html` <span class="small muted">(genotype of ${l.pgx_sample})</span>` : ''}
<div><span class="tag">CPIC ${l.classification || 'no classification'}</span>${l.candidate ? html` <span class="small muted">if ${l.candidate}</span>` : ''} ${l.recommendation}</div>
<div class="small muted">${l.guideline}</div></div>`;
}

/** A therapy list, each therapy followed by a PGx mark when a link names it. */
function therapyList(kind: string, therapies: readonly string[], links: readonly PgxLink[]): Html {
  if (therapies.length === 0) return html``;
  const items = therapies.map((t) => {
    const drugs = links.filter((l) => l.therapies.includes(t)).map((l) => l.drug);
    return html`<li>${t}${drugs.length ? html` <span class="tag pgx" title="${`PGx recommendation for ${drugs.join(', ')} below`}">PGx: ${join(drugs)}</span>` : ''}</li>`;
  });
  return html`<div class="small"><b>${kind}</b></div><ul class="therapies">${items}</ul>`;
}

function levels(f: ReportFinding): string {
  return Object.entries(f.levels)
    .map(([k, n]) => `${k}:${n}`)
    .join(' ');
}

/** The variant, its call and FILTER: the same cell for CIViC and user-table findings. */
export function variantCell(f: FindingVariant): Html {
  const vaf = f.vaf !== undefined ? `VAF ${(f.vaf * 100).toFixed(f.vaf < 0.1 ? 1 : 0)}%` : '';
  return html`<div class="mono">${f.chrom}:${f.pos} ${f.ref}&gt;${f.alt}</div>
<div class="small">${join([f.gt && `GT ${f.gt}`, f.zygosity, vaf, f.filter && `FILTER ${f.filter}`].filter(Boolean), ' · ')}</div>
${f.likely_germline ? html`<div class="small"><span class="tag">likely germline</span> also in the normal</div>` : ''}`;
}

function findingRow(f: ReportFinding, rank: number): Html {
  const links = f.pgx ?? [];
  const diseases = f.diseases.slice(0, SHOWN_DISEASES);
  const more = f.diseases.length - diseases.length;
  return html`<tr class="finding">
<td class="num">${rank}</td>
<td><div class="finding-head">${f.feature}</div><div class="small">${f.headline}</div>
${f.match !== 'exact' ? html`<div class="small muted">match: ${f.match}${f.match_note ? ` — ${f.match_note}` : ''}</div>` : ''}</td>
<td>${variantCell(f)}</td>
<td>${f.tier ? html`<span class="tag tier">${f.tier}</span> ` : ''}${f.best_level ? html`<span class="tag">level ${f.best_level}</span>` : ''}
${f.relevance ? html` <span class="tag ${f.relevance}">${f.relevance}</span>` : ''}
<div class="small muted">${f.evidence_items} evidence items · ${levels(f)}</div>
<div class="small muted">${join(diseases)}${more > 0 ? ` and ${more} more` : ''}</div></td>
<td>${therapyList('Sensitivity', f.sensitivity, links)}${therapyList('Resistance', f.resistance, links)}${
    f.sensitivity.length + f.resistance.length === 0 ? html`<span class="muted small">no therapy evidence</span>` : ''
  }${links.map(linkBlock)}</td>
</tr>`;
}

export function findingsTable(findings: readonly ReportFinding[]): Html {
  if (findings.length === 0) return html`<p class="muted">No cancer biomarker of the knowledge base matched this sample's variants.</p>`;
  return html`<table class="findings">
<thead><tr><th>#</th><th>Finding</th><th>Variant</th><th>Evidence</th><th>Therapies</th></tr></thead>
<tbody>
${findings.map((f, i) => findingRow(f, i + 1))}
</tbody>
</table>`;
}
