// The findings of the user's own tables (`report --table FILE`) on a page: one row per variant ×
// table row, in the report's order (the table's `level`, its own scale, never mixed with CIViC's
// tiers), with the row's other columns as the user wrote them.
import type { TableFinding } from '../../tables/findings.js';
import { variantCell } from './findings.js';
import { type Html, html, join } from './template.js';

function fieldList(fields: Record<string, string>): Html {
  const shown = Object.entries(fields).filter(([k, v]) => k !== 'level' && v !== '');
  if (shown.length === 0) return html``;
  return html`<dl class="small fields">${shown.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function tableRow(f: TableFinding, rank: number): Html {
  return html`<tr class="finding">
<td class="num">${rank}</td>
<td><div class="finding-head">${f.feature}</div><div class="small">${f.headline}</div>
${f.match !== 'exact' ? html`<div class="small muted">match: ${f.match}</div>` : ''}</td>
<td>${variantCell(f)}</td>
<td><span class="tag">${f.table}</span>${f.level ? html` <span class="tag">level ${f.level}</span>` : ''}${fieldList(f.fields)}</td>
</tr>`;
}

/** The section of a page for the run's user tables; nothing when the run had none. */
export function tableSection(findings: readonly TableFinding[] | undefined, tables: readonly string[]): Html {
  if (findings === undefined) return html``;
  const body =
    findings.length === 0
      ? html`<p class="muted">No row of ${join(tables)} matched this sample's variants.</p>`
      : html`<table class="findings">
<thead><tr><th>#</th><th>Finding</th><th>Variant</th><th>Table</th></tr></thead>
<tbody>
${findings.map((f, i) => tableRow(f, i + 1))}
</tbody>
</table>`;
  return html`<section id="tables"><h2>Your tables</h2>${body}</section>`;
}
