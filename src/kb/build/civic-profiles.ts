// CIViC molecular profiles: a profile name ('EGFR L858R AND EGFR T790M', 'NOT X') parsed into a
// boolean expression over variant ids, and kept only when some VCF could show it.
import type { Biomarker, Profile, ProfileExpr } from '../../cancer/types.js';
import type { Row } from './civic-read.js';
import { byId, split } from './civic-evidence.js';

/** Parses a molecular profile name ('A AND ( B OR C )', 'NOT X') against its variants' names. */
export function parseProfile(name: string, variants: { id: number; label: string }[]): ProfileExpr | undefined {
  const labels = [...variants].sort((a, b) => b.label.length - a.label.length);
  const tokens: (string | number)[] = [];
  let rest = name.trim();
  while (rest !== '') {
    const op = /^(AND|OR|NOT)\b\s*|^\(\s*|^\)\s*/.exec(rest);
    const leaf = labels.find((l) => rest.toUpperCase().startsWith(l.label.toUpperCase()));
    if (leaf && !(op && /^(AND|OR|NOT)\b/.test(rest))) {
      tokens.push(leaf.id);
      rest = rest.slice(leaf.label.length).trimStart();
    } else if (op) {
      tokens.push(op[0].trim());
      rest = rest.slice(op[0].length);
    } else return undefined;
  }
  let i = 0;
  const primary = (): ProfileExpr | undefined => {
    const t = tokens[i++];
    if (typeof t === 'number') return t;
    if (t === 'NOT') {
      const e = primary();
      return e === undefined ? undefined : { not: e };
    }
    if (t === '(') {
      const e = expr();
      return tokens[i++] === ')' ? e : undefined;
    }
    return undefined;
  };
  const expr = (): ProfileExpr | undefined => {
    const first = primary();
    if (first === undefined) return undefined;
    const items = [first];
    let op: string | undefined;
    while (tokens[i] === 'AND' || tokens[i] === 'OR') {
      const o = tokens[i++] as string;
      if (op && op !== o) return undefined; // mixed AND/OR without brackets is ambiguous
      op = o;
      const e = primary();
      if (e === undefined) return undefined;
      items.push(e);
    }
    return items.length === 1 ? first : op === 'AND' ? { and: items } : { or: items };
  };
  const e = expr();
  return e !== undefined && i === tokens.length ? e : undefined;
}

/** Can some assignment of visible parts satisfy the expression? NOT needs absence, which a VCF cannot prove. */
export function canShow(e: ProfileExpr, visible: (id: number) => boolean): boolean {
  if (typeof e === 'number') return visible(e);
  if ('and' in e) return e.and.every((x) => canShow(x, visible));
  if ('or' in e) return e.or.some((x) => canShow(x, visible));
  return false;
}

/** Profiles a VCF can show (sorted by id), and the ids of names that could not be parsed. */
export function selectProfiles(rows: Row[], byVariant: ReadonlyMap<number, Biomarker>): { profiles: Profile[]; unparsed: number[] } {
  const visible = (id: number): boolean => {
    const b = byVariant.get(id);
    return b !== undefined && b.kind !== 'none';
  };
  const profiles: Profile[] = [];
  const unparsed: number[] = [];
  for (const p of rows) {
    const id = Number(p.molecular_profile_id);
    const parts = split(p.variant_ids ?? '').map(Number).sort((a, b) => a - b);
    const named = parts.map((vid) => {
      const b = byVariant.get(vid);
      return { id: vid, label: b ? `${b.gene} ${b.name}` : String(vid) };
    });
    const expr = parts.length === 1 ? (parts[0] as number) : parseProfile(p.name ?? '', named);
    if (expr === undefined) {
      unparsed.push(id);
      continue;
    }
    if (canShow(expr, visible)) profiles.push({ id, name: p.name ?? '', expr, parts });
  }
  return { profiles: profiles.sort(byId), unparsed };
}
