// A .tbi or .csi index, read once and decoded per contig only when a query needs that contig.
// Virtual offsets are plain numbers (block offset × 65536 + offset in the block): exact below
// 2^53, i.e. for compressed files up to 128 TiB.
import { constants, gunzip, gunzipSync } from 'node:zlib';

const TBI_MAGIC = 0x01494254; // "TBI\1"
const CSI_MAGIC = 0x01495343; // "CSI\1"

/** How the indexed file's lines are laid out (the tabix header / CSI aux data). */
export interface TabixLayout {
  /** 'vcf' takes the end from REF and INFO END (as tabix -p vcf); 'generic' from colEnd. */
  format: 'vcf' | 'generic';
  /** 1-based column numbers. */
  colSeq: number;
  colBeg: number;
  colEnd: number;
  /** Coordinates in the file are 0-based half-open (BED-like) rather than 1-based. */
  zeroBased: boolean;
  /** Lines starting with this byte are header/comment lines. */
  metaChar: number;
}

interface ContigIndex {
  /** bin → byte position of its chunk count in the index (chunks are read when queried). */
  bins: Map<number, number>;
  /** CSI: bin → byte position of its loffset (smallest offset of a record overlapping the bin). */
  loffsets: Map<number, number>;
}

export interface TabixIndex {
  layout: TabixLayout;
  /** Contig names in index (= file) order. */
  names: string[];
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
  return checked(() => parse(gunzipSync(compressed)));
}

/** The same, inflating on libuv's thread pool (the main thread goes on meanwhile). */
export function parseTabixIndexAsync(compressed: Buffer): Promise<TabixIndex> {
  // Large output chunks: each chunk is a round trip through the main thread, which is busy.
  const chunkSize = Math.min(1 << 22, Math.max(1 << 16, 4 * compressed.length));
  return new Promise((resolve, reject) =>
    gunzip(compressed, { chunkSize }, (err, b) => {
      if (err) reject(err);
      else {
        try {
          resolve(checked(() => parse(b)));
        } catch (e) {
          reject(e);
        }
      }
    }),
  );
}

/**
 * Layout and contig names only, from the start of the index (they come before the bins, in its
 * first block for all but very long contig lists); falls back on parsing it all.
 */
