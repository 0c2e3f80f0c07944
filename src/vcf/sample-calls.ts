// The sample columns of one parsed record → rec.calls, one Call per selected sample, from the
// FORMAT fields located by offsets (@gmod/vcf's processFormatFields). Without a quality policy a
// many-sample record is read for GT and PS only (packed codes) and its Calls are built when read.
// One sample's unreadable GT makes that sample's call a no-call ('bad-gt', warned about, fatal
// under --strict); the record's other samples stand.
import type VCF from '@gmod/vcf';
import type { Warnings } from '../log.js';
import type { Call, VcfHeader, VcfRecord } from '../types.js';
import { CALL_KEYS } from './call-keys.js';
import { buildCall } from './call.js';
import { DepthFields, type DepthFieldOptions } from './depth-fields.js';
import { applyPolicy, badGtCall, PACK_COMPLEX, packCall, packedMaxAllele, packGt, parseGt, setPackedCalls, type Gt, type QualityPolicy } from './genotype.js';
import { numListAt, strListAt, textAt } from './fields.js';
import type { SampleSelection } from './samples.js';

export type ParsedLine = ReturnType<VCF['parseLine']>;

export interface SampleCallsInit extends DepthFieldOptions {
  header: VcfHeader;
  selection: SampleSelection;
  policy?: QualityPolicy;
  keepFields?: boolean;
  file: string;
  warnings: Warnings;
}

/** A sample's GT that cannot be read: why, its 1-based column and text. */
interface GtProblem {
  message: string;
  column: number;
  text: string;
}

/** Called with each sample's GT problem (sample column index); the lazy rebuild passes none. */
type OnBadGt = ((p: GtProblem, idx: number) => void) | undefined;

/** The FORMAT keys a packed call is read from. */
const PACK_KEYS = ['GT', 'PS'];

/** Records read packed → builds the Calls of the samples whose packed code a filter accepts. */
const pickers = new WeakMap<VcfRecord, (keep: (code: number) => boolean) => (Call | undefined)[]>();

/**
 * The Calls of the samples whose packed code (genotype.ts) `keep` accepts, built from the record's
 * line without building the others' (annotate on a cohort needs only the carriers'), undefined for
 * the rest; undefined when the record was not read packed (rec.calls was built up front).
 */
export function pickCalls(rec: VcfRecord, keep: (code: number) => boolean): (Call | undefined)[] | undefined {
  return pickers.get(rec)?.(keep);
}

export class SampleCalls {
  private readonly nSelected: number;
  /** Sample column → slot in Call[] (-1 when not selected). */
  private readonly slot: Int32Array;
  private readonly depth: DepthFields;
  /** Number=A/R/G FORMAT keys kept on Call.fields (keepFields), from `extraAt` in `keys`, and whether each is numeric. */
  private readonly extraKeys: string[];
  private readonly extraNumeric: boolean[];
  private readonly extraAt: number;
  private readonly keys: string[];
  private readonly policy: QualityPolicy;
  /**
   * No quality policy and no extra fields: calls are packed up front and built only when read.
   * Turned off once a consumer reads a record's Calls (annotate does, for most records): from then
   * on they are built up front, as before, without the packing pass.
   */
  private lazy: boolean;

  constructor(private readonly init: SampleCallsInit) {
    const { header, selection, keepFields } = init;
    this.slot = new Int32Array(header.samples.length).fill(-1);
    selection.indices.forEach((col, k) => (this.slot[col] = k));
    this.nSelected = selection.indices.length;
    this.depth = new DepthFields(header, init, CALL_KEYS.length);
    const defs = keepFields ? [...header.format.values()].filter((d) => d.id !== 'GT' && (d.number === 'A' || d.number === 'R' || d.number === 'G')) : [];
    this.extraKeys = defs.map((d) => d.id);
    this.extraNumeric = defs.map((d) => d.type === 'Integer' || d.type === 'Float');
    this.extraAt = CALL_KEYS.length + this.depth.formatKeys.length;
    this.keys = [...CALL_KEYS, ...this.depth.formatKeys, ...this.extraKeys];
    this.policy = init.policy ?? {};
    const p = this.policy;
    this.lazy = this.extraKeys.length === 0 && !p.passOnly && p.minDp === undefined && p.minGq === undefined && p.minVaf === undefined;
  }

  /** Any sample selected: the record's sample columns are worth reading. */
  get wanted(): boolean {
    return this.nSelected > 0;
  }

  /** Fills rec.calls (or its packed codes), warning about each sample whose GT cannot be read. */
  read(v: ParsedLine, rec: VcfRecord): void {
    const format = v.FORMAT ?? '';
    if (format === '' || format === '.') {
      // htslib reads the sample columns under an empty FORMAT as missing: so do we, but say so.
      this.init.warnings.add('format-missing', `${rec.chrom}:${rec.pos}: FORMAT is '${format}': every sample is read as a no-call`, { file: this.init.file, line: rec.line, column: 9, text: format });
      rec.calls = Array.from({ length: this.nSelected }, (): Call => ({ alleles: [null], phased: false, noCall: 'missing' }));
      return;
    }
    const onBad: OnBadGt = (p, idx) => {
      const sample = this.init.header.samples[idx] ?? '';
      this.init.warnings.add('bad-gt', `${rec.chrom}:${rec.pos}: sample ${sample}: ${p.message} (read as a no-call)`, { file: this.init.file, line: rec.line, column: p.column, text: p.text });
    };
    if (this.lazy && format.split(':').includes('GT')) this.packed(v, rec, onBad);
    else this.calls(v, rec, onBad);
  }

