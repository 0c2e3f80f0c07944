// Knowledge-base sites to inject into generated VCFs: read from a BED (0-based, half-open; alleles
// chosen by the generator) or a TSV of CHROM POS REF ALT [ID] (1-based, alleles as given).
import { readFileSync } from 'node:fs';
import { canonicalOf } from './genome.js';

export interface Site {
  /** Canonical contig ('1'..'22', 'X', 'Y', 'MT'). */
  contig: string;
  /** 1-based position of the first REF base. */
  pos: number;
  /** Alleles when the source gives them; the generator picks a SNV otherwise. */
  ref?: string;
  alt?: string;
  id?: string;
}

const ALLELE = /^[ACGTN]+$/i;
const INT = /^\d+$/;

/**
 * Parses a sites file. Header/comment/track lines are skipped; sites on non-primary contigs are
 * dropped (counted in `skipped`). A line that is neither BED nor the TSV is an error naming it.
 */
export function parseSites(text: string, name = 'sites'): { sites: Site[]; skipped: number } {
  const sites: Site[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('track ') || line.startsWith('browser ')) continue;
    const f = line.split('\t');
    const [chrom, a, b] = f;
    const where = `${name}:${i + 1}`;
    if (chrom === undefined || a === undefined || b === undefined || !INT.test(a)) {
      throw new Error(`${where}: expected BED (chrom start end) or TSV (CHROM POS REF ALT), got '${line.slice(0, 80)}'`);
    }
    const contig = canonicalOf(chrom);
    let site: Site;
    if (INT.test(b)) {
      const start0 = Number(a);
      if (Number(b) <= start0) throw new Error(`${where}: BED end ${b} is not after start ${a}`);
      site = { contig: contig ?? chrom, pos: start0 + 1 };
    } else {
      const alt = f[3];
      if (!ALLELE.test(b) || alt === undefined || !ALLELE.test(alt.split(',')[0] ?? '')) {
        throw new Error(`${where}: REF/ALT must be bases (ACGTN), got '${b}' '${alt ?? ''}'`);
      }
      if (Number(a) < 1) throw new Error(`${where}: POS must be 1-based, got ${a}`);
      site = { contig: contig ?? chrom, pos: Number(a), ref: b.toUpperCase(), alt: alt.split(',')[0]!.toUpperCase() };
      if (f[4] && f[4] !== '.') site.id = f[4];
    }
    if (contig === undefined) skipped++;
    else sites.push(site);
  }
  return { sites, skipped };
}

export function readSites(path: string): { sites: Site[]; skipped: number } {
  return parseSites(readFileSync(path, 'utf8'), path);
}
