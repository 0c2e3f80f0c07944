// Builds the PGx tables (data/pgx/*.json) from ../shared/sources: definition sites (both builds),
// named alleles with exemptions, allele function / phenotype rules, and CPIC recommendations.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BuiltTable } from '../../src/kb/manifest.js';
import type { GeneRow, NamedAlleleRow, PairRule, PhenotypeRow, RecommendationRow, SiteRow } from '../../src/pgx/kb-types.js';
import { minimalAllele } from '../../src/pgx/minimal.js';
import { liftPoint, loadChain } from './liftover.js';
import { SRC, rowsFile } from './pgx-sources.js';

interface DefVariant {
  chromosome: string;
  position: number;
  rsid: string | null;
  chromosomeHgvsName: string;
  cpicToVcfAlleleMap: Record<string, string>;
  ref: string;
  alts: string[];
}
interface DefFile {
  gene: string;
  chromosome: string;
  version: string;
  variants: DefVariant[];
  namedAlleles: { name: string; id: string; alleles: (string | null)[]; reference: boolean }[];
}
interface Exemption {
  requiredPositions: number[];
  ignoredPositions: DefVariant[];
  extraPositions: DefVariant[];
  ignoredAlleles: string[];
  unphasedDiplotypePriorities: { list: string[]; pick: string }[];
}
interface PhenoFile {
  version: string;
  haplotypes: Record<string, string>;
  activityValues: Record<string, string>;
  /** Absent from the 2023 G6PD file. */
  namedAlleles?: { name: string; functionValue: string | null }[];
  diplotypes: { diplotypekey: Record<string, number>; phenotype?: string | null; generesult?: string | null; lookupkey: string; activityScore?: string | null }[];
}

const byStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const canon = (c: string): string => (c.startsWith('chr') ? c.slice(3) : c);
const json = <T>(path: string): T => {
  const raw = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as T;
};

