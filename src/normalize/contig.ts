// One alias map for contig names: 1 / chr1 / NC_000001.10 / NC_000001.11 / MT / chrM … → the
// canonical '1'..'22', 'X', 'Y', 'MT' used inside the core. Unknown names pass through unchanged,
// so a decoy or patch contig simply never matches a knowledge-base site.
import type { Build } from '../types.js';

const CANONICAL = [...Array.from({ length: 22 }, (_, i) => String(i + 1)), 'X', 'Y'];

/** RefSeq accession version per chromosome for each build (NC_0000NN.V). */
const REFSEQ_VERSION: Record<Build, readonly number[]> = {
  // 1..22, X, Y
  GRCh37: [10, 11, 11, 11, 9, 11, 13, 10, 11, 10, 9, 11, 10, 8, 9, 9, 10, 9, 9, 10, 8, 10, 10, 9],
  GRCh38: [11, 12, 12, 12, 10, 12, 14, 11, 12, 11, 10, 12, 11, 9, 10, 10, 11, 10, 10, 11, 9, 11, 11, 10],
};

const MITO = new Set(['MT', 'M', 'CHRM', 'CHRMT', 'NC_012920', 'NC_012920.1']);

export interface ContigInfo {
  /** '1'..'22', 'X', 'Y', 'MT', or the input name when unknown. */
  name: string;
  /** Build implied by a RefSeq accession version, when the name is one. */
  build?: Build;
}

const cache = new Map<string, ContigInfo>();

/** Canonical name and build hint of a contig name as written in a VCF. */
export function contigInfo(raw: string): ContigInfo {
  let hit = cache.get(raw);
  if (hit === undefined) {
    hit = resolve(raw);
    // The cache is bounded by the distinct contig names of the inputs (a few hundred at most).
    cache.set(raw, hit);
  }
  return hit;
}

/** Canonical contig name ('1'..'22', 'X', 'Y', 'MT'); unknown names are returned unchanged. */
export function canonicalContig(raw: string): string {
  return contigInfo(raw).name;
}

function resolve(raw: string): ContigInfo {
  const upper = raw.toUpperCase();
  if (MITO.has(upper)) return { name: 'MT' };
  const acc = /^NC_0000(\d\d)\.(\d+)$/.exec(upper);
  if (acc) {
    const n = Number(acc[1]);
    const version = Number(acc[2]);
    if (n < 1 || n > 24) return { name: raw };
    const name = CANONICAL[n - 1] as string;
    let build: Build | undefined;
    if (REFSEQ_VERSION.GRCh37[n - 1] === version) build = 'GRCh37';
    else if (REFSEQ_VERSION.GRCh38[n - 1] === version) build = 'GRCh38';
    return build ? { name, build } : { name };
  }
  const bare = upper.startsWith('CHR') ? upper.slice(3) : upper;
  if (bare === 'X' || bare === 'Y') return { name: bare };
  if (/^[1-9]\d?$/.test(bare) && Number(bare) <= 22) return { name: bare };
  return { name: raw };
}
