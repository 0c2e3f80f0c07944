// Opens an input for a run: bytes (stream or index regions) → header → genome build → prefilter
// index → VcfRecords. Every command (annotate, pgx, report) reads its records through here, so the
// streamed and the indexed paths, and the build decision, are the same for all of them.
import { BuildVote } from './build-vote.js';
import { UsageError } from './errors.js';
import { findIndex, openIndexed, type Region } from './io/tabix.js';
import { LineLimit, limitLines } from './io/line-limit.js';
import type { InputMeter } from './io/meter.js';
import { openInput } from './io/open.js';
import { readTextFile } from './io/text-file.js';
import { mergeIntervals } from './vcf/intervals.js';
import { SiteIndex } from './vcf/site-index.js';
import type { Warnings } from './log.js';
import type { Matcher } from './types.js';
import { canonicalContig } from './normalize/contig.js';
import type { Build, Interval, Summary, VcfHeader, VcfRecord } from './types.js';
import { detectBuild } from './vcf/build.js';
import type { QualityPolicy } from './vcf/genotype.js';
import { parseHeader } from './vcf/header.js';
import { readVcf } from './vcf/reader.js';

/** KB sites closer than this are read through the index as one region. */
const REGION_GAP = 100_000;

export interface PipelineOptions {
  genome: Build | 'auto';
  samples?: string;
  policy: QualityPolicy;
  regions?: string;
  regionsFile?: string;
  index: 'auto' | 'never';
  threads?: number;
  /** --vaf-field, --dp-field (src/vcf/depth-fields.ts). */
  vafField?: string;
  dpField?: string;
  /** --max-line-bytes (default: src/io/line-limit.ts). */
  maxLineBytes?: number;
  /** Counts how far the input has been read (for the progress line). */
  meter?: InputMeter;
}

export interface Run {
  /** The input as named in messages ('stdin' for '-'). */
  file: string;
  header: VcfHeader;
  /** Selected sample names, in file order. */
  samples: string[];
  /** Valid from the first record on (and after the records end). */
  build(): Build | undefined;
  buildSource(): string;
  /** 'stream' or 'index' (regions read through .tbi/.csi). */
  access: 'stream' | 'index';
  records: AsyncIterable<VcfRecord>;
  summary: Summary;
}

/** -r "chr1:100-200,chr2" / -R BED → canonical 1-based intervals. */
export function userRegions(regions: string | undefined, regionsFile: string | undefined): Interval[] | undefined {
  if (regions === undefined && regionsFile === undefined) return undefined;
  const out: Interval[] = [];
  if (regions !== undefined) {
    // An empty list would read nothing and answer 'no findings': a usage error instead.
    if (regions.split(',').every((p) => p.trim() === '')) throw new UsageError(`-r/--regions names no region ('${regions}')`);
    for (const part of regions.split(',').filter(Boolean)) {
      const m = /^([^:]+)(?::([\d,]+)(?:-([\d,]+))?)?$/.exec(part.trim());
      if (!m) throw new UsageError(`-r/--regions: '${part}' is not chr, chr:pos or chr:start-end`);
      const start = m[2] ? Number(m[2].replace(/,/g, '')) : 1;
      const end = m[3] ? Number(m[3].replace(/,/g, '')) : m[2] ? start : 2 ** 31 - 1;
      if (!(start >= 1 && end >= start)) throw new UsageError(`-r/--regions: '${part}' has an empty or negative range`);
      out.push({ contig: canonicalContig(m[1] as string), start, end });
    }
  }
  if (regionsFile !== undefined) {
    const text = readTextFile(regionsFile, '-R/--regions-file', UsageError).toString('utf8');
    text.split('\n').forEach((line, i) => {
      if (line === '' || line.startsWith('#') || line.startsWith('track') || line.startsWith('browser')) return;
      const f = line.split('\t');
      const s0 = Number(f[1]);
      const e = Number(f[2]);
      if (f.length < 3 || !Number.isInteger(s0) || !Number.isInteger(e) || s0 < 0 || e <= s0) {
        throw new UsageError('not a BED line (chrom, 0-based start, end)', { file: regionsFile, line: i + 1, text: line });
      }
      out.push({ contig: canonicalContig(f[0] as string), start: s0 + 1, end: e });
    });
  }
  return out;
}

function kbIntervals(matchers: readonly Matcher[], builds: readonly Build[]): Interval[] {
  return builds.flatMap((b) => matchers.flatMap((m) => m.intervals(b)));
}

/** Records overlapping the user's regions only (the KB prefilter already ran in the reader). */
async function* withinRegions(records: AsyncIterable<VcfRecord>, regions: SiteIndex, summary: Summary): AsyncGenerator<VcfRecord> {
  for await (const rec of records) {
    const end = rec.end ?? rec.pos + rec.ref.length - 1;
    if (regions.overlaps(rec.contig, rec.pos, end)) yield rec;
    else summary.skipped['outside-regions'] = (summary.skipped['outside-regions'] ?? 0) + 1;
  }
}

