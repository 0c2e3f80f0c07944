// The cancer tables of a data dir, parsed on first use (a PGx-only run never reads them) and
// indexed for the matcher: loci per build and contig, biomarkers per gene, evidence per profile.
import { readKbTable } from '../kb/load.js';
import type { Build, Interval } from '../types.js';
import type { Biomarker, EvidenceItem, Locus, Profile, TranscriptRow } from './types.js';

export const CANCER_FILES = {
  biomarkers: 'cancer/civic-biomarkers.json',
  profiles: 'cancer/civic-profiles.json',
  evidence: 'cancer/civic-evidence.json',
  transcripts: 'cancer/transcripts.json',
} as const;

/** One locus of one biomarker, for position lookups. */
export interface LocusEntry {
  biomarker: Biomarker;
  locus: Locus;
}

export interface CancerTables {
  biomarkers: Map<number, Biomarker>;
  profiles: Map<number, Profile>;
  /** Profiles that mention a variant id. */
  profilesOfVariant: Map<number, Profile[]>;
  /** Evidence items and assertions per profile id, in table order. */
  itemsOfProfile: Map<number, EvidenceItem[]>;
  /** EID → AIDs of the assertions resting on it. */
  assertionsOfEvidence: Map<string, string[]>;
  /** Protein- and gene-level biomarkers (need a consequence) per gene symbol. */
  consequenceLevel: Map<string, Biomarker[]>;
  /** Exact biomarkers with a protein-change name, per gene (found through HGVSp too). */
  proteinNamed: Map<string, Biomarker[]>;
  /** Loci per build, per contig, sorted by start. */
  loci: Record<Build, Map<string, LocusEntry[]>>;
  /** Transcript span per build and gene (genes with codon/exon/protein/gene-level biomarkers). */
  geneSpans: Record<Build, Map<string, Interval>>;
}

export interface CancerKb {
  readonly dir: string;
  tables(): CancerTables;
  /** Every interval a variant must overlap to possibly match by position (prefilter). */
  intervals(build: Build): Interval[];
  /** Spans of the genes with protein- or gene-level biomarkers (only a consequence can match there). */
  consequenceIntervals(build: Build): Interval[];
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Indexes the tables: only biomarkers in a profile with evidence are looked up, by position or by gene. */
function index(biomarkers: Biomarker[], profiles: Profile[], items: EvidenceItem[], transcripts: TranscriptRow[]): CancerTables {
  const itemsOfProfile = new Map<number, EvidenceItem[]>();
  const assertionsOfEvidence = new Map<string, string[]>();
  for (const it of items) {
    push(itemsOfProfile, it.profile, it);
    for (const e of it.evidence ?? []) push(assertionsOfEvidence, e, it.id);
  }
  const profileMap = new Map<number, Profile>();
  const profilesOfVariant = new Map<number, Profile[]>();
  for (const p of profiles) {
    if (!itemsOfProfile.has(p.id)) continue;
    profileMap.set(p.id, p);
    for (const v of p.parts) push(profilesOfVariant, v, p);
  }
  const map = new Map<number, Biomarker>();
  const consequenceLevel = new Map<string, Biomarker[]>();
  const proteinNamed = new Map<string, Biomarker[]>();
  const loci: Record<Build, Map<string, LocusEntry[]>> = { GRCh37: new Map(), GRCh38: new Map() };
  for (const b of biomarkers) {
    map.set(b.id, b);
    if (b.kind === 'none' || !profilesOfVariant.has(b.id)) continue;
    if (b.kind === 'protein' || b.kind === 'gene') push(consequenceLevel, b.gene, b);
    else if (b.kind === 'exact' && b.protein) push(proteinNamed, b.gene, b);
    for (const build of ['GRCh37', 'GRCh38'] as Build[]) {
      for (const locus of b.loci[build]) push(loci[build], locus.contig, { biomarker: b, locus });
    }
  }
  for (const byContig of Object.values(loci)) for (const list of byContig.values()) list.sort((a, b) => a.locus.start - b.locus.start || a.biomarker.id - b.biomarker.id);
  const geneSpans: Record<Build, Map<string, Interval>> = { GRCh37: new Map(), GRCh38: new Map() };
  for (const t of transcripts) {
    const first = t.exons[0];
    const last = t.exons[t.exons.length - 1];
    if (first && last) geneSpans[t.build].set(t.gene, { contig: t.contig, start: first[0], end: last[1] });
  }
  return { biomarkers: map, profiles: profileMap, profilesOfVariant, itemsOfProfile, assertionsOfEvidence, consequenceLevel, proteinNamed, loci, geneSpans };
}

export function loadCancerKb(dataDir: string): CancerKb {
  let cached: CancerTables | undefined;
  // Each table is verified against the manifest and its shape (src/kb/table-shapes.ts) as it is read.
  const tables = (): CancerTables => {
    cached ??= index(
      readKbTable<Biomarker[]>(dataDir, CANCER_FILES.biomarkers),
      readKbTable<Profile[]>(dataDir, CANCER_FILES.profiles),
      readKbTable<EvidenceItem[]>(dataDir, CANCER_FILES.evidence),
      readKbTable<TranscriptRow[]>(dataDir, CANCER_FILES.transcripts),
    );
    return cached;
  };
  return {
    dir: dataDir,
    tables,
    intervals(build: Build): Interval[] {
      const out: Interval[] = [];
      for (const [contig, list] of tables().loci[build]) {
        // Insertions (empty REF) sit between start-1 and start: cover both flanks.
        for (const { locus } of list) out.push({ contig, start: Math.min(locus.start, locus.end) - (locus.tref === '' ? 1 : 0), end: Math.max(locus.start, locus.end) });
      }
      return out;
    },
    consequenceIntervals(build: Build): Interval[] {
      const t = tables();
      const out: Interval[] = [];
      for (const gene of t.consequenceLevel.keys()) {
        const span = t.geneSpans[build].get(gene);
        if (span) out.push({ ...span });
      }
      return out;
    },
  };
}
