// One CIViC variant → a Biomarker: its match kind (civic-classify.ts) and its loci in both builds.
// CIViC gives one build; the other comes from the UCSC chain for exact alleles and ranges (exact
// alleles keep their length), and from the refGene transcript per build for codons and exons.
import type { Biomarker, Locus } from '../../cancer/types.js';
import type { Build, Interval } from '../../types.js';
import { classify, proteinKeysOfName, type Classification } from './civic-classify.js';
import { reverseComplement, trimAlleles, type Row, type VcfAllele } from './civic-read.js';
import { isLiftFailure, liftInterval, type Chain } from './liftover.js';
import { codonToGenomic, exonInterval, type TranscriptModel, type TranscriptTables } from './transcripts.js';

const OTHER: Record<Build, Build> = { GRCh37: 'GRCh38', GRCh38: 'GRCh37' };

export interface Lifters {
  to38: Chain;
  to37: Chain;
}

function canonicalCivicContig(c: string): string {
  return c === 'M' ? 'MT' : c;
}

/** Exact alleles in the source build, trimmed: from the CIViC VCF when it has the id, else the TSV. */
function exactLocus(v: Row, vcf: ReadonlyMap<number, VcfAllele>): Locus | undefined {
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

/**
 * Codon or exon loci per build from the transcripts, checked against CIViC's own range where it
 * gives one. Returns the finished biomarker, or the source-build loci still to lift.
 */
function placeByTranscript(b: Biomarker, c: Classification, srcLoci: Locus[], src: Build, tx: TranscriptTables): Biomarker | Locus[] {
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
    return mine.loci;
  }
  if (!civicRange) return { ...b, kind: 'none', why: `${c.why}; no transcript coordinates for ${b.gene} and no CIViC range` };
  b.why += '; CIViC range used (transcript coordinates unavailable or disagree)';
  b.loci[src] = srcLoci;
  return srcLoci;
}

/** The other build's loci by the chain; one locus that does not lift leaves the biomarker unlifted. */
function liftRest(b: Biomarker, srcLoci: Locus[], src: Build, lift: Lifters, exact: boolean): Biomarker {
  const chain = src === 'GRCh37' ? lift.to38 : lift.to37;
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
  if (exact) b.lifted = OTHER[src];
  return b;
}

export function buildBiomarker(v: Row, vcf: ReadonlyMap<number, VcfAllele>, tx: TranscriptTables, lift: Lifters): Biomarker {
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
    const placed = placeByTranscript(b, c, srcLoci, src, tx);
    if (!Array.isArray(placed)) return placed;
    srcLoci = placed;
  } else {
    b.loci[src] = srcLoci;
  }
  return liftRest(b, srcLoci, src, lift, c.kind === 'exact');
}
