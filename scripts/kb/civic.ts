// CIViC (accepted evidence and assertions) → data/cancer/: biomarkers with a match kind and
// coordinates in both builds, molecular profiles, evidence, assertions, transcripts.
// Each variant's kind and loci are civic-biomarker.ts's; this file reads the release, joins
// variants, profiles and evidence, and writes the tables with their manifest notes.
import { join } from 'node:path';
import type { BuiltTable, SourceRef } from '../../src/kb/manifest.js';
import type { Biomarker, EvidenceItem, Profile, ProfileExpr, TranscriptRow } from '../../src/cancer/types.js';
import type { Build } from '../../src/types.js';
import { buildBiomarker, type Lifters } from './civic-biomarker.js';
import { readCivicVcf, readTsv, type Row } from './civic-read.js';
import { liftedReferenceAudit } from './civic-ref-audit.js';
import { classify } from './civic-classify.js';
import { loadChain } from './liftover.js';
import { referenceDifferences } from './pgx-grch37.js';
import { loadTranscripts } from './transcripts.js';

const RELEASE = '01-Aug-2024';

const CIVIC: SourceRef = {
  name: 'civic-2024-08',
  version: RELEASE,
  repository: 'https://github.com/rk-izak/DATA72000-IBE (vendored CIViC release from civicdb.org)',
  commit: '88c9d637cddcaf9eaf6a9f9e9caf8d4e6ef41004',
  path: `data/CIVIC/raw/${RELEASE}-*`,
  licence: 'CC0-1.0',
};
const CHAINS: SourceRef = {
  name: 'ucsc-liftover-chains',
  version: 'UCSC hg19ToHg38 / hg38ToHg19',
  repository: 'https://github.com/broadinstitute/SpliceAI-lookup',
  commit: 'd204c34d669fc498d1b17370fc6a4f3e5056bfdb',
  path: 'hg19ToHg38.over.chain.gz; hg38ToHg19.over.chain.gz',
  licence: 'UCSC liftOver chains: free for any use',
};
const REFGENE: SourceRef = {
  name: 'ucsc-refgene',
  version: 'UCSC refGene 2018 dump',
  repository: 'https://github.com/vladsavelyev/bed_annotation',
  commit: '3c3edae3742ea023440ecb0ccce05284b1c53032',
  path: 'bed_annotation/refseq/hg19/refGene.txt.gz; bed_annotation/refseq/hg38/refGene.txt.gz',
  licence: 'UCSC/NCBI RefSeq tables: freely usable',
};
const MANE: SourceRef = {
  name: 'mane-summary',
  version: 'MANE v1.0',
  repository: 'https://github.com/user-tq/anvcivi (vendored NCBI MANE release 1.0)',
  commit: 'fabb00b2d197baccfc93f651c5b65c2f399d388c',
  path: 'source/MANE.GRCh38.v1.0.summary.txt.gz',
  licence: 'public domain (NCBI)',
};