export function tabixHead(compressed: Buffer): Pick<TabixIndex, 'layout' | 'names'> {
  try {
    const start = gunzipSync(compressed.subarray(0, 1 << 16), { finishFlush: constants.Z_SYNC_FLUSH });
    const { layout, names } = parse(start, false);
    return { layout, names };
  } catch {
    return parseTabixIndex(compressed);
  }
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

/** Parses an inflated index; with `bins` false, only up to the contig names. */
function parse(b: Buffer, bins = true): TabixIndex {
  if (b.length < 4) throw new Error('the index is empty');
  const magic = b.readUInt32LE(0);
  let minShift: number;
  let depth: number;
  let aux: number; // offset of the tabix-style header
  let refsAt: number; // offset of n_ref
  if (magic === TBI_MAGIC) {
    minShift = 14;
    depth = 5;
    aux = 8;
    refsAt = 4;
  } else if (magic === CSI_MAGIC) {
    minShift = b.readInt32LE(4);
    depth = b.readInt32LE(8);
    const lAux = b.readInt32LE(12);
    if (lAux < 28) throw new Error('the CSI index carries no tabix header (not an index of a text file)');
    aux = 16;
    refsAt = 16 + lAux;
  } else {
    throw new Error('not a .tbi or .csi index');
  }
  const flags = b.readInt32LE(aux);
  const layout: TabixLayout = {
    format: (flags & 0xffff) === 2 ? 'vcf' : 'generic',
    colSeq: b.readInt32LE(aux + 4),
    colBeg: b.readInt32LE(aux + 8),
    colEnd: b.readInt32LE(aux + 12),
    zeroBased: (flags & 0x10000) !== 0,
    metaChar: b.readInt32LE(aux + 16),
  };
  const lNames = b.readInt32LE(aux + 24);
  if (aux + 28 + lNames > b.length) throw new Error('the index is truncated');
  const names = b
    .subarray(aux + 28, aux + 28 + lNames)
    .toString('latin1')
    .split('\0')
    .slice(0, -1);
  let pos = magic === TBI_MAGIC ? aux + 28 + lNames : refsAt + 4;
  const nRef = b.readInt32LE(refsAt);
  if (names.length !== nRef && magic === TBI_MAGIC) throw new Error('the index names a different number of contigs than it indexes');
  if (!bins) return { layout, names, maxEnd: 0, firstOffset: () => undefined };
  const isCsi = magic === CSI_MAGIC;
  const pseudoBin = ((1 << ((depth + 1) * 3)) - 1) / 7 + 1;

  // First pass: where each contig's data and (TBI) linear index start, skipping over the bins.
  const starts: number[] = [];
  const linears: { at: number; count: number }[] = [];
  for (let r = 0; r < nRef; r++) {
    starts.push(pos);
    const nBin = b.readInt32LE(pos);
    pos += 4;
    for (let j = 0; j < nBin; j++) {
      pos += isCsi ? 12 : 4;
      const nChunk = b.readInt32LE(pos);
      pos += 4 + 16 * nChunk;
    }
    if (!isCsi) {
      const count = b.readInt32LE(pos);
      linears.push({ at: pos + 4, count });
      pos += 4 + 8 * count;
    }
    if (pos > b.length) throw new Error('the index is truncated');
  }

  // Bins are only looked up for CSI indexes and TBI contigs without a usable linear index; then
  // decoding keeps byte positions only (a whole-genome index has ~200,000 bins).
  const decoded = new Map<number, ContigIndex>();
  const contig = (ref: number): ContigIndex | undefined => {
    const at = starts[ref];
    if (at === undefined) return undefined;
    let ci = decoded.get(ref);
    if (ci) return ci;
    let p = at;
    const bins = new Map<number, number>();
    const loffsets = new Map<number, number>();
    const nBin = b.readInt32LE(p);
    p += 4;
    for (let j = 0; j < nBin; j++) {
      const bin = b.readUInt32LE(p);
      p += 4;
      if (isCsi) {
        loffsets.set(bin, p);
        p += 8;
      }
      if (bin !== pseudoBin) bins.set(bin, p);
      p += 4 + 16 * b.readInt32LE(p);
    }
    ci = { bins, loffsets };
    decoded.set(ref, ci);
    return ci;
  };

  const maxEnd = 2 ** (minShift + depth * 3);
  return {
    layout,
    names,
    maxEnd,
    firstOffset(ref, beg, end) {
      beg = Math.max(0, beg);
      end = Math.min(end, maxEnd);
      if (end <= beg || starts[ref] === undefined) return undefined;
      // TBI: the linear index holds, per 16 kb window, the offset of the first record overlapping
      // it; a scan from the window of `beg` meets every record overlapping the region. A record
      // overlapping `beg` ends in or after its window, so past the last window there is none.
      let minOff = 0;
      const linear = linears[ref];
      if (linear) {
        const w = Math.floor(beg / 2 ** 14);
        if (w >= linear.count) return undefined;
        minOff = voffAt(b, linear.at + 8 * w);
        if (minOff > 0) return minOff;
      }
      // Otherwise (CSI, or a linear index without an entry): the bins overlapping the region.
      const ci = contig(ref) as ContigIndex;
      if (isCsi) {
        // The deepest bin on the path to `beg` that the index has.
        let t = 0;
        let s = minShift + depth * 3;
        for (let l = 0; l <= depth; l++) {
          const at = ci.loffsets.get(t + Math.floor(beg / 2 ** s));
          if (at !== undefined) minOff = voffAt(b, at);
          t += 2 ** (3 * l);
          s -= 3;
        }
      }
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
    },
  };
}