export async function openRun(input: string, opts: PipelineOptions, matchers: readonly Matcher[], warnings: Warnings): Promise<Run> {
  const file = input === '-' ? 'stdin' : input;
  const user = userRegions(opts.regions, opts.regionsFile);
  const indexPath = input !== '-' && opts.index === 'auto' ? findIndex(input) : undefined;
  let access: Run['access'] = 'stream';
  let chunks: AsyncIterable<Buffer>;

  if (indexPath !== undefined) {
    access = 'index';
    const indexed = openIndexed(input, { warn: (why) => warnings.add('index-not-used', why, { file }), threads: opts.threads, meter: opts.meter }, indexPath);
    const headerText = await indexed.header();
    const fileHeader = parseHeader(
      headerText
        .split('\n')
        .map((l) => l.replace(/\r$/, ''))
        .filter((l) => l !== ''),
      file,
    );
    // The header decides which build's KB regions to query (both when it cannot tell).
    // Only a header that shows the build narrows the query; -g alone is checked against the data.
    const first = detectBuild(fileHeader, 'auto', file);
    const builds: Build[] = first.build ? [first.build] : ['GRCh37', 'GRCh38'];
    // Matchers narrow their regions by the header too (no gene spans without a consequence field);
    // the reader gives them the same header again below.
    for (const m of matchers) m.useHeader?.(fileHeader);
    // Query the user's regions if given (the KB prefilter still applies), else every KB site.
    // Nearby KB sites are read as one region (one scan instead of many short ones; the blocks are
    // shared between neighbouring regions either way); the prefilter drops the extra lines.
    const wanted = user ?? mergeIntervals(kbIntervals(matchers, builds), REGION_GAP);
    const fileNames = new Map<string, string>();
    for (const name of await indexed.contigs()) fileNames.set(canonicalContig(name), name);
    const regions: Region[] = [];
    for (const iv of wanted) {
      const chrom = fileNames.get(iv.contig);
      if (chrom !== undefined) regions.push({ chrom, start0: iv.start - 1, end: iv.end });
    }
    chunks = concat(Buffer.from(headerText), indexed.chunks(regions));
  } else {
    const { threads, maxLineBytes, meter } = opts;
    chunks = (await openInput(input, { ...(threads !== undefined ? { threads } : {}), ...(maxLineBytes !== undefined ? { maxLineBytes } : {}), ...(meter ? { meter } : {}) })).chunks();
  }

  // Through the index the reader sees only the regions' lines, so its line numbers would not be
  // the file's: messages then say so.
  const label = access === 'index' ? `${file} (region read via index; line numbers count from the first region)` : file;
  // A streamed input is limited as it is read (openInput); the index's lines are counted as the reader counts them.
  if (access === 'index') chunks = limitLines(chunks, new LineLimit(label, opts.maxLineBytes));
  const reader = await readVcf(chunks, { file: label, samples: opts.samples, policy: opts.policy, vafField: opts.vafField, dpField: opts.dpField, warnings });
  const header = reader.header;
  for (const m of matchers) m.useHeader?.(header);
  const fromHeader = detectBuild(header, 'auto', file);
  const detected = detectBuild(header, opts.genome, file);
  // -g with a header that cannot confirm it: the data is still checked, and a contradiction is an
  // error rather than a run of silent misses under the wrong build.
  const unconfirmed = opts.genome !== 'auto' && fromHeader.build === undefined;
  let build = unconfirmed ? undefined : detected.build;
  let buildSource = detected.source;
  reader.setIndex(SiteIndex.fromIntervals(kbIntervals(matchers, build ? [build] : ['GRCh37', 'GRCh38'])));

  let records: AsyncIterable<VcfRecord> = reader.records;
  if (user !== undefined) records = withinRegions(records, SiteIndex.fromIntervals(user), reader.summary);
  if (build === undefined) {
    const given = unconfirmed ? (opts.genome as Build) : undefined;
    const vote = new BuildVote(matchers, header);
    records = decideBuild(records, vote, (b, why) => {
      if (given !== undefined && b !== given && why.startsWith('data')) {
        throw new UsageError(`-g ${given} given but the data looks like ${b}: ${vote.describe(b)}`, { file });
      }
      build = given ?? b;
      buildSource = given !== undefined ? `-g (the data does not contradict it: ${vote.describe(given)})` : why;
    }, warnings, file, given);
  }
  return {
    file,
    header,
    samples: reader.selection.names,
    build: () => build,
    buildSource: () => buildSource,
    access,
    records,
    summary: reader.summary,
  };
}

/** Holds records until the data shows the build, then releases them (see build-vote.ts). */
async function* decideBuild(
  records: AsyncIterable<VcfRecord>,
  vote: BuildVote,
  set: (b: Build, why: string) => void,
  warnings: Warnings,
  file: string,
  /** The build -g named, used when the data has no votes at all. */
  given?: Build,
): AsyncGenerator<VcfRecord> {
  const held: VcfRecord[] = [];
  let decided = false;
  for await (const rec of records) {
    if (decided) {
      yield rec;
      continue;
    }
    vote.add(rec);
    held.push(rec);
    const b = vote.decided();
    if (b) {
      set(b, `data: ${vote.describe(b)}`);
      decided = true;
      yield* held.splice(0);
    }
  }
  if (!decided) {
    const b = vote.leader();
    if (b) set(b, `data: ${vote.describe(b)}`);
    else if (given) set(given, '-g');
    else {
      set('GRCh38', 'assumed: neither the header nor the data tells the build');
      warnings.add('build-assumed', 'the genome build could not be told from the header or the data; GRCh38 assumed (use -g to say)', { file });
    }
    yield* held;
  }
}

async function* concat(first: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  yield* rest;
}

export function assertInputGiven(input: string | undefined): string {
  if (input !== undefined) return input;
  if (process.stdin.isTTY) throw new UsageError('no input: give a VCF path, or - to read stdin (stdin is a terminal)');
  return '-';
}

