// UCSC chain files (liftOver *.over.chain.gz) and point / interval lifting between builds.
// Chains are 0-based half-open on both sides; this API speaks 1-based inclusive positions on
// canonical contigs ('1'..'22', 'X', 'Y', 'MT') and maps 'chr7' ↔ '7', 'chrM' ↔ 'MT' itself.
//
//   const chain = parseChain(text, 'hg19ToHg38.over.chain.gz');
//   liftPoint(chain, '7', 140453136)            → {contig: '7', pos: 140753336, strand: '+'}
//   liftInterval(chain, {contig, start, end})   → {contig, start, end, strand} | {fail: reason}
import { KbError } from '../../errors.js';
import type { Interval } from '../../types.js';
import type { SourceDir } from './sources.js';

/** One ungapped aligned block: target [tStart0, tStart0+size) ↔ query [qStart0, …) on qStrand. */
interface Block {
  tStart0: number;
  qStart0: number;
  size: number;
  /** Index of the chain the block belongs to (a lifted interval must stay on one chain). */
  chain: number;
}

interface ChainMeta {
  qContig: string;
  qSize: number;
  qStrand: '+' | '-';
}

export interface Chain {
  /** Blocks per source contig, sorted by tStart0, from every chain (they do not overlap in target). */
  blocks: Map<string, Block[]>;
  chains: ChainMeta[];
}

export interface LiftedPoint {
  contig: string;
  pos: number;
  strand: '+' | '-';
  chain: number;
}

export interface LiftedInterval extends Interval {
  strand: '+' | '-';
}

export type LiftFailure = { fail: string };

/** 'chr7' → '7', 'chrM' → 'MT'; names with '_' (alt/unplaced contigs) are returned unchanged. */
export function ucscToCanonical(name: string): string {
  const bare = name.startsWith('chr') ? name.slice(3) : name;
  return bare === 'M' ? 'MT' : bare;
}

/** Parses chain text (already decompressed). Chains on contigs outside 1..22/X/Y/MT are kept but never asked for. */
export function parseChain(text: string, file: string): Chain {
  const blocks = new Map<string, Block[]>();
  const chains: ChainMeta[] = [];
  let t = 0;
  let q = 0;
  let cur: Block[] | undefined;
  let id = -1;
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('chain')) {
      const f = line.split(/\s+/);
      // chain score tName tSize tStrand tStart tEnd qName qSize qStrand qStart qEnd id
      if (f.length < 12) throw new KbError('chain header: expected 12 or more fields', { file, line: lineNo });
      const tName = ucscToCanonical(f[2] as string);
      if (f[4] !== '+') throw new KbError('chain header: the target strand must be +', { file, line: lineNo });
      const qStrand = f[9] === '-' ? '-' : '+';
      id = chains.length;
      chains.push({ qContig: ucscToCanonical(f[7] as string), qSize: Number(f[8]), qStrand });
      t = Number(f[5]);
      q = Number(f[10]);
      cur = blocks.get(tName);
      if (!cur) blocks.set(tName, (cur = []));
      continue;
    }
    if (!cur) throw new KbError('an alignment block before any chain header', { file, line: lineNo });
    const f = line.trim().split(/\s+/).map(Number);
    const size = f[0] as number;
    cur.push({ tStart0: t, qStart0: q, size, chain: id });
    t += size + (f[1] ?? 0);
    q += size + (f[2] ?? 0);
  }
  for (const list of blocks.values()) list.sort((a, b) => a.tStart0 - b.tStart0);
  return { blocks, chains };
}

/** Reads a chain file of the sources folder, gzip-compressed or plain. */
export function loadChain(src: SourceDir, rel: string): Chain {
  return parseChain(src.text(rel), src.path(rel));
}

function findBlock(list: Block[], p0: number): Block | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = list[mid] as Block;
    if (p0 < b.tStart0) hi = mid - 1;
    else if (p0 >= b.tStart0 + b.size) lo = mid + 1;
    else return b;
  }
  return undefined;
}

/** Lifts one 1-based position; undefined when it falls in a gap or on no chain. */
export function liftPoint(chain: Chain, contig: string, pos: number): LiftedPoint | undefined {
  const list = chain.blocks.get(contig);
  if (!list) return undefined;
  const p0 = pos - 1;
  const b = findBlock(list, p0);
  if (!b) return undefined;
  const meta = chain.chains[b.chain] as ChainMeta;
  const q0 = b.qStart0 + (p0 - b.tStart0);
  // On a '-' chain query coordinates count from the end of the reverse strand.
  const qPos = meta.qStrand === '+' ? q0 + 1 : meta.qSize - q0;
  return { contig: meta.qContig, pos: qPos, strand: meta.qStrand, chain: b.chain };
}

/**
 * Lifts a 1-based inclusive interval. Both ends must lift onto the same chain (so the same
 * contig and strand). With `sameLength` (exact alleles) the lifted length must equal the source
 * length, i.e. no chain gap inside; without it (coordinate ranges: exons, genes, codon spans)
 * the length may change, as liftOver -minMatch allows for ranges.
 * An empty interval (end = start - 1, an insertion point between two bases) lifts by its flanks.
 */
export function liftInterval(chain: Chain, iv: Interval, sameLength: boolean): LiftedInterval | LiftFailure {
  const a = liftPoint(chain, iv.contig, iv.end < iv.start ? iv.end : iv.start);
  const b = liftPoint(chain, iv.contig, iv.end < iv.start ? iv.start : iv.end);
  if (!a || !b) return { fail: `${!a ? 'start' : 'end'} in a chain gap or unmapped` };
  if (a.chain !== b.chain) return { fail: 'ends on different chains' };
  const lo = Math.min(a.pos, b.pos);
  const hi = Math.max(a.pos, b.pos);
  if (iv.end < iv.start) {
    // Insertion point: the two flanking bases must stay adjacent.
    if (hi - lo !== 1) return { fail: 'insertion flanks not adjacent after liftover' };
    return { contig: a.contig, start: hi, end: lo, strand: a.strand };
  }
  if (sameLength && hi - lo !== iv.end - iv.start) return { fail: 'length changes across liftover' };
  return { contig: a.contig, start: lo, end: hi, strand: a.strand };
}

export function isLiftFailure(x: LiftedInterval | LiftFailure): x is LiftFailure {
  return 'fail' in x;
}
