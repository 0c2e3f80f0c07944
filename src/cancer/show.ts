// `vcfact kb show GENE` for a cancer gene: its CIViC biomarkers, how each is recognised, and its
// coordinates per build (exact alleles in the minimal form they are compared in).
import { BUILDS } from '../types.js';
import type { CancerKb } from './kb.js';
import type { Biomarker, Locus } from './types.js';

const locusText = (l: Locus): string =>
  l.tref !== undefined ? `${l.contig}:${l.start} ${l.tref || '-'}>${l.talt || '-'}` : `${l.contig}:${l.start}-${l.end}`;

/** TSV lines describing one gene's biomarkers, or undefined when the KB has none. */
export function showCancerGene(kb: CancerKb, gene: string): string[] | undefined {
  const all = [...kb.tables().biomarkers.values()].filter((b: Biomarker) => b.gene.toUpperCase() === gene.toUpperCase());
  if (all.length === 0) return undefined;
  const out = [`# ${all[0]?.gene}: ${all.length} CIViC variants with accepted evidence`];
  out.push(['civic_variant_id', 'name', 'kind', ...BUILDS.map((b) => `loci_${b}`), 'why', 'unlifted'].join('\t'));
  for (const b of all.sort((x, y) => x.id - y.id)) {
    out.push([b.id, b.name, b.kind, ...BUILDS.map((x) => b.loci[x].map(locusText).join(';')), b.why, b.unlifted ?? ''].join('\t'));
  }
  return out;
}
