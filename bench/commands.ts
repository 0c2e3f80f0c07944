// What each benchmark tool runs: its row label and its command line (the cohort section's own tools
// are in cohort.ts).
import type { BenchSites } from './kb-sites.js';
import type { ToolKey } from './targets.js';

export const TOOL_LABEL: Record<ToolKey, string> = {
  bgzip: 'bgzip -dc',
  'annotate-stream': 'vcfact annotate --index never',
  'annotate-index': 'vcfact annotate (indexed)',
  'annotate-vcf': 'vcfact annotate -O vcf',
  'annotate-vcfgz': 'vcfact annotate -O vcf.gz',
  'pgx-stream': 'vcfact pgx --index never',
  'pgx-index': 'vcfact pgx (indexed)',
  'report-stream': 'vcfact report --index never',
  'annotate-table': 'vcfact annotate --index never --table (100,000 rows)',
  'table-load': 'vcfact kb validate --table (100,000 rows)',
  'annotate-ndjson': 'vcfact annotate --index never -O ndjson',
  'pgx-single': 'vcfact pgx -O json (one run)',
  'pgx-shards': 'vcfact pgx -s, 5 sample shards in turn',
  'read-shards': 'reading the 5 shards (every line parsed)',
  merge: 'vcfact merge of the 5 shards',
  summary: 'vcfact summary of the merged output',
  bcftools: 'bcftools annotate',
  vcfanno: 'vcfanno -p 2',
};

export function command(tool: ToolKey, input: string, sites: BenchSites, resultPath: string, bin: string, table: string): [string, string[], string | undefined] {
  switch (tool) {
    case 'bgzip':
      return ['bgzip', ['-dc', input], undefined];
    case 'annotate-stream':
      return [process.execPath, [bin, 'annotate', input, '-o', resultPath, '--index', 'never'], undefined];
    case 'annotate-index':
      return [process.execPath, [bin, 'annotate', input, '-o', resultPath], undefined];
    // The annotated input: every line written (to a file, as -o does), the whole file read whatever the index.
    case 'annotate-vcf':
      return [process.execPath, [bin, 'annotate', input, '-o', resultPath.replace(/\.tsv$/, '.vcf')], undefined];
    case 'annotate-vcfgz':
      return [process.execPath, [bin, 'annotate', input, '-o', resultPath.replace(/\.tsv$/, '.vcf.gz')], undefined];
    // T1: the same streamed run with a 100,000-row user table; and the table alone, read and checked whole.
    case 'annotate-table':
      return [process.execPath, [bin, 'annotate', input, '-o', resultPath, '--index', 'never', '--table', table], undefined];
    case 'table-load':
      return [process.execPath, [bin, 'kb', 'validate', '--table', table], '/dev/null'];
    // -O ndjson against the TSV of the same streamed run (C2).
    case 'annotate-ndjson':
      return [process.execPath, [bin, 'annotate', input, '-o', resultPath.replace(/\.tsv$/, '.ndjson'), '--index', 'never'], undefined];
    case 'pgx-stream':
      return [process.execPath, [bin, 'pgx', input, '-o', resultPath, '--index', 'never'], undefined];
    case 'pgx-index':
      return [process.execPath, [bin, 'pgx', input, '-o', resultPath], undefined];
    case 'report-stream':
      return [process.execPath, [bin, 'report', input, '-o', resultPath.replace(/\.tsv$/, '.json'), '--index', 'never'], undefined];
    case 'bcftools':
      // -Ou: uncompressed BCF, bcftools' cheapest output, so the comparison does not favour vcfact.
      return ['bcftools', ['annotate', '-a', sites.table, '-h', sites.tableHeader, '-c', 'CHROM,POS,REF,ALT,INFO/KBID', '-Ou', '-o', '/dev/null', input], undefined];
    case 'vcfanno':
      return ['vcfanno', ['-p', '2', sites.toml, input], '/dev/null'];
    default:
      throw new Error(`${tool} runs in the cohort section (bench/cohort.ts)`);
  }
}

