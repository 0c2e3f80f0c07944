// How PharmCAT names a call in its report, beside the matcher's names:
// - sub-alleles: PharmCAT splits a core allele whose definition is ambiguous into sub-alleles for
//   matching (SLCO1B1 *45 → *45.001, *45.002; definition file suballelesMap, PharmCAT 3.1 "support
//   suballeles to work around ambiguous core alleles") and reports the core name. The KB keeps the
//   sub-allele names as PharmVar writes them (`*45.001`): the core is the name before `.NNN`.
// - CPIC-style labels (reporter Diplotype.buildLabel, USE_CPIC_STYLE_DIPLOTYPE_NAMES: CACNA1S,
//   CFTR, RYR1): both strands the reference → `Reference/Reference`; one → `X (heterozygous)`;
//   otherwise the diplotype as named. CFTR's reference allele ("ivacaftor non-responsive CFTR
//   sequence") is `Reference` there too (CftrTest).
// - SLCO1B1 without a diplotype: the rs4149056 genotype (docs "Gene Definition Exceptions").
import type { Site } from './call-sites.js';
import type { GeneDef } from './kb.js';
import { naturalCompare } from './names.js';

export const CPIC_STYLE_LABELS = new Set(['CACNA1S', 'CFTR', 'RYR1']);
const REFERENCE = 'Reference';
const HETEROZYGOUS = ' (heterozygous)';

const SUB_ALLELE = /^(\*\d+)\.\d{3}$/;

/** A sub-allele's core name (`*45.001` → `*45`); other names unchanged. */
export function coreName(name: string): string {
  return SUB_ALLELE.exec(name)?.[1] ?? name;
}

// Names repeat across a cohort's samples: each is rewritten once (a bounded cache).
const coreNamesOf = new Map<string, string>();
const CORE_NAMES_MAX = 50_000;

/** A diplotype or combination name with every sub-allele written as its core allele. */
export function withCoreNames(name: string): string {
  if (!name.includes('*')) return name;
  let out = coreNamesOf.get(name);
  if (out === undefined) {
    if (coreNamesOf.size >= CORE_NAMES_MAX) coreNamesOf.clear();
    coreNamesOf.set(name, (out = name.includes('.') ? name.replace(/\*\d+\.\d{3}\b/g, coreName) : name));
  }
  return out;
}

/** PharmCAT's report label of one diplotype name (`a/b`, a single allele, or a list entry). */
export function reportLabel(def: GeneDef, diplotype: string): string {
  if (!CPIC_STYLE_LABELS.has(def.gene)) return diplotype;
  // Names without the reference's name are their own label: the rest split once per call.
  if (!diplotype.includes(def.reference.name)) return diplotype;
  const parts = diplotype.split('/');
  const ref = def.reference.name;
  if (parts.length === 1) return parts[0] === ref ? REFERENCE : diplotype;
  const [a, b] = parts as [string, string];
  if (a === ref && b === ref) return `${REFERENCE}/${REFERENCE}`;
  if (a === ref || b === ref) return `${a === ref ? b : a}${HETEROZYGOUS}`;
  return diplotype;
}

/** SLCO1B1 without a diplotype is reported by its rs4149056 genotype (CPIC's function-defining SNV). */
const KEY_POSITION: Record<string, string> = { SLCO1B1: 'rs4149056' };

export function keyPositionFallback(def: GeneDef, sites: Site[]): { diplotype: string; haplotypes: string[] } | undefined {
  const rsid = KEY_POSITION[def.gene];
  const site = rsid ? sites.find((s) => s.call.site.rsid === rsid) : undefined;
  if (!site || site.alleles.length !== 2 || site.alleles.includes(null)) return undefined;
  // Each allele stands for the named allele defined by it alone (or the reference).
  const standFor = (x: string): string =>
    x === def.reference.hap[site.idx]
      ? def.reference.name
      : coreName(def.alleles.find((a) => a.defined[site.idx] && a.hap[site.idx] === x && a.defined.filter(Boolean).length === 1)?.name ?? x);
  const [a, b] = [...(site.alleles as string[])].sort(naturalCompare) as [string, string];
  return { diplotype: `${rsid} ${a}/${rsid} ${b}`, haplotypes: [standFor(a), standFor(b)] };
}
