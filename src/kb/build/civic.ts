// CIViC (accepted evidence and assertions) → data/cancer/: biomarkers with a match kind and
// coordinates in both builds, molecular profiles, evidence, assertions, transcripts.
// Each variant's kind and loci are civic-biomarker.ts's; the release is read by civic-release.ts;
// this file joins variants, profiles and evidence, and writes the tables with their manifest notes.
import type { Biomarker, EvidenceItem, Profile, TranscriptRow } from '../../cancer/types.js';
import type { Build } from '../../types.js';
import type { BuiltTable } from '../manifest.js';
import { buildBiomarker, type Lifters } from './civic-biomarker.js';
import { classify } from './civic-classify.js';
import { assertionItems, byId, evidenceItems } from './civic-evidence.js';
import { selectProfiles } from './civic-profiles.js';
import { liftedReferenceAudit } from './civic-ref-audit.js';
import { CHAINS, MANE, REFGENE, readCivicRelease, type CivicRelease } from './civic-release.js';
import { LAYOUT } from './layout.js';
import { loadChain } from './liftover.js';
import { referenceDifferences } from './pgx-grch37.js';
import type { SourceDir } from './sources.js';
import { loadTranscripts, type TranscriptTables } from './transcripts.js';

/** One JSON row per line: diff-friendly and deterministic. */
function jsonRows(rows: unknown[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

function lifters(src: SourceDir): Lifters {
  const folder = src.folder(LAYOUT.chains);
  return { to38: loadChain(src, src.file(folder, LAYOUT.chainTo38)), to37: loadChain(src, src.file(folder, LAYOUT.chainTo37)) };
}

/**
 * Genes whose codons/exons need a transcript, and genes with protein/gene-level biomarkers (their
 * span lets the prefilter pass records a consequence may match).
 */
function transcriptGenes(civic: CivicRelease): Set<string> {
  const genes = new Set<string>();
  for (const v of civic.variants) {
    const c = classify({ name: v.variant ?? '', types: v.variant_types ?? '', hasAlleles: false, hasCoords: true });
    if (c.kind === 'codon' || c.kind === 'exon' || c.kind === 'protein' || c.kind === 'gene') genes.add(v.gene ?? '');
  }
  return genes;
}

interface CancerRows {
  civic: CivicRelease;
  biomarkers: Biomarker[];
  profiles: Profile[];
  unparsed: number[];
  evidence: EvidenceItem[];
  assertions: EvidenceItem[];
  transcripts: TranscriptRow[];
  refAudit: string;
}

function transcriptRows(tx: TranscriptTables): TranscriptRow[] {
  const rows: TranscriptRow[] = [];
  for (const build of ['GRCh37', 'GRCh38'] as Build[]) {
    for (const t of [...tx.models[build].values()].sort((a, b) => (a.gene < b.gene ? -1 : 1))) rows.push({ ...t, build });
  }
  return rows;
}

export function buildCancer(src: SourceDir): BuiltTable[] {
  const civic = readCivicRelease(src);
  const lift = lifters(src);
  const tx = loadTranscripts(src, transcriptGenes(civic));
  const biomarkers = civic.variants.map((v) => buildBiomarker(v, civic.vcf, tx, lift)).sort(byId);
  const { profiles, unparsed } = selectProfiles(civic.profiles, new Map(biomarkers.map((b) => [b.id, b])));
  const shown = new Set(profiles.map((p) => p.id));
  return cancerTables({
    civic,
    biomarkers,
    profiles,
    unparsed,
    evidence: evidenceItems(civic.evidence, shown),
    assertions: assertionItems(civic.assertions, shown, civic.evidence),
    transcripts: transcriptRows(tx),
    refAudit: liftedReferenceAudit(biomarkers, referenceDifferences(src)),
  });
}

function counts(values: string[]): string {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n.entries()].sort().map(([k, c]) => `${k} ${c}`).join(', ');
}

function cancerTables(r: CancerRows): BuiltTable[] {
  const { civic, biomarkers, profiles, unparsed, evidence, assertions, transcripts, refAudit } = r;
  const CIVIC = civic.ref;
  const unlifted = biomarkers.filter((b) => b.unlifted !== undefined);
  const kindText = counts(biomarkers.map((b) => b.kind));
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
      notes: `${evidence.length} of ${civic.evidence.length} accepted evidence items and ${assertions.length} of ${civic.assertions.length} assertions concern a profile a VCF can show.`,
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
      notes: `MANE transcript where mane-summary names one and refGene has it on that build, else the longest coding refGene transcript. Choices: ${counts(transcripts.map((t) => t.choice))}.`,
      content: jsonRows(transcripts),
    },
  ];
}
