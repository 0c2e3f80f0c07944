// What every reading command shares: the knowledge base, warnings on stderr, the opened input,
// the output (atomic file or stdout), the run metadata, and the end-of-run report.
import { summaryLine } from '../summary.js';
import { describeAt } from '../errors.js';
import { newMeter } from '../io/meter.js';
import { isGzName, type Output, openOutput } from '../io/output.js';
import { type KbDir, kbProvenance, openKb } from '../kb/load.js';
import { type WarningEntry, Warnings } from '../log.js';
import type { Matcher } from '../types.js';
import { assertInputGiven, openRun, type Run } from '../pipeline.js';
import type { RunMeta, Sink } from '../sink/types.js';
import type { Summary, VcfRecord } from '../types.js';
import type { PassItem } from '../vcf/reader.js';
import { checkTableBuilds, loadTables } from '../tables/load.js';
import type { LocalTable } from '../tables/types.js';
import { SCHEMA_VERSION, TOOL } from '../version.js';
import { isBrokenPipe, runFailure } from './errors.js';
import { paint } from './colour.js';
import type { CommonOptions } from './options.js';
import { Progress } from './progress.js';
import { onInterrupt } from './signals.js';

export interface Session {
  kb: KbDir;
  warnings: Warnings;
  run: Run;
  matchers: Matcher[];
  /** The user tables (--table), checked whole before the input was opened. */
  tables: LocalTable[];
  out: Output;
  /** Ends the interrupt handler that drops a partial output (called by withOutput). */
  release(): void;
  /** Records, stopping early when stdout's reader has gone away (`| head`). */
  records: AsyncIterable<VcfRecord>;
  /** The run's pass-through items (VCF output), checked against the tables' build as `records` are. */
  items: AsyncIterable<PassItem>;
  meta(): RunMeta;
  /** Each matcher's notes for the summary, keyed by matcher name. */
  notes(): { access: Run['access']; matchers: Record<string, Record<string, string | number>> };
  /** Prints the warning tally and the run's summary line on stderr. */
  end(summary: Summary): void;
}

/**
 * One input of a multi-input run (src/cli/multi.ts): its place, for the progress line, and what its
 * inputs share, loaded once (the knowledge base, the user tables, each command's KB domains).
 */
export interface InputPart {
  index: number;
  of: number;
  loaded: Map<string, unknown>;
}

/** `load()`, or for a part of a multi-input run what an earlier input loaded under `key`. */
export function loadOnce<T>(part: InputPart | undefined, key: string, load: () => T): T {
  if (part === undefined) return load();
  if (!part.loaded.has(key)) part.loaded.set(key, load());
  return part.loaded.get(key) as T;
}

/** The end of a run on stderr: the tally of each repeated warning, the notes, and the summary line. */
export function sayEnd(opts: CommonOptions, warnings: readonly WarningEntry[], summary: Summary, notes: ReturnType<Session['notes']>): void {
  const label = paint('yellow', 'warning');
  for (const w of warnings) if (w.count > 1) say(opts, `${label}: ${w.kind}: ${w.count} times (first: ${describeAt(w.message, {})})`);
  const unevaluated = Number(notes.matchers.cancer?.consequence_level_unevaluated ?? 0);
  if (unevaluated > 0) say(opts, `note: ${unevaluated} gene- and protein-level cancer biomarkers were not evaluated: the input carries no VEP CSQ or SnpEff ANN consequence`);
  const proteinRows = Number(notes.matchers.tables?.protein_rows_unevaluated ?? 0);
  if (proteinRows > 0) say(opts, `note: ${proteinRows} protein rows of the user tables were not evaluated: the input carries no VEP CSQ or SnpEff ANN consequence`);
  say(opts, summaryLine(summary, notes.access === 'index'));
}

/** A line on stderr for the user (not under -q). */
export function say(opts: CommonOptions, text: string): void {
  if (!opts.quiet) process.stderr.write(`vcfact: ${text}\n`);
}

