// A .tbi or .csi index, read once and decoded per contig only when a query needs that contig.
// Virtual offsets are plain numbers (block offset × 65536 + offset in the block): exact below
// 2^53, i.e. for compressed files up to 128 TiB.
import { gunzip, gunzipSync } from 'node:zlib';
import { gzipReason, inflateBlock } from './inflate.js';
import { bgzfBlockSizeField } from './sniff.js';
import { parseHead, type IndexHead, type TabixLayout } from './tabix-head.js';

export type { TabixLayout } from './tabix-head.js';

interface ContigIndex {
  /** bin → byte position of its chunk count in the index (chunks are read when queried). */
  bins: Map<number, number>;
  /** CSI: bin → byte position of its loffset (smallest offset of a record overlapping the bin). */
  loffsets: Map<number, number>;
}

/** Virtual offsets of a contig's first record and of the end of its last (the index's pseudo-bin). */
export interface ContigSpan {
  beg: number;
  end: number;
}

export interface TabixIndex {
  layout: TabixLayout;
  /** Contig names in index (= file) order. */
  names: string[];
  /** Per contig (as `names`), where its records lie in the file; undefined when the index does not say. */
  spans: (ContigSpan | undefined)[];
  /** The largest coordinate the index can address. */
  maxEnd: number;
  /**
   * The virtual offset from which a sequential scan meets every record of contig `ref` that
   * overlaps [beg, end) (0-based half-open), or undefined when the index has none there.
   */
  firstOffset(ref: number, beg: number, end: number): number | undefined;
}

function voffAt(b: Buffer, pos: number): number {
  return b.readUInt32LE(pos + 4) * 2 ** 32 + b.readUInt32LE(pos);
}

/** Parses the index bytes (still BGZF/gzip compressed, as on disk). */
export function parseTabixIndex(compressed: Buffer): TabixIndex {
  let b: Buffer;
  try {
    b = gunzipSync(compressed);
  } catch (e) {
    throw new Error(gzipReason(e as Error));
  }
  return checked(() => new BinnedIndex(b));
}

/** The same, inflating on libuv's thread pool (the main thread goes on meanwhile). gunzip checks
 * every block's CRC32 and ISIZE, as every BGZF member is a gzip member. */
export function parseTabixIndexAsync(compressed: Buffer): Promise<TabixIndex> {
  // Large output chunks: each chunk is a round trip through the main thread, which is busy.
  const chunkSize = Math.min(1 << 22, Math.max(1 << 16, 4 * compressed.length));
  return new Promise((resolve, reject) =>
    gunzip(compressed, { chunkSize }, (err, b) => {
      if (err) reject(new Error(gzipReason(err)));
      else {
        try {
          resolve(checked(() => new BinnedIndex(b)));
        } catch (e) {
          reject(e);
        }
      }
    }),
  );
}

/**
 * Layout and contig names only, from the start of the index (they come before the bins, in its
 * first BGZF block for all but very long contig lists); falls back on parsing it all. The block is
 * checked (CRC32, ISIZE) like every other.
 */
export function tabixHead(compressed: Buffer): Pick<TabixIndex, 'layout' | 'names'> {
  const field = bgzfBlockSizeField(compressed, 0);
  if (field !== undefined) {
    const start = inflateBlock(compressed, 0, compressed.readUInt16LE(field) + 1);
    try {
      const { layout, names } = parseHead(start);
      return { layout, names };
    } catch {
      // The names go on in the next blocks, or this is no index: the full parse tells which.
    }
  }
  return parseTabixIndex(compressed);
}

function checked<T>(what: () => T): T {
  try {
    return what();
  } catch (e) {
    // Reads past the end of a cut-off index fail as out-of-range offsets.
    if ((e as NodeJS.ErrnoException).code === 'ERR_OUT_OF_RANGE' || e instanceof RangeError) throw new Error('the index is truncated');
    throw e;
  }
}

/** An inflated index: contig offsets found in one pass, bins decoded per contig on first use. */
class BinnedIndex implements TabixIndex {
  readonly layout: TabixLayout;
  readonly names: string[];
  readonly spans: (ContigSpan | undefined)[] = [];
  readonly maxEnd: number;
  private readonly head: IndexHead;
  private readonly pseudoBin: number;
  /** Where each contig's bins start. */
  private readonly starts: number[] = [];
  /** TBI: where each contig's linear index starts, and its length. */
  private readonly linears: { at: number; count: number }[] = [];
  /** Bins are decoded only for CSI indexes and TBI contigs without a usable linear index; then
   * keeping byte positions only (a whole-genome index has ~200,000 bins). */
  private readonly decoded = new Map<number, ContigIndex>();

