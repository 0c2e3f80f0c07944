// Genotypes: GT text parsed; the quality policy, which turns a call it rejects into a no-call with a
// reason (never a reference call; it keeps its numbers but loses its alleles); what a call says about
// one ALT (zygosity, carries, GT as written); and calls packed one integer per sample for callers that
// need only alleles and phase. call.ts builds a sample's Call from its FORMAT fields.
import type { Call, NoCallReason, Zygosity } from '../types.js';

export interface QualityPolicy {
  /** Record FILTER must be PASS or '.', and FORMAT FT (when present) PASS or '.'. */
  passOnly?: boolean;
  /** Minimum DP; a call whose depth is unknown (no DP, no AD) fails it. */
  minDp?: number;
  /** Minimum GQ; a call without GQ fails it. */
  minGq?: number;
  /** Minimum VAF of every ALT the call carries; an unknown VAF does not fail it. */
  minVaf?: number;
}

/** Parsed GT: alleles (null = '.'), phase; `error` when the text is not a genotype. */
export interface Gt {
  alleles: (number | null)[];
  phased: boolean;
  error?: string;
}

/** Parse GT text in str[s, e): '0/1', '1|2', '1', './.', '.', '10/12'. */
export function parseGt(str: string, s: number, e: number): Gt {
  const alleles: (number | null)[] = [];
  let phased = false;
  if (s < 0 || e <= s) return { alleles: [null], phased };
  let v = -1;
  let dot = false;
  for (let i = s; i <= e; i++) {
    const c = i === e ? -1 : str.charCodeAt(i);
    if (c === -1 || c === 47 || c === 124) {
      if (dot === (v >= 0)) return { alleles, phased, error: `GT '${str.slice(s, e)}' is not a genotype` };
      alleles.push(dot ? null : v);
      if (c === 124) phased = true;
      v = -1;
      dot = false;
    } else if (c === 46) {
      if (dot || v >= 0) return { alleles, phased, error: `GT '${str.slice(s, e)}' is not a genotype` };
      dot = true;
    } else if (c >= 48 && c <= 57) {
      if (dot) return { alleles, phased, error: `GT '${str.slice(s, e)}' is not a genotype` };
      v = (v < 0 ? 0 : v * 10) + (c - 48);
    } else {
      return { alleles, phased, error: `GT '${str.slice(s, e)}' is not a genotype` };
    }
  }
  return { alleles, phased };
}

/** Apply the quality policy in place; `recordPass` is FILTER ∈ {PASS, .}. */
export function applyPolicy(call: Call, policy: QualityPolicy, recordPass: boolean): Call {
  // A call without GT is still judged: its claim rests on the record and the allele fraction.
  if (call.noCall !== undefined && !call.noGt) return call;
  let reason: NoCallReason | undefined;
  if (policy.passOnly && (!recordPass || (call.ft !== undefined && call.ft !== 'PASS'))) reason = 'filter';
  else if (policy.minDp !== undefined && !((call.dp ?? -1) >= policy.minDp)) reason = 'min-dp';
  else if (policy.minGq !== undefined && !((call.gq ?? -1) >= policy.minGq)) reason = 'min-gq';
  else if (policy.minVaf !== undefined && failsVaf(call, policy.minVaf)) reason = 'min-vaf';
  if (reason !== undefined) {
    call.rawAlleles = call.alleles;
    call.alleles = call.alleles.map(() => null);
    call.noCall = reason;
  }
  return call;
}

function failsVaf(call: Call, min: number): boolean {
  for (const a of call.alleles) {
    if (a === null || a === 0) continue;
    const v = call.vaf?.[a - 1];
    if (v !== undefined && v < min) return true;
  }
  return false;
}

