// The document around a page's sections: a Content-Security-Policy that forbids every fetch (only
// the inline style sheet applies), the inline style, no scripts.
import { STYLE } from './style.js';
import { type Html, html, raw } from './template.js';

/** Nothing may be fetched: no scripts, no fonts, no images but data: ones, only inline style. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function document(title: string, body: Html): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
${body}
</body>
</html>
`.text;
}