  constructor(private readonly b: Buffer) {
    const head = (this.head = parseHead(b));
    this.layout = head.layout;
    this.names = head.names;
    this.maxEnd = 2 ** (head.minShift + head.depth * 3);
    this.pseudoBin = ((1 << ((head.depth + 1) * 3)) - 1) / 7 + 1;
    // One pass over the contigs, skipping over the bins but the pseudo-bin, whose first chunk
    // spans the contig's records.
    let pos = head.binsAt;
    for (let r = 0; r < head.nRef; r++) {
      this.starts.push(pos);
      const nBin = b.readInt32LE(pos);
      pos += 4;
      this.spans.push(undefined);
      for (let j = 0; j < nBin; j++) {
        const bin = b.readUInt32LE(pos);
        pos += head.isCsi ? 12 : 4;
        const nChunk = b.readInt32LE(pos);
        if (bin === this.pseudoBin && nChunk > 0) this.spans[r] = { beg: voffAt(b, pos + 4), end: voffAt(b, pos + 12) };
        pos += 4 + 16 * nChunk;
      }
      if (!head.isCsi) {
        const count = b.readInt32LE(pos);
        this.linears.push({ at: pos + 4, count });
        pos += 4 + 8 * count;
      }
      if (pos > b.length) throw new Error('the index is truncated');
    }
  }

  firstOffset(ref: number, beg: number, end: number): number | undefined {
    beg = Math.max(0, beg);
    end = Math.min(end, this.maxEnd);
    if (end <= beg || this.starts[ref] === undefined) return undefined;
    // TBI: the linear index holds, per 16 kb window, the offset of the first record overlapping
    // it; a scan from the window of `beg` meets every record overlapping the region. A record
    // overlapping `beg` ends in or after its window, so past the last window there is none.
    let minOff = 0;
    const linear = this.linears[ref];
    if (linear) {
      const w = Math.floor(beg / 2 ** 14);
      if (w >= linear.count) return undefined;
      minOff = voffAt(this.b, linear.at + 8 * w);
      if (minOff > 0) return minOff;
    }
    // Otherwise (CSI, or a linear index without an entry): the bins overlapping the region.
    const ci = this.contig(ref);
    if (this.head.isCsi) minOff = this.loffset(ci, beg);
    return this.firstInBins(ci, beg, end, minOff);
  }

  /** CSI: the loffset of the deepest bin on the path to `beg` that the index has (0: none). */
  private loffset(ci: ContigIndex, beg: number): number {
    const { minShift, depth } = this.head;
    let minOff = 0;
    let t = 0;
    let s = minShift + depth * 3;
    for (let l = 0; l <= depth; l++) {
      const at = ci.loffsets.get(t + Math.floor(beg / 2 ** s));
      if (at !== undefined) minOff = voffAt(this.b, at);
      t += 2 ** (3 * l);
      s -= 3;
    }
    return minOff;
  }

  /** The smallest start of a chunk ending past `minOff` in the bins overlapping [beg, end). */
  private firstInBins(ci: ContigIndex, beg: number, end: number, minOff: number): number | undefined {
    const { minShift, depth } = this.head;
    const b = this.b;
    let first = Number.POSITIVE_INFINITY;
    let t = 0;
    let s = minShift + depth * 3;
    const last = end - 1;
    for (let l = 0; l <= depth; l++) {
      const lo = t + Math.floor(beg / 2 ** s);
      const hi = t + Math.floor(last / 2 ** s);
      for (let bin = lo; bin <= hi; bin++) {
        const at = ci.bins.get(bin);
        if (at === undefined) continue;
        const n = b.readInt32LE(at);
        for (let k = 0; k < n; k++) {
          const cBeg = voffAt(b, at + 4 + 16 * k);
          if (voffAt(b, at + 12 + 16 * k) > minOff && cBeg < first) first = cBeg;
        }
      }
      t += 2 ** (3 * l);
      s -= 3;
    }
    return first === Number.POSITIVE_INFINITY ? undefined : Math.max(first, minOff);
  }

  private contig(ref: number): ContigIndex {
    let ci = this.decoded.get(ref);
    if (ci) return ci;
    const b = this.b;
    let p = this.starts[ref] as number;
    const bins = new Map<number, number>();
    const loffsets = new Map<number, number>();
    const nBin = b.readInt32LE(p);
    p += 4;
    for (let j = 0; j < nBin; j++) {
      const bin = b.readUInt32LE(p);
      p += 4;
      if (this.head.isCsi) {
        loffsets.set(bin, p);
        p += 8;
      }
      if (bin !== this.pseudoBin) bins.set(bin, p);
      p += 4 + 16 * b.readInt32LE(p);
    }
    ci = { bins, loffsets };
    this.decoded.set(ref, ci);
    return ci;
  }
}
