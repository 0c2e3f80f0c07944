// Streaming VCF reader: header lines → VcfHeader; data lines go through the byte-level
// prefilter, and only candidates are decoded and parsed (@gmod/vcf for the fixed columns and
// typed INFO, its processFormatFields for the sample columns). Per-record problems are warnings
// (fatal under --strict) and the record is skipped and counted under its reason.
import VCF from '@gmod/vcf';
import { InputError } from '../errors.js';
import type { SiteIndex } from '../kb/site-index.js';
import type { Warnings } from '../log.js';
import type { Call, Summary, VcfHeader, VcfRecord } from '../types.js';
import { CALL_KEYS } from './call-keys.js';
import { applyPolicy, buildCall, PACK_COMPLEX, packedMaxAllele, packGt, parseGt, setPackedCalls, type Gt, type QualityPolicy } from './genotype.js';
import { numListAt, strListAt, textAt } from './fields.js';
import { parseHeader } from './header.js';
import { scannable, type BgzfPiece } from '../io/open.js';
import { canonicalContig } from '../normalize/contig.js';
import { EventKind, Prefilter, scanText, WORKER_PLUGIN_SOURCE, type ContigRun, type Scan, type WorkerConfig, type WorkerScan } from './prefilter.js';
import { selectSamples, type SampleSelection } from './samples.js';

export interface ReadVcfOptions {
  /** Input name for messages. */
  file: string;
  /** Knowledge-base sites; absent = every line is a candidate. Can also be set with setIndex(). */
  index?: SiteIndex;
  /** The -s value (list, ^list, file, ^file); absent = all samples. */
  samples?: string;
  policy?: QualityPolicy;
  warnings: Warnings;
  /** Counters to fill (records, candidates, parsed, skipped[reason]); a fresh one when absent. */
  summary?: Summary;
  /** Keep every Number=A/R/G FORMAT field on each Call (Call.fields), so splitRecord can remap them. */
  keepFields?: boolean;
}

export interface VcfReader {
  header: VcfHeader;
  selection: SampleSelection;
  summary: Summary;
  /** Set (or replace) the site index before iterating, e.g. once the build is known. */
  setIndex(index: SiteIndex | undefined): void;
  /** Data records, in file order; iterate once. */
  records: AsyncIterable<VcfRecord>;
}

/** Skip reason for data lines the prefilter found far from every knowledge-base site. */
export const SKIP_NO_SITE = 'not-at-kb-site';

const REF_RE = /^[ACGTNacgtn]+$/;
// Bases, '*' (spanning deletion), symbolic <…>, breakends with [ or ], single breakends.
const ALT_RE = /^(?:[ACGTNacgtn]+|\*|<[^<>\s]+>|[^\s,]*[[\]][^\s,]*|\.[ACGTNacgtn]+|[ACGTNacgtn]+\.)$/;
const REF_BLOCK_ALTS = new Set(['<NON_REF>', '<*>']);
/** The FORMAT keys a packed call is read from (LineParser.packed). */
const PACK_KEYS = ['GT', 'PS'];

