// summary: cohort figures from a pgx, annotate or report output (or a merged one), read as a stream.
// Per gene (pgx results): samples, called (call_quality other than not-called), not called, and among
// the called the diplotypes, phenotypes and activity scores with their counts and frequencies (count /
// called). Per biomarker (annotate rows, report findings): carriers (distinct samples) and frequency
// (carriers / samples of the output). Per drug (pgx recommendations or --by-drug rows): samples with
// each CPIC classification, and samples with a non-standard recommendation (summary-drugs.ts).
import { InputError } from '../errors.js';
import { NO_RESULT } from '../pgx/phenotype.js';
import type { Result, RunMeta } from '../sink/types.js';
import { SCHEMA_VERSION, TOOL } from '../version.js';
import { openOutputReader } from './merge-read.js';
import { type Projection, projection } from './output-project.js';
import { isNonStandard } from './summary-drugs.js';

export interface Count {
  count: number;
  frequency: number | null;
}
export interface GeneFigures {
  gene: string;
  samples: number;
  called: number;
  not_called: number;
  diplotypes: ({ diplotype: string } & Count)[];
  phenotypes: ({ phenotype: string } & Count)[];
  activity_scores: ({ activity_score: string } & Count)[];
}
export interface CohortSummary {
  schema_version: string;
  tool: { name: string; version: string };
  /** The command whose output was summarised. */
  command: string;
  kb: RunMeta['kb'];
  samples: number;
  genes: GeneFigures[];
  biomarkers: { kb: string; gene: string; feature: string; carriers: number; frequency: number | null }[];
  drugs: { drug: string; classifications: { classification: string; count: number }[]; non_standard: number }[];
}

const freq = (n: number, of: number): number | null => (of > 0 ? Number((n / of).toFixed(4)) : null);
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Counts of values, most frequent first (ties by name). */
class Tally {
  readonly counts = new Map<string, number>();
  add(v: string): void {
    this.counts.set(v, (this.counts.get(v) ?? 0) + 1);
  }
  list<K extends string>(key: K, of: number): ({ [k in K]: string } & Count)[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])).map(([v, count]) => ({ [key]: v, count, frequency: freq(count, of) }) as { [k in K]: string } & Count);
  }
}

interface GeneTally {
  samples: number;
  called: number;
  diplotypes: Tally;
  phenotypes: Tally;
  scores: Tally;
}

class Figures {
  private readonly genes = new Map<string, GeneTally>();
  private readonly carriers = new Map<string, Set<string>>();
  private readonly drugs = new Map<string, { classes: Map<string, Set<string>>; nonStandard: Set<string> }>();

  pgx(r: Result): void {
    const gene = String(r.gene);
    let g = this.genes.get(gene);
    if (!g) this.genes.set(gene, (g = { samples: 0, called: 0, diplotypes: new Tally(), phenotypes: new Tally(), scores: new Tally() }));
    g.samples++;
    for (const h of (r.recommendations ?? []) as Result[]) this.drug(String(r.sample), h);
    if (r.call_quality === 'not-called') return;
    g.called++;
    g.diplotypes.add(String(r.diplotype));
    g.phenotypes.add(typeof r.phenotype === 'string' ? r.phenotype : NO_RESULT);
    if (typeof r.activity_score === 'string') g.scores.add(r.activity_score);
  }

  drug(sample: string, h: Result): void {
    const name = String(h.drug);
    let d = this.drugs.get(name);
    if (!d) this.drugs.set(name, (d = { classes: new Map(), nonStandard: new Set() }));
    const cls = String(h.classification ?? '');
    let s = d.classes.get(cls);
    if (!s) d.classes.set(cls, (s = new Set()));
    s.add(sample);
    if (isNonStandard(cls, String(h.recommendation ?? ''))) d.nonStandard.add(sample);
  }

  carrier(kb: string, gene: string, feature: string, sample: string): void {
    const key = JSON.stringify([kb, gene, feature]);
    let s = this.carriers.get(key);
    if (!s) this.carriers.set(key, (s = new Set()));
    if (sample !== '') s.add(sample);
  }