export async function startSession(
  command: string,
  inputArg: string | undefined,
  opts: CommonOptions,
  matchers: (kb: KbDir, tables: LocalTable[]) => Matcher[],
  part?: InputPart,
): Promise<Session> {
  const input = assertInputGiven(inputArg);
  const kb = loadOnce(part, 'kb', () => openKb(opts.kb));
  // Every table is checked whole before the input is opened.
  const tables = loadOnce(part, 'tables', () => loadTables(opts.tables));
  const label = paint('yellow', 'warning');
  // A warning while the progress line is up is written in its place (the line comes back below it).
  let progress: Progress | undefined;
  const warnings = new Warnings(opts.strict, (w: WarningEntry, where) => {
    const text = `${label}: ${describeAt(w.message, where)}`;
    if (progress) progress.aside(() => say(opts, text));
    else say(opts, text);
  });
  const policy = { passOnly: opts.passOnly, minDp: opts.minDp, minGq: opts.minGq, minVaf: opts.minVaf };
  const ms = matchers(kb, tables);
  const meter = newMeter();
  const run = await openRun(input, { ...opts, policy, meter }, ms, warnings);
  // A table in the other build fails as soon as the build is known: here when the header tells it,
  // else at the first record (records are held until the data tells it: record-stream.ts).
  const known = run.build();
  if (known !== undefined) checkTableBuilds(tables, known, run.buildSource());
  const out = openOutput(opts.output, input, isGzName(opts.output) || opts.outputType === 'vcf.gz');
  // Ctrl-C or a kill: drop the temp file behind -o; an existing output stays as it was.
  const release = onInterrupt(() => out.abort());
  // Only on a terminal: never in a pipe or a log file.
  if (opts.progress && !opts.quiet && process.stderr.isTTY) progress = new Progress(meter, run.summary, part && `input ${part.index + 1}/${part.of} ${run.file}`);
  const notes = (): ReturnType<Session['notes']> => ({ access: run.access, matchers: Object.fromEntries(ms.flatMap((m) => (m.notes ? [[m.name, m.notes()]] : []))) });
  const meta = (): RunMeta => ({
    schema_version: SCHEMA_VERSION,
    tool: { ...TOOL },
    command,
    input: run.file,
    genome: { build: run.build() ?? null, source: run.buildSource() },
    kb: kbProvenance(kb, tables),
    samples: run.samples,
    options: opts.resultOptions,
  });
  return {
    kb,
    warnings,
    run,
    matchers: ms,
    tables,
    out,
    release,
    // The progress line is up while the records are read (and cleared when they end or fail).
    records: untilClosed(buildChecked(progress ? progress.over(run.records) : run.records, run, tables), out),
    items: buildChecked(run.items, run, tables),
    meta,
    notes,
    end(summary) {
      // A part of a multi-input run: the whole run's end is said once, after the last input (multi.ts).
      if (part === undefined) sayEnd(opts, warnings.list(), summary, notes());
    },
  };
}

/** The items, the tables' build checked against the input's once it is known (before the first item goes on). */
async function* buildChecked<T>(items: AsyncIterable<T>, run: Run, tables: readonly LocalTable[]): AsyncGenerator<T> {
  let checked = tables.length === 0;
  const check = (): void => {
    const build = run.build();
    if (build !== undefined) checkTableBuilds(tables, build, run.buildSource());
    checked = true;
  };
  for await (const item of items) {
    if (!checked) check();
    yield item;
  }
  if (!checked) check();
}

async function* untilClosed(records: AsyncIterable<VcfRecord>, out: Output): AsyncGenerator<VcfRecord> {
  for await (const rec of records) {
    if (out.closed) return;
    yield rec;
  }
}

/**
 * Runs the body; on failure the partial output is dropped (an existing file stays as it was) or, on
 * stdout, where nothing can be taken back, ended so that it cannot pass for complete (sink.fail).
 */
export async function withOutput(session: Session, sink: Pick<Sink, 'fail'>, body: () => Promise<void>): Promise<void> {
  try {
    await body();
    await session.out.close();
  } catch (e) {
    // (Behind -o the trailer goes to the temp file, which abort() then removes.)
    if (!isBrokenPipe(e)) {
      try {
        await sink.fail(runFailure(e));
      } catch {
        // The error being reported matters more than a trailer that could not be written.
      }
    }
    await session.out.abort();
    throw e;
  } finally {
    session.release();
  }
}
