// The start of a .tbi or .csi index (inflated): the binning scheme, the layout of the indexed
// file's lines (the tabix header, or a CSI's aux data) and the contig names, which come before
// the bins.

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

export interface IndexHead {
  layout: TabixLayout;
  /** Contig names in index (= file) order. */
  names: string[];
  isCsi: boolean;
  /** Binning scheme: 14 and 5 for TBI. */
  minShift: number;
  depth: number;
  /** Number of contigs indexed. */
  nRef: number;
  /** Byte offset of the first contig's bins. */
  binsAt: number;
}

/** Parses the start of an inflated index up to the contig names; throws on anything else. */
export function parseHead(b: Buffer): IndexHead {
  if (b.length < 4) throw new Error('the index is empty');
  const magic = b.readUInt32LE(0);
  let minShift = 14;
  let depth = 5;
  let aux = 8; // offset of the tabix-style header
  let refsAt = 4; // offset of n_ref
  if (magic === CSI_MAGIC) {
    minShift = b.readInt32LE(4);
    depth = b.readInt32LE(8);
    const lAux = b.readInt32LE(12);
    if (lAux < 28) throw new Error('the CSI index carries no tabix header (not an index of a text file)');
    aux = 16;
    refsAt = 16 + lAux;
  } else if (magic !== TBI_MAGIC) {
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
  const isCsi = magic === CSI_MAGIC;
  const nRef = b.readInt32LE(refsAt);
  if (names.length !== nRef && !isCsi) throw new Error('the index names a different number of contigs than it indexes');
  return { layout, names, isCsi, minShift, depth, nRef, binsAt: isCsi ? refsAt + 4 : aux + 28 + lNames };
}