/** Zygosity of `call` for ALT `altIndex` (1-based, into the original record's ALTs). */
export function zygosity(call: Call, altIndex: number): Zygosity {
  const al = call.alleles;
  if (call.noGt) return carries(call, altIndex) ? 'unknown' : 'nocall';
  if (call.noCall !== undefined || al.length === 0 || al.every((a) => a === null)) return 'nocall';
  let mine = 0;
  let ref = 0;
  let other = 0;
  let missing = 0;
  for (const a of al) {
    if (a === null) missing++;
    else if (a === altIndex) mine++;
    else if (a === 0) ref++;
    else other++;
  }
  // "ref" means "does not carry it": 0/0, 2/2 for ALT 1, and 0/. alike.
  if (mine === 0) return missing > 0 && ref === 0 && other === 0 ? 'nocall' : 'ref';
  if (al.length === 1) return 'hemi';
  if (mine === al.length) return 'hom';
  if (other > 0) return 'het-alt';
  // 0/1 and also 1/. (one allele unknown): carries it once, the other copy is not an ALT we saw.
  return 'het';
}

/** GT as written ('0/1', '1|2'); a policy no-call shows the alleles it had, not '.'s. */
export function gtText(call: Call): string {
  const a = call.noCall !== undefined && call.rawAlleles !== undefined ? call.rawAlleles : call.alleles;
  if (a.length === 0) return '.';
  return a.map((x) => (x === null ? '.' : String(x))).join(call.phased ? '|' : '/');
}

/** The call of a sample whose GT cannot be read: a no-call, whatever its other fields say. */
export function badGtCall(): Call {
  return { alleles: [null], phased: false, noCall: 'bad-gt' };
}

/** Does the call carry ALT `altIndex` (1-based) at least once? */
export function carries(call: Call, altIndex: number): boolean {
  if (call.noGt) return call.noCall === 'missing' && (call.vaf?.[altIndex - 1] ?? 0) > 0;
  return call.noCall === undefined && call.alleles.includes(altIndex);
}

// Packed calls: most calls of a many-sample record are one of a handful of genotypes, so a caller
// that needs only the alleles, the phase and the no-call reason (PGx) can read them as one integer
// per sample instead of a Call object each. Layout: bits 0–7 and 8–15 hold the two alleles (index
// + 1; 0 = '.'), bits 16–17 the ploidy (1 or 2), bit 18 the phase, bits 19–21 the no-call reason.
// A PS value rides beside the codes. Anything else (ploidy > 2, allele index > 254, a call without
// GT) is PACK_COMPLEX: read that sample's Call instead.

export const PACK_COMPLEX = -1;
const PACK_BAD = -2;
const REASONS: readonly (NoCallReason | undefined)[] = [undefined, 'missing', 'filter', 'min-dp', 'min-gq', 'min-vaf', 'bad-gt'];
const REASON_CODE = new Map(REASONS.map((r, i) => [r, i]));
/** The quality policy's reasons: such a no-call keeps what was written in rawAlleles. */
const POLICY_REASONS: ReadonlySet<NoCallReason | undefined> = new Set(['filter', 'min-dp', 'min-gq', 'min-vaf']);

function packed(a0: number | null, a1: number | null, ploidy: number, phased: boolean, reason: number): number {
  return (a0 === null ? 0 : a0 + 1) | ((a1 === null ? 0 : a1 + 1) << 8) | (ploidy << 16) | (phased ? 1 << 18 : 0) | (reason << 19);
}

/**
 * GT text in str[s, e) packed, with no quality policy applied (the reason is 'missing' when every
 * allele is '.'), exactly as parseGt + buildCall read it; PACK_COMPLEX when it does not fit, and
 * a negative value other than that when the text is not a genotype (parseGt says why).
 */
