// One sample's Call from its FORMAT fields: GT (parsed by the caller), PS, GQ, FT, and DP, AD and
// VAF per caller (vaf.ts). The quality policy is applied afterwards (genotype.ts).
import type { Call } from '../types.js';
import { intAt, textAt } from './fields.js';
import { KEY } from './call-keys.js';
import type { Gt } from './genotype.js';
import { vafOf } from './vaf.js';

/**
 * Build one sample's Call from the field ranges of CALL_KEYS (processFormatFields layout). `gt` was
 * parsed by the caller, which also checked the allele indices against the ALT count. Reads numbers
 * straight from the line by offset: no substring per field.
 */
export function buildCall(line: string, ranges: Int32Array, gt: Gt, ref: string, alts: string[]): Call {
  const call: Call = { alleles: gt.alleles, phased: gt.phased };
  const ps = textAt(line, ranges[2 * KEY.PS] as number, ranges[2 * KEY.PS + 1] as number);
  if (ps !== undefined) call.ps = ps;
  const gq = intAt(line, ranges[2 * KEY.GQ] as number, ranges[2 * KEY.GQ + 1] as number);
  if (gq !== undefined) call.gq = gq;
  const ft = textAt(line, ranges[2 * KEY.FT] as number, ranges[2 * KEY.FT + 1] as number);
  if (ft !== undefined) call.ft = ft;
  const { vaf, ad } = vafOf(line, ranges, ref, alts);
  if (ad !== undefined) call.ad = ad;
  if (vaf !== undefined) call.vaf = vaf;
  const dp = intAt(line, ranges[2 * KEY.DP] as number, ranges[2 * KEY.DP + 1] as number);
  if (dp !== undefined) call.dp = dp;
  else if (ad !== undefined) call.dp = ad.reduce((a, b) => a + b, 0);
  if ((ranges[0] as number) < 0) call.noGt = true;
  if (call.alleles.every((a) => a === null)) call.noCall = 'missing';
  return call;
}