export async function readVcf(chunks: AsyncIterable<Buffer>, opts: ReadVcfOptions): Promise<VcfReader> {
  // BGZF input offers raw pieces and scanning in its inflate workers; the header is read from
  // text pieces either way (scanning starts only once the header is known).
  const source = scannable(chunks);
  const pieces: AsyncIterator<BgzfPiece> = (source ?? chunks)[Symbol.asyncIterator]();
  const it = { next: async () => textPiece(await pieces.next()) };
  const { file, warnings } = opts;
  const headerLines: string[] = [];
  let rest: Buffer | undefined;
  let restAt = 0;
  let carry: Buffer | undefined;
  let crlf = false;
  let ended = false;
  // Header: collect '#' lines until the first data line (which stays in `rest` at `restAt`).
  while (rest === undefined) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      if (carry !== undefined && carry.length > 0) {
        const text = carry.toString('utf8');
        if (text.startsWith('#')) headerLines.push(text.replace(/\r$/, ''));
        else {
          rest = carry;
          restAt = 0;
        }
      }
      break;
    }
    const buf: Buffer = carry !== undefined ? Buffer.concat([carry, next.value]) : next.value;
    carry = undefined;
    let s = 0;
    while (s < buf.length) {
      if (buf[s] !== 35) {
        rest = buf;
        restAt = s;
        break;
      }
      const nl = buf.indexOf(10, s);
      if (nl < 0) {
        carry = buf.subarray(s);
        break;
      }
      let e = nl;
      if (e > s && buf[e - 1] === 13) {
        e--;
        crlf = true;
      }
      headerLines.push(buf.toString('utf8', s, e));
      s = nl + 1;
    }
  }
  if (headerLines.length === 0 && rest === undefined) throw new InputError('empty file, not a VCF', { file });
  if (rest !== undefined && headerLines.length > 0 && !headerLines.some((l) => l.startsWith('#CHROM'))) {
    if (!headerLines[0]!.startsWith('##fileformat=VCFv4')) parseHeader(headerLines, file);
    throw new InputError('no #CHROM header line before the data', { file, line: headerLines.length + 1 });
  }
  if (rest !== undefined && headerLines.length === 0) {
    const nl = rest.indexOf(10, restAt);
    throw new InputError('first line is not ##fileformat=VCFv4.x, not a VCF', {
      file,
      line: 1,
      text: rest.toString('utf8', restAt, nl < 0 ? rest.length : nl),
    });
  }
  const header = parseHeader(headerLines, file);
  if (crlf) warnings.add('crlf', 'CRLF (Windows) line endings', { file, line: 1 });
  let parser: VCF;
  try {
    parser = new VCF({ header: [...header.metaLines, header.columnLine].join('\n') });
  } catch (err) {
    throw new InputError(`header rejected by the VCF parser: ${(err as Error).message}`, { file }, err);
  }
  const selection = selectSamples(header.samples, opts.samples);
  const summary: Summary = opts.summary ?? { records: 0, candidates: 0, parsed: 0, matched: 0, results: 0, skipped: {} };
  let index = opts.index;
  const state = { header, parser, selection, summary, opts, crlfWarned: crlf };

  async function* records(): AsyncGenerator<VcfRecord> {
    const hasEnd = header.info.has('END');
    const lines = new LineParser(state);
    let lineNo = header.headerLines;
    // Raw CHROM → canonical as resolved on this thread: the workers look names up in this table
    // (canonicalContig cannot run there) and hand back a batch with a name they do not know.
    const names = new Map<string, string>();
    let fresh: [string, string][] = [];
    const canon = (raw: string): string => {
      let c = names.get(raw);
      if (c === undefined) {
        names.set(raw, (c = canonicalContig(raw)));
        fresh.push([raw, c]);
      }
      return c;
    };
    for (const raw of header.contigs.keys()) canon(raw);
    const pre = new Prefilter(index, hasEnd, canon);
    const config: WorkerConfig | undefined = index && { hasEnd, sites: index.sites(), contigs: fresh };
    const inWorkers = source !== undefined && config !== undefined && source.scanWith(WORKER_PLUGIN_SOURCE, config);
    fresh = [];
    // Sort order, joined across scans (each scan checks only its own lines).
    // undefined before the first record, so that every contig, even an empty CHROM, counts as seen.
    let lastContig: string | undefined;
    let lastPos = 0;
    const seen = new Set<string>();
    let unsortedWarned = false;
    const skipped = summary.skipped;
    /** A line not yet ended by a newline, from the end of the previous piece. */
    let pending: Buffer | undefined;

    /** Acts on a scan's events in line order; `bytes` holds the candidate lines. */
    function* apply(r: Scan, bytes: Buffer): Generator<VcfRecord> {
      const base = lineNo;
      let uns = unsortedWarned ? undefined : firstUnsorted(r);
      r.runs.forEach((run, k) => {
        if (k > 0 || run.contig !== lastContig) seen.add(run.contig);
      });
      const lastRun = r.runs[r.runs.length - 1];
      if (lastRun !== undefined) {
        lastContig = lastRun.contig;
        lastPos = r.lastPos;
      }
      summary.records += r.records;
      for (const ev of r.events) {
        if (uns !== undefined && uns.line <= ev.line) {
          warnUnsorted(uns.why, base + uns.line);
          uns = undefined;
        }
        // The skip counter's key is created when the first skip happens (key order shows in outputs).
        if (r.firstSkip >= 0 && r.firstSkip < ev.line && skipped[SKIP_NO_SITE] === undefined) skipped[SKIP_NO_SITE] = 0;
        const line = base + ev.line;
        if (ev.kind === EventKind.Candidate) {
          summary.candidates++;
          const rec = lines.parse(bytes, ev.start, ev.end, line, ev.contig);
          if (rec !== undefined) {
            summary.parsed++;
            yield rec;
          }
        } else if (ev.kind === EventKind.EmptyLine) lines.skip('empty-line', 'empty line', { line });
        else if (ev.kind === EventKind.HeaderInData) lines.skip('header-in-data', "'#' line after the first data line", { line, text: ev.text });
        else if (ev.kind === EventKind.TooFewFields) lines.skip('column-count', 'fewer than 8 tab-separated columns', { line, text: ev.text });
        else lines.skip('bad-pos', 'POS is not a positive integer', { line, column: 2, text: ev.text });
      }
      if (uns !== undefined) warnUnsorted(uns.why, base + uns.line);
      if (r.skipped > 0) skipped[SKIP_NO_SITE] = (skipped[SKIP_NO_SITE] ?? 0) + r.skipped;
      lineNo = base + r.lines;
    }

    /** The first sort violation of a scan, given the lines before it. */
    function firstUnsorted(r: Scan): { line: number; why: string } | undefined {
      const inside = r.unsorted;
      for (let k = 0; k < r.runs.length; k++) {
        const run = r.runs[k] as ContigRun;
        if (inside !== undefined && inside.line <= run.line) break;
        if (k === 0 && run.contig === lastContig) {
          if (run.pos < lastPos) return { line: run.line, why: `position ${run.pos} after ${lastPos} on ${run.contig}` };
        } else if (seen.has(run.contig)) return { line: run.line, why: `contig ${run.contig} appears again` };
      }
      return inside;
    }

    function warnUnsorted(why: string, line: number): void {
      unsortedWarned = true;
      warnings.add('unsorted', `input is not position-sorted (${why}); results are still complete`, { file, line });
    }

    /** Scans whole lines on this thread. */
    function* text(buf: Buffer, s: number, e: number): Generator<VcfRecord> {
      const r = scanText(pre, buf, s, e);
      if (fresh.length > 0) {
        if (inWorkers) source.update({ contigs: fresh });
        fresh = [];
      }
      yield* apply(r, buf);
    }

    /** Inflated or plain text cut anywhere: whole lines are scanned, the rest waits in `pending`. */
    function* piece(buf: Buffer): Generator<VcfRecord> {
      const last = buf.lastIndexOf(10);
      if (last < 0) {
        pending = pending === undefined ? buf : Buffer.concat([pending, buf]);
        return;
      }
      let s = 0;
      if (pending !== undefined) {
        s = buf.indexOf(10) + 1;
        const line = Buffer.concat([pending, buf.subarray(0, s)]);
        pending = undefined;
        yield* text(line, 0, line.length);
      }
      if (s <= last) yield* text(buf, s, last + 1);
      pending = last + 1 < buf.length ? buf.subarray(last + 1) : undefined;
    }

    /** A batch scanned in a worker: its first line joins `pending`, its last partial line waits. */
    function* batch(r: WorkerScan): Generator<VcfRecord> {
      const line = Buffer.concat(pending === undefined ? [r.head, NEWLINE] : [pending, r.head, NEWLINE]);
      pending = undefined;
      yield* text(line, 0, line.length);
      yield* apply(r, Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength));
      if (r.tail.length > 0) pending = Buffer.from(r.tail.buffer, r.tail.byteOffset, r.tail.byteLength);
    }

    try {
      if (rest !== undefined) yield* piece(rest.subarray(restAt));
      while (!ended) {
        const next = await pieces.next();
        if (next.done) break;
        const p = next.value;
        if (Buffer.isBuffer(p)) yield* piece(p);
        else yield* batch(p.scanned as WorkerScan);
      }
      // The last line may lack its newline.
      if (pending !== undefined && pending.length > 0) yield* text(pending, 0, pending.length);
    } finally {
      // Stops the input (and its workers) when the records are abandoned or a warning is fatal.
      await pieces.return?.();
    }
  }

  let started = false;
  return {
    header,
    selection,
    summary,
    setIndex(i) {
      if (started) throw new Error('setIndex after iteration started');
      index = i;
    },
    records: {
      [Symbol.asyncIterator]() {
        if (started) throw new Error('VcfReader.records can be iterated once');
        started = true;
        return records();
      },
    },
  };
}

