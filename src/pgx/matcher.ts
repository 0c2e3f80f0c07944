// The 'pgx' matcher for `annotate`: a split variant at a PGx definition position is an `exact`
// match when its allele defines named alleles, a `position` match when no definition knows it.
import type { Matcher } from '../types.js';
import type { Build, Match, SplitVariant } from '../types.js';
import type { SiteRow } from './kb-types.js';
import type { PgxKb } from './kb.js';
import { naturalCompare } from './names.js';
import { siteAllele, siteRef } from './site-allele.js';

const MAX_NAMES = 3;

/** gene → position → alt → the names of the alleles defined by it, each list sorted. */
type AlleleUsers = Map<string, Map<number, Map<string, string[]>>>;

function buildUsers(kb: PgxKb): AlleleUsers {
  const users: AlleleUsers = new Map();
  for (const [gene, def] of kb.genes()) {
    const byPos = new Map<number, Map<string, string[]>>();
    for (const a of def.alleles) {
      def.positions.forEach((pos, i) => {
        const hap = a.hap[i] as string;
        if (!a.defined[i] || hap === def.reference.hap[i]) return;
        let m = byPos.get(pos);
        if (!m) byPos.set(pos, (m = new Map()));
        const list = m.get(hap);
        if (list) list.push(a.name);
        else m.set(hap, [a.name]);
      });
    }
    for (const m of byPos.values()) for (const list of m.values()) list.sort(naturalCompare);
    users.set(gene, byPos);
  }
  return users;
}

export function pgxMatcher(kb: PgxKb): Matcher {
  let users: AlleleUsers | undefined;
  /** The allele names using `alt` at the site (a copy: each match keeps its own list). */
  const alleleUsers = (site: SiteRow, alt: string): string[] => [...((users ??= buildUsers(kb)).get(site.gene)?.get(site.pos)?.get(alt) ?? [])];
  const fn = (gene: string, name: string): string | undefined => kb.phenotypes().get(gene)?.alleles[name]?.[0];

  return {
    name: 'pgx',
    intervals: (build: Build) => kb.intervals(build),
    match(v: SplitVariant, build: Build): Match[] {
      const out: Match[] = [];
      const seen = new Set<string>();
      for (const site of kb.sitesAt(build, v.record.contig, v.pos) ?? []) {
        if (site.role === 'ignored' || seen.has(site.gene)) continue;
        seen.add(site.gene);
        const allele = siteAllele(site, build, v.ref, v.alt);
        const known = site.alts.includes(allele);
        const label = site.rsid ?? site.hgvs;
        if (!known && allele !== site.ref) {
          out.push({ kb: 'pgx', gene: site.gene, feature: `${site.gene} ${label} (allele not in any definition)`, match: 'position', extra: { rsid: site.rsid ?? '', alleles: [], function: '' } });
          continue;
        }
        // The ALT is the definitions' reference allele where this build's reference carries a
        // variant one (a GRCh37 T at rs776746): the sample lacks what the reference has.
        if (!known) {
          const refNames = alleleUsers(site, siteRef(site, build)).join(', ');
          out.push({ kb: 'pgx', gene: site.gene, feature: `${site.gene} ${label} (definition reference allele; ${build}'s reference carries ${refNames || 'a variant allele'})`, match: 'exact', extra: { rsid: site.rsid ?? '', alleles: [], function: '' } });
          continue;
        }
        const names = site.role === 'extra' ? [] : alleleUsers(site, allele);
        const shown = names.length > MAX_NAMES ? `${names.slice(0, MAX_NAMES).join(', ')}, …` : names.join(', ');
        const named = names.length === 1 && !names[0]?.startsWith('*') ? names[0] : undefined;
        const feature = named ? `${site.gene} ${named}` : `${site.gene} ${label}${shown ? ` (${shown})` : ''}`;
        const f = names.length === 1 ? fn(site.gene, names[0] as string) : undefined;
        out.push({ kb: 'pgx', gene: site.gene, feature, match: 'exact', extra: { rsid: site.rsid ?? '', alleles: names, function: f ?? '' } });
      }
      return out;
    },
  };
}
