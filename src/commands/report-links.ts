// Where a cancer finding's therapy meets the patient's germline PGx: a finding that names
// capecitabine, in a patient whose DPYD result carries a CPIC recommendation for capecitabine, shows
// that recommendation beside the therapy, and the DPYD result names the finding back. Drugs meet by
// their normalised names (drug-names.ts), so a combination or a named regimen counts for each drug
// in it. Pure: the report builds the inputs, this only joins them.
import type { PgxResult } from '../pgx/result.js';
import type { RecommendationHit } from '../pgx/recommend.js';
import { drugsOf } from './drug-names.js';

/** The call of one gene a linked recommendation rests on. */
export interface LinkedCall {
  gene: string;
  diplotype: string;
  phenotype: string | null;
  activity_score: string | null;
  call_quality: PgxResult['call_quality'];
}

/** One CPIC recommendation beside the finding's therapies that contain its drug. */
export interface PgxLink {
  /** The drug as the PGx table names it ('capecitabine'). */
  drug: string;
  /** The finding's therapies (as the finding names them) that contain the drug. */
  therapies: string[];
  genes: string[];
  /** The patient's call for each gene of the recommendation that was called. */
  calls: LinkedCall[];
  classification: string;
  recommendation: string;
  guideline: string;
  population: string;
  /** For an ambiguous call: the candidate diplotype this recommendation depends on. */
  candidate?: string;
  /** The sample the genotype is from (the matched normal in a tumour/normal pair). */
  pgx_sample: string;
}

/** A finding this PGx result bears on, and through which drugs. */
export interface AffectedFinding {
  sample: string;
  feature: string;
  drugs: string[];
}

/** What a finding needs for linking: its name and the therapies it names. */
export interface LinkableFinding {
  feature: string;
  sensitivity: string[];
  resistance: string[];
  evidence: Record<string, unknown>[];
  pgx?: PgxLink[];
}

export type LinkedPgxResult = PgxResult & { affects_findings?: AffectedFinding[] };

/** Every therapy label a finding names: its sensitivity and resistance lists, then other evidence items' therapies. */
export function therapiesOf(f: LinkableFinding): string[] {
  const out = [...f.sensitivity, ...f.resistance];
  for (const item of f.evidence) {
    const t = item.therapies;
    if (!Array.isArray(t) || t.length === 0) continue;
    const label = t.map(String).join(' + ');
    if (!out.includes(label)) out.push(label);
  }
  return [...new Set(out)];
}

/** Per matching drug form, the recommendation hits of the sample that name it. */
function hitsByDrug(pgx: readonly PgxResult[]): Map<string, { hit: RecommendationHit; drug: string }[]> {
  const out = new Map<string, { hit: RecommendationHit; drug: string }[]>();
  const seen = new Set<RecommendationHit>();
  for (const r of pgx) {
    for (const hit of r.recommendations) {
      // A two-gene recommendation is listed under both genes: link it once.
      if (seen.has(hit)) continue;
      seen.add(hit);
      for (const form of drugsOf(hit.drug)) {
        const list = out.get(form) ?? [];
        list.push({ hit, drug: hit.drug });
        out.set(form, list);
      }
    }
  }
  return out;
}

function linkOf(hit: RecommendationHit, therapies: string[], pgx: readonly PgxResult[], pgxSample: string): PgxLink {
  const calls: LinkedCall[] = [];
  for (const gene of hit.genes) {
    const r = pgx.find((p) => p.gene === gene);
    if (r && r.call_quality !== 'not-called') calls.push({ gene, diplotype: r.diplotype, phenotype: r.phenotype, activity_score: r.activity_score, call_quality: r.call_quality });
  }
  return {
    drug: hit.drug,
    therapies,
    genes: hit.genes,
    calls,
    classification: hit.classification,
    recommendation: hit.recommendation,
    guideline: hit.guideline,
    population: hit.population,
    ...(hit.candidate !== undefined ? { candidate: hit.candidate } : {}),
    pgx_sample: pgxSample,
  };
}

/** The links of one finding: one per recommendation whose drug one of its therapies contains. */
function findingLinks(f: LinkableFinding, byDrug: ReturnType<typeof hitsByDrug>, pgx: readonly PgxResult[], pgxSample: string): PgxLink[] {
  const therapiesByHit = new Map<RecommendationHit, string[]>();
  for (const therapy of therapiesOf(f)) {
    for (const form of drugsOf(therapy)) {
      for (const { hit } of byDrug.get(form) ?? []) {
        const list = therapiesByHit.get(hit) ?? [];
        if (!list.includes(therapy)) list.push(therapy);
        therapiesByHit.set(hit, list);
      }
    }
  }
  return [...therapiesByHit].map(([hit, therapies]) => linkOf(hit, therapies, pgx, pgxSample));
}

/**
 * Links `findings` (of sample `findingSample`) with the PGx results of sample `pgxSample` (the same
 * sample, or the matched normal of a tumour): findings gain `pgx` (only when something links) and
 * each PGx result whose recommendations are linked gains `affects_findings`. Inputs are not changed.
 */
export function linkReport<F extends LinkableFinding>(
  findings: readonly F[],
  findingSample: string,
  pgx: readonly PgxResult[],
  pgxSample: string,
): { findings: F[]; pgx: LinkedPgxResult[] } {
  const byDrug = hitsByDrug(pgx);
  const affected = new Map<string, AffectedFinding[]>();
  const linked = findings.map((f) => {
    const links = findingLinks(f, byDrug, pgx, pgxSample);
    if (links.length === 0) return f;
    for (const l of links) {
      for (const gene of l.genes) {
        const list = affected.get(gene) ?? [];
        const entry = list.find((a) => a.feature === f.feature);
        if (entry === undefined) list.push({ sample: findingSample, feature: f.feature, drugs: [l.drug] });
        else if (!entry.drugs.includes(l.drug)) entry.drugs.push(l.drug);
        affected.set(gene, list);
      }
    }
    return { ...f, pgx: links };
  });
  const results = pgx.map((r) => {
    const a = affected.get(r.gene);
    return a ? { ...r, affects_findings: a } : r;
  });
  return { findings: linked, pgx: results };
}
