// The user table of the T1 benchmark (issue 11): a seeded 100,000-row `--table` file (DESIGN §3a)
// on the bench input's GRCh38 contigs. Every knowledge-base site injected into the inputs is an
// exact row (so the run writes table rows), the rest are seeded exact SNVs (about 90%), ranges of
// 1–200 bp (about 9%, exon- or hotspot-sized windows) and protein rows (about 1%, not evaluated: the
// inputs carry no CSQ/ANN), each with three further columns, spread over the contigs by length.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contigName, GRCH38 } from './genome.js';
import { Rng } from './rng.js';
import type { Site } from './sites.js';

/** Bump when the rows change, so a cached table is regenerated. */
export const TABLE_VERSION = 2;
export const TABLE_ROWS = 100_000;

const BASES = 'ACGT';
const NUCLEAR = GRCH38.filter((c) => c.canonical !== 'MT');
const GENOME = NUCLEAR.reduce((n, c) => n + c.length, 0);

/** A contig drawn in proportion to its length, and a position on it. */
function place(rng: Rng): { chrom: string; pos: number } {
  let at = Math.floor(rng.float() * GENOME);
  for (const c of NUCLEAR) {
    // Not in a contig's last 1,000 bases, so a range row stays on it.
    if (at < c.length) return { chrom: contigName(c.canonical, true), pos: Math.min(at, c.length - 1001) + 1 };
    at -= c.length;
  }
  return { chrom: 'chr1', pos: 1 + rng.int(0, 1_000_000) };
}

function row(rng: Rng, i: number): string {
  const { chrom, pos } = place(rng);
  const level = 'ABCD'[rng.int(0, 3)] as string;
  const rest = `${level}\tdrug-${i % 97}\tgenerated row ${i}`;
  const kind = rng.float();
  if (kind < 0.9) {
    const ref = BASES[rng.int(0, 3)] as string;
    const alt = BASES[(BASES.indexOf(ref) + rng.int(1, 3)) % 4] as string;
    return `${chrom}\t${pos}\t\t${ref}\t${alt}\tGENE${i % 5000}\t\tsnv ${i}\t${rest}`;
  }
  if (kind < 0.99) return `${chrom}\t${pos}\t${pos + rng.int(0, 199)}\t\t\tGENE${i % 5000}\t\trange ${i}\t${rest}`;
  return `\t\t\t\t\tGENE${i % 5000}\tG${rng.int(1, 900)}\tprotein ${i}\t${rest}`;
}

/** Writes the table (cached by seed, version and sites) and returns its path. */
export function ensureBenchTable(outDir: string, seed: number, sites: readonly Site[], sitesTag: string): string {
  const path = join(outDir, `table-${TABLE_ROWS}-s${seed}-t${TABLE_VERSION}-${sitesTag}.tsv`);
  if (existsSync(path)) return path;
  const rng = new Rng(seed * 7919 + 11);
  const lines = ['##vcfact-table=1', '##name=bench_table', `##version=seed-${seed}`, '##build=GRCh38', '##licence=generated', '#chrom\tpos\tend\tref\talt\tgene\tprotein\tlabel\tlevel\tdrug\tnote'];
  const known = sites.filter((s) => s.ref !== undefined && s.alt !== undefined).slice(0, TABLE_ROWS);
  known.forEach((s, i) => lines.push(`${contigName(s.contig, true)}\t${s.pos}\t\t${s.ref}\t${s.alt}\tKB${i}\t\tkb site ${i}\tA\tdrug-kb\tinjected site`));
  for (let i = known.length; i < TABLE_ROWS; i++) lines.push(row(rng, i));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