  build(meta: RunMeta): CohortSummary {
    const n = meta.samples.length;
    const genes = [...this.genes].sort((a, b) => byName(a[0], b[0])).map(([gene, g]) => ({
      gene,
      samples: g.samples,
      called: g.called,
      not_called: g.samples - g.called,
      diplotypes: g.diplotypes.list('diplotype', g.called),
      phenotypes: g.phenotypes.list('phenotype', g.called),
      activity_scores: g.scores.list('activity_score', g.called),
    }));
    const biomarkers = [...this.carriers].sort((a, b) => byName(a[0], b[0])).map(([key, s]) => {
      const [kb, gene, feature] = JSON.parse(key) as [string, string, string];
      return { kb, gene, feature, carriers: s.size, frequency: freq(s.size, n) };
    });
    const drugs = [...this.drugs].sort((a, b) => byName(a[0], b[0])).map(([drug, d]) => ({
      drug,
      classifications: [...d.classes].sort((a, b) => b[1].size - a[1].size || byName(a[0], b[0])).map(([classification, s]) => ({ classification, count: s.size })),
      non_standard: d.nonStandard.size,
    }));
    return { schema_version: SCHEMA_VERSION, tool: { ...TOOL }, command: meta.command, kb: meta.kb, samples: n, genes, biomarkers, drugs };
  }
}

function addResult(f: Figures, command: string, r: Result): void {
  if (command === 'pgx') {
    if ('drug' in r) f.drug(String(r.sample), r);
    else f.pgx(r);
  } else if (command === 'annotate') {
    f.carrier(String(r.kb), String(r.gene), String(r.feature), String(r.sample));
  } else {
    // A tumour's borrowed PGx (pgx_from) is its normal's, counted under the normal.
    if (r.pgx_from === undefined) for (const p of (r.pgx ?? []) as Result[]) f.pgx(p);
    for (const c of (r.cancer ?? []) as Result[]) f.carrier('cancer', String(c.gene), String(c.feature), String(r.sample));
  }
}

const RECOMMENDATION = projection(['drug', 'classification', 'recommendation']);
const PGX = projection(['sample', 'gene', 'call_quality', 'diplotype', 'phenotype', 'activity_score', 'drug', 'classification', 'recommendation'], [['recommendations', RECOMMENDATION]]);
/** The members of each result that addResult reads, by command. */
const READS: Record<string, Projection> = {
  pgx: PGX,
  annotate: projection(['kb', 'gene', 'feature', 'sample']),
  report: projection(['sample', 'pgx_from'], [['pgx', PGX], ['cancer', projection(['gene', 'feature'])]]),
};

/** The cohort figures of one output file, read result by result. */
export async function summarize(file: string): Promise<CohortSummary> {
  const reader = await openOutputReader(file, (command) => READS[command] ?? projection([]));
  const command = reader.meta.command;
  if (!['pgx', 'annotate', 'report'].includes(command)) throw new InputError(`summary reads outputs of pgx, annotate or report, not of ${command}`, { file: reader.file });
  const f = new Figures();
  for (let r = await reader.next(); r !== undefined; r = await reader.next()) addResult(f, command, r);
  return f.build(reader.meta);
}

export const SUMMARY_TSV_COLUMNS = ['section', 'kb', 'subject', 'feature', 'value', 'count', 'total', 'frequency'] as const;

/** The figures as long TSV rows: one per gene count, diplotype, phenotype, score, biomarker, drug class. */
export function summaryRows(s: CohortSummary): Result[] {
  const rows: Result[] = [];
  for (const g of s.genes) {
    rows.push({ section: 'gene', subject: g.gene, value: 'called', count: g.called, total: g.samples, frequency: freq(g.called, g.samples) });
    rows.push({ section: 'gene', subject: g.gene, value: 'not_called', count: g.not_called, total: g.samples, frequency: freq(g.not_called, g.samples) });
    for (const d of g.diplotypes) rows.push({ section: 'diplotype', subject: g.gene, value: d.diplotype, count: d.count, total: g.called, frequency: d.frequency });
    for (const p of g.phenotypes) rows.push({ section: 'phenotype', subject: g.gene, value: p.phenotype, count: p.count, total: g.called, frequency: p.frequency });
    for (const a of g.activity_scores) rows.push({ section: 'activity_score', subject: g.gene, value: a.activity_score, count: a.count, total: g.called, frequency: a.frequency });
  }
  for (const b of s.biomarkers) rows.push({ section: 'biomarker', kb: b.kb, subject: b.gene, feature: b.feature, value: 'carriers', count: b.carriers, total: s.samples, frequency: b.frequency });
  for (const d of s.drugs) {
    for (const c of d.classifications) rows.push({ section: 'drug', subject: d.drug, value: c.classification, count: c.count, total: s.samples, frequency: freq(c.count, s.samples) });
    rows.push({ section: 'drug', subject: d.drug, value: 'non_standard', count: d.non_standard, total: s.samples, frequency: freq(d.non_standard, s.samples) });
  }
  return rows;
}