export function packGt(str: string, s: number, e: number): number {
  if (s < 0) return PACK_COMPLEX;
  if (e <= s) return packed(null, null, 1, false, 1);
  let n = 0;
  let a0: number | null = null;
  let phased = false;
  let v = -1;
  let dot = false;
  for (let i = s; i <= e; i++) {
    const c = i === e ? -1 : str.charCodeAt(i);
    if (c === -1 || c === 47 || c === 124) {
      if (dot === v >= 0) return PACK_BAD;
      const a = dot ? null : v;
      if (a !== null && a > 254) return PACK_COMPLEX;
      if (c === 124) phased = true;
      if (n === 0) a0 = a;
      else if (n === 1) {
        if (c !== -1) return PACK_COMPLEX;
        return packed(a0, a, 2, phased, a0 === null && a === null ? 1 : 0);
      }
      n++;
      v = -1;
      dot = false;
    } else if (c === 46) {
      if (dot || v >= 0) return PACK_BAD;
      dot = true;
    } else if (c >= 48 && c <= 57) {
      if (dot) return PACK_BAD;
      v = (v < 0 ? 0 : v * 10) + (c - 48);
    } else return PACK_BAD;
  }
  return packed(a0, null, 1, phased, a0 === null ? 1 : 0);
}

/** Can the call packed as `code` carry ALT `altIndex`: a complex code may, a packed one when it is called and holds it. */
export function packedMayCarry(code: number, altIndex: number): boolean {
  if (code === PACK_COMPLEX) return true;
  const mine = altIndex + 1;
  return code >> 19 === 0 && ((code & 0xff) === mine || (((code >> 16) & 3) === 2 && ((code >> 8) & 0xff) === mine));
}

/** The largest allele index in a packed call (0 when none). */
export function packedMaxAllele(code: number): number {
  return Math.max(code & 0xff, (code >> 8) & 0xff) - 1;
}

/** A Call packed (the fields PGx reads: alleles, phase, no-call reason, raw alleles), or PACK_COMPLEX. */
export function packCall(call: Call): number {
  if (call.ps !== undefined || call.noGt) return PACK_COMPLEX;
  const reason = REASON_CODE.get(call.noCall);
  if (reason === undefined) return PACK_COMPLEX;
  // A policy no-call keeps what was written in rawAlleles; its alleles are all '.'.
  const policy = POLICY_REASONS.has(call.noCall);
  if (policy !== (call.rawAlleles !== undefined)) return PACK_COMPLEX;
  const raw = policy ? (call.rawAlleles as (number | null)[]) : call.alleles;
  if (raw.length < 1 || raw.length > 2 || (policy && (call.alleles.length !== raw.length || call.alleles.some((a) => a !== null)))) return PACK_COMPLEX;
  for (const a of raw) if (a !== null && (!Number.isInteger(a) || a < 0 || a > 254)) return PACK_COMPLEX;
  return packed(raw[0] ?? null, raw.length > 1 ? (raw[1] ?? null) : null, raw.length, call.phased, reason);
}

/** The Call fields a packed code holds (alleles, phased, noCall, rawAlleles), as packCall read them; `ps` when given. */
export function unpackCall(code: number, ps?: string): Call {
  const ploidy = (code >> 16) & 3;
  const at = (b: number): number | null => (b === 0 ? null : b - 1);
  const raw = ploidy === 1 ? [at(code & 0xff)] : [at(code & 0xff), at((code >> 8) & 0xff)];
  const reason = REASONS[(code >> 19) & 7];
  const call: Call = { alleles: raw, phased: ((code >> 18) & 1) === 1 };
  if (ps !== undefined) call.ps = ps;
  if (reason === undefined) return call;
  call.noCall = reason;
  if (POLICY_REASONS.has(reason)) {
    call.rawAlleles = raw;
    call.alleles = raw.map(() => null);
  }
  return call;
}

/** One packed code per call, and the calls' PS values when any has one. */
export interface PackedCalls {
  codes: Int32Array;
  ps?: (string | undefined)[];
}

/** Packed calls of records the reader read without building their Calls up front. */
const packedOf = new WeakMap<object, PackedCalls>();

export function setPackedCalls(rec: object, packed: PackedCalls): void {
  packedOf.set(rec, packed);
}

/** The calls of `rec` packed (from the reader when it kept them, else packed from rec.calls). */
export function packedCalls(rec: { calls: Call[] }): PackedCalls {
  const kept = packedOf.get(rec);
  if (kept !== undefined) return kept;
  const codes = new Int32Array(rec.calls.length);
  rec.calls.forEach((c, i) => (codes[i] = packCall(c)));
  return { codes };
}
