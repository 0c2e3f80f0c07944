// CIViC (accepted evidence and assertions) → data/cancer/: biomarkers with a match kind and
// coordinates in both builds, molecular profiles, evidence, assertions, transcripts.
// CIViC coordinates are GRCh37; GRCh38 comes from the UCSC chain (exact alleles must keep their
// length; ranges may change length). Codon and exon coordinates are computed per build from the
// refGene transcript (MANE where named) so they do not depend on the liftover.
import { join } from 'node:path';
import type { BuiltTable, SourceRef } from '../../src/kb/manifest.js';
import type { Biomarker, EvidenceItem, Locus, Profile, ProfileExpr, TranscriptRow } from '../../src/cancer/types.js';
import type { Build, Interval } from '../../src/types.js';
import { classify, proteinKeysOfName, type Classification } from './civic-classify.js';
import { readCivicVcf, readTsv, reverseComplement, trimAlleles, type Row } from './civic-read.js';
import { liftedReferenceAudit } from './civic-ref-audit.js';
import { isLiftFailure, liftInterval, loadChain, type Chain } from './liftover.js';
import { referenceDifferences } from './pgx-grch37.js';
import { codonToGenomic, exonInterval, loadTranscripts, type TranscriptModel, type TranscriptTables } from './transcripts.js';

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

const OTHER: Record<Build, Build> = { GRCh37: 'GRCh38', GRCh38: 'GRCh37' };

interface Lifters {
  to38: Chain;
  to37: Chain;
}

