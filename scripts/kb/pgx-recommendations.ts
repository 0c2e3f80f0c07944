// CPIC drug recommendations: the 2024 guideline annotations, and CPIC v1.30 for drugs only it covers.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RecommendationRow } from '../../src/pgx/kb-types.js';
import { SRC, byStr, readJson } from './pgx-sources.js';

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

export function buildRecommendations(sourcesDir: string): RecommendationRow[] {
  const newDir = join(sourcesDir, 'pharmcat-cpic-guideline-annotations-2024');
  const oldDir = join(sourcesDir, 'cpic-recommendations-v1.30');
  const rows: RecommendationRow[] = [];
  const covered = new Set<string>();
  for (const f of readdirSync(newDir).filter((x) => x.endsWith('.json')).sort()) {
    const d = readJson<Cpic2024>(join(newDir, f));
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
          source: SRC.cpic2024.name,
          guideline,
        });
      }
    }
  }
  for (const f of readdirSync(oldDir).filter((x) => x.endsWith('.json')).sort()) {
    const d = readJson<Cpic130>(join(oldDir, f));
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
        source: SRC.cpic130.name,
        guideline,
      });
    }
  }
  const key = (r: RecommendationRow): string => `${r.drug}\t${JSON.stringify(Object.entries(r.lookupKey).sort())}\t${r.population}\t${r.recommendation}`;
  return rows.sort((a, b) => byStr(key(a), key(b)));
}
