// The 'pgx' matcher for `annotate`: a split variant at a PGx definition position is an `exact`
// match when its allele defines named alleles, a `position` match when no definition knows it.
import type { Matcher } from '../match/types.js';
import type { Build, Match, SplitVariant } from '../types.js';
import type { SiteRow } from './kb-types.js';
import type { PgxKb } from './kb.js';
import { minimalKey } from './minimal.js';
import { naturalCompare } from './names.js';

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
      const key = minimalKey({ tpos: v.tpos, tref: v.tref, talt: v.talt });
      const seen = new Set<string>();
      // The site is found by the record's position; indels may sit one base away once trimmed.
      for (const pos of new Set([v.pos, v.record.pos])) {
        for (const site of kb.sitesAt(build, v.record.contig, pos) ?? []) {
          if (site.role === 'ignored' || seen.has(site.gene)) continue;
          seen.add(site.gene);
          // Compare in GRCh38 minimal form: shift the variant by the site's build offset.
          const offset = site.pos - pos;
          const j = site.minimal.findIndex((m) => minimalKey({ ...m, tpos: m.tpos - offset }) === key);
          const label = site.rsid ?? site.hgvs;
          if (j < 0) {
            out.push({ kb: 'pgx', gene: site.gene, feature: `${site.gene} ${label} (allele not in any definition)`, match: 'position', extra: { rsid: site.rsid ?? '', alleles: '', function: '' } });
            continue;
          }
          const names = site.role === 'extra' ? [] : alleleUsers(site, site.alts[j] as string);
          const shown = names.length > MAX_NAMES ? `${names.slice(0, MAX_NAMES).join(', ')}, …` : names.join(', ');
          const named = names.length === 1 && !names[0]?.startsWith('*') ? names[0] : undefined;
          const feature = named ? `${site.gene} ${named}` : `${site.gene} ${label}${shown ? ` (${shown})` : ''}`;
          const f = names.length === 1 ? fn(site.gene, names[0] as string) : undefined;
          out.push({ kb: 'pgx', gene: site.gene, feature, match: 'exact', extra: { rsid: site.rsid ?? '', alleles: names.join(';'), function: f ?? '' } });
        }
      }
      return out;
    },
  };
}
