// What a reader must know before trusting a page: whose genotype the PGx is, calls resting on
// unassayed or assumed positions, outside calls, tumour-only input, cancer biomarkers that could not
// be evaluated, and the run's warnings. Then where the knowledge came from.
import type { SampleReport } from '../../commands/report.js';
import type { WarningEntry } from '../../log.js';
import type { RunMeta } from '../types.js';
import { type Html, html, join } from './template.js';

/** Run-level facts a page's caveats need besides its report. */
export interface RunFacts {
  meta: RunMeta;
  warnings: readonly WarningEntry[];
  /** Gene- and protein-level cancer biomarkers not evaluated (no VEP/SnpEff consequence in the input). */
  unevaluated: number;
  /** --missing-as-ref was given. */
  missingAsRef: boolean;
  /** --tumor-type, when given. */
  tumorType?: string;
}

function pgxCaveats(r: SampleReport, facts: RunFacts): Html[] {
  const out: Html[] = [];
  if (r.pgx_from !== undefined) out.push(html`PGx is the matched normal's (<b>${r.pgx_from}</b>, the patient's germline); the cancer findings are the tumour's (<b>${r.sample}</b>).`);
  if (r.pgx_note !== undefined) out.push(html`No PGx for this sample: ${r.pgx_note}`);
  for (const c of new Set(r.pgx.flatMap((p) => p.caveats))) out.push(html`${c}`);
  const outside = r.pgx.filter((p) => p.source === 'outside-call').map((p) => p.gene);
  if (outside.length) out.push(html`Outside calls (given with --outside-calls, not read from the VCF): ${join(outside)}.`);
  const missing = r.pgx.filter((p) => p.call_quality === 'missing-sites');
  if (missing.length) {
    const list = missing.map((p) => `${p.gene} (${p.missing_sites.length})`);
    out.push(html`Called with definition positions the input does not assay — a variant there would change the call: ${join(list)}.`);
  }
  const assumed = r.pgx.filter((p) => p.call_quality === 'missing-as-ref').map((p) => p.gene);
  if (facts.missingAsRef || assumed.length) out.push(html`--missing-as-ref: positions absent from the input were taken as reference${assumed.length ? html` (${join(assumed)})` : ''}.`);
  const ambiguous = r.pgx.filter((p) => p.call_quality === 'ambiguous').map((p) => p.gene);
  if (ambiguous.length) out.push(html`Ambiguous calls (several diplotypes fit): ${join(ambiguous)}.`);
  return out;
}

function cancerCaveats(r: SampleReport, facts: RunFacts): Html[] {
  const out: Html[] = [];
  const tumourOnly = r.pgx.some((p) => p.genotype_source === 'tumor-only');
  if (tumourOnly) out.push(html`Tumour-only input: no matched normal, so germline variants cannot be told from somatic ones.`);
  if (facts.unevaluated > 0) {
    out.push(html`${facts.unevaluated} gene- and protein-level cancer biomarkers were not evaluated: the input carries no VEP CSQ or SnpEff ANN consequence.`);
  }
  const codon = r.cancer.filter((f) => f.match !== 'exact').length;
  if (codon) out.push(html`${codon} finding(s) matched by position only (codon or region level; the amino-acid change was not checked).`);
  if (facts.tumorType === undefined && r.cancer.length) out.push(html`No --tumor-type: evidence is not marked on-label or off-label for this patient's tumour.`);
  return out;
}

export function caveatList(r: SampleReport, facts: RunFacts): Html {
  const items = [...pgxCaveats(r, facts), ...cancerCaveats(r, facts)];
  for (const w of facts.warnings) items.push(html`Warning (${w.kind}, ${w.count}×): ${w.message}`);
  if (items.length === 0) return html`<p class="muted">None.</p>`;
  return html`<ul class="caveats">${items.map((i) => html`<li>${i}</li>`)}</ul>`;
}

export function provenance(meta: RunMeta): Html {
  const rows = meta.kb.map(
    (k) => html`<tr><td>${k.name}</td><td class="small">${k.version}</td><td class="small">${k.licence}</td><td class="num">${k.records}</td><td class="mono">${k.sha256}</td></tr>`,
  );
  return html`<table class="kb small">
<thead><tr><th>Table</th><th>Version</th><th>Licence</th><th>Records</th><th>sha256</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}
