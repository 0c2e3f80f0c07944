// Text that comes from inputs: bytes that are not UTF-8 kept as themselves, and shown on a terminal
// without control characters.
//
// Bytes are decoded as UTF-8 where they are valid; each byte of an invalid sequence becomes the lone
// surrogate U+DC00 + byte (Python's "surrogateescape"), so two sample names that differ only in
// invalid bytes stay two names instead of both collapsing into U+FFFD. JSON writes such a name as
// "\udcff" (Python's json + surrogateescape gives the bytes back); TSV writes the bytes themselves.
import { isUtf8 } from 'node:buffer';

/** Continuation-byte range allowed after each lead byte (RFC 3629 table 3-7), and the sequence length. */
function sequence(lead: number): [len: number, lo: number, hi: number] | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  return undefined;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function validAt(buf: Uint8Array, i: number, end: number): number {
  const lead = buf[i] as number;
  if (lead < 0x80) return 1;
  const seq = sequence(lead);
  if (!seq || i + seq[0] > end) return 0;
  const second = buf[i + 1] as number;
  if (second < seq[1] || second > seq[2]) return 0;
  for (let k = 2; k < seq[0]; k++) {
    const b = buf[i + k] as number;
    if (b < 0x80 || b > 0xbf) return 0;
  }
  return seq[0];
}

/** bytes[start, end) as text: UTF-8, with each byte of an invalid sequence kept as U+DC00 + byte. */
export function decodeBytes(buf: Buffer, start = 0, end = buf.length): string {
  const part = buf.subarray(start, end);
  if (isUtf8(part)) return part.toString('utf8');
  const out: string[] = [];
  let from = 0;
  let i = 0;
  while (i < part.length) {
    const n = validAt(part, i, part.length);
    if (n > 0) {
      i += n;
      continue;
    }
    out.push(part.toString('utf8', from, i), String.fromCharCode(0xdc00 + (part[i] as number)));
    i++;
    from = i;
  }
  out.push(part.toString('utf8', from));
  return out.join('');
}

/** An escaped byte (U+DC80–U+DCFF) that is not the second half of a surrogate pair. */
const ESCAPED_BYTE = /[\udc80-\udcff]/u;

/** Text for a byte output: a string when it is plain UTF-8, else the bytes with escaped ones restored. */
export function encodeText(text: string): string | Buffer {
  if (!ESCAPED_BYTE.test(text)) return text;
  const parts: Buffer[] = [];
  let from = 0;
  for (const m of text.matchAll(/[\udc80-\udcff]/gu)) {
    parts.push(Buffer.from(text.slice(from, m.index), 'utf8'), Buffer.of((m[0].codePointAt(0) as number) - 0xdc00));
    from = m.index + 1;
  }
  parts.push(Buffer.from(text.slice(from), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * What a terminal must not receive raw: C0/C1 controls and DEL (escape sequences), bidirectional
 * overrides and line separators (text that displays as something else), and lone surrogates
 * (escaped bytes of invalid UTF-8). Tested one character (code point) at a time.
 */
const UNSAFE = /^(?:[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff])$/u;

function escapeChar(c: string): string {
  const code = c.codePointAt(0) as number;
  if (c === '\t') return '\\t';
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16)}`;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Longest input-derived text a message shows; longer text is cut with an ellipsis and its length. */
export const SHOWN_MAX = 200;

/**
 * Input text made safe for a terminal: control characters escaped (ESC as the four characters
 * `\x1b`), at most `max` characters shown (escapes counted as shown, never cut in two), then
 * `… (N chars)` with the text's full length.
 */
export function terminalSafe(text: string, max = SHOWN_MAX): string {
  let out = '';
  let used = 0;
  // Code point by code point, stopping at the limit: a 100 MB line costs no more than a short one.
  for (const ch of text) {
    const piece = UNSAFE.test(ch) ? escapeChar(ch) : ch;
    if (out.length + piece.length > max) break;
    out += piece;
    used += ch.length;
  }
  return used === text.length ? out : `${out}… (${text.length} chars)`;
}
