// The pages' one style sheet, inline (nothing is fetched): screen and print. No url(), no @import,
// no web fonts: the Content-Security-Policy of layout.ts would block them anyway.
export const STYLE = `
:root { --fg: #1b1f24; --muted: #5b6470; --line: #d4d9df; --bg: #fff; --soft: #f4f6f8;
  --var: #c0392b; --ok: #2e7d4f; --na: #9aa3ad; --warn: #8a5a00; --warnbg: #fff6e0; --link: #234f9c; --linkbg: #eaf1fc; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg);
  margin: 0 auto; max-width: 1180px; padding: 24px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 14px 0 6px; }
.sub { color: var(--muted); margin: 0 0 12px; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; font-size: 13px; }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 3%; } table.findings th:nth-child(2) { width: 20%; }
table.findings th:nth-child(3) { width: 15%; } table.findings th:nth-child(4) { width: 18%; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 12px; background: var(--soft); border: 1px solid var(--line); white-space: nowrap; }
.tag.tier { background: #1b1f24; color: #fff; border-color: #1b1f24; }
.tag.on-label { background: var(--ok); color: #fff; border-color: var(--ok); }
.tag.pgx { background: var(--link); color: #fff; border-color: var(--link); }
.q-complete { color: var(--ok); } .q-not-called { color: var(--na); }
.q-missing-sites, .q-ambiguous, .q-missing-as-ref, .q-outside-call { color: var(--warn); }
.summary { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.summary div { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 150px; }
.summary b { display: block; font-size: 20px; }
.caveats { background: var(--warnbg); border: 1px solid #ecd9a8; border-radius: 6px; padding: 8px 14px 8px 30px; }
.caveats li { margin: 3px 0; }
ul.therapies { list-style: none; padding: 0; margin: 0 0 6px; }
ul.therapies li { display: inline; }
ul.therapies li:not(:last-child)::after { content: "; "; }
.link { background: var(--linkbg); border-left: 3px solid var(--link); padding: 5px 8px; margin: 4px 0; border-radius: 0 4px 4px 0; }
.finding-head { font-weight: 600; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 0 8px; margin: 4px 0 0; } dl.fields dt { color: var(--muted); } dl.fields dd { margin: 0; }
.drug { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 8px 0; break-inside: avoid; }
.drug h3 { margin: 2px 0 4px; }
svg.gene { display: block; margin: 2px 0; }
svg .variant { fill: var(--var); } svg .assayed { fill: var(--ok); } svg .absent { fill: #fff; stroke: var(--na); }
svg .axis { stroke: var(--line); } svg text { font: 10px system-ui, sans-serif; fill: var(--muted); }
.legend span { margin-right: 12px; white-space: nowrap; }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
.dot.variant { background: var(--var); } .dot.assayed { background: var(--ok); } .dot.absent { border: 1px solid var(--na); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  h2 { break-after: avoid; }
  tr, .drug, .link { break-inside: avoid; }
  .summary div, .caveats, .link, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  @page { margin: 14mm 12mm; }
}
`;
