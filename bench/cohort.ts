// The cohort section of the benchmark (issue 12): pgx over the cohort as one run and as SHARDS sample
// shards (-s, one after the other) gathered by `vcfact merge`, merge against reading the shards
// (bench/read-shards.ts), `summary` of the merged output, and annotate's rows per second.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Measurement, measure } from './measure.js';
import type { Row, ToolKey } from './targets.js';
import { sampleNames } from './vcf-gen.js';

export const SHARDS = 5;

/** The tools of this section, in the order they must run (each reads what the one before wrote). */
export const COHORT_SECTION: readonly ToolKey[] = ['pgx-single', 'pgx-shards', 'read-shards', 'merge', 'summary'];

export interface CohortPaths {
  single: string;
  shards: string[];
  merged: string;
  summary: string;
}

export function cohortPaths(resultsDir: string, mode: string): CohortPaths {
  const base = join(resultsDir, `${mode}-cohort`);
  return {
    single: `${base}-pgx-single.json`,
    shards: Array.from({ length: SHARDS }, (_, i) => `${base}-shard${i + 1}.ndjson`),
    merged: `${base}-merged.json`,
    summary: `${base}-summary.json`,
  };
}

/** The command of a one-command tool of the section (pgx-shards is several: measureShards). */
export function cohortCommand(tool: ToolKey, input: string, p: CohortPaths, bin: string, root: string): [string, string[]] {
  switch (tool) {
    case 'pgx-single':
      return [process.execPath, [bin, 'pgx', input, '-O', 'json', '-o', p.single]];
    case 'read-shards':
      return [process.execPath, ['--import', 'tsx', join(root, 'bench', 'read-shards.ts'), ...p.shards]];
    case 'merge':
      return [process.execPath, [bin, 'merge', ...p.shards, '-o', p.merged]];
    case 'summary':
      return [process.execPath, [bin, 'summary', p.merged, '-O', 'json', '-o', p.summary]];
    default:
      throw new Error(`${tool} is not a one-command cohort tool`);
  }
}

/** pgx over SHARDS sample shards, one after the other: their walls added up, the largest peak RSS. */
export async function measureShards(bin: string, input: string, samples: number, p: CohortPaths, opts: Parameters<typeof measure>[2]): Promise<Measurement> {
  const names = sampleNames(samples);
  const per = Math.ceil(samples / SHARDS);
  const parts: Measurement[] = [];
  for (let i = 0; i < SHARDS; i++) {
    const list = names.slice(i * per, (i + 1) * per).join(',');
    const m = await measure(process.execPath, [bin, 'pgx', input, '-s', list, '-O', 'ndjson', '-o', p.shards[i] as string], opts);
    if (!m.ok) return m;
    parts.push(m);
  }
  const total = parts.reduce((a, m) => a + m.median, 0);
  return { ok: true, walls: [total], median: total, rssMb: Math.max(...parts.map((m) => m.rssMb)) };
}

/** The "samples" … "results" text of a JSON output, as written. */
function samplesAndResults(file: string): Buffer {
  const b = readFileSync(file);
  return b.subarray(b.indexOf('\n  "samples": '), b.indexOf('\n  "warnings": '));
}

async function lineCount(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(file)) for (let i = (chunk as Buffer).indexOf(10); i !== -1; i = (chunk as Buffer).indexOf(10, i + 1)) n++;
  return n;
}

/** The section's lines for the report: what shards × merge cost against one run, and the row rate. */
export async function cohortReport(rows: readonly Row[], p: CohortPaths, annotateTsv: string): Promise<string[]> {
  const wall = (tool: ToolKey): number | undefined => {
    const m = rows.find((r) => r.tool === tool && r.input === 'cohort')?.m;
    return m?.ok ? m.median : undefined;
  };
  const s = (x: number | undefined): string => (x === undefined ? '–' : `${x.toFixed(2)} s`);
  const [single, shards, read, merge, summary] = COHORT_SECTION.map(wall);
  const same = existsSync(p.single) && existsSync(p.merged) ? (samplesAndResults(p.single).equals(samplesAndResults(p.merged)) ? 'identical' : 'DIFFER') : 'n/a';
  const out = [
    `- pgx (2): one run ${s(single)}; ${SHARDS} sample shards one after the other ${s(shards)}, merge ${s(merge)} (reading the shards: ${s(read)}${merge !== undefined && read !== undefined ? `, merge ${(merge / read).toFixed(2)}×` : ''}); summary of the merged output ${s(summary)}`,
    `- merged output vs one run, "samples" and "results": ${same}`,
  ];
  const ann = wall('annotate-stream');
  if (ann !== undefined && existsSync(annotateTsv)) {
    const rowsOut = (await lineCount(annotateTsv)) - 1;
    out.push(`- annotate (2) streamed: ${rowsOut.toLocaleString('en')} per-sample rows in ${s(ann)}: ${Math.round(rowsOut / ann).toLocaleString('en')} rows/s`);
  }
  return out;
}
