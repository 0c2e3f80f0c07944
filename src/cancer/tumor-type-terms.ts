// Does vcfact know a --tumor-type term? A term that relates to no disease of the knowledge base's
// evidence would mark every finding off-label without saying why (a typo such as 'melanomma' reads
// like a tumour without evidence), so the CLI refuses it with the closest terms it knows. "Knows"
// means what tumor-type.ts's onLabel decides: a DOID of the KB, a disease name the term is part of,
// or an organ family (by name or TCGA code) that one of the KB's diseases falls in.
import { onLabel, parseTumorType, type TumorType, withDiseaseNames } from './tumor-type.js';

/** A disease as the KB's evidence names it. */
export interface KbDisease {
  disease: string;
  doid: string;
}

/** The TCGA study codes; those tumor-type.ts puts in an organ family the KB has are offered as suggestions. */
const TCGA_STUDIES = [
  'ACC', 'BLCA', 'BRCA', 'CESC', 'CHOL', 'COAD', 'DLBC', 'ESCA', 'GBM', 'HNSC', 'KICH', 'KIRC', 'KIRP', 'LAML', 'LGG', 'LIHC', 'LUAD',
  'LUSC', 'MESO', 'OV', 'PAAD', 'PCPG', 'PRAD', 'READ', 'SARC', 'SKCM', 'STAD', 'TGCT', 'THCA', 'THYM', 'UCEC', 'UCS', 'UVM',
];

/** A tumour type related to nothing: onLabel holds for it only on pan-cancer evidence. */
const NOTHING: TumorType = { term: '', families: [] };
const MAX_SUGGESTIONS = 5;
/** Suggestions further than this (0 same … 1 nothing alike) are not worth showing. */
const MAX_SCORE = 0.4;
/** A longer term is compared by its start (the distance costs its length times each candidate's). */
const COMPARED_CHARS = 100;

/** The diseases (name and DOID) of the KB's evidence items, each once. */
export function kbDiseases(items: Iterable<Iterable<KbDisease>>): KbDisease[] {
  const seen = new Map<string, KbDisease>();
  for (const list of items) for (const it of list) seen.set(`${it.doid}\t${it.disease}`, { disease: it.disease, doid: it.doid });
  return [...seen.values()];
}

function relates(tt: TumorType, d: KbDisease): boolean {
  if (tt.term === '') return false;
  // The term names this very disease (a pan-cancer one too).
  if (tt.doid === d.doid || tt.term.toLowerCase() === d.disease.toLowerCase()) return true;
  // Pan-cancer evidence is on-label whatever the term: it does not show that vcfact understood it.
  return !onLabel(NOTHING, d.disease, d.doid) && onLabel(tt, d.disease, d.doid);
}

function known(kb: readonly KbDisease[], term: string): boolean {
  const tt = withDiseaseNames(parseTumorType(term), kb);
  return kb.some((d) => relates(tt, d));
}

/** Edit distance: insertions, deletions, substitutions and swaps of two neighbours ('LAUD' is one from 'LUAD'). */
export function editDistance(a: string, b: string): number {
  // Three rows of the table: two back for a swap, the last, and the one being filled.
  let back2: number[] = [];
  let back = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((back[j] as number) + 1, (row[j - 1] as number) + 1, (back[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (back2[j - 2] as number) + 1);
      row[j] = d;
    }
    back2 = back;
    back = row;
  }
  return back[b.length] as number;
}

function apart(a: string, b: string): number {
  return editDistance(a, b) / Math.max(a.length, b.length, 1);
}

/**
 * How far a candidate is from the term, 0 to about 1: the whole strings apart, or word by word (each
 * word of the term to its nearest word of the candidate), a little more for each extra word, so
 * that 'melanomma' finds 'melanoma' first and 'skin melanoma' next.
 */
export function termScore(term: string, candidate: string): number {
  const t = term.toLowerCase();
  const c = candidate.toLowerCase();
  const tw = t.split(/[^a-z0-9]+/).filter(Boolean);
  const cw = c.split(/[^a-z0-9]+/).filter(Boolean);
  const whole = apart(t, c);
  if (tw.length === 0 || cw.length === 0) return whole;
  const byWord = tw.reduce((sum, w) => sum + Math.min(...cw.map((x) => apart(w, x))), 0) / tw.length;
  return Math.min(whole, byWord + 0.05 * Math.max(0, cw.length - tw.length));
}

/** A term vcfact knows: as shown to the user, and as compared with what the user typed. */
interface Candidate {
  shown: string;
  compared: string;
}

/** What a term may be taken for: the KB's disease names and the TCGA codes it relates, or its DOIDs for a DOID-like term. */
function candidates(kb: readonly KbDisease[], tt: TumorType): Candidate[] {
  const out = new Map<string, Candidate>();
  if (tt.doid !== undefined) {
    for (const d of kb) if (d.doid !== '') out.set(d.doid, { shown: `DOID:${d.doid} (${d.disease.toLowerCase()})`, compared: d.doid });
    return [...out.values()];
  }
  for (const d of kb) if (d.disease !== '') out.set(d.disease.toLowerCase(), { shown: d.disease.toLowerCase(), compared: d.disease });
  for (const code of TCGA_STUDIES) if (known(kb, code)) out.set(code, { shown: code, compared: code });
  return [...out.values()];
}

/**
 * undefined when vcfact knows `term` (onLabel relates it to a disease of `kb`); else up to five of
 * the closest terms it knows, nearest first (none when nothing is close).
 */
export function unknownTumorType(kb: readonly KbDisease[], term: string): undefined | { closest: string[] } {
  if (known(kb, term)) return undefined;
  const tt = parseTumorType(term);
  const probe = tt.doid ?? tt.term.slice(0, COMPARED_CHARS);
  const closest = candidates(kb, tt)
    .map((c) => ({ shown: c.shown, score: termScore(probe, c.compared) }))
    .filter((x) => x.score <= MAX_SCORE)
    .sort((a, b) => a.score - b.score || (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0))
    .slice(0, MAX_SUGGESTIONS)
    .map((x) => x.shown);
  return { closest };
}
