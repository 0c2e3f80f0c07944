// Whether an index may be used for the file beside it. An index that does not describe the file
// (written before the file was last changed, or made for another file) points region queries at
// the wrong bytes or at none, and records are silently lost. So before the first line is read
// through it, the index must be no older than the file (in whole seconds, as htslib compares
// them), its contigs' spans must lie inside the file, in order, each starting on a BGZF block with
// a record of that contig, and every offset a query starts from must be on a block header inside
// the file, within that block's data. The first check that fails says why; the caller then reads
// the whole file instead.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCursor, type BgzfBlocks, type BlockHead } from './tabix-blocks.js';
import type { TabixIndex } from './tabix-index.js';
import { LineSpans } from './tabix-lines.js';
import type { PlannedRegion } from './tabix-query.js';

/** Why the index must not be used for the file, or undefined when it may. */
export function distrust(path: string, indexPath: string, index: TabixIndex, blocks: BgzfBlocks, plan: PlannedRegion[]): string | undefined {
  const name = basename(indexPath);
  const file = statSync(path);
  if (Math.floor(statSync(indexPath).mtimeMs / 1000) < Math.floor(file.mtimeMs / 1000)) {
    return `the index ${name} is older than the file (the file was changed after it was indexed)`;
  }
  const why = spansMisfit(index, blocks, file.size) ?? startsMisfit(blocks, plan);
  return why === undefined ? undefined : `the index ${name} does not fit the file: ${why}`;
}

/** Every region's start offset (neighbouring regions often start in one block: each block is read once). */
function startsMisfit(blocks: BgzfBlocks, plan: PlannedRegion[]): string | undefined {
  const heads = new Map<number, BlockHead | string>();
  for (const r of plan) {
    const at = Math.floor(r.from / 65536);
    let head = heads.get(at);
    if (head === undefined) heads.set(at, (head = blockAt(blocks, at)));
    const why = typeof head === 'string' ? head : withinMisfit(head, r.from);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** Each contig's records lie inside the file, after the previous contig's, from a record of that contig on. */
function spansMisfit(index: TabixIndex, blocks: BgzfBlocks, size: number): string | undefined {
  let previousEnd = 0;
  for (let ref = 0; ref < index.names.length; ref++) {
    const span = index.spans[ref];
    if (span === undefined) continue;
    const chrom = index.names[ref] as string;
    if (span.end < span.beg || span.beg < previousEnd) return `the records of ${chrom} are out of order`;
    if (Math.floor(span.end / 65536) >= size) return `the records of ${chrom} end past the end of the file`;
    previousEnd = span.end;
    const why = offsetMisfit(blocks, span.beg) ?? recordMisfit(blocks, span.beg, chrom, index);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** A virtual offset on a BGZF block inside the file, within its data. */
function offsetMisfit(blocks: BgzfBlocks, voff: number): string | undefined {
  const head = blockAt(blocks, Math.floor(voff / 65536));
  return typeof head === 'string' ? head : withinMisfit(head, voff);
}

/** The block starting at byte `at`, or why there is none. */
function blockAt(blocks: BgzfBlocks, at: number): BlockHead | string {
  let head: BlockHead | undefined;
  try {
    head = blocks.head(at);
  } catch {
    return `it points at byte ${at}, where no BGZF block starts`;
  }
  return head ?? `it points at byte ${at}, past the end of the file`;
}

function withinMisfit(head: BlockHead, voff: number): string | undefined {
  return voff % 65536 > head.isize ? `it points past the data of the BGZF block at byte ${Math.floor(voff / 65536)}` : undefined;
}

/** The line at `voff` starts there and is a record of `chrom`. */
function recordMisfit(blocks: BgzfBlocks, voff: number, chrom: string, index: TabixIndex): string | undefined {
  const within = voff % 65536;
  const data = blocks.block(Math.floor(voff / 65536))?.data;
  if (data !== undefined && within > 0 && data[within - 1] !== 10) return `its first offset for ${chrom} is not at the start of a line`;
  const cursor = new LineCursor(blocks, voff);
  const spans = new LineSpans(chrom, index.layout);
  const isRecord = cursor.read() && cursor.buf[cursor.start] !== index.layout.metaChar && spans.read(cursor.buf, cursor.start, cursor.end);
  return isRecord ? undefined : `its first offset for ${chrom} is not a record of ${chrom}`;
}
