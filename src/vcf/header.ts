// The VCF header: '##' meta lines and the '#CHROM' column line → VcfHeader (types.ts).
// Only what the core needs is interpreted (samples, contigs, INFO/FORMAT Number/Type, tumour and
// normal sample names); every meta line is kept verbatim for VCF output.
import { InputError } from '../errors.js';
import type { FieldDef, VcfHeader } from '../types.js';

const FIXED = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];
const TYPES = new Set(['Integer', 'Float', 'Flag', 'Character', 'String']);
const NUMBER = /^(?:\d+|[ARG.])$/;

/**
 * Parse header lines (every line up to and including '#CHROM', without line terminators).
 * Line numbers in errors are 1-based positions in `lines`, which start at the file's first line.
 */
export function parseHeader(input: string[], file: string): VcfHeader {
  // Callers that split CRLF text on '\n' leave a '\r' behind; it must not end up in a sample name.
  const lines = input.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) {
    throw new InputError('empty file, not a VCF', { file });
  }
  const first = lines[0] as string;
  if (!/^##fileformat=VCFv4\.\d+\s*$/.test(first)) {
    throw new InputError('first line is not ##fileformat=VCFv4.x, not a VCF', { file, line: 1, text: first });
  }
  const header: VcfHeader = {
    metaLines: [],
    columnLine: '',
    samples: [],
    contigs: new Map(),
    info: new Map(),
    format: new Map(),
    headerLines: 0,
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const where = { file, line: i + 1, text: line };
    if (line.startsWith('##')) {
      header.metaLines.push(line);
      parseMeta(line, header, where);
      continue;
    }
    if (line.startsWith('#')) {
      if (i !== lines.length - 1) throw new InputError('header line after the #CHROM line', { ...where, line: i + 2, text: lines[i + 1] ?? '' });
      parseColumns(line, header, where);
      header.columnLine = line;
      header.headerLines = lines.length;
      return header;
    }
    throw new InputError('data line before the #CHROM header line', where);
  }
  throw new InputError('no #CHROM header line before the data', { file, line: lines.length });
}

function parseColumns(line: string, header: VcfHeader, where: { file: string; line: number; text: string }): void {
  const cols = line.split('\t');
  for (let c = 0; c < FIXED.length; c++) {
    if (cols[c] !== FIXED[c]) {
      throw new InputError(`column ${c + 1} of the #CHROM line must be ${FIXED[c]}`, { ...where, column: c + 1, text: cols[c] ?? line });
    }
  }
  if (cols.length === 9) throw new InputError('FORMAT column without sample columns', { ...where, column: 9 });
  if (cols.length > 9 && cols[8] !== 'FORMAT') {
    throw new InputError('column 9 of the #CHROM line must be FORMAT', { ...where, column: 9, text: cols[8] ?? '' });
  }
  const samples = cols.slice(9);
  const seen = new Set<string>();
  for (let s = 0; s < samples.length; s++) {
    const name = samples[s] as string;
    if (name === '') throw new InputError('empty sample name', { ...where, column: s + 10 });
    if (seen.has(name)) throw new InputError(`duplicate sample name ${name}`, { ...where, column: s + 10, text: name });
    seen.add(name);
  }
  header.samples = samples;
}

function parseMeta(line: string, header: VcfHeader, where: { file: string; line: number; text: string }): void {
  const eq = line.indexOf('=');
  if (eq < 0) return;
  const key = line.slice(2, eq);
  const value = line.slice(eq + 1);
  switch (key) {
    case 'INFO':
    case 'FORMAT': {
      const def = fieldDef(value);
      if (typeof def === 'string') throw new InputError(`malformed ##${key} line: ${def}`, where);
      (key === 'INFO' ? header.info : header.format).set(def.id, def);
      return;
    }
    case 'contig': {
      const kv = structured(value);
      const id = kv?.get('ID');
      if (!kv || !id) throw new InputError('malformed ##contig line: no ID', where);
      const len = kv.get('length');
      header.contigs.set(id, len !== undefined && /^\d+$/.test(len) ? Number(len) : undefined);
      return;
    }
    case 'tumor_sample':
      header.tumorSample = value.trim();
      return;
    case 'normal_sample':
      header.normalSample = value.trim();
      return;
    default:
  }
}

/** A FieldDef, or why the definition is malformed. */
function fieldDef(value: string): FieldDef | string {
  const kv = structured(value);
  if (!kv) return 'expected <ID=…,Number=…,Type=…,Description="…">';
  const id = kv.get('ID');
  const number = kv.get('Number');
  const type = kv.get('Type');
  if (!id) return 'no ID';
  if (number === undefined || !NUMBER.test(number)) return `Number must be an integer, A, R, G or '.', not '${number ?? ''}'`;
  if (type === undefined || !TYPES.has(type)) return `Type must be Integer, Float, Flag, Character or String, not '${type ?? ''}'`;
  return { id, number, type, description: kv.get('Description') ?? '' };
}

/** `<K=V,K="quoted, with commas",…>` → map; undefined when not bracketed or a quote is unclosed. */
export function structured(value: string): Map<string, string> | undefined {
  const v = value.trim();
  if (!v.startsWith('<') || !v.endsWith('>')) return undefined;
  const out = new Map<string, string>();
  const body = v.slice(1, -1);
  let i = 0;
  while (i < body.length) {
    const eq = body.indexOf('=', i);
    if (eq < 0) return undefined;
    const k = body.slice(i, eq).trim();
    let j = eq + 1;
    let val: string;
    if (body[j] === '"') {
      let s = '';
      j++;
      while (j < body.length && body[j] !== '"') {
        if (body[j] === '\\' && j + 1 < body.length) j++;
        s += body[j];
        j++;
      }
      if (j >= body.length) return undefined;
      val = s;
      j++;
      const comma = body.indexOf(',', j);
      i = comma < 0 ? body.length : comma + 1;
    } else {
      const comma = body.indexOf(',', j);
      val = body.slice(j, comma < 0 ? body.length : comma).trim();
      i = comma < 0 ? body.length : comma + 1;
    }
    if (!out.has(k)) out.set(k, val);
  }
  return out;
}
