// The one way HTML is written: a tagged template whose interpolated values are escaped unless they
// are already Html (made by this tag, or by raw() for fragments the code itself wrote). Call sites
// never escape by hand, so a value from the VCF, a table or the knowledge base cannot become markup.
// Values go in element text or in double-quoted attribute values only — never inside <style>, a
// URL or an event attribute (the pages have no scripts and no links out).

/** Markup that is safe to insert as is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template accepts: text (escaped), numbers, Html, lists of these; nothing for null/undefined/false. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

function render(v: HtmlValue): string {
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === null || v === undefined || v === false) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return escapeHtml(String(v));
}

/** html`<td>${value}</td>`: every value escaped unless it is Html. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** A fragment the code wrote itself (the style sheet, SVG path data built from numbers): not escaped. */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

/** Items joined by a separator (text or Html), each escaped unless Html. */
export function join(items: readonly HtmlValue[], sep: HtmlValue = ', '): Html {
  return new Html(items.map(render).join(render(sep)));
}