  /**
   * Without a quality policy, a many-sample record is read for GT (and PS) only: one packed code per
   * sample (genotype.ts), checked exactly as calls() checks them, and rec.calls becomes a getter
   * that builds the Calls the first time something reads them (annotate does; PGx reads the codes).
   * Only for FORMATs with GT: a call without GT is judged by its other fields.
   */
  private packed(v: ParsedLine, rec: VcfRecord, onBad: OnBadGt): void {
    const codes = new Int32Array(this.nSelected);
    let ps: (string | undefined)[] | undefined;
    const nAlts = rec.alts.length;
    const slot = this.slot;
    v.processFormatFields(PACK_KEYS, (str, ranges, idx) => {
      const k = slot[idx] as number;
      if (k < 0) return;
      const s = ranges[0] as number;
      const e = ranges[1] as number;
      let code = packGt(str, s, e);
      if (code < 0 || packedMaxAllele(code) > nAlts) {
        // Unusual or wrong: parseGt gives calls()' verdict and message.
        const checked = checkedGt(str, s, e, nAlts, idx);
        if ('message' in checked) {
          onBad?.(checked, idx);
          codes[k] = packCall(badGtCall());
          return;
        }
        code = PACK_COMPLEX;
      }
      const p = textAt(str, ranges[2] as number, ranges[3] as number);
      if (p !== undefined) (ps ??= new Array<string | undefined>(this.nSelected))[k] = p;
      codes[k] = code;
    });
    setPackedCalls(rec, ps === undefined ? { codes } : { codes, ps });
    pickers.set(rec, (keep) => this.build(v, rec, undefined, (k) => keep(codes[k] as number)));
    Object.defineProperty(rec, 'calls', {
      enumerable: true,
      configurable: true,
      get: () => {
        this.lazy = false;
        // calls() assigns rec.calls, which the setter turns into a plain property; its GT problems were warned about above.
        this.calls(v, rec, undefined);
        return rec.calls;
      },
      set: (calls: Call[]) => Object.defineProperty(rec, 'calls', { value: calls, writable: true, enumerable: true, configurable: true }),
    });
  }

  /** Fills rec.calls. */
  private calls(v: ParsedLine, rec: VcfRecord, onBad: OnBadGt): void {
    const calls = this.build(v, rec, onBad);
    // Samples whose columns were cut short still get a (missing) call.
    for (let k = 0; k < calls.length; k++) if (calls[k] === undefined) calls[k] = { alleles: [null], phased: false, noCall: 'missing' };
    rec.calls = calls as Call[];
  }

  /** The Calls of the selected samples (those `keep` accepts, by slot), undefined for the others and for columns cut short. */
  private build(v: ParsedLine, rec: VcfRecord, onBad: OnBadGt, keep?: (k: number) => boolean): (Call | undefined)[] {
    const calls = new Array<Call | undefined>(this.nSelected);
    const recordPass = rec.filter.length === 0 || (rec.filter.length === 1 && rec.filter[0] === 'PASS');
    const nAlts = rec.alts.length;
    const site = this.depth.site(rec.info, nAlts);
    const depth = this.depth.perSample || site !== undefined;
    const slot = this.slot;
    v.processFormatFields(this.keys, (str, ranges, idx) => {
      const k = slot[idx] as number;
      if (k < 0 || (keep !== undefined && !keep(k))) return;
      const gt = checkedGt(str, ranges[0] as number, ranges[1] as number, nAlts, idx);
      if ('message' in gt) {
        onBad?.(gt, idx);
        calls[k] = badGtCall();
        return;
      }
      const call = buildCall(str, ranges, gt, rec.ref, rec.alts);
      if (depth) this.depth.apply(call, str, ranges, idx, site, nAlts);
      if (this.extraKeys.length > 0) call.fields = this.extraFields(str, ranges);
      calls[k] = applyPolicy(call, this.policy, recordPass);
    });
    return calls;
  }

  /** The keepFields FORMAT values of one sample, for splitRecord to remap. */
  private extraFields(str: string, ranges: Int32Array): NonNullable<Call['fields']> {
    const fields: NonNullable<Call['fields']> = {};
    for (let j = 0; j < this.extraKeys.length; j++) {
      const rs = ranges[2 * (this.extraAt + j)] as number;
      const re = ranges[2 * (this.extraAt + j) + 1] as number;
      if (rs < 0) continue;
      fields[this.extraKeys[j] as string] = this.extraNumeric[j] ? numListAt(str, rs, re) : strListAt(str, rs, re);
    }
    return fields;
  }
}

/** GT of sample column `idx` parsed and checked against the ALT count, or the problem to report. */
function checkedGt(str: string, s: number, e: number, nAlts: number, idx: number): Gt | GtProblem {
  const gt = parseGt(str, s, e);
  if (gt.error !== undefined) return { message: gt.error, column: 10 + idx, text: str.slice(s, e) };
  for (const a of gt.alleles) {
    if (a !== null && a > nAlts) return { message: `GT allele ${a} but only ${nAlts} ALT allele(s)`, column: 10 + idx, text: str.slice(s, e) };
  }
  return gt;
}
