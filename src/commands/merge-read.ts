// Reads one vcfact JSON or NDJSON output (a shard for `merge`, the input of `summary`) as a stream:
// the meta first, then the results one at a time, then warnings and summary. An NDJSON output is
// streamed line by line; a JSON document in the layout vcfact writes (src/sink/json.ts: one result
// per 4-space-indented block) is streamed too, and any other layout (re-indented by jq) is parsed whole.
// A reader given a projection (summary) reads only those members of each result of a JSON output in
// vcfact's layout (output-project.ts); other layouts give whole results.
import { InputError } from '../errors.js';
import type { WarningEntry } from '../log.js';
import type { Result, RunMeta } from '../sink/types.js';
import { ByteWindow } from './output-bytes.js';
import { closingLine, type Projection, project } from './output-project.js';

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
function ndjsonReader(file: string, w: ByteWindow, first: Record<string, unknown>): OutputReader {
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
        const line = await w.line();
        if (line === undefined) throw bad(file, 'it ends before its summary line (a shard of a run that was cut short?)');
        lineNo++;
        if (line.trim() === '') continue;
        const { type, ...rest } = parse(file, line, lineNo);
        if (type === 'result') return rest;
        if (type === 'summary') {
          await w.close();
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
async function jsonStream(file: string, w: ByteWindow, projection: ((command: string) => Projection) | undefined): Promise<OutputReader | undefined> {
  const head: string[] = ['{'];
  for (;;) {
    const line = await w.line();
    if (line === undefined) return undefined;
    if (line === RESULTS_OPEN || line === `${RESULTS_OPEN}],`) {
      const empty = line !== RESULTS_OPEN;
      const meta = checkMeta(file, parse(file, `${head.join('\n').replace(/,$/, '')}\n}`, 1));
      return jsonResults(file, w, meta, empty, projection?.(meta.command));
    }
    if (!line.startsWith('  ')) return undefined;
    head.push(line);
  }
}

/** The next result block's lines, parsed (undefined at the line closing the results). */
async function blockOf(file: string, w: ByteWindow): Promise<Result | undefined> {
  const block: string[] = [];
  for (;;) {
    const line = await w.line();
    if (line === undefined) throw bad(file, 'it ends inside its results (a shard of a run that was cut short?)');
    if (block.length === 0 && line === '  ],') return undefined;
    block.push(line);
    if (line === '    }' || line === '    },') return parse(file, `${block.join('\n').replace(/,$/, '')}`, 1);
  }
}

const RESULT_OPEN = Buffer.from('    {\n');
const RESULTS_CLOSE = Buffer.from('  ],');

/** The next result block, projected (undefined at the line closing the results). */
async function projectedBlockOf(file: string, w: ByteWindow, p: Projection): Promise<Result | undefined> {
  let from = w.pos;
  for (;;) {
    if (w.buf.subarray(w.pos, w.pos + RESULTS_CLOSE.length).equals(RESULTS_CLOSE)) {
      await w.line();
      return undefined;
    }
    const close = w.end - w.pos > RESULT_OPEN.length ? closingLine(w.buf, from, w.end, 4, 125) : -1;
    // The block is read once its closing line is, line break included (a pipe gives any number of bytes).
    const next = close === -1 ? -1 : w.buf.indexOf(10, close) + 1;
    if (next > 0 && next <= w.end) {
      if (!w.buf.subarray(w.pos, w.pos + RESULT_OPEN.length).equals(RESULT_OPEN)) throw bad(file, 'a result that does not open on a line of its own');
      const r = project(w.buf, w.pos + RESULT_OPEN.length, close - 4, 6, p);
      w.pos = next;
      return r;
    }
    // The block goes on past the bytes read: read more and look again from where the search stopped.
    const searched = Math.max(w.end - 8, w.pos) - w.pos;
    if (!(await w.more())) throw bad(file, 'it ends inside its results (a shard of a run that was cut short?)');
    from = w.pos + searched;
  }
}

function jsonResults(file: string, w: ByteWindow, meta: RunMeta, empty: boolean, projection: Projection | undefined): OutputReader {
  let done = empty;
  let end: OutputTail | undefined;
  const readTail = async (): Promise<OutputTail> => {
    const rest: string[] = ['{'];
    for (let line = await w.line(); line !== undefined; line = await w.line()) rest.push(line);
    const doc = parse(file, rest.join('\n'), 1);
    return { warnings: (doc.warnings ?? []) as WarningEntry[], summary: (doc.summary ?? {}) as Record<string, unknown> };
  };
  return {
    file,
    format: 'json',
    meta,
    async next() {
      if (done) return undefined;
      const r = projection ? await projectedBlockOf(file, w, projection) : await blockOf(file, w);
      if (r === undefined) {
        done = true;
        end = await readTail();
      }
      return r;
    },
    async tail() {
      return (end ??= await readTail());
    },
  };
}

/**
 * Opens a vcfact output; the format is told from its first line. With `projection`, the results of a
 * JSON output in vcfact's layout carry only the members it names for the output's command.
 */
export async function openOutputReader(file: string, projection?: (command: string) => Projection): Promise<OutputReader> {
  let w: ByteWindow;
  let first: string | undefined;
  try {
    w = await ByteWindow.open(file);
    first = await w.line();
  } catch (e) {
    throw new InputError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file }, e);
  }
  if (first === undefined) throw bad(file, 'it is empty');
  if (first.startsWith('{"type":"meta"')) return ndjsonReader(file, w, parse(file, first, 1));
  if (first === '{') {
    const streamed = await jsonStream(file, w, projection);
    if (streamed) return streamed;
  }
  await w.close();
  // Another layout: the whole document (a re-indented JSON output).
  const whole = await ByteWindow.open(file);
  const text: string[] = [];
  for (let line = await whole.line(); line !== undefined; line = await whole.line()) text.push(line);
  return documentReader(file, parse(file, text.join('\n'), 1));
}
