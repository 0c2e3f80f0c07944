// One interface for every output format: results are written as they come, the summary last.
import type { WarningEntry } from '../log.js';
import type { Summary } from '../types.js';
import type { RowBlock } from './row-block.js';

/** The types every command writes, one result per row or object. */
export type RowType = 'tsv' | 'json' | 'ndjson';
/** 'vcf' and 'vcf.gz' (BGZF): the input with INFO tags, written by annotate only (src/commands/annotate-vcf.ts). */
export type OutputType = RowType | 'vcf' | 'vcf.gz';
export const OUTPUT_TYPES: readonly OutputType[] = ['tsv', 'json', 'ndjson', 'vcf', 'vcf.gz'];

/** A result as the JSON outputs show it; TSV flattens it through the column list. */
export type Result = Record<string, unknown>;

/** Run-level facts every output carries (JSON document head, NDJSON meta line). */
export interface RunMeta {
  schema_version: string;
  tool: { name: string; version: string };
  command: string;
  input: string;
  genome: { build: string | null; source: string };
  /** Every knowledge-base table, then each user table (--table) with its `build` and `rows`. */
  kb: { name: string; version: string; licence: string; records: number; sha256: string; build?: string; rows?: number }[];
  samples: string[];
  /** The options given that change results (src/cli/result-options.ts), by long name. */
  options: Record<string, string | number | boolean>;
}

/** Why a run stopped: the last NDJSON line on stdout after a failure (`{"type":"error",…}`). */
export interface RunFailure {
  /** The exit code the process ends with (1 internal error, 2 usage, 3 bad input, 4 knowledge base). */
  exit: number;
  /** The error kind: 'usage', 'input', 'kb', 'output', … or 'internal'. */
  code: string;
  /** The message printed on stderr (file:line: what is wrong). */
  message: string;
}

export interface Sink {
  write(result: Result): Promise<void> | void;
  finish(meta: RunMeta, warnings: WarningEntry[], summary: Summary | Record<string, unknown>): Promise<void> | void;
  /**
   * The run failed after results may have been written: end the output so that it cannot pass for a
   * complete one (NDJSON: an error line; JSON: left unclosed; TSV: nothing can be said).
   */
  fail(failure: RunFailure): Promise<void> | void;
}

/** A sink of rows (tsv, json, ndjson) that also takes them in blocks sharing their feature cells (row-block.ts). */
export interface RowSink extends Sink {
  /** Writes blockRows(block), in order, as write() would write each. */
  writeBlock(block: RowBlock): Promise<void>;
}

/** Where sinks put text: src/io/output.ts implements it for files (atomic) and stdout. */
export interface TextOut {
  /** Text, or bytes for text that keeps invalid UTF-8 of the input (src/text.ts encodeText). */
  write(s: string | Buffer): Promise<void> | void;
}
