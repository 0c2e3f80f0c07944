// The cohort summary as one self-contained page (layout.ts: no request leaves it): per gene the call
// rate and the phenotype and diplotype frequencies, per biomarker the carriers, per drug the samples
// by CPIC classification and with a non-standard recommendation — each as a table with inline SVG bars.
// Every name (sample-derived or from the knowledge base) goes through the escaping template.
import type { CohortSummary, GeneFigures } from '../../commands/summary.js';
import { document } from './layout.js';
import { type Html, html } from './template.js';

const BAR_WIDTH = 220;

/** A horizontal bar for a fraction 0…1 (drawn from numbers only), its value in the title. */
function bar(fraction: number | null, label: string): Html {
  const f = fraction === null ? 0 : Math.max(0, Math.min(1, fraction));
  const w = (f * BAR_WIDTH).toFixed(1);
  return html`<svg class="bar" width="${BAR_WIDTH}" height="12" viewBox="0 0 ${BAR_WIDTH} 12" role="img" aria-label="${label}"><title>${label}</title><rect x="0" y="1" width="${BAR_WIDTH}" height="10" fill="#f4f6f8"/><rect x="0" y="1" width="${w}" height="10" fill="#234f9c"/></svg>`;
}

const pct = (f: number | null): string => (f === null ? '' : `${(f * 100).toFixed(1)}%`);

function countRows(items: readonly { name: string; count: number; frequency: number | null }[]): Html[] {
  return items.map((i) => html`<tr><td>${i.name}</td><td class="num">${i.count}</td><td class="num">${pct(i.frequency)}</td><td>${bar(i.frequency, `${i.name}: ${pct(i.frequency)}`)}</td></tr>`);
}

function geneSection(g: GeneFigures): Html {
  const rate = g.samples > 0 ? g.called / g.samples : null;
  const table = (what: string, items: { name: string; count: number; frequency: number | null }[]): Html =>
    items.length ? html`<h3>${g.gene} ${what}</h3><table><tr><th>${what}</th><th>samples</th><th>of called</th><th></th></tr>${countRows(items)}</table>` : html``;
  return html`<section class="gene"><h2>${g.gene}</h2>
<p>${g.called} of ${g.samples} samples called (${pct(rate)}), ${g.not_called} not called. ${bar(rate, `${g.gene} call rate ${pct(rate)}`)}</p>
${table('phenotype', g.phenotypes.map((p) => ({ name: p.phenotype, count: p.count, frequency: p.frequency })))}
${table('diplotype', g.diplotypes.map((d) => ({ name: d.diplotype, count: d.count, frequency: d.frequency })))}
${table('activity score', g.activity_scores.map((a) => ({ name: a.activity_score, count: a.count, frequency: a.frequency })))}</section>`;
}

function biomarkerSection(s: CohortSummary): Html {
  if (s.biomarkers.length === 0) return html``;
  const rows = s.biomarkers.map((b) => html`<tr><td>${b.kb}</td><td>${b.gene}</td><td>${b.feature}</td><td class="num">${b.carriers}</td><td class="num">${pct(b.frequency)}</td><td>${bar(b.frequency, `${b.feature}: ${pct(b.frequency)}`)}</td></tr>`);
  return html`<section id="biomarkers"><h2>Biomarkers</h2><table><tr><th>kb</th><th>gene</th><th>feature</th><th>carriers</th><th>of samples</th><th></th></tr>${rows}</table></section>`;
}

function drugSection(s: CohortSummary): Html {
  if (s.drugs.length === 0) return html``;
  const of = (n: number): number | null => (s.samples > 0 ? n / s.samples : null);
  const rows = s.drugs.map((d) => {
    const classes = d.classifications.map((c) => html`<div>${c.classification || '(none)'}: ${c.count}</div>`);
    return html`<tr><td>${d.drug}</td><td class="small">${classes}</td><td class="num">${d.non_standard}</td><td>${bar(of(d.non_standard), `${d.drug}: ${d.non_standard} of ${s.samples} samples with a non-standard recommendation`)}</td></tr>`;
  });
  return html`<section id="drugs"><h2>Drugs</h2><p class="small muted">Non-standard: an actionable CPIC recommendation (Strong, Moderate, Optional) other than standard or label dosing (README, Cohorts).</p><table><tr><th>drug</th><th>samples by classification</th><th>non-standard</th><th></th></tr>${rows}</table></section>`;
}

export function renderSummary(s: CohortSummary, input: string): string {
  const body = html`<header><h1>Cohort summary</h1>
<p class="sub">${s.samples} samples · ${s.command} output ${input} · vcfact ${s.tool.version}</p></header>
${s.genes.map(geneSection)}
${biomarkerSection(s)}
${drugSection(s)}
<footer>Knowledge base: ${s.kb.map((k) => `${k.name} ${k.version}`).join('; ')}. Research use: not a clinical report.</footer>`;
  return document(`vcfact cohort summary: ${input}`, body);
}