/** One JSON row per line: diff-friendly and deterministic. */
function jsonRows(rows: unknown[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

function split(list: string, sep = ','): string[] {
  return list.split(sep).map((s) => s.trim()).filter((s) => s !== '' && s !== 'N/A');
}

/** Parses a molecular profile name ('A AND ( B OR C )', 'NOT X') against its variants' names. */
export function parseProfile(name: string, variants: { id: number; label: string }[]): ProfileExpr | undefined {
  const labels = [...variants].sort((a, b) => b.label.length - a.label.length);
  const tokens: (string | number)[] = [];
  let rest = name.trim();
  while (rest !== '') {
    const op = /^(AND|OR|NOT)\b\s*|^\(\s*|^\)\s*/.exec(rest);
    const leaf = labels.find((l) => rest.toUpperCase().startsWith(l.label.toUpperCase()));
    if (leaf && !(op && /^(AND|OR|NOT)\b/.test(rest))) {
      tokens.push(leaf.id);
      rest = rest.slice(leaf.label.length).trimStart();
    } else if (op) {
      tokens.push(op[0].trim());
      rest = rest.slice(op[0].length);
    } else return undefined;
  }
  let i = 0;
  const primary = (): ProfileExpr | undefined => {
    const t = tokens[i++];
    if (typeof t === 'number') return t;
    if (t === 'NOT') {
      const e = primary();
      return e === undefined ? undefined : { not: e };
    }
    if (t === '(') {
      const e = expr();
      return tokens[i++] === ')' ? e : undefined;
    }
    return undefined;
  };
  const expr = (): ProfileExpr | undefined => {
    const first = primary();
    if (first === undefined) return undefined;
    const items = [first];
    let op: string | undefined;
    while (tokens[i] === 'AND' || tokens[i] === 'OR') {
      const o = tokens[i++] as string;
      if (op && op !== o) return undefined; // mixed AND/OR without brackets is ambiguous
      op = o;
      const e = primary();
      if (e === undefined) return undefined;
      items.push(e);
    }
    return items.length === 1 ? first : op === 'AND' ? { and: items } : { or: items };
  };
  const e = expr();
  return e !== undefined && i === tokens.length ? e : undefined;
}

/** Can some assignment of visible parts satisfy the expression? NOT needs absence, which a VCF cannot prove. */
export function canShow(e: ProfileExpr, visible: (id: number) => boolean): boolean {
  if (typeof e === 'number') return visible(e);
  if ('and' in e) return e.and.every((x) => canShow(x, visible));
  if ('or' in e) return e.or.some((x) => canShow(x, visible));
  return false;
}

function citation(r: Row): string[] {
  const id = r.citation_id ?? '';
  if (id === '') return [];
  const src = r.source_type ?? '';
  return [src === 'PubMed' ? `PMID:${id}` : `${src || 'source'}:${id}`];
}

function byId(a: { id: number }, b: { id: number }): number {
  return a.id - b.id;
}

function num(id: string): number {
  return Number(id.replace(/^\D+/, ''));
}

export async function buildCancer(sourcesDir: string): Promise<BuiltTable[]> {
  const dir = join(sourcesDir, 'civic-2024-08');
  const variants = readTsv(join(dir, `${RELEASE}-VariantSummaries.tsv`));
  const profilesTsv = readTsv(join(dir, `${RELEASE}-MolecularProfileSummaries.tsv`));
  const evidenceTsv = readTsv(join(dir, `${RELEASE}-ClinicalEvidenceSummaries.tsv`));
  const assertionsTsv = readTsv(join(dir, `${RELEASE}-AssertionSummaries.tsv`));
  const vcf = readCivicVcf(join(dir, `${RELEASE}-civic_accepted.vcf`));
  const lift: Lifters = {
    to38: loadChain(join(sourcesDir, 'ucsc-liftover-chains', 'hg19ToHg38.over.chain.gz')),
    to37: loadChain(join(sourcesDir, 'ucsc-liftover-chains', 'hg38ToHg19.over.chain.gz')),
  };

  // Genes whose codons/exons need a transcript, and genes with protein/gene-level biomarkers
  // (their span lets the prefilter pass records a consequence may match).
  const txGenes = new Set<string>();
  for (const v of variants) {
    const c = classify({ name: v.variant ?? '', types: v.variant_types ?? '', hasAlleles: false, hasCoords: true });
    if (c.kind === 'codon' || c.kind === 'exon' || c.kind === 'protein' || c.kind === 'gene') txGenes.add(v.gene ?? '');
  }
  const tx = loadTranscripts(sourcesDir, txGenes);

  const biomarkers = variants.map((v) => buildBiomarker(v, vcf, tx, lift)).sort(byId);
  const byVariant = new Map(biomarkers.map((b) => [b.id, b]));
  const visible = (id: number): boolean => {
    const b = byVariant.get(id);
    return b !== undefined && b.kind !== 'none';
  };

  // Molecular profiles with accepted evidence or assertions that a VCF can show.
  const profiles: Profile[] = [];
  const unparsed: number[] = [];
  for (const p of profilesTsv) {
    const id = Number(p.molecular_profile_id);
    const parts = split(p.variant_ids ?? '').map(Number).sort((a, b) => a - b);
    const named = parts.map((vid) => {
      const b = byVariant.get(vid);
      return { id: vid, label: b ? `${b.gene} ${b.name}` : String(vid) };
    });
    const expr = parts.length === 1 ? (parts[0] as number) : parseProfile(p.name ?? '', named);
    if (expr === undefined) {
      unparsed.push(id);
      continue;
    }
    if (canShow(expr, visible)) profiles.push({ id, name: p.name ?? '', expr, parts });
  }
  profiles.sort(byId);
  const shown = new Set(profiles.map((p) => p.id));

  const evidence: EvidenceItem[] = evidenceTsv
    .filter((r) => r.evidence_status === 'accepted' && shown.has(Number(r.molecular_profile_id)))
    .map((r) => ({
      id: `EID${r.evidence_id}`,
      profile: Number(r.molecular_profile_id),
      level: r.evidence_level ?? '',
      tier: '',
      type: r.evidence_type ?? '',
      direction: r.evidence_direction ?? '',
      significance: r.significance ?? '',
      therapies: split(r.therapies ?? ''),
      interaction: r.therapy_interaction_type ?? '',
      disease: r.disease ?? '',
      doid: r.doid ?? '',
      citations: citation(r),
      origin: r.variant_origin ?? '',
    }))
    .sort((a, b) => num(a.id) - num(b.id));
  const citationsOf = new Map(evidenceTsv.map((r) => [`EID${r.evidence_id}`, citation(r)]));
  const assertions: EvidenceItem[] = assertionsTsv
    .filter((r) => shown.has(Number(r.molecular_profile_id)))
    .map((r) => {
      const eids = split(r.evidence_item_ids ?? '').map((e) => `EID${e}`).sort((a, b) => num(a) - num(b));
      return {
        id: `AID${r.assertion_id}`,
        profile: Number(r.molecular_profile_id),
        level: '',
        tier: r.amp_category ?? '',
        type: r.assertion_type ?? '',
        direction: r.assertion_direction ?? '',
        significance: r.significance ?? '',
        therapies: split(r.therapies ?? ''),
        interaction: '',
        disease: r.disease ?? '',
        doid: r.doid ?? '',
        citations: [...new Set(eids.flatMap((e) => citationsOf.get(e) ?? []))].sort(),
        origin: '',
        evidence: eids,
      };
    })
    .sort((a, b) => num(a.id) - num(b.id));

  const transcripts: TranscriptRow[] = [];
  for (const build of ['GRCh37', 'GRCh38'] as Build[]) {
    for (const t of [...tx.models[build].values()].sort((a, b) => (a.gene < b.gene ? -1 : 1))) transcripts.push({ ...t, build });
  }

  const kinds = new Map<string, number>();
  for (const b of biomarkers) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
  const unlifted = biomarkers.filter((b) => b.unlifted !== undefined);
  const refAudit = liftedReferenceAudit(biomarkers, referenceDifferences(sourcesDir));
  const kindText = [...kinds.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ');
  const txChoice = new Map<string, number>();
  for (const t of transcripts) txChoice.set(t.choice, (txChoice.get(t.choice) ?? 0) + 1);

  return [
    {
      name: 'cancer-biomarkers',
      file: 'cancer/civic-biomarkers.json',
      domain: 'cancer',
      description: 'CIViC variants with a match kind (exact, codon, exon, range, protein, gene, none) and coordinates per build',
      sources: [CIVIC, CHAINS, REFGENE, MANE],
      builds: ['GRCh37', 'GRCh38'],
      records: biomarkers.length,
      notes:
        `Kinds: ${kindText}. Exact alleles from civic_accepted.vcf (anchored) else the TSV, in minimal trimmed form (suffix then prefix). ` +
        'GRCh38 by UCSC chain: an exact allele lifts only when both ends land on one chain with unchanged length (alleles reverse-complemented on a - chain); ranges may change length. ' +
        'Codon and exon coordinates computed per build from the refGene transcript (see cancer-transcripts), checked to overlap the CIViC range. ' +
        "'none' = copy number, expression, fusion, methylation, whole-gene or whole-exon loss and similar events: never claimed from a SNV/indel. " +
        `Not lifted (${unlifted.length}): ${unlifted.map((b) => `${b.id} ${b.gene} ${b.name} (${b.unlifted})`).join('; ') || 'none'}. ` +
        refAudit,
      content: jsonRows(biomarkers),
    },
    {
      name: 'cancer-profiles',
      file: 'cancer/civic-profiles.json',
      domain: 'cancer',
      description: 'CIViC molecular profiles a VCF can show, as boolean expressions over variant ids',
      sources: [CIVIC],
      builds: [],
      records: profiles.length,
      notes: `Profiles whose every satisfying combination needs a 'none' variant or a NOT are left out. Names that could not be parsed: ${unparsed.length ? unparsed.join(', ') : 'none'}.`,
      content: jsonRows(profiles),
    },
    {
      name: 'cancer-evidence',
      file: 'cancer/civic-evidence.json',
      domain: 'cancer',
      description: 'CIViC accepted evidence items (level, type, direction, significance, therapies, disease, DOID, citation) and assertions (AMP/ASCO/CAP tier) of the profiles in cancer-profiles',
      sources: [CIVIC],
      builds: [],
      records: evidence.length + assertions.length,
      notes: `${evidence.length} of ${evidenceTsv.length} accepted evidence items and ${assertions.length} of ${assertionsTsv.length} assertions concern a profile a VCF can show.`,
      content: jsonRows([...evidence, ...assertions]),
    },
    {
      name: 'cancer-transcripts',
      file: 'cancer/transcripts.json',
      domain: 'cancer',
      description: 'Exons, CDS and strand per build of the genes with codon, exon, protein- or gene-level biomarkers',
      sources: [REFGENE, MANE],
      builds: ['GRCh37', 'GRCh38'],
      records: transcripts.length,
      notes: `MANE transcript where mane-summary names one and refGene has it on that build, else the longest coding refGene transcript. Choices: ${[...txChoice.entries()].sort().map(([k, n]) => `${k} ${n}`).join(', ')}.`,
      content: jsonRows(transcripts),
    },
  ];
}
