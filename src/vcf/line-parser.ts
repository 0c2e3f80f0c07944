// Full parse of one candidate data line into a VcfRecord: the column count on bytes, @gmod/vcf for
// the fixed columns and typed INFO, checks on REF/ALT/QUAL, then the sample columns (sample-calls.ts).
// A problem is a warning (fatal under --strict); the record is then skipped and counted under its kind.
import type VCF from '@gmod/vcf';
import type { Summary, VcfRecord } from '../types.js';
import { dotForEmptyInfo, dropSpacesAfterTabs, lineShape, upperBases } from './dialect.js';
import { SampleCalls, type ParsedLine, type SampleCallsInit } from './sample-calls.js';

const REF_RE = /^[ACGTNacgtn]+$/;
// Bases, '*' (spanning deletion), symbolic <…>, breakends with [ or ], single breakends.
const ALT_RE = /^(?:[ACGTNacgtn]+|\*|<[^<>\s]+>|[^\s,]*[[\]][^\s,]*|\.[ACGTNacgtn]+|[ACGTNacgtn]+\.)$/;
const REF_BLOCK_ALTS = new Set(['<NON_REF>', '<*>']);

export interface LineParserInit extends SampleCallsInit {
  parser: VCF;
  summary: Summary;
  /** A CRLF header line was already warned about. */
  crlfWarned: boolean;
}

export class LineParser {
  private readonly nSamples: number;
  private readonly samples: SampleCalls;
  private crlfWarned: boolean;

  constructor(private readonly st: LineParserInit) {
    this.nSamples = st.header.samples.length;
    this.samples = new SampleCalls(st);
    this.crlfWarned = st.crlfWarned;
  }

  /** Warns (fatal under --strict) and counts a skipped line under `kind`. */
  skip(kind: string, message: string, where: { line: number; column?: number; text?: string }): void {
    this.st.warnings.add(kind, message, { file: this.st.file, ...where });
    const sk = this.st.summary.skipped;
    sk[kind] = (sk[kind] ?? 0) + 1;
  }

  /** The line buf[s, e) (no newline) as a record, or undefined when it was skipped. */
  parse(buf: Buffer, s: number, e: number, lineNo: number, contig: string): VcfRecord | undefined {
    if (buf[e - 1] === 13) {
      e--;
      if (!this.crlfWarned) {
        this.crlfWarned = true;
        this.st.warnings.add('crlf', 'CRLF (Windows) line endings', { file: this.st.file, line: lineNo });
      }
    }
    const line = this.checkedColumns(buf, s, e, lineNo);
    if (line === undefined) return undefined;
    let v: ParsedLine;
    try {
      v = this.st.parser.parseLine(line);
    } catch (err) {
      this.skip('bad-record', (err as Error).message, { line: lineNo, text: line });
      return undefined;
    }
    const rec = this.fixedColumns(v, line, lineNo, contig);
    if (rec !== undefined && this.samples.wanted) this.samples.read(v, rec);
    return rec;
  }

  /**
   * The line as text when its column count is right (8 without samples, 9 + samples with), with
   * spaces after tabs dropped and an empty INFO read as '.', each with a warning.
   */
  private checkedColumns(buf: Buffer, s: number, e: number, lineNo: number): string | undefined {
    const shape = lineShape(buf, s, e);
    const want = this.nSamples > 0 ? 9 + this.nSamples : 8;
    let line = buf.toString('utf8', s, e);
    if (shape.tabs + 1 !== want) {
      const chromPos = line.split('\t', 2).join(':');
      if (this.nSamples > 0) {
        this.skip('sample-columns', `${chromPos}: ${shape.tabs + 1 - 9} sample columns, the header has ${this.nSamples}`, { line: lineNo, text: line });
      } else this.skip('column-count', `${chromPos}: ${shape.tabs + 1} columns, the header has 8`, { line: lineNo, text: line });
      return undefined;
    }
    if (!shape.spaced && !shape.emptyInfo) return line;
    const chromPos = () => line.split('\t', 2).join(':');
    if (shape.spaced) {
      const fixed = dropSpacesAfterTabs(line);
      this.dialect('space-after-tab', `${chromPos()}: spaces after a tab (read without them)`, lineNo, fixed.column, line);
      line = fixed.line;
    }
    const dotted = dotForEmptyInfo(line);
    if (dotted !== line) this.dialect('empty-info', `${chromPos()}: empty INFO column (read as '.')`, lineNo, 8);
    return dotted;
  }

  /** A dialect vcfact reads as htslib does: warned about (fatal under --strict), the record kept. */
  private dialect(kind: string, message: string, line: number, column: number, text?: string): void {
    this.st.warnings.add(kind, message, { file: this.st.file, line, column, text });
  }

  /** The record without its calls, or undefined when REF or an ALT is not an allele. */
  private fixedColumns(v: ParsedLine, line: string, lineNo: number, contig: string): VcfRecord | undefined {
    const where = `${v.CHROM}:${v.POS}`;
    const at = (column: number, text: string) => ({ line: lineNo, column, text });
    const ref = v.REF ?? '';
    if (!REF_RE.test(ref)) {
      this.skip('bad-ref', `${where}: REF must be one or more of A, C, G, T, N`, at(4, ref || '(empty)'));
      return undefined;
    }
    const alts = v.ALT ?? [];
    for (const a of alts) {
      if (!ALT_RE.test(a)) {
        this.skip('bad-alt', `${where}: invalid ALT allele '${a}'`, at(5, line.split('\t')[4] ?? ''));
        return undefined;
      }
    }
    let qual = v.QUAL === undefined ? null : v.QUAL;
    if (qual !== null && Number.isNaN(qual)) {
      // Matching never uses QUAL: warn and read the record as if QUAL were '.', rather than lose a finding.
      this.st.warnings.add('bad-qual', `${where}: QUAL is not a number (read as '.')`, { file: this.st.file, ...at(6, line.split('\t')[5] ?? '') });
      qual = null;
    }
    const filter = v.FILTER === undefined ? [] : typeof v.FILTER === 'string' ? [v.FILTER] : v.FILTER;
    const info = v.INFO as Record<string, unknown>;
    const endVal = info.END;
    const end = Array.isArray(endVal) && typeof endVal[0] === 'number' && Number.isInteger(endVal[0]) ? endVal[0] : undefined;
    const rec: VcfRecord = { line: lineNo, chrom: v.CHROM ?? '', contig, pos: v.POS, ids: v.ID ?? [], ref, alts, qual, filter, info, calls: [] };
    // Bases are case-insensitive in VCF (no warning): matched in upper case, shown as written.
    const upper = upperBases(ref, alts);
    if (upper !== undefined) Object.assign(rec, upper, { written: { ref, alts } });
    if (end !== undefined) {
      rec.end = end;
      if (alts.every((a) => REF_BLOCK_ALTS.has(a))) rec.refBlock = true;
    }
    return rec;
  }
}
