// The audit of lifted exact alleles for the manifest: CIViC gives one build's REF, and the lifted
// locus keeps it, unverified (no reference sequence is bundled). Where the two references differ
// the lifted REF is wrong, and an exact match on it would silently miss; the matcher accepts such a
// REF at lifted SNV sites (src/cancer/matcher.ts), and the notes list every known difference.
import type { Biomarker } from '../../cancer/types.js';

interface RefDifference {
  chrom: string;
  pos37: number;
  pos38: number;
  ref37: string;
  ref38: string;
}

export function liftedReferenceAudit(biomarkers: readonly Biomarker[], diffs: readonly RefDifference[]): string {
  const lifted = biomarkers.filter((b) => b.lifted !== undefined);
  const hits: string[] = [];
  for (const b of lifted) {
    for (const d of diffs) {
      const at37 = b.loci.GRCh37.some((l) => l.contig === d.chrom && l.start <= d.pos37 && d.pos37 <= l.end);
      const at38 = b.loci.GRCh38.some((l) => l.contig === d.chrom && l.start <= d.pos38 && d.pos38 <= l.end);
      if (at37 || at38) hits.push(`${b.id} ${b.gene} ${b.name} (${d.chrom}:${d.pos37} GRCh37 ${d.ref37} / ${d.pos38} GRCh38 ${d.ref38})`);
    }
  }
  const toBuild = [...new Set(lifted.map((b) => b.lifted))].join(', ');
  return (
    `Lifted exact alleles: ${lifted.length} (to ${toBuild || 'none'}); their REF there is CIViC's source-build REF, not read from a sequence (none is bundled). ` +
    `At the ${diffs.length} positions where PyPGx records different reference bases in GRCh37 and GRCh38, lifted exact alleles: ${hits.length ? hits.join('; ') : 'none'}. ` +
    'At a lifted SNV site the matcher accepts an input REF that differs from the lifted one when the ALT agrees, and says so in match_note.'
  );
}
