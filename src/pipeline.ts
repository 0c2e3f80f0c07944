// Opens an input for a run: bytes (stream or index regions) → header → genome build → prefilter
// index → VcfRecords (or, for VCF output, every byte with the records among them). Every command (annotate, pgx, report) reads its records through here, so the
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
import { type PassItem, readVcf } from './vcf/reader.js';
import { RegionLines } from './vcf/region-lines.js';
import { decideBuild, type StreamItem, withinRegions } from './record-stream.js';

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
  /** VCF output: `items` yields every byte, and without -r/-R the whole file streams (no index). */
  passThrough?: boolean;
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
  /** Every data byte in file order, records parsed where the prefilter says (VCF output); iterate this or `records`. */
  items: AsyncIterable<PassItem>;
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

interface Opened {
  access: Run['access'];
  chunks: AsyncIterable<Buffer>;
}

/**
 * The input's bytes: through the index when there is one (the user's regions, else every KB site),
 * else the whole stream. A pass-through read (VCF output) without regions streams the whole file.
 */
async function openBytes(input: string, file: string, opts: PipelineOptions, matchers: readonly Matcher[], user: Interval[] | undefined, warnings: Warnings): Promise<Opened> {
  const whole = opts.passThrough === true && user === undefined;
  const indexPath = input !== '-' && opts.index === 'auto' && !whole ? findIndex(input) : undefined;
  if (indexPath === undefined) {
    const { threads, maxLineBytes, meter } = opts;
    const src = await openInput(input, { ...(threads !== undefined ? { threads } : {}), ...(maxLineBytes !== undefined ? { maxLineBytes } : {}), ...(meter ? { meter } : {}) });
    return { access: 'stream', chunks: src.chunks() };
  }
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
  return { access: 'index', chunks: concat(Buffer.from(headerText), indexed.chunks(regions)) };
}

export async function openRun(input: string, opts: PipelineOptions, matchers: readonly Matcher[], warnings: Warnings): Promise<Run> {
  const file = input === '-' ? 'stdin' : input;
  const user = userRegions(opts.regions, opts.regionsFile);
  const { access, chunks: raw } = await openBytes(input, file, opts, matchers, user, warnings);
  // Through the index the reader sees only the regions' lines, so its line numbers would not be
  // the file's: messages then say so.
  const label = access === 'index' ? `${file} (region read via index; line numbers count from the first region)` : file;
  // A streamed input is limited as it is read (openInput); the index's lines are counted as the reader counts them.
  const chunks = access === 'index' ? limitLines(raw, new LineLimit(label, opts.maxLineBytes)) : raw;
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

  // Each stage is a lazy generator: only the stream the command iterates (records or items) runs.
  const stages = <T extends StreamItem>(items: AsyncIterable<T>): AsyncIterable<T> => {
    let out = items;
    if (user !== undefined) out = withinRegions(out, SiteIndex.fromIntervals(user), new RegionLines(SiteIndex.fromIntervals(user), header.info.has('END')), reader.summary);
    if (build !== undefined) return out;
    const given = unconfirmed ? (opts.genome as Build) : undefined;
    const vote = new BuildVote(matchers, header);
    const set = (b: Build, why: string): void => {
      if (given !== undefined && b !== given && why.startsWith('data')) {
        throw new UsageError(`-g ${given} given but the data looks like ${b}: ${vote.describe(b)}`, { file });
      }
      build = given ?? b;
      buildSource = given !== undefined ? `-g (the data does not contradict it: ${vote.describe(given)})` : why;
    };
    return decideBuild(out, { vote, set, warnings, file, given });
  };
  return {
    file,
    header,
    samples: reader.selection.names,
    build: () => build,
    buildSource: () => buildSource,
    access,
    records: stages(reader.records),
    items: stages(reader.items),
    summary: reader.summary,
  };
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

