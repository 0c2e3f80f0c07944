// VEP CSQ and SnpEff ANN annotations: the field order comes from the ##INFO header Description
// ("Format: Allele|Consequence|…" for VEP, "Functional annotations: 'Allele | Annotation | …'"
// for SnpEff), never from a fixed list, since both tools let users choose their fields.
import type { SplitVariant, VcfHeader } from '../types.js';
import { hgvspKey } from './protein.js';

export interface Consequence {
  /** Allele as the tool wrote it (VEP trims the shared first base; '-' for a deletion). */
  allele: string;
  /** Sequence Ontology terms ('missense_variant', …). */
  terms: string[];
  gene: string;
  feature: string;
  hgvsp: string;
  /** One-letter protein key from HGVSp ('V600E'), undefined when synonymous or absent. */
  protein?: string;
}

export interface ConsequenceReader {
  source: 'CSQ' | 'ANN';
  fields: string[];
  /** The annotations of this split variant's ALT (all of them when the record has one ALT). */
  read(v: SplitVariant): Consequence[];
}

function fieldIndex(fields: string[], names: string[]): number {
  const lower = fields.map((f) => f.toLowerCase());
  for (const n of names) {
    const i = lower.indexOf(n.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

/** Field names from a CSQ/ANN Description, or undefined when it names none. */
export function parseFormat(description: string): string[] | undefined {
  const m = /Format:\s*([^"]*)/i.exec(description) ?? /Functional annotations:\s*'([^']*)'/i.exec(description);
  const text = m?.[1]?.replace(/'/g, '').trim();
  if (!text || !text.includes('|')) return undefined;
  return text.split('|').map((s) => s.trim());
}

function values(raw: unknown): string[] {
  if (raw === undefined || raw === null || raw === true) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.flatMap((x) => (typeof x === 'string' ? x.split(',') : x === undefined || x === null ? [] : [String(x)])).filter((s) => s !== '' && s !== '.');
}

/** A reader for the first of CSQ / ANN the header declares with a usable format. */
export function consequenceReader(header: Pick<VcfHeader, 'info'>): ConsequenceReader | undefined {
  for (const source of ['CSQ', 'ANN'] as const) {
    const def = header.info.get(source);
    const fields = def ? parseFormat(def.description) : undefined;
    if (!fields) continue;
    const iAllele = fieldIndex(fields, ['Allele']);
    const iTerms = fieldIndex(fields, source === 'CSQ' ? ['Consequence'] : ['Annotation', 'Effect']);
    const iGene = fieldIndex(fields, source === 'CSQ' ? ['SYMBOL', 'Gene'] : ['Gene_Name']);
    const iFeature = fieldIndex(fields, source === 'CSQ' ? ['Feature'] : ['Feature_ID']);
    const iHgvsp = fieldIndex(fields, source === 'CSQ' ? ['HGVSp'] : ['HGVS.p', 'HGVS_P']);
    if (iTerms < 0 || iGene < 0) continue;
    const at = (f: string[], i: number): string => (i >= 0 ? (f[i] ?? '').trim() : '');
    return {
      source,
      fields,
      read(v: SplitVariant): Consequence[] {
        const out: Consequence[] = [];
        const single = v.record.alts.length === 1;
        for (const entry of values(v.info?.[source] ?? v.record.info[source])) {
          const f = entry.split('|');
          const allele = at(f, iAllele);
          if (!single && !alleleMatches(allele, v)) continue;
          const hgvsp = at(f, iHgvsp);
          const protein = hgvsp ? hgvspKey(hgvsp) : undefined;
          out.push({
            allele,
            terms: at(f, iTerms).split('&').filter(Boolean),
            gene: at(f, iGene),
            feature: at(f, iFeature),
            hgvsp,
            ...(protein !== undefined ? { protein } : {}),
          });
        }
        return out;
      },
    };
  }
  return undefined;
}

/** VEP writes the ALT minus a shared first base ('-' when nothing is left); SnpEff the ALT itself. */
function alleleMatches(allele: string, v: SplitVariant): boolean {
  if (allele === v.alt || allele === v.talt) return true;
  if (allele === '-' && v.talt === '') return true;
  return v.alt.length > 1 && v.ref[0] === v.alt[0] && allele === v.alt.slice(1);
}
