// The knowledge-base sites every tool in the benchmark gets: from `vcfact kb regions` (BED), with
// alleles from the bundled PGx site table where it has them and seeded SNVs elsewhere, so that
// bcftools and vcfanno can match on alleles as vcfact does. Written once per content hash as
//   sites.tsv          CHROM POS REF ALT ID (generator input, UCSC names like the generated VCFs)
//   sites.tab.gz(.tbi) + sites.hdr   bcftools annotate -a/-h
//   sites.vcf.gz(.tbi) + vcfanno.toml
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GRCH38, contigName } from './genome.js';
import { runChecked } from './proc.js';
import { Rng } from './rng.js';
import { parseSites, type Site } from './sites.js';

export interface BenchSites {
  dir: string;
  tsv: string;
  table: string;
  tableHeader: string;
  vcf: string;
  toml: string;
  count: number;
  /** Where the sites came from, for the report. */
  origin: string;
}

const BASES = /^[ACGT]+$/;
const ORDER = new Map(GRCH38.map((c, i) => [c.canonical, i]));

/** Positions and alleles of the bundled PGx sites (best effort: the table belongs to the pgx module). */
function pgxAlleles(root: string): Map<string, { ref: string; alt: string; id?: string }> {
  const out = new Map<string, { ref: string; alt: string; id?: string }>();
  try {
    const rows = (JSON.parse(readFileSync(join(root, 'data/pgx/sites.json'), 'utf8')) as { rows: unknown[] }).rows;
    for (const row of rows as { chrom?: string; pos?: number; ref?: string; alts?: string[]; rsid?: string }[]) {
      const alt = row.alts?.[0];
      if (row.chrom && row.pos && row.ref && alt && BASES.test(row.ref) && BASES.test(alt)) {
        out.set(`${row.chrom}:${row.pos}`, { ref: row.ref, alt, id: row.rsid || undefined });
      }
    }
  } catch {
    // No PGx table yet: every site gets seeded alleles.
  }
  return out;
}

/** BED intervals → one site per known PGx position inside, else one at the interval's first base. */
function sitesFromBed(bed: string, known: Map<string, { ref: string; alt: string; id?: string }>, rng: Rng): Site[] {
  const byContig = new Map<string, number[]>();
  for (const key of known.keys()) {
    const [c, p] = key.split(':') as [string, string];
    (byContig.get(c) ?? byContig.set(c, []).get(c)!).push(Number(p));
  }
  const sites: Site[] = [];
  for (const line of bed.split('\n')) {
    const [chrom, s, e] = line.split('\t');
    if (!chrom || s === undefined || e === undefined || line.startsWith('#')) continue;
    const iv = parseSites(`${chrom}\t${s}\t${e}`).sites[0];
    if (!iv) continue;
    const inside = (byContig.get(iv.contig) ?? []).filter((p) => p > Number(s) && p <= Number(e));
    for (const pos of inside.length ? inside : [iv.pos]) {
      const k = known.get(`${iv.contig}:${pos}`);
      if (k) sites.push({ contig: iv.contig, pos, ...k });
      else {
        const ref = 'ACGT'[rng.u32() & 3]!;
        sites.push({ contig: iv.contig, pos, ref, alt: 'ACGT'.replace(ref, '')[rng.u32() % 3]! });
      }
    }
  }
  return sites;
}

/** Seeded stand-in when `vcfact kb regions` does not work yet: SNVs spread over the genome. */
function syntheticSites(n: number, rng: Rng): Site[] {
  return Array.from({ length: n }, () => {
    const c = GRCH38[rng.u32() % 22]!;
    const ref = 'ACGT'[rng.u32() & 3]!;
    return { contig: c.canonical, pos: 20_000 + (rng.u32() % (c.length - 40_000)), ref, alt: 'ACGT'.replace(ref, '')[rng.u32() % 3]! };
  });
}

export function prepareSites(root: string, bin: string, outDir: string, seed: number): BenchSites {
  const rng = new Rng(seed ^ 0xb3d);
  let sites: Site[];
  let origin: string;
  try {
    const bed = runChecked(process.execPath, [bin, 'kb', 'regions', '-g', 'GRCh38']);
    sites = sitesFromBed(bed, pgxAlleles(root), rng);
    if (sites.length === 0) throw new Error('no regions');
    origin = `vcfact kb regions -g GRCh38 (${bed.split('\n').filter(Boolean).length} intervals)`;
  } catch (e) {
    sites = syntheticSites(5000, rng);
    origin = `5,000 synthetic sites (vcfact kb regions failed: ${(e as Error).message.split('\n')[0]!.slice(0, 160)})`;
  }
  sites.sort((a, b) => ORDER.get(a.contig)! - ORDER.get(b.contig)! || a.pos - b.pos);
  sites = sites.filter((s, i) => i === 0 || s.contig !== sites[i - 1]!.contig || s.pos !== sites[i - 1]!.pos);
  const rows = sites.map((s, i) => [contigName(s.contig, true), s.pos, s.ref, s.alt, s.id ?? `kb${i + 1}`].join('\t'));
  const tsvText = `#CHROM\tPOS\tREF\tALT\tID\n${rows.join('\n')}\n`;
  const hash = createHash('sha256').update(tsvText).digest('hex').slice(0, 10);
  const dir = join(outDir, `sites-${hash}`);
  const paths: BenchSites = {
    dir,
    tsv: join(dir, 'sites.tsv'),
    table: join(dir, 'sites.tab.gz'),
    tableHeader: join(dir, 'sites.hdr'),
    vcf: join(dir, 'sites.vcf.gz'),
    toml: join(dir, 'vcfanno.toml'),
    count: sites.length,
    origin,
  };
  if (existsSync(paths.toml)) return paths;
  mkdirSync(dir, { recursive: true });
  writeFileSync(paths.tsv, tsvText);
  writeFileSync(join(dir, 'sites.tab'), rows.join('\n') + '\n');
  runChecked('bgzip', ['-f', join(dir, 'sites.tab')]);
  runChecked('tabix', ['-f', '-s1', '-b2', '-e2', paths.table]);
  writeFileSync(paths.tableHeader, '##INFO=<ID=KBID,Number=1,Type=String,Description="Knowledge-base site">\n');
  const vcf = [
    '##fileformat=VCFv4.2',
    ...GRCH38.map((c) => `##contig=<ID=${contigName(c.canonical, true)},length=${c.length}>`),
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO',
    ...sites.map((s, i) => [contigName(s.contig, true), s.pos, s.id ?? `kb${i + 1}`, s.ref, s.alt, '.', '.', '.'].join('\t')),
  ];
  writeFileSync(join(dir, 'sites.vcf'), vcf.join('\n') + '\n');
  runChecked('bgzip', ['-f', join(dir, 'sites.vcf')]);
  runChecked('tabix', ['-f', '-p', 'vcf', paths.vcf]);
  writeFileSync(
    paths.toml,
    `[[annotation]]\nfile="${paths.vcf}"\nfields=["ID"]\nnames=["KBID"]\nops=["self"]\n`,
  );
  return paths;
}