export async function buildPgx(sourcesDir: string): Promise<BuiltTable[]> {
  const defDir = join(sourcesDir, 'pharmcat-allele-definitions');
  const exemptions = json<Record<string, Exemption>>(join(defDir, 'exemptions.json'));
  const defs = readdirSync(defDir)
    .filter((f) => f.endsWith('_translation.json'))
    .sort()
    .map((f) => json<DefFile>(join(defDir, f)));

  const pos37 = grch37Positions(sourcesDir);
  const sites: SiteRow[] = [];
  const genes: GeneRow[] = [];
  let fromPypgx = 0;
  let lifted = 0;
  let disagree = 0;
  for (const d of defs) {
    const ex = exemptions[d.gene];
    // An exemption names a variant (position + REF): G6PD ignores CGGT>C at 154532990 but not C>T there.
    const ignoredVar = (v: DefVariant): boolean => (ex?.ignoredPositions ?? []).some((x) => x.position === v.position && x.ref === v.ref);
    const ignored = new Set(d.variants.filter(ignoredVar).map((v) => v.position));
    const addSite = (v: DefVariant, role: SiteRow['role']): void => {
      const chrom = canon(v.chromosome);
      const p37 = pos37(chrom, v.position);
      if (p37.from === 'pypgx') fromPypgx++;
      if (p37.disagrees) disagree++;
      else if (p37.from === 'liftover') lifted++;
      const cpic = Object.fromEntries(Object.entries(v.cpicToVcfAlleleMap).filter(([k, x]) => k !== x));
      sites.push({
        gene: d.gene,
        chrom,
        pos: v.position,
        pos37: p37.pos,
        pos37From: p37.from,
        ref: v.ref,
        alts: v.alts,
        minimal: v.alts.map((a) => minimalAllele(v.position, v.ref, a)),
        rsid: v.rsid,
        hgvs: v.chromosomeHgvsName,
        role,
        cpic: Object.keys(cpic).length ? cpic : undefined,
      });
    };
    for (const v of d.variants) addSite(v, ignoredVar(v) ? 'ignored' : 'definition');
    for (const v of ex?.extraPositions ?? []) addSite(v, 'extra');
    for (const v of ex?.ignoredPositions ?? []) if (!d.variants.some((x) => x.position === v.position && x.ref === v.ref)) addSite(v, 'ignored');

    const alleles: NamedAlleleRow[] = d.namedAlleles.map((a) => ({
      name: a.name,
      id: a.id,
      reference: a.reference,
      defs: a.alleles.flatMap((x, i): [number, string][] => (x === null ? [] : [[i, x]])),
    }));
    genes.push({
      gene: d.gene,
      chrom: canon(d.chromosome),
      version: d.version,
      positions: d.variants.map((v) => v.position),
      alleles,
      requiredPositions: ex?.requiredPositions ?? [],
      ignoredPositions: [...ignored].sort((a, b) => a - b),
      extraPositions: (ex?.extraPositions ?? []).map((v) => v.position),
      ignoredAlleles: ex?.ignoredAlleles ?? [],
      unphasedDiplotypePriorities: (ex?.unphasedDiplotypePriorities ?? []).map((p) => ({ list: p.list, pick: p.pick })),
    });
  }
  sites.sort((a, b) => byStr(a.gene, b.gene) || a.pos - b.pos || byStr(a.role, b.role));
  genes.sort((a, b) => byStr(a.gene, b.gene));

  const { rows: phenotypes, conflicts } = buildPhenotypes(sourcesDir);
  const recs = buildRecommendations(sourcesDir);
  const recSources = [...new Set(recs.map((r) => r.source))];

  return [
    {
      name: 'pgx-sites',
      file: 'pgx/sites.json',
      domain: 'pgx',
      description: 'PGx definition positions per gene: GRCh38 and GRCh37 positions, REF/ALTs, minimal alleles, rsid',
      sources: [SRC.definitions, SRC.pypgx, SRC.chain],
      builds: ['GRCh38', 'GRCh37'],
      records: sites.length,
      notes: `GRCh38 from PharmCAT definitions; GRCh37 from PyPGx variant-table.csv where it lists the GRCh38 position (${fromPypgx} sites; the liftover disagrees at ${disagree} of them), else UCSC hg38ToHg19 liftover (${lifted} sites), ${sites.length - fromPypgx - lifted} without a GRCh37 position (pos37From per row)`,
      content: rowsFile(sites),
    },
    {
      name: 'pgx-alleles',
      file: 'pgx/alleles.json',
      domain: 'pgx',
      description: 'PharmCAT named alleles (defining VCF alleles per position) and matcher exemptions, per gene',
      sources: [SRC.definitions],
      builds: ['GRCh38'],
      records: genes.reduce((n, g) => n + g.alleles.length, 0),
      notes: 'exemptions.json applied as fields: requiredPositions, ignoredPositions, extraPositions, ignoredAlleles, unphasedDiplotypePriorities',
      content: rowsFile(genes),
    },
    {
      name: 'pgx-phenotypes',
      file: 'pgx/phenotypes.json',
      domain: 'pgx',
      description: 'Allele function and activity values; phenotype, activity score and lookup key per allele-function pair',
      sources: [SRC.phenotypes, SRC.cyp2d6Fallback, SRC.g6pdFallback, SRC.ryr1Fallback, SRC.ryr1Functions],
      builds: [],
      records: phenotypes.length,
      notes:
        `HEAD (2025-11-05) maps for 17 genes; CYP2D6 from fallback 2024-08-27, G6PD from fallback 2023-08-08, RYR1 phenotype rules from fallback 2023-12-19 with allele functions from the HEAD-format transcription (row.source says which); rules keyed by each file's own allele functions; ${conflicts.length} function pairs with conflicting phenotypes${conflicts.length ? ` (${conflicts.slice(0, 5).join('; ')})` : ''}`,
      content: rowsFile(phenotypes),
    },
    {
      name: 'pgx-recommendations',
      file: 'pgx/recommendations.json',
      domain: 'pgx',
      description: 'CPIC drug recommendations: drug, genes, lookup key, classification, implications, recommendation, population, guideline',
      sources: [SRC.cpic2024, SRC.cpic130].filter((s) => recSources.includes(s.name)),
      builds: [],
      records: recs.length,
      notes: `per drug the 2024 guideline annotations win where they cover it (${recs.filter((r) => r.source === SRC.cpic2024.name).length} rows), else CPIC v1.30 (${recs.filter((r) => r.source === SRC.cpic130.name).length} rows); row.source says which`,
      content: rowsFile(recs),
    },
  ];
}

