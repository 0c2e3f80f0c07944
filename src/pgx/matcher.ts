// The 'pgx' matcher for `annotate`: a split variant at a PGx definition position is an `exact`
// match when its allele defines named alleles, a `position` match when no definition knows it.
import type { Matcher } from '../types.js';
import type { Build, Match, SplitVariant } from '../types.js';
import type { SiteRow } from './kb-types.js';
import type { PgxKb } from './kb.js';
import { naturalCompare } from './names.js';
import { siteAllele, siteRef } from './site-allele.js';

const MAX_NAMES = 3;

export function pgxMatcher(kb: PgxKb): Matcher {
  /** gene → position → alt → allele names using it (built on first use). */
  let users: Map<string, Map<number, Map<string, string[]>>> | undefined;
  const alleleUsers = (site: SiteRow, alt: string): string[] => {
    if (!users) {
      users = new Map();
      for (const [gene, def] of kb.genes()) {
        const byPos = new Map<number, Map<string, string[]>>();
        for (const a of def.alleles) {
          def.positions.forEach((pos, i) => {
            if (!a.defined[i] || a.hap[i] === def.reference.hap[i]) return;
            const m = byPos.get(pos) ?? new Map<string, string[]>();
            m.set(a.hap[i] as string, [...(m.get(a.hap[i] as string) ?? []), a.name]);
            byPos.set(pos, m);
          });
        }
        users.set(gene, byPos);
      }
    }
    return [...(users.get(site.gene)?.get(site.pos)?.get(alt) ?? [])].sort(naturalCompare);
  };
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
