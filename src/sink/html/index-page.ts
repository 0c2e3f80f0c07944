// The index of a multi-sample report directory: one row per page, with what each page holds.
import type { SampleReport } from '../../commands/report.js';
import type { RunMeta } from '../types.js';
import { document } from './layout.js';
import { provenance } from './caveats.js';
import { byDrug } from './pgx-section.js';
import { html } from './template.js';

/** What the index says of one page (kept instead of the whole report). */
export interface IndexEntry {
  sample: string;
  role: SampleReport['role'];
  file: string;
  findings: number;
  top: string;
  genesCalled: number;
  drugs: number;
  linked: number;
}

export function indexEntry(r: SampleReport, file: string): IndexEntry {
  return {
    sample: r.sample,
    role: r.role,
    file,
    findings: r.cancer.length,
    top: r.cancer[0]?.headline ?? '',
    genesCalled: r.pgx.filter((p) => p.call_quality !== 'not-called').length,
    drugs: byDrug(r.pgx).length,
    linked: r.cancer.filter((f) => (f.pgx ?? []).length > 0).length,
  };
}

export function renderIndex(entries: readonly IndexEntry[], meta: RunMeta): string {
  // A page file name is made of [A-Za-z0-9._-] (files.ts), so '#'-free and relative: the only links.
  const rows = entries.map(
    (e) => html`<tr><td><a href="${e.file}">${e.sample}</a></td><td>${e.role}</td><td class="num">${e.findings}</td><td class="small">${e.top}</td><td class="num">${e.genesCalled}</td><td class="num">${e.drugs}</td><td class="num">${e.linked}</td></tr>`,
  );
  const body = html`<header><h1>vcfact report</h1><p class="sub">${entries.length} pages · ${meta.input} · genome ${meta.genome.build ?? 'unknown'}</p></header>
<table>
<thead><tr><th>Sample</th><th>Role</th><th>Cancer findings</th><th>Top finding</th><th>PGx genes called</th><th>Drugs with a recommendation</th><th>Findings with a PGx link</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<section id="kb"><h2>Knowledge base</h2>${provenance(meta)}</section>
<footer>vcfact ${meta.tool.version} · report schema ${meta.schema_version}. Research use: not a clinical report.</footer>`;
  return document('vcfact report', body);
}
