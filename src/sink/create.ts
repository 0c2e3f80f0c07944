// Picks the sink for -O, or infers it from the -o extension (bcftools habit).
import { UsageError } from '../errors.js';
import { JsonSink } from './json.js';
import { NdjsonSink } from './ndjson.js';
import { TsvSink } from './tsv.js';
import { OUTPUT_TYPES, type OutputType, type RunMeta, type Sink, type TextOut } from './types.js';

export function outputType(explicit: string | undefined, path: string | undefined): OutputType {
  if (explicit !== undefined) {
    if (!(OUTPUT_TYPES as readonly string[]).includes(explicit)) {
      throw new UsageError(`-O/--output-type must be one of ${OUTPUT_TYPES.join(', ')}, not '${explicit}'`);
    }
    return explicit as OutputType;
  }
  const ext = path?.toLowerCase().match(/\.(tsv|txt|json|ndjson|jsonl)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  return 'tsv';
}

export function createSink(type: OutputType, out: TextOut, columns: readonly string[], meta: () => RunMeta): Sink {
  switch (type) {
    case 'tsv':
      return new TsvSink(out, columns);
    case 'json':
      return new JsonSink(out, meta);
    case 'ndjson':
      return new NdjsonSink(out, meta);
  }
}
