// A user-table row's other columns in TSV: one `fields` cell of `name=value` pairs joined by ';',
// with '%', ';', '=', tab, CR and newline percent-encoded (DESIGN §3a), so the cell splits back
// unambiguously. JSON and NDJSON keep the object (`fields{}`).
import type { Row } from '../types.js';

function encode(s: string): string {
  return s.replace(/[%;=\t\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `{level: 'A', drug: 'x;y'}` → `level=A;drug=x%3By`. */
export function fieldsText(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encode(k)}=${encode(String(v ?? ''))}`)
    .join(';');
}

/** The row as TSV writes it: a `fields` object becomes its one-cell text. */
export function withFieldsText(row: Row): Row {
  const f = row.fields;
  return f !== undefined && typeof f === 'object' && f !== null ? { ...row, fields: fieldsText(f as Record<string, unknown>) } : row;
}