const NEWLINE = Buffer.from('\n');

/** Header-phase pieces are text: scanning in workers has not been asked for yet. */
function textPiece(r: IteratorResult<BgzfPiece>): IteratorResult<Buffer> {
  if (!r.done && !Buffer.isBuffer(r.value)) throw new Error('scanned batch before the header was read');
  return r as IteratorResult<Buffer>;
}

interface ParserState {
  header: VcfHeader;
  parser: VCF;
  selection: SampleSelection;
  summary: Summary;
  opts: ReadVcfOptions;
  crlfWarned: boolean;
}

/** Full parse of candidate lines into VcfRecords (one per line, or undefined when skipped). */
class LineParser {
  private readonly nSamples: number;
  /** Sample column → slot in Call[] (-1 when not selected). */
  private readonly slot: Int32Array;
  private readonly nSelected: number;
  /** Number=A/R/G FORMAT keys kept on Call.fields (keepFields), and whether each is numeric. */
  private readonly extraKeys: string[];
  private readonly extraNumeric: boolean[];
  private readonly keys: string[];
  /**
   * No quality policy and no extra fields: calls are packed up front and built only when read.
   * Turned off once a consumer reads a record's Calls (annotate does, for most records): from then
   * on they are built up front, as before, without the packing pass.
   */
  private lazy: boolean;

