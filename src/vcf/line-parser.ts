// Full parse of one candidate data line into a VcfRecord: the column count on bytes, @gmod/vcf for
// the fixed columns and typed INFO, checks on REF/ALT/QUAL, then the sample columns (sample-calls.ts).
// A problem is a warning (fatal under --strict); the record is then skipped and counted under its kind.
import type VCF from '@gmod/vcf';
import type { Warnings } from '../log.js';
import type { Summary, VcfHeader, VcfRecord } from '../types.js';
import type { QualityPolicy } from './genotype.js';
import { SampleCalls, type ParsedLine } from './sample-calls.js';
import type { SampleSelection } from './samples.js';

const REF_RE = /^[ACGTNacgtn]+$/;
// Bases, '*' (spanning deletion), symbolic <…>, breakends with [ or ], single breakends.
const ALT_RE = /^(?:[ACGTNacgtn]+|\*|<[^<>\s]+>|[^\s,]*[[\]][^\s,]*|\.[ACGTNacgtn]+|[ACGTNacgtn]+\.)$/;
const REF_BLOCK_ALTS = new Set(['<NON_REF>', '<*>']);

export interface LineParserInit {
  header: VcfHeader;
  parser: VCF;
  selection: SampleSelection;
  summary: Summary;
  file: string;
  warnings: Warnings;
  policy?: QualityPolicy;
  keepFields?: boolean;
  /** A CRLF header line was already warned about. */
  crlfWarned: boolean;
}

export class LineParser {
  private readonly nSamples: number;
  private readonly samples: SampleCalls;
  private crlfWarned: boolean;

  constructor(private readonly st: LineParserInit) {
    this.nSamples = st.header.samples.length;
    this.samples = new SampleCalls(st.header, st.selection, st.policy, st.keepFields);
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
    if (rec === undefined || !this.samples.wanted) return rec;
    const bad = this.samples.read(v, rec);
    if (bad !== undefined) {
      this.skip('bad-gt', `${rec.chrom}:${rec.pos}: ${bad.message}`, { line: lineNo, column: bad.column, text: bad.text });
      return undefined;
    }
    return rec;
  }

  /** The line as text when its column count is right (8 without samples, 9 + samples with). */
  private checkedColumns(buf: Buffer, s: number, e: number, lineNo: number): string | undefined {
    let tabs = 0;
    for (let t = buf.indexOf(9, s); t >= 0 && t < e; t = buf.indexOf(9, t + 1)) tabs++;
    const want = this.nSamples > 0 ? 9 + this.nSamples : 8;
    const line = buf.toString('utf8', s, e);
    if (tabs + 1 === want) return line;
    const chromPos = line.split('\t', 2).join(':');
    if (this.nSamples > 0) {
      this.skip('sample-columns', `${chromPos}: ${tabs + 1 - 9} sample columns, the header has ${this.nSamples}`, { line: lineNo, text: line });
    } else this.skip('column-count', `${chromPos}: ${tabs + 1} columns, the header has 8`, { line: lineNo, text: line });
    return undefined;
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
    if (end !== undefined) {
      rec.end = end;
      if (alts.every((a) => REF_BLOCK_ALTS.has(a))) rec.refBlock = true;
    }
    return rec;
  }
}
