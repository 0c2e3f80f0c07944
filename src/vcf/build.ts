// Genome build from the header: ##contig lengths, ##reference, RefSeq accession versions.
// A header that contradicts an explicit -g is a usage error that says what the file looks like;
// a header that cannot tell leaves the build undefined (the pipeline then votes from REF alleles).
import { UsageError } from '../errors.js';
import { contigInfo } from '../normalize/contig.js';
import type { Build, VcfHeader } from '../types.js';

/** Lengths of a few chromosomes that differ between the builds. */
const LENGTHS: Record<string, Record<Build, number>> = {
  '1': { GRCh37: 249250621, GRCh38: 248956422 },
  '2': { GRCh37: 243199373, GRCh38: 242193529 },
  '7': { GRCh37: 159138663, GRCh38: 159345973 },
  '10': { GRCh37: 135534747, GRCh38: 133797422 },
  '17': { GRCh37: 81195210, GRCh38: 83257441 },
  '22': { GRCh37: 51304566, GRCh38: 50818468 },
  X: { GRCh37: 155270560, GRCh38: 156040895 },
};

const REFERENCE: [RegExp, Build][] = [
  [/hg19|b37|hs37d5|grch37|human_g1k_v37|hg37/i, 'GRCh37'],
  [/hg38|grch38|hs38/i, 'GRCh38'],
];

export interface BuildEvidence {
  build: Build;
  /** Human-readable reason, e.g. "##contig chr1 length 249250621". */
  why: string;
}

/** Every piece of build evidence the header offers, in header order. */
export function buildEvidence(header: VcfHeader): BuildEvidence[] {
  const out: BuildEvidence[] = [];
  for (const [id, len] of header.contigs) {
    const info = contigInfo(id);
    if (info.build) out.push({ build: info.build, why: `##contig ${id} is a ${info.build} accession` });
    const known = LENGTHS[info.name];
    if (known === undefined || len === undefined) continue;
    for (const b of ['GRCh37', 'GRCh38'] as const) {
      if (known[b] === len) out.push({ build: b, why: `##contig ${id} length ${len} is ${b}` });
    }
  }
  for (const line of header.metaLines) {
    if (!line.startsWith('##reference=') && !line.startsWith('##assembly=')) continue;
    const value = line.slice(line.indexOf('=') + 1);
    for (const [re, b] of REFERENCE) {
      if (re.test(value)) {
        out.push({ build: b, why: `${line.slice(0, line.indexOf('='))} ${value} is ${b}` });
        break;
      }
    }
  }
  return out;
}

/**
 * The build the header shows. Contig lengths and accessions outrank ##reference (a file name that
 * may be stale). Conflicting strong evidence leaves the build undefined rather than guessing.
 */
export function detectBuild(
  header: VcfHeader,
  requested: Build | 'auto',
  file: string,
): { build?: Build; source: string } {
  const ev = buildEvidence(header);
  const strong = ev.filter((e) => !e.why.startsWith('##reference') && !e.why.startsWith('##assembly'));
  const pool = strong.length > 0 ? strong : ev;
  const builds = new Set(pool.map((e) => e.build));
  const seen = builds.size === 1 ? (pool[0] as BuildEvidence) : undefined;
  if (requested !== 'auto') {
    const against = pool.find((e) => e.build !== requested);
    if (against && builds.size === 1) {
      throw new UsageError(`-g ${requested} given but ${against.why} (${file} looks like ${against.build})`);
    }
    return { build: requested, source: '-g' };
  }
  if (seen) return { build: seen.build, source: seen.why };
  if (builds.size > 1) {
    return { source: `header evidence conflicts: ${pool.map((e) => e.why).join('; ')}` };
  }
  return { source: 'header does not tell' };
}
