// CPIC drug recommendations: the 2024 guideline annotations, and CPIC v1.30 for drugs only it covers.
import type { RecommendationRow } from '../../pgx/kb-types.js';
import type { Check } from '../shape.js';
import { LAYOUT } from './layout.js';
import { byStr } from './pgx-sources.js';
import type { SourceDir } from './sources.js';

interface Cpic130 {
  drugname: string;
  guidelinename: string;
  url: string;
  citations: { pmid: string }[] | null;
  recommendations: null | {
    implications: Record<string, string> | null;
    drugrecommendation: string;
    classification: string;
    lookupkey: Record<string, string> | null;
    comments: string | null;
    population: string | null;
  }[];
}
interface Cpic2024 {
  guideline: { name: string; url: string };
  citations: { pmid: string | null }[] | null;
  recommendations: null | {
    population: string | null;
    classification: { term: string } | null;
    relatedChemicals: { name: string }[];
    text: { html: string } | null;
    implications: string[] | null;
    lookupKey: Record<string, string> | null;
  }[];
}

/** Plain text from the annotations' small HTML fragments (paragraphs, headings, lists). */
function htmlText(html: string): string {
  return html
    .replace(/<\/(p|h\d|li)>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

// The fields read; the rest of each recommendation is checked where it is used (?? defaults).
const CPIC2024_SHAPE: Check = {
  fields: {
    guideline: { fields: { name: 'string', url: 'string' } },
    recommendations: 'array|null',
  },
};
const CPIC130_SHAPE: Check = {
  fields: { drugname: 'string', guidelinename: 'string', url: 'string', recommendations: 'array|null' },
};

/** The 2024 guideline annotations: one row per recommendation and drug; `covered` collects the drugs. */
function fromAnnotations(src: SourceDir, folder: string, covered: Set<string>): RecommendationRow[] {
  const rows: RecommendationRow[] = [];
  for (const f of src.files(folder, LAYOUT.jsonFiles)) {
    const d = src.json<Cpic2024>(f, CPIC2024_SHAPE);
    const guideline = {
      name: d.guideline.name.replace(/^Annotation of /, ''),
      url: d.guideline.url,
      pmids: (d.citations ?? []).flatMap((c) => (c.pmid ? [c.pmid] : [])),
    };
    for (const r of d.recommendations ?? []) {
      const lookupKey = r.lookupKey ?? {};
      for (const chem of r.relatedChemicals) {
        covered.add(chem.name);
        rows.push({
          drug: chem.name,
          genes: Object.keys(lookupKey).sort(byStr),
          lookupKey,
          classification: r.classification?.term ?? '',
          implications: r.implications ?? [],
          recommendation: htmlText(r.text?.html ?? ''),
          population: r.population ?? '',
          comments: '',
          source: folder,
          guideline,
        });
      }
    }
  }
  return rows;
}

/** CPIC's v1.30 export, for the drugs the annotations do not cover. */
function fromExport(src: SourceDir, folder: string, covered: Set<string>): RecommendationRow[] {
  const rows: RecommendationRow[] = [];
  for (const f of src.files(folder, LAYOUT.jsonFiles)) {
    const d = src.json<Cpic130>(f, CPIC130_SHAPE);
    if (covered.has(d.drugname)) continue;
    const guideline = { name: d.guidelinename, url: d.url, pmids: (d.citations ?? []).map((c) => c.pmid).filter(Boolean) };
    // warfarin and peginterferon have no per-phenotype recommendations (guideline text only).
    for (const r of d.recommendations ?? []) {
      const lookupKey = r.lookupkey ?? {};
      rows.push({
        drug: d.drugname,
        genes: Object.keys(lookupKey).sort(byStr),
        lookupKey,
        classification: r.classification ?? '',
        implications: Object.entries(r.implications ?? {})
          .sort(([a], [b]) => byStr(a, b))
          .map(([g, t]) => `${g}: ${t}`),
        recommendation: r.drugrecommendation ?? '',
        population: r.population ?? '',
        comments: r.comments ?? '',
        source: folder,
        guideline,
      });
    }
  }
  return rows;
}

/** Rows sorted by drug, lookup key, population and text; `source` is the folder each came from. */
export function buildRecommendations(src: SourceDir): { rows: RecommendationRow[]; cpic2024: string; cpic130: string } {
  const cpic2024 = src.folder(LAYOUT.cpic2024);
  const cpic130 = src.folder(LAYOUT.cpic130);
  const covered = new Set<string>();
  const rows = [...fromAnnotations(src, cpic2024, covered), ...fromExport(src, cpic130, covered)];
  const key = (r: RecommendationRow): string => `${r.drug}\t${JSON.stringify(Object.entries(r.lookupKey).sort())}\t${r.population}\t${r.recommendation}`;
  return { rows: rows.sort((a, b) => byStr(key(a), key(b))), cpic2024, cpic130 };
}
