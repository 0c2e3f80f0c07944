// Transcript models (exons, CDS, strand) per build for the knowledge-base genes, from UCSC refGene,
// choosing the MANE Select transcript where MANE names one and refGene has it on that build, else
// the longest coding transcript (CDS length, then transcript length, then accession). Also the
// coordinate arithmetic the CIViC builder needs: codon n → genomic bases, exon n → genomic range.
import type { Build, Interval } from '../../types.js';
import type { TranscriptRow } from '../../cancer/types.js';
import { LAYOUT } from './layout.js';
import { ucscToCanonical } from './liftover.js';
import { columnIndex, type SourceDir } from './sources.js';

/** A chosen transcript of one build: the table row (src/cancer/types.ts) without its build. */
export type TranscriptModel = Omit<TranscriptRow, 'build'>;

interface RefGeneRow extends Omit<TranscriptModel, 'choice'> {
  txLength: number;
}

/** refGene rows (UCSC genePred with bin: no header, fixed columns) of the wanted genes on primary contigs, coding transcripts only. */
export function readRefGene(text: string, genes: ReadonlySet<string>): RefGeneRow[] {
  const rows: RefGeneRow[] = [];
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 13) continue;
    const gene = f[12] as string;
    const chrom = f[2] as string;
    if (!genes.has(gene) || chrom.includes('_')) continue;
    const cdsStart0 = Number(f[6]);
    const cdsEnd = Number(f[7]);
    if (cdsEnd <= cdsStart0) continue;
    const starts = (f[9] as string).split(',').filter(Boolean).map(Number);
    const ends = (f[10] as string).split(',').filter(Boolean).map(Number);
    rows.push({
      gene,
      transcript: f[1] as string,
      contig: ucscToCanonical(chrom),
      strand: f[3] === '-' ? '-' : '+',
      cdsStart: cdsStart0 + 1,
      cdsEnd,
      exons: starts.map((s, i) => [s + 1, ends[i] as number] as [number, number]),
      txLength: Number(f[5]) - Number(f[4]),
    });
  }
  return rows;
}

/** gene symbol → {accession without version, status} for MANE Select (Plus Clinical only when no Select); columns by name. */
export function readMane(text: string, file: string): Map<string, { transcript: string; status: string }> {
  const out = new Map<string, { transcript: string; status: string }>();
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/^#/, '').split('\t');
  const [iSymbol, iNuc, iStatus] = [
    columnIndex(header, 'symbol', file, 'the gene symbol'),
    columnIndex(header, 'RefSeq_nuc', file, 'the RefSeq transcript'),
    columnIndex(header, 'MANE_status', file, 'MANE Select or Plus Clinical'),
  ];
  for (const line of lines.slice(1)) {
    if (line.startsWith('#') || line === '') continue;
    const f = line.split('\t');
    const symbol = f[iSymbol] ?? '';
    const status = f[iStatus] ?? '';
    const acc = (f[iNuc] ?? '').split('.')[0] as string;
    if (status === 'MANE Select' || !out.has(symbol)) out.set(symbol, { transcript: acc, status });
  }
  return out;
}

export function cdsLength(t: Pick<TranscriptModel, 'exons' | 'cdsStart' | 'cdsEnd'>): number {
  let n = 0;
  for (const [s, e] of t.exons) n += Math.max(0, Math.min(e, t.cdsEnd) - Math.max(s, t.cdsStart) + 1);
  return n;
}

/** The chosen transcript per gene for one build. */
export function chooseTranscripts(rows: RefGeneRow[], mane: Map<string, { transcript: string; status: string }>): Map<string, TranscriptModel> {
  const byGene = new Map<string, RefGeneRow[]>();
  for (const r of rows) {
    const list = byGene.get(r.gene) ?? [];
    list.push(r);
    byGene.set(r.gene, list);
  }
  const out = new Map<string, TranscriptModel>();
  for (const [gene, list] of byGene) {
    // Deterministic order: longest CDS, longest transcript, then accession, contig, start.
    list.sort((a, b) => cdsLength(b) - cdsLength(a) || b.txLength - a.txLength || (a.transcript < b.transcript ? -1 : a.transcript > b.transcript ? 1 : 0) || a.cdsStart - b.cdsStart);
    const m = mane.get(gene);
    const maneRow = m ? list.find((r) => r.transcript === m.transcript) : undefined;
    const pick = maneRow ?? (list[0] as RefGeneRow);
    const { txLength: _len, ...model } = pick;
    out.set(gene, { ...model, choice: maneRow && m ? m.status : 'longest coding' });
  }
  return out;
}

/** Genomic intervals (1-based inclusive, ascending) of CDS bases [from, to] (1-based CDS positions). */
export function cdsToGenomic(t: TranscriptModel, from: number, to: number): Interval[] | undefined {
  // Coding segments in transcript order.
  const segs: [number, number][] = [];
  for (const [s, e] of t.exons) {
    const a = Math.max(s, t.cdsStart);
    const b = Math.min(e, t.cdsEnd);
    if (a <= b) segs.push([a, b]);
  }
  if (t.strand === '-') segs.reverse();
  const out: Interval[] = [];
  let offset = 0;
  for (const [a, b] of segs) {
    const len = b - a + 1;
    const lo = Math.max(from, offset + 1);
    const hi = Math.min(to, offset + len);
    if (lo <= hi) {
      const g1 = t.strand === '+' ? a + (lo - offset - 1) : b - (lo - offset - 1);
      const g2 = t.strand === '+' ? a + (hi - offset - 1) : b - (hi - offset - 1);
      out.push({ contig: t.contig, start: Math.min(g1, g2), end: Math.max(g1, g2) });
    }
    offset += len;
  }
  // The last three CDS bases are the stop codon; a codon past the CDS does not exist.
  if (to > offset) return undefined;
  return out.sort((x, y) => x.start - y.start);
}

/** Genomic bases of codon n (1-based amino-acid position). */
export function codonToGenomic(t: TranscriptModel, n: number): Interval[] | undefined {
  return cdsToGenomic(t, (n - 1) * 3 + 1, n * 3);
}

/** Exon n in transcript order (exon 1 is the 5'-most on the transcript's strand). */
export function exonInterval(t: TranscriptModel, n: number): Interval | undefined {
  const ordered = t.strand === '+' ? t.exons : [...t.exons].reverse();
  const e = ordered[n - 1];
  return e ? { contig: t.contig, start: e[0], end: e[1] } : undefined;
}

export interface TranscriptTables {
  models: Record<Build, Map<string, TranscriptModel>>;
}

/** Chosen transcripts of `genes` on both builds, from the sources' ucsc-refgene and mane-summary. */
export function loadTranscripts(src: SourceDir, genes: ReadonlySet<string>): TranscriptTables {
  const maneFile = src.file(src.folder(LAYOUT.mane), LAYOUT.maneSummary);
  const mane = readMane(src.text(maneFile), src.path(maneFile));
  const refgene = src.folder(LAYOUT.refgene);
  return {
    models: {
      GRCh37: chooseTranscripts(readRefGene(src.text(src.file(refgene, LAYOUT.refgene37)), genes), mane),
      GRCh38: chooseTranscripts(readRefGene(src.text(src.file(refgene, LAYOUT.refgene38)), genes), mane),
    },
  };
}