/** chrom + GRCh38 pos → GRCh37 pos: PyPGx's table first, then the UCSC chain. */
function grch37Positions(sourcesDir: string): (chrom: string, pos: number) => { pos: number | null; from: SiteRow['pos37From']; disagrees?: boolean } {
  const text = readFileSync(join(sourcesDir, 'pypgx-data', 'variant-table.csv'), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const head = (lines[0] ?? '').split(',');
  const ci = head.indexOf('Chromosome');
  const p37 = head.indexOf('GRCh37Position');
  const p38 = head.indexOf('GRCh38Position');
  const map = new Map<string, number>();
  for (const l of lines.slice(1)) {
    const f = l.split(',');
    const a = Number(f[p37]);
    const b = Number(f[p38]);
    if (Number.isInteger(a) && Number.isInteger(b) && a > 0 && b > 0) map.set(`${canon(f[ci] ?? '')}:${b}`, a);
  }
  const chain = loadChain(join(sourcesDir, 'ucsc-liftover-chains', 'hg38ToHg19.over.chain.gz'));
  const lookup = (chrom: string, pos: number): { pos: number | null; from: SiteRow['pos37From']; disagrees?: boolean } => {
    const l = liftPoint(chain, chrom, pos);
    const lifted = l && l.contig === chrom ? l.pos : null;
    const hit = map.get(`${chrom}:${pos}`);
    // Where both exist the two must agree; the count goes into the manifest notes.
    if (hit !== undefined) return { pos: hit, from: 'pypgx', disagrees: lifted !== null && lifted !== hit };
    return lifted !== null ? { pos: lifted, from: 'liftover' } : { pos: null, from: 'none' };
  };
  return lookup;
}

/** Also returns the function pairs whose diplotypes disagree on the phenotype (the first is kept). */
function buildPhenotypes(sourcesDir: string): { rows: PhenotypeRow[]; conflicts: string[] } {
  const conflicts: string[] = [];
  const dir = join(sourcesDir, 'pharmcat-phenotypes');
  const files: { gene: string; path: string; source: string }[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json.gz'))
    .map((f) => ({ gene: f.replace('.json.gz', '').replace('_', '-'), path: join(dir, f), source: SRC.phenotypes.name }));
  files.push(
    { gene: 'CYP2D6', path: join(dir, 'fallback', 'CYP2D6.2024-08-27.json.gz'), source: SRC.cyp2d6Fallback.name },
    { gene: 'G6PD', path: join(dir, 'fallback', 'G6PD.2023-08-08.json.gz'), source: SRC.g6pdFallback.name },
    { gene: 'RYR1', path: join(dir, 'fallback', 'RYR1.2023-12-19.json.gz'), source: SRC.ryr1Fallback.name },
  );
  const rows = files.map(({ gene, path, source }) => {
    const d = json<PhenoFile>(path);
    const alleles: Record<string, [string, string | null]> = {};
    // `haplotypes` holds the activity value for activity-score genes; the function text is in namedAlleles.
    const fnText = new Map((d.namedAlleles ?? []).map((a) => [a.name, a.functionValue]));
    for (const [name, fn] of Object.entries(d.haplotypes)) alleles[name] = [fnText.get(name) ?? fn, d.activityValues[name] ?? null];
    if (gene === 'RYR1') {
      // Current allele names and functions come from the HEAD-format transcription.
      const head = json<{ haplotypes: Record<string, string> }>(join(dir, 'fallback', 'RYR1.haplotype-functions.HEAD-transcribed.json'));
      for (const [name, fn] of Object.entries(head.haplotypes)) alleles[name] = [fn, null];
      source = `${source} + ${SRC.ryr1Functions.name}`;
    }
    // Rules are keyed by the functions of the file they come from (RYR1's 2023 rules with its 2023
    // functions), so a function that changed since cannot pair with an old phenotype.
    const keyOf = (name: string): string => d.activityValues[name] ?? fnText.get(name) ?? d.haplotypes[name] ?? '?';
    const rules = new Map<string, PairRule>();
    for (const x of d.diplotypes) {
      const keys = Object.entries(x.diplotypekey)
        .flatMap(([n, c]) => Array<string>(c).fill(keyOf(n)))
        .sort(byStr);
      const id = keys.join('\t');
      // The 2023 G6PD file names the phenotype `generesult` only.
      const phenotype = x.phenotype ?? x.generesult ?? x.lookupkey;
      const had = rules.get(id);
      if (!had) rules.set(id, { keys, phenotype, lookupKey: x.lookupkey, activityScore: x.activityScore ?? null });
      else if (had.lookupKey !== x.lookupkey) conflicts.push(`${gene} ${keys.join('/')}`);
    }
    const row: PhenotypeRow = {
      gene,
      source,
      version: d.version,
      alleles,
      activity: Object.keys(d.activityValues).length > 0,
      pairs: [...rules.values()].sort((a, b) => byStr(a.keys.join('\t'), b.keys.join('\t'))),
    };
    return row;
  });
  return { rows: rows.sort((a, b) => byStr(a.gene, b.gene)), conflicts };
}

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

function buildRecommendations(sourcesDir: string): RecommendationRow[] {
  const newDir = join(sourcesDir, 'pharmcat-cpic-guideline-annotations-2024');
  const oldDir = join(sourcesDir, 'cpic-recommendations-v1.30');
  const rows: RecommendationRow[] = [];
  const covered = new Set<string>();
  for (const f of readdirSync(newDir).filter((x) => x.endsWith('.json')).sort()) {
    const d = json<Cpic2024>(join(newDir, f));
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
    const d = json<Cpic130>(join(oldDir, f));
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
