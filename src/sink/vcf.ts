// The annotated VCF (-O vcf, -O vcf.gz): the header (vcf-header.ts), then the input's data bytes
// in file order, each record with matches carrying its VCFACT_* INFO tags (vcf-info.ts). Bytes are
// copied, never re-serialised: a line without tags leaves exactly as it came.
import { encodeText } from '../text.js';
import type { Sink, TextOut } from './types.js';
import { type InfoEntry, infoTags, withInfoTags } from './vcf-info.js';

const NL = 10;

export class VcfWriter implements Pick<Sink, 'fail'> {
  /**
   * @param stale the input's header defines VCFACT_* tags (an earlier run): lines that are not
   * parsed are searched for them too, so that no tag of the earlier run survives.
   */
  constructor(
    private readonly out: TextOut,
    private readonly stale: boolean,
  ) {}

  header(text: string): Promise<void> | void {
    return this.out.write(encodeText(text));
  }

  /** Data bytes passed over by the prefilter: whole lines, copied. */
  bytes(buf: Buffer): Promise<void> | void {
    return this.out.write(this.stale ? withoutTags(buf) : buf);
  }

  /** A parsed record's line, its line ending included. */
  record(line: Buffer, entries: readonly InfoEntry[]): Promise<void> | void {
    return this.out.write(withInfoTags(line, infoTags(entries)));
  }

  fail(): void {
    // VCF has no place to say so: a failed run is told by the exit code and stderr, and a BGZF
    // output lacks its EOF block.
  }
}

/** The lines of `buf` with VCFACT_* keys dropped from their INFO. */
function withoutTags(buf: Buffer): Buffer {
  if (!buf.includes('VCFACT_')) return buf;
  const parts: Buffer[] = [];
  for (let s = 0; s < buf.length; ) {
    const nl = buf.indexOf(NL, s);
    const e = nl < 0 ? buf.length : nl + 1;
    parts.push(withInfoTags(buf.subarray(s, e), ''));
    s = e;
  }
  return Buffer.concat(parts);
}
