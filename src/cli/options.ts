// Options shared by annotate, pgx and report, declared once and parsed into one typed object.
import { type Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_MAX_LINE_BYTES, MAX_LINE_BYTES_CAP } from '../io/line-limit.js';
import type { Build } from '../types.js';
import { parseBuild } from './kb.js';
import { collect } from './kb-table.js';
import { type ResultOptions, resultOptions } from './result-options.js';

export interface CommonOptions {
  output?: string;
  outputType?: string;
  samples?: string;
  genome: Build | 'auto';
  kb?: string;
  passOnly: boolean;
  minDp?: number;
  minGq?: number;
  minVaf?: number;
  strict: boolean;
  quiet: boolean;
  progress: boolean;
  regions?: string;
  regionsFile?: string;
  index: 'auto' | 'never';
  threads?: number;
  vafField?: string;
  dpField?: string;
  maxLineBytes: number;
  /** --table FILE (repeatable; annotate and report): user tables, DESIGN §3a. */
  tables: string[];
  /** The options that change results, for the output's meta (result-options.ts). */
  resultOptions: ResultOptions;
}

/** --table on the commands that match user tables (annotate, report). */
export function addTableOption(cmd: Command): Command {
  return cmd.option('--table <file>', 'a user table (TSV, plain or gzip; README "Local tables"); repeat for more', collect, []);
}

export function addCommonOptions(cmd: Command): Command {
  return cmd
    .option('-o, --output <file>', 'write to FILE (atomically: temp file + rename) instead of stdout')
    .option('-O, --output-type <type>', 'tsv | json | ndjson, annotate also vcf | vcf.gz (default: from the -o extension, else tsv; a name ending in .gz is BGZF)')
    .option('-s, --samples <list>', "samples to use: comma list or a file of names; '^' excludes")
    .option('-g, --genome <build>', 'GRCh38 | GRCh37 | auto (from ##contig / ##reference, else from the data)', 'auto')
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled data/)')
    .option('--pass-only', 'treat calls whose FILTER (or FORMAT FT) is not PASS as no-calls')
    .option('--min-dp <n>', 'calls with depth below N become no-calls')
    .option('--min-gq <n>', 'calls with genotype quality below N become no-calls')
    .option('--min-vaf <x>', 'calls with variant allele fraction below X become no-calls')
    .option('--vaf-field <name>', 'INFO or FORMAT field to read the allele fraction from (before the per-caller fields)')
    .option('--dp-field <name>', 'INFO or FORMAT field to read the depth from (before DP)')
    .option('-r, --regions <list>', 'only these regions (chr:start-end, comma-separated); uses the index when present')
    .option('-R, --regions-file <file>', 'only the regions of a BED file; uses the index when present')
    .addOption(new Option('--index <mode>', 'auto: read only KB regions through a .tbi/.csi beside the input; never: stream the whole file').choices(['auto', 'never']).default('auto'))
    .option('--threads <n>', 'BGZF inflate threads (default: up to 2)')
    .option('--max-line-bytes <n>', `a longer input line is an error, exit 3 (default ${DEFAULT_MAX_LINE_BYTES}: 256 MiB)`)
    .option('--strict', 'per-record problems are fatal (exit 3) instead of counted warnings')
    .option('-q, --quiet', 'no warnings or progress on stderr')
    .option('--no-progress', 'no progress line (shown by default when stderr is a terminal: percent and time left for a file read from its path)')
    // Read by chalk from the command line itself (src/cli/colour.ts), before commander parses it, so
    // that it also holds for an error in parsing the other options; declared so that commander lists
    // and accepts it.
    .option('--no-color', 'no colour on stderr (as does the NO_COLOR environment variable; colour is only ever used on a terminal)');
}

function num(name: string, v: unknown, min: number, max = Infinity): number | undefined {
  if (v === undefined) return undefined;
  // Number('') is 0: an empty value must not become a threshold nobody asked for.
  const n = typeof v === 'string' && v.trim() === '' ? NaN : Number(v);
  if (!Number.isFinite(n) || n < min || n > max) {
    const range = max === Infinity ? `≥ ${min}` : `between ${min} and ${max}`;
    throw new UsageError(`${name} must be a number ${range}, not '${String(v)}'`);
  }
  return n;
}

function int(name: string, v: unknown, min: number, max: number): number | undefined {
  const n = num(name, v, min, max);
  if (n !== undefined && !Number.isInteger(n)) throw new UsageError(`${name} must be a whole number, not '${String(v)}'`);
  return n;
}

export function parseCommon(raw: Record<string, unknown>): CommonOptions {
  const thresholds = { minDp: num('--min-dp', raw.minDp, 0), minGq: num('--min-gq', raw.minGq, 0), minVaf: num('--min-vaf', raw.minVaf, 0, 1) };
  return {
    output: raw.output as string | undefined,
    outputType: raw.outputType as string | undefined,
    samples: raw.samples as string | undefined,
    genome: parseBuild(String(raw.genome ?? 'auto'), true),
    kb: raw.kb as string | undefined,
    passOnly: raw.passOnly === true,
    ...thresholds,
    strict: raw.strict === true,
    quiet: raw.quiet === true,
    progress: raw.progress !== false,
    regions: raw.regions as string | undefined,
    regionsFile: raw.regionsFile as string | undefined,
    index: (raw.index as 'auto' | 'never' | undefined) ?? 'auto',
    threads: num('--threads', raw.threads, 0, 64),
    vafField: raw.vafField as string | undefined,
    dpField: raw.dpField as string | undefined,
    maxLineBytes: int('--max-line-bytes', raw.maxLineBytes, 1, MAX_LINE_BYTES_CAP) ?? DEFAULT_MAX_LINE_BYTES,
    tables: (raw.table as string[] | undefined) ?? [],
    resultOptions: resultOptions(raw, thresholds),
  };
}
