// One interface for every output format: results are written as they come, the summary last.
import type { WarningEntry } from '../log.js';
import type { Summary } from '../types.js';

export type OutputType = 'tsv' | 'json' | 'ndjson';
export const OUTPUT_TYPES: readonly OutputType[] = ['tsv', 'json', 'ndjson'];

/** A result as the JSON outputs show it; TSV flattens it through the column list. */
export type Result = Record<string, unknown>;

/** Run-level facts every output carries (JSON document head, NDJSON meta line). */
export interface RunMeta {
  schema_version: string;
  tool: { name: string; version: string };
  command: string;
  input: string;
  genome: { build: string | null; source: string };
  kb: { name: string; version: string; licence: string; records: number; sha256: string }[];
  samples: string[];
}

export interface Sink {
  write(result: Result): Promise<void> | void;
  finish(meta: RunMeta, warnings: WarningEntry[], summary: Summary | Record<string, unknown>): Promise<void> | void;
}

/** Where sinks put text: src/io/output.ts implements it for files (atomic) and stdout. */
export interface TextOut {
  write(s: string): Promise<void> | void;
}