  constructor(private readonly st: ParserState) {
    const { header, selection, opts } = st;
    this.nSamples = header.samples.length;
    this.slot = new Int32Array(this.nSamples).fill(-1);
    selection.indices.forEach((col, k) => (this.slot[col] = k));
    this.nSelected = selection.indices.length;
    const defs = opts.keepFields ? [...header.format.values()].filter((d) => d.id !== 'GT' && (d.number === 'A' || d.number === 'R' || d.number === 'G')) : [];
    this.extraKeys = defs.map((d) => d.id);
    this.extraNumeric = defs.map((d) => d.type === 'Integer' || d.type === 'Float');
    this.keys = [...CALL_KEYS, ...this.extraKeys];
    const p = opts.policy ?? {};
    this.lazy = this.extraKeys.length === 0 && !p.passOnly && p.minDp === undefined && p.minGq === undefined && p.minVaf === undefined;
  }

  skip(kind: string, message: string, where: { line: number; column?: number; text?: string }): void {
    this.st.opts.warnings.add(kind, message, { file: this.st.opts.file, ...where });
    const sk = this.st.summary.skipped;
    sk[kind] = (sk[kind] ?? 0) + 1;
  }

  parse(buf: Buffer, s: number, e: number, lineNo: number, contig: string): VcfRecord | undefined {
    const { opts } = this.st;
    if (buf[e - 1] === 13) {
      e--;
      if (!this.st.crlfWarned) {
        this.st.crlfWarned = true;
        opts.warnings.add('crlf', 'CRLF (Windows) line endings', { file: opts.file, line: lineNo });
      }
    }
    // Column count, on bytes: 8 without samples, 9 + samples with.
    let tabs = 0;
    for (let t = buf.indexOf(9, s); t >= 0 && t < e; t = buf.indexOf(9, t + 1)) tabs++;
    const want = this.nSamples > 0 ? 9 + this.nSamples : 8;
    const line = buf.toString('utf8', s, e);
    const at = (column: number, text: string) => ({ line: lineNo, column, text });
    if (tabs + 1 !== want) {
      const chromPos = line.split('\t', 2).join(':');
      if (this.nSamples > 0) {
        this.skip('sample-columns', `${chromPos}: ${tabs + 1 - 9} sample columns, the header has ${this.nSamples}`, { line: lineNo, text: line });
      } else this.skip('column-count', `${chromPos}: ${tabs + 1} columns, the header has 8`, { line: lineNo, text: line });
      return undefined;
    }
    let v;
    try {
      v = this.st.parser.parseLine(line);
    } catch (err) {
      this.skip('bad-record', (err as Error).message, { line: lineNo, text: line });
      return undefined;
    }
    const where = `${v.CHROM}:${v.POS}`;
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
      opts.warnings.add('bad-qual', `${where}: QUAL is not a number (read as '.')`, { file: opts.file, ...at(6, line.split('\t')[5] ?? '') });
      qual = null;
    }
    const filter = v.FILTER === undefined ? [] : typeof v.FILTER === 'string' ? [v.FILTER] : v.FILTER;
    const info = v.INFO as Record<string, unknown>;
    const endVal = info.END;
    const end = Array.isArray(endVal) && typeof endVal[0] === 'number' && Number.isInteger(endVal[0]) ? endVal[0] : undefined;
    const rec: VcfRecord = {
      line: lineNo,
      chrom: v.CHROM ?? '',
      contig,
      pos: v.POS,
      ids: v.ID ?? [],
      ref,
      alts,
      qual,
      filter,
      info,
      calls: [],
    };
    if (end !== undefined) {
      rec.end = end;
      if (alts.every((a) => REF_BLOCK_ALTS.has(a))) rec.refBlock = true;
    }
    if (this.nSelected > 0) {
      const bad = this.lazy && v.FORMAT !== undefined && v.FORMAT.split(':').includes('GT') ? this.packed(v, line, rec) : this.calls(v, line, rec);
      if (bad !== undefined) {
        this.skip('bad-gt', `${where}: ${bad.message}`, { line: lineNo, column: bad.column, text: bad.text });
        return undefined;
      }
    }
    return rec;
  }

  /**
   * Without a quality policy, a many-sample record is read for GT (and PS) only: one packed code per
   * sample (genotype.ts), checked exactly as calls() checks them, and rec.calls becomes a getter
   * that builds the Calls the first time something reads them (annotate does; PGx reads the codes).
   * Only for FORMATs with GT: a call without GT is judged by its other fields.
   */
  private packed(
    v: ReturnType<VCF['parseLine']>,
    line: string,
    rec: VcfRecord,
  ): { message: string; column: number; text: string } | undefined {
    const codes = new Int32Array(this.nSelected);
    let ps: (string | undefined)[] | undefined;
    const nAlts = rec.alts.length;
    const slot = this.slot;
    let bad: { message: string; column: number; text: string } | undefined;
    v.processFormatFields(PACK_KEYS, (str, ranges, idx) => {
      const k = slot[idx] as number;
      if (k < 0 || bad !== undefined) return;
      const s = ranges[0] as number;
      const e = ranges[1] as number;
      let code = packGt(str, s, e);
      if (code < 0 || packedMaxAllele(code) > nAlts) {
        // Unusual or wrong: parseGt gives calls()' verdict and message.
        const checked = checkedGt(str, s, e, nAlts, idx);
        if ('message' in checked) {
          bad = checked;
          return;
        }
        code = PACK_COMPLEX;
      }
      const p = textAt(str, ranges[2] as number, ranges[3] as number);
      if (p !== undefined) (ps ??= new Array<string | undefined>(this.nSelected))[k] = p;
      codes[k] = code;
    });
    if (bad !== undefined) return bad;
    setPackedCalls(rec, ps === undefined ? { codes } : { codes, ps });
    Object.defineProperty(rec, 'calls', {
      enumerable: true,
      configurable: true,
      get: () => {
        this.lazy = false;
        // calls() assigns rec.calls, which the setter turns into a plain property.
        if (this.calls(v, line, rec) !== undefined) throw new Error(`${rec.chrom}:${rec.pos}: genotypes changed between two reads`);
        return rec.calls;
      },
      set: (calls: Call[]) => Object.defineProperty(rec, 'calls', { value: calls, writable: true, enumerable: true, configurable: true }),
    });
    return undefined;
  }

  /** Fill rec.calls; returns the first genotype problem instead, if any. */
  private calls(
    v: ReturnType<VCF['parseLine']>,
    line: string,
    rec: VcfRecord,
  ): { message: string; column: number; text: string } | undefined {
    const calls: Call[] = new Array<Call>(this.nSelected);
    const policy = this.st.opts.policy ?? {};
    const recordPass = rec.filter.length === 0 || (rec.filter.length === 1 && rec.filter[0] === 'PASS');
    const nAlts = rec.alts.length;
    const nCall = CALL_KEYS.length;
    let bad: { message: string; column: number; text: string } | undefined;
    const slot = this.slot;
    if (v.FORMAT === undefined || v.FORMAT === '') {
      return { message: 'empty FORMAT column', column: 9, text: '' };
    }
    v.processFormatFields(this.keys, (str, ranges, idx) => {
      const k = slot[idx] as number;
      if (k < 0 || bad !== undefined) return;
      const gt = checkedGt(str, ranges[0] as number, ranges[1] as number, nAlts, idx);
      if ('message' in gt) {
        bad = gt;
        return;
      }
      const call = buildCall(str, ranges, gt, rec.ref, rec.alts);
      if (this.extraKeys.length > 0) {
        const fields: NonNullable<Call['fields']> = {};
        for (let j = 0; j < this.extraKeys.length; j++) {
          const rs = ranges[2 * (nCall + j)] as number;
          const re = ranges[2 * (nCall + j) + 1] as number;
          if (rs < 0) continue;
          fields[this.extraKeys[j] as string] = this.extraNumeric[j] ? numListAt(str, rs, re) : strListAt(str, rs, re);
        }
        call.fields = fields;
      }
      calls[k] = applyPolicy(call, policy, recordPass);
    });
    if (bad !== undefined) return bad;
    // Samples whose columns were cut short still get a (missing) call.
    for (let k = 0; k < calls.length; k++) if (calls[k] === undefined) calls[k] = { alleles: [null], phased: false, noCall: 'missing' };
    rec.calls = calls;
    return undefined;
  }
}

/** GT of sample column `idx` parsed and checked against the ALT count, or the problem to report. */
function checkedGt(str: string, s: number, e: number, nAlts: number, idx: number): Gt | { message: string; column: number; text: string } {
  const gt = parseGt(str, s, e);
  if (gt.error !== undefined) return { message: gt.error, column: 10 + idx, text: str.slice(s, e) };
  for (const a of gt.alleles) {
    if (a !== null && a > nAlts) return { message: `GT allele ${a} but only ${nAlts} ALT allele(s)`, column: 10 + idx, text: str.slice(s, e) };
  }
  return gt;
}
