// Alleles of an input record at a PGx definition site, in the site's allele space (the GRCh38 VCF
// form PharmCAT defines alleles in). Matching is by allele sequence, never by REF/ALT role: where
// the two references differ (rs776746: GRCh37 REF C is the *3 allele, GRCh38 REF T is *1), a
// GRCh37 record's REF is a definition's ALT and its ALT the definition's REF.
import type { Build } from '../types.js';
import type { SiteRow } from './kb-types.js';
import { minimalAllele, minimalKey } from './minimal.js';

/** The allele the build's reference sequence carries at the site (a 0/0 call, a reference block). */
export function siteRef(site: SiteRow, build: Build): string {
  return build === 'GRCh37' ? (site.ref37 ?? site.ref) : site.ref;
}

const tables: Record<Build, WeakMap<SiteRow, Map<string, string>>> = { GRCh37: new WeakMap(), GRCh38: new WeakMap() };

/** Minimal form against the build's reference → site allele, for records that span other bases. */
function minimalTable(site: SiteRow, build: Build): Map<string, string> {
  let t = tables[build].get(site);
  if (t === undefined) {
    const ref = siteRef(site, build);
    t = new Map();
    for (const a of [site.ref, ...site.alts]) if (a !== ref) t.set(minimalKey(minimalAllele(site.pos, ref, a)), a);
    tables[build].set(site, t);
  }
  return t;
}

/**
 * One allele of a record at the site's position (`recRef` its REF) as a site allele; an allele no
 * definition knows comes back as `tref>talt@tpos` (GRCh38 position), which matches nothing.
 */
export function siteAllele(site: SiteRow, build: Build, recRef: string, allele: string): string {
  // Over the same bases as the site the text is the allele, whatever either reference says.
  if (recRef.length === site.ref.length) return allele;
  if (allele === recRef) return siteRef(site, build);
  const m = minimalAllele(site.pos, recRef, allele);
  return minimalTable(site, build).get(minimalKey(m)) ?? `${m.tref || '-'}>${m.talt || '-'}@${m.tpos}`;
}
