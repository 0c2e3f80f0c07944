// Reads one vcfact JSON or NDJSON output (a shard for `merge`, the input of `summary`) as a stream:
// the meta first, then the results one at a time, then warnings and summary. An NDJSON output is
// streamed line by line; a JSON document in the layout vcfact writes (src/sink/json.ts: one result
// per 4-space-indented block) is streamed too, and any other layout (re-indented by jq) is parsed whole.
import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';
import type { WarningEntry } from '../log.js';
import type { Result, RunMeta } from '../sink/types.js';

export interface OutputTail {
  warnings: WarningEntry[];
  summary: Record<string, unknown>;
}

export interface OutputReader {
  readonly file: string;
  readonly format: 'json' | 'ndjson';
  readonly meta: RunMeta;
  /** The next result, or undefined at the end of the results. */
  next(): Promise<Result | undefined>;
  /** Warnings and summary: call after next() returned undefined. */
  tail(): Promise<OutputTail>;
}

type Lines = AsyncIterator<string>;

function bad(file: string, what: string, line?: number): InputError {
  return new InputError(`not a complete vcfact JSON or NDJSON output: ${what}`, { file, ...(line !== undefined ? { line } : {}) });
}

function parse(file: string, text: string, line: number): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // Reported below with the line.
  }
  throw bad(file, 'a line that is not a JSON object', line);
}

function checkMeta(file: string, meta: Record<string, unknown>): RunMeta {
  if (typeof meta.command !== 'string' || !Array.isArray(meta.samples) || !Array.isArray(meta.kb)) throw bad(file, 'no command, samples or kb in its head');
  return meta as unknown as RunMeta;
}

/** NDJSON: meta line, result lines, summary line (an error line means the run failed). */
function ndjsonReader(file: string, lines: Lines, first: Record<string, unknown>): OutputReader {
  const { type: _t, ...meta } = first;
  let lineNo = 1;
  let end: OutputTail | undefined;
  return {
    file,
    format: 'ndjson',
    meta: checkMeta(file, meta),
    async next() {
      if (end) return undefined;
      for (;;) {
        const r = await lines.next();
        if (r.done) throw bad(file, 'it ends before its summary line (a shard of a run that was cut short?)');
        lineNo++;
        if (r.value.trim() === '') continue;
        const { type, ...rest } = parse(file, r.value, lineNo);
        if (type === 'result') return rest;
        if (type === 'summary') {
          end = { warnings: (rest.warnings ?? []) as WarningEntry[], summary: (rest.summary ?? {}) as Record<string, unknown> };
          return undefined;
        }
        if (type === 'error') throw bad(file, `the run that wrote it failed (${String(rest.message)})`, lineNo);
        throw bad(file, `a line of type '${String(type)}'`, lineNo);
      }
    },
    async tail() {
      if (!end) throw bad(file, 'tail asked before the results ended');
      return end;
    },
  };
}

/** A whole document: results from its array. */
function documentReader(file: string, doc: Record<string, unknown>): OutputReader {
  const { results, warnings, summary, ...meta } = doc;
  if (!Array.isArray(results)) throw bad(file, 'no results array');
  let i = 0;
  return {
    file,
    format: 'json',
    meta: checkMeta(file, meta),
    next: async () => (i < results.length ? (results[i++] as Result) : undefined),
    tail: async () => ({ warnings: (warnings ?? []) as WarningEntry[], summary: (summary ?? {}) as Record<string, unknown> }),
  };
}

const RESULTS_OPEN = '  "results": [';

/** vcfact's own JSON layout, streamed; undefined when the head does not have that layout. */
async function jsonStream(file: string, lines: Lines): Promise<OutputReader | undefined> {
  const head: string[] = ['{'];
  for (;;) {
    const r = await lines.next();
    if (r.done) return undefined;
    if (r.value === RESULTS_OPEN || r.value === `${RESULTS_OPEN}],`) {
      const empty = r.value !== RESULTS_OPEN;
      const meta = parse(file, `${head.join('\n').replace(/,$/, '')}\n}`, 1);
      return jsonResults(file, lines, checkMeta(file, meta), empty);
    }
    if (!r.value.startsWith('  ')) return undefined;
    head.push(r.value);
  }
}

function jsonResults(file: string, lines: Lines, meta: RunMeta, empty: boolean): OutputReader {
  let done = empty;
  let end: OutputTail | undefined;
  const readTail = async (): Promise<OutputTail> => {
    const rest: string[] = ['{'];
    for (let r = await lines.next(); !r.done; r = await lines.next()) rest.push(r.value);
    const doc = parse(file, rest.join('\n'), 1);
    return { warnings: (doc.warnings ?? []) as WarningEntry[], summary: (doc.summary ?? {}) as Record<string, unknown> };
  };
  return {
    file,
    format: 'json',
    meta,
    async next() {
      if (done) return undefined;
      const block: string[] = [];
      for (;;) {
        const r = await lines.next();
        if (r.done) throw bad(file, 'it ends inside its results (a shard of a run that was cut short?)');
        if (block.length === 0 && r.value === '  ],') {
          done = true;
          end = await readTail();
          return undefined;
        }
        block.push(r.value);
        if (r.value === '    }' || r.value === '    },') return parse(file, `${block.join('\n').replace(/,$/, '')}`, 1);
      }
    },
    async tail() {
      return (end ??= await readTail());
    },
  };
}

/**
 * The file's lines, read as they are asked for: a shard not being read holds one chunk, never its
 * whole text (readline's iterator would buffer every line of a stream nobody is pulling from).
 */
async function* linesOf(file: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const text = rest + (chunk as string);
    const parts = text.split('\n');
    rest = parts.pop() as string;
    for (const p of parts) yield p.endsWith('\r') ? p.slice(0, -1) : p;
  }
  if (rest !== '') yield rest;
}

/** Opens a vcfact output; the format is told from its first line. */
export async function openOutputReader(file: string): Promise<OutputReader> {
  let lines: Lines;
  let first: IteratorResult<string>;
  try {
    lines = linesOf(file);
    first = await lines.next();
  } catch (e) {
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file }, e);
  }
  if (first.done) throw bad(file, 'it is empty');
  if (first.value.startsWith('{"type":"meta"')) return ndjsonReader(file, lines, parse(file, first.value, 1));
  if (first.value === '{') {
    const streamed = await jsonStream(file, lines);
    if (streamed) return streamed;
  }
  // Another layout: the whole document (a re-indented JSON output).
  const text: string[] = [];
  for await (const l of linesOf(file)) text.push(l);
  return documentReader(file, parse(file, text.join('\n'), 1));
}
