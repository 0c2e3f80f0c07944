// A tabix-indexed file's data lines read by their span on the bytes, as tabix computes it, without
// decoding the line: which contig, and [start0, end) from the layout's columns (VCF: POS, REF and
// INFO END).
import type { TabixLayout } from './tabix-index.js';

/**
 * Selects a file's data lines by their span: [start0, end) of a line on one contig, as tabix
 * computes it, read from the bytes without decoding the line.
 */
export class LineSpans {
  private readonly chrom: Buffer;
  private readonly vcf: boolean;
  /** Start and end of column c (1-based) of the current line at [2c], [2c+1]. */
  private readonly cols: Int32Array;
  private readonly upTo: number;
  start0 = 0;
  end = 0;

  constructor(
    contig: string,
    private readonly layout: TabixLayout,
  ) {
    this.chrom = Buffer.from(contig);
    this.vcf = layout.format === 'vcf';
    this.upTo = Math.max(layout.colSeq, layout.colBeg, this.vcf ? 8 : layout.colEnd);
    this.cols = new Int32Array(2 * (this.upTo + 1));
  }

  /** Reads the span of line b[from, to) into start0/end; false when the line is on another contig. */
  read(b: Buffer, from: number, to: number): boolean {
    const cols = this.cols;
    let at = from;
    for (let c = 1; c <= this.upTo; c++) {
      const tab = at <= to ? b.indexOf(9, at) : -1;
      const stop = tab < 0 || tab > to ? to : tab;
      cols[2 * c] = Math.min(at, to);
      cols[2 * c + 1] = stop;
      at = stop + 1;
    }
    const { layout, chrom } = this;
    const s0 = cols[2 * layout.colSeq] as number;
    const s1 = cols[2 * layout.colSeq + 1] as number;
    if (s1 - s0 !== chrom.length || b.compare(chrom, 0, chrom.length, s0, s1) !== 0) return false;
    this.start0 = digits(b, cols[2 * layout.colBeg] as number, cols[2 * layout.colBeg + 1] as number) - (layout.zeroBased ? 0 : 1);
    if (this.vcf) this.end = vcfEnd(b, this.start0, (cols[9] as number) - (cols[8] as number), cols[16] as number, cols[17] as number);
    else if (layout.colEnd === 0 || layout.colEnd === layout.colBeg) this.end = this.start0 + 1;
    else this.end = digits(b, cols[2 * layout.colEnd] as number, cols[2 * layout.colEnd + 1] as number);
    return true;
  }
}

/** Leading digits as a number (0 for none), as tabix reads coordinates. */
function digits(b: Buffer, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = b[i] as number;
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  return v;
}

function startsWith(b: Buffer, at: number, end: number, text: string): boolean {
  if (end - at < text.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** A VCF record's end (0-based, exclusive) as tabix computes it: REF length, or INFO END=. */
function vcfEnd(b: Buffer, start0: number, refLength: number, info: number, infoEnd: number): number {
  let end = start0 + refLength;
  if (b[info] === 46) return end; // INFO '.'
  let field = info;
  for (let i = info; i <= infoEnd; i++) {
    if (i === infoEnd || b[i] === 59) {
      if (startsWith(b, field, i, 'SVTYPE=TRA')) return start0 + 1;
      if (startsWith(b, field, i, 'END=')) end = digits(b, field + 4, i);
      field = i + 1;
    }
  }
  return end;
}
