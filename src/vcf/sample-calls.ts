// The sample columns of one parsed record → rec.calls, one Call per selected sample, from the
// FORMAT fields located by offsets (@gmod/vcf's processFormatFields). Without a quality policy a
// many-sample record is read for GT and PS only (packed codes) and its Calls are built when read.
import type VCF from '@gmod/vcf';
import type { Call, VcfHeader, VcfRecord } from '../types.js';
import { CALL_KEYS } from './call-keys.js';
import { buildCall } from './call.js';
import { applyPolicy, PACK_COMPLEX, packedMaxAllele, packGt, parseGt, setPackedCalls, type Gt, type QualityPolicy } from './genotype.js';
import { numListAt, strListAt, textAt } from './fields.js';
import type { SampleSelection } from './samples.js';

export type ParsedLine = ReturnType<VCF['parseLine']>;

/** A genotype problem: the message, the 1-based column and its text. */
export interface GtProblem {
  message: string;
  column: number;
  text: string;
}

/** The FORMAT keys a packed call is read from. */
const PACK_KEYS = ['GT', 'PS'];

export class SampleCalls {
  private readonly nSelected: number;
  /** Sample column → slot in Call[] (-1 when not selected). */
  private readonly slot: Int32Array;
  /** Number=A/R/G FORMAT keys kept on Call.fields (keepFields), and whether each is numeric. */
  private readonly extraKeys: string[];
  private readonly extraNumeric: boolean[];
  private readonly keys: string[];
  private readonly policy: QualityPolicy;
  /**
   * No quality policy and no extra fields: calls are packed up front and built only when read.
   * Turned off once a consumer reads a record's Calls (annotate does, for most records): from then
   * on they are built up front, as before, without the packing pass.
   */
  private lazy: boolean;

  constructor(header: VcfHeader, selection: SampleSelection, policy: QualityPolicy | undefined, keepFields: boolean | undefined) {
    this.slot = new Int32Array(header.samples.length).fill(-1);
    selection.indices.forEach((col, k) => (this.slot[col] = k));
    this.nSelected = selection.indices.length;
    const defs = keepFields ? [...header.format.values()].filter((d) => d.id !== 'GT' && (d.number === 'A' || d.number === 'R' || d.number === 'G')) : [];
    this.extraKeys = defs.map((d) => d.id);
    this.extraNumeric = defs.map((d) => d.type === 'Integer' || d.type === 'Float');
    this.keys = [...CALL_KEYS, ...this.extraKeys];
    this.policy = policy ?? {};
    const p = this.policy;
    this.lazy = this.extraKeys.length === 0 && !p.passOnly && p.minDp === undefined && p.minGq === undefined && p.minVaf === undefined;
  }

  /** Any sample selected: the record's sample columns are worth reading. */
  get wanted(): boolean {
    return this.nSelected > 0;
  }

  /** Fills rec.calls (or its packed codes); returns the first genotype problem instead, if any. */
  read(v: ParsedLine, rec: VcfRecord): GtProblem | undefined {
    return this.lazy && v.FORMAT !== undefined && v.FORMAT.split(':').includes('GT') ? this.packed(v, rec) : this.calls(v, rec);
  }

  /**
   * Without a quality policy, a many-sample record is read for GT (and PS) only: one packed code per
   * sample (genotype.ts), checked exactly as calls() checks them, and rec.calls becomes a getter
   * that builds the Calls the first time something reads them (annotate does; PGx reads the codes).
   * Only for FORMATs with GT: a call without GT is judged by its other fields.
   */
  private packed(v: ParsedLine, rec: VcfRecord): GtProblem | undefined {
    const codes = new Int32Array(this.nSelected);
    let ps: (string | undefined)[] | undefined;
    const nAlts = rec.alts.length;
    const slot = this.slot;
    let bad: GtProblem | undefined;
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
        if (this.calls(v, rec) !== undefined) throw new Error(`${rec.chrom}:${rec.pos}: genotypes changed between two reads`);
        return rec.calls;
      },
      set: (calls: Call[]) => Object.defineProperty(rec, 'calls', { value: calls, writable: true, enumerable: true, configurable: true }),
    });
    return undefined;
  }

  /** Fill rec.calls; returns the first genotype problem instead, if any. */
  private calls(v: ParsedLine, rec: VcfRecord): GtProblem | undefined {
    const calls: Call[] = new Array<Call>(this.nSelected);
    const recordPass = rec.filter.length === 0 || (rec.filter.length === 1 && rec.filter[0] === 'PASS');
    const nAlts = rec.alts.length;
    let bad: GtProblem | undefined;
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
      if (this.extraKeys.length > 0) call.fields = this.extraFields(str, ranges);
      calls[k] = applyPolicy(call, this.policy, recordPass);
    });
    if (bad !== undefined) return bad;
    // Samples whose columns were cut short still get a (missing) call.
    for (let k = 0; k < calls.length; k++) if (calls[k] === undefined) calls[k] = { alleles: [null], phased: false, noCall: 'missing' };
    rec.calls = calls;
    return undefined;
  }

  /** The keepFields FORMAT values of one sample, for splitRecord to remap. */
  private extraFields(str: string, ranges: Int32Array): NonNullable<Call['fields']> {
    const fields: NonNullable<Call['fields']> = {};
    const nCall = CALL_KEYS.length;
    for (let j = 0; j < this.extraKeys.length; j++) {
      const rs = ranges[2 * (nCall + j)] as number;
      const re = ranges[2 * (nCall + j) + 1] as number;
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
