// Picks the sink for -O, or infers it from the -o extension (bcftools habit); a name ending in .gz
// takes its type from the extension before .gz (the file is BGZF-compressed: src/io/output.ts).
import { UsageError } from '../errors.js';
import { JsonSink } from './json.js';
import { NdjsonSink } from './ndjson.js';
import { TsvSink } from './tsv.js';
import { OUTPUT_TYPES, type OutputType, type RowType, type RowSink, type RunMeta, type TextOut } from './types.js';

/** The output type of annotate, the one command that can also write VCF. */
export function annotateOutputType(explicit: string | undefined, path: string | undefined): OutputType {
  if (explicit !== undefined) {
    if (!(OUTPUT_TYPES as readonly string[]).includes(explicit)) {
      throw new UsageError(`-O/--output-type must be one of ${OUTPUT_TYPES.join(', ')}, not '${explicit}'`);
    }
    return explicit as OutputType;
  }
  const name = path?.toLowerCase();
  const ext = name?.replace(/\.gz$/, '').match(/\.(tsv|txt|json|ndjson|jsonl|vcf)$/)?.[1];
  if (ext === 'vcf') return name?.endsWith('.gz') ? 'vcf.gz' : 'vcf';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  return 'tsv';
}

/** The output type of a command that writes rows only (pgx, report). */
export function outputType(explicit: string | undefined, path: string | undefined): RowType {
  const type = annotateOutputType(explicit, path);
  if (type === 'vcf' || type === 'vcf.gz') {
    const asked = explicit !== undefined ? `-O ${explicit}` : `-o ${path}`;
    throw new UsageError(`${asked}: only annotate writes VCF; this command writes tsv, json or ndjson`);
  }
  return type;
}

export function createSink(type: RowType, out: TextOut, columns: readonly string[], meta: () => RunMeta): RowSink {
  switch (type) {
    case 'tsv':
      return new TsvSink(out, columns);
    case 'json':
      return new JsonSink(out, meta);
    case 'ndjson':
      return new NdjsonSink(out, meta);
  }
}
