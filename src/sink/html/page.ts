// One sample's page (a tumour/normal pair's tumour page is the patient's: its PGx are the normal's):
// a summary, the caveats, the ranked cancer findings, the PGx genes, the drug recommendations, and
// the knowledge-base provenance. Same report, same bytes: nothing here reads the clock.
import type { SampleReport } from '../../commands/report.js';
import { caveatList, provenance, type RunFacts } from './caveats.js';
import { findingsTable } from './findings.js';
import { document } from './layout.js';
import { tableSection } from './table-findings.js';
import { byDrug, drugRecommendations, type GeneDefinitions, geneTable } from './pgx-section.js';
import { type Html, html } from './template.js';

export interface PageInputs extends RunFacts {
  defs: GeneDefinitions;
}

function roleText(r: SampleReport): string {
  if (r.role === 'tumor') return r.pgx_from !== undefined ? `tumour (matched normal ${r.pgx_from})` : 'tumour';
  if (r.role === 'normal') return 'matched normal';
  return 'sample';
}

function summary(r: SampleReport): Html {
  const called = r.pgx.filter((p) => p.call_quality !== 'not-called').length;
  const linked = r.cancer.filter((f) => (f.pgx ?? []).length > 0).length;
  const cell = (n: number, what: string): Html => html`<div><b>${n}</b>${what}</div>`;
  return html`<div class="summary">${cell(r.cancer.length, 'cancer findings')}${cell(called, `PGx genes called of ${r.pgx.length}`)}${cell(byDrug(r.pgx).length, 'drugs with a CPIC recommendation')}${cell(linked, 'findings with a PGx-relevant therapy')}${r.tables ? cell(r.tables.length, 'findings of your tables') : ''}</div>`;
}

function footer(inp: PageInputs): Html {
  const m = inp.meta;
  return html`<footer>vcfact ${m.tool.version} · report schema ${m.schema_version} · input ${m.input} · genome ${m.genome.build ?? 'unknown'} (${m.genome.source}). Research use: not a clinical report. Recommendations are CPIC's; check the guideline before acting.</footer>`;
}

export function renderPage(r: SampleReport, inp: PageInputs): string {
  const title = `vcfact report: ${r.sample}`;
  const body = html`<header><h1>${r.sample}</h1>
<p class="sub">${roleText(r)}${inp.tumorType ? ` · tumour type: ${inp.tumorType}` : ''} · ${inp.meta.input}</p></header>
${summary(r)}
<section id="caveats"><h2>Caveats</h2>${caveatList(r, inp)}</section>
<section id="findings"><h2>Cancer findings</h2>${findingsTable(r.cancer)}</section>
${tableSection(r.tables, inp.meta.kb.filter((k) => k.rows !== undefined).map((k) => k.name))}<section id="pgx"><h2>Pharmacogenomics${r.pgx_from !== undefined ? html` <span class="small muted">(germline, from ${r.pgx_from})</span>` : ''}</h2>${
    r.pgx.length ? geneTable(r.pgx, inp.defs) : html`<p class="muted">${r.pgx_note ?? 'No PGx results.'}</p>`
  }</section>
<section id="drugs"><h2>Drug recommendations</h2>${drugRecommendations(r.pgx)}</section>
<section id="kb"><h2>Knowledge base</h2>${provenance(inp.meta)}</section>
${footer(inp)}`;
  return document(title, body);
}