/** One JSON row per line: diff-friendly and deterministic. */
function jsonRows(rows: unknown[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

function split(list: string, sep = ','): string[] {
  return list.split(sep).map((s) => s.trim()).filter((s) => s !== '' && s !== 'N/A');
}

function canonicalCivicContig(c: string): string {
  return c === 'M' ? 'MT' : c;
}

/** Exact alleles in the source build, trimmed: from the CIViC VCF when it has the id, else the TSV. */
function exactLocus(v: Row, vcf: ReturnType<typeof readCivicVcf>): Locus | undefined {
  const id = Number(v.variant_id);
  const rec = vcf.get(id);
  if (rec) {
    const t = trimAlleles(rec.pos, rec.ref, rec.alt);
    return { contig: canonicalCivicContig(rec.contig), start: t.tpos, end: t.tpos + t.tref.length - 1, tref: t.tref, talt: t.talt };
  }
  const ref = v.reference_bases ?? '';
  const alt = v.variant_bases ?? '';
  const start = Number(v.start);
  const stop = Number(v.stop);
  if (!v.chromosome || !Number.isInteger(start) || !/^[ACGT]*$/.test(ref + alt)) return undefined;
  // CIViC (unanchored) insertions give the flanking bases as start/stop, or the duplicated span.
  const pos = ref === '' ? (stop - start === 1 ? stop : stop + 1) : start;
  const t = trimAlleles(pos, ref, alt);
  return { contig: canonicalCivicContig(v.chromosome), start: t.tpos, end: t.tpos + t.tref.length - 1, tref: t.tref, talt: t.talt };
}

function liftLocus(l: Locus, chain: Chain): Locus | string {
  const exact = l.tref !== undefined;
  const r = liftInterval(chain, { contig: l.contig, start: l.start, end: l.end }, exact);
  if (isLiftFailure(r)) return r.fail;
  if (!exact) return { contig: r.contig, start: r.start, end: r.end };
  const minus = r.strand === '-';
  return { contig: r.contig, start: r.start, end: r.end, tref: minus ? reverseComplement(l.tref ?? '') : l.tref, talt: minus ? reverseComplement(l.talt ?? '') : l.talt };
}

function overlaps(a: Interval[], b: Interval): boolean {
  return a.some((x) => x.contig === b.contig && x.start <= b.end && b.start <= x.end);
}

/** Codon or exon loci from the transcript of each build; undefined when a build cannot give them. */
function transcriptLoci(c: Classification, gene: string, tx: TranscriptTables, build: Build): { loci: Interval[]; transcript: string } | undefined {
  const t: TranscriptModel | undefined = tx.models[build].get(gene);
  if (!t) return undefined;
  const loci: Interval[] = [];
  if (c.codons) {
    for (const n of c.codons) {
      const iv = codonToGenomic(t, n);
      if (!iv) return undefined;
      loci.push(...iv);
    }
  } else if (c.exons) {
    for (const n of c.exons) {
      const iv = exonInterval(t, n);
      if (!iv) return undefined;
      // Only the coding part: UTR changes are no exon mutation in CIViC's sense.
      const start = Math.max(iv.start, t.cdsStart);
      const end = Math.min(iv.end, t.cdsEnd);
      if (start > end) return undefined;
      loci.push({ contig: iv.contig, start, end });
    }
  }
  return { loci, transcript: t.transcript };
}

function buildBiomarker(v: Row, vcf: ReturnType<typeof readCivicVcf>, tx: TranscriptTables, lift: Lifters): Biomarker {
  const id = Number(v.variant_id);
  const start = Number(v.start);
  const stop = Number(v.stop);
  const hasCoords = v.chromosome !== '' && Number.isInteger(start) && start > 0 && Number.isInteger(stop);
  const hasAlleles = hasCoords && ((v.reference_bases ?? '') !== '' || (v.variant_bases ?? '') !== '' || vcf.has(id));
  const c = classify({ name: v.variant ?? '', types: v.variant_types ?? '', hasAlleles, hasCoords });
  const b: Biomarker = { id, gene: v.gene ?? '', name: v.variant ?? '', kind: c.kind, why: c.why, loci: { GRCh37: [], GRCh38: [] } };
  if (c.event) b.event = c.event;
  if (c.protein) b.protein = c.protein;
  if (c.consequences) b.consequences = c.consequences;
  if (c.kind === 'none' || c.kind === 'protein' || (c.kind === 'gene' && !c.inRange)) return b;

  // Source build: CIViC rows say GRCh37 (two say GRCh38; an empty build is taken as GRCh37).
  const src: Build = v.reference_build === 'GRCh38' ? 'GRCh38' : 'GRCh37';
  const chain = src === 'GRCh37' ? lift.to38 : lift.to37;
  let srcLoci: Locus[] = [];
  if (c.kind === 'exact') {
    const l = exactLocus(v, vcf);
    if (!l) return { ...b, kind: 'none', why: 'alleles present but unusable (non-ACGT or no position)' };
    srcLoci = [l];
    // A protein-change name also lets a VEP/SnpEff HGVSp find it when the VCF writes the allele
    // differently (an indel not left-aligned, an MNV split or merged).
    const keys = proteinKeysOfName(b.name);
    if (keys) b.protein = keys;
  } else if (hasCoords) {
    srcLoci = [{ contig: canonicalCivicContig(v.chromosome ?? ''), start: Math.min(start, stop), end: Math.max(start, stop) }];
  }

  if (c.kind === 'codon' || c.kind === 'exon') {
    // Per-build transcript coordinates, checked against CIViC's own range where it gives one.
    const civicRange = srcLoci[0];
    const mine = transcriptLoci(c, b.gene, tx, src);
    if (mine && (!civicRange || mine.loci.some((l) => overlaps([civicRange], l)))) {
      b.loci[src] = mine.loci;
      b.transcript = { [src]: mine.transcript };
      const other = transcriptLoci(c, b.gene, tx, OTHER[src]);
      if (other) {
        b.loci[OTHER[src]] = other.loci;
        b.transcript[OTHER[src]] = other.transcript;
        return b;
      }
      srcLoci = mine.loci;
    } else if (!civicRange) {
      return { ...b, kind: 'none', why: `${c.why}; no transcript coordinates for ${b.gene} and no CIViC range` };
    } else {
      b.why += '; CIViC range used (transcript coordinates unavailable or disagree)';
      b.loci[src] = srcLoci;
    }
  } else {
    b.loci[src] = srcLoci;
  }
  const lifted: Locus[] = [];
  for (const l of srcLoci) {
    const r = liftLocus(l, chain);
    if (typeof r === 'string') {
      b.unlifted = `${src}→${OTHER[src]}: ${r}`;
      return b;
    }
    lifted.push(r);
  }
  b.loci[OTHER[src]] = lifted;
  if (c.kind === 'exact') b.lifted = OTHER[src];
  return b;
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
