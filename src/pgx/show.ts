// `vcfact kb show GENE` for a pharmacogene: its definition positions in both builds, with a note
// wherever a build's reference carries an allele that is not the reference allele's (there a 0/0
// call is a variant), and its named alleles with their function.
import type { GeneDef, PgxKb } from './kb.js';
import { naturalCompare } from './names.js';

/** Named alleles (besides the reference) whose definition carries `allele` at position index `i`. */
function carriers(def: GeneDef, i: number, allele: string): string[] {
  return def.alleles
    .filter((a) => !a.reference && a.defined[i] && a.hap[i] === allele)
    .map((a) => a.name)
    .sort(naturalCompare);
}

function referenceNote(def: GeneDef, i: number): string {
  const site = def.sites[i];
  const refAllele = def.reference.hap[i];
  if (site === undefined || refAllele === undefined) return '';
  const notes: string[] = [];
  for (const [build, base] of [['GRCh38', site.ref], ['GRCh37', site.ref37]] as const) {
    if (base === null || base === refAllele) continue;
    const names = carriers(def, i, base);
    const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    notes.push(`${build} reference carries ${base}${shown ? ` (${shown})` : ''}, not the ${def.reference.name} allele ${refAllele}: a ${build} 0/0 here is a variant call`);
  }
  if (site.ref37From === 'assumed') notes.push('GRCh37 reference assumed equal to GRCh38 (no GRCh37 source lists it)');
  return notes.join('; ');
}

/** TSV lines describing one gene, or undefined when the KB has no such gene. */
export function showPgxGene(kb: PgxKb, gene: string): string[] | undefined {
  const def = [...kb.genes().values()].find((g) => g.gene.toUpperCase() === gene.toUpperCase());
  if (def === undefined) return undefined;
  const fn = kb.phenotypes().get(def.gene)?.alleles ?? {};
  const out = [`# ${def.gene} (PharmCAT definitions ${def.version}), chromosome ${def.chrom}, ${def.positions.length} definition positions, ${def.alleles.length} named alleles`];
  out.push(['position_GRCh38', 'position_GRCh37', 'rsid', 'ref_GRCh38', 'ref_GRCh37', 'ref_GRCh37_from', 'alts', 'reference_allele', 'note'].join('\t'));
  def.sites.forEach((s, i) => {
    out.push([s.pos, s.pos37 ?? '', s.rsid ?? '', s.ref, s.ref37 ?? '', s.ref37From, s.alts.join(','), def.reference.hap[i] ?? '', referenceNote(def, i)].join('\t'));
  });
  out.push('');
  out.push(['allele', 'function', 'activity_value', 'defining_alleles'].join('\t'));
  for (const a of def.alleles) {
    const defs = def.positions.flatMap((p, i) => (a.defined[i] && a.hap[i] !== def.reference.hap[i] ? [`${p}${a.hap[i]}`] : []));
    const [f = '', av = ''] = fn[a.name] ?? [];
    out.push([a.name, f, av ?? '', a.reference ? '(reference)' : defs.join(';')].join('\t'));
  }
  return out;
}
