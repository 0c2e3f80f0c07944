// Streaming VCF reader: header lines → VcfHeader; data lines go through the byte-level
// prefilter, and only candidates are decoded and parsed (@gmod/vcf for the fixed columns and
// typed INFO, its processFormatFields for the sample columns). Per-record problems are warnings
// (fatal under --strict) and the record is skipped and counted under its reason.
// The parts: header-lines.ts (header phase), record-scan.ts (prefilter and line numbering),
// line-parser.ts (one record), sample-calls.ts (its calls).
import VCF from '@gmod/vcf';
import { InputError } from '../errors.js';
import { scannable, type BgzfPiece } from '../io/open.js';
import type { SiteIndex } from './site-index.js';
import type { Warnings } from '../log.js';
import type { Summary, VcfHeader, VcfRecord } from '../types.js';
import type { QualityPolicy } from './genotype.js';
import { parseHeader } from './header.js';
import { readHeaderLines } from './header-lines.js';
import { LineParser } from './line-parser.js';
import { RecordScan, type PassItem } from './record-scan.js';
import { selectSamples, type SampleSelection } from './samples.js';

export { SKIP_NO_SITE, type LineRecord, type PassItem } from './record-scan.js';

export interface ReadVcfOptions {
  /** Input name for messages. */
  file: string;
  /** Knowledge-base sites; absent = every line is a candidate. Can also be set with setIndex(). */
  index?: SiteIndex;
  /** The -s value (list, ^list, file, ^file); absent = all samples. */
  samples?: string;
  policy?: QualityPolicy;
  warnings: Warnings;
  /** Counters to fill (records, candidates, parsed, skipped[reason]); a fresh one when absent. */
  summary?: Summary;
  /** Keep every Number=A/R/G FORMAT field on each Call (Call.fields), so splitRecord can remap them. */
  keepFields?: boolean;
  /** --vaf-field, --dp-field: an INFO or FORMAT field to read VAF / depth from (depth-fields.ts). */
  vafField?: string;
  dpField?: string;
}

export interface VcfReader {
  header: VcfHeader;
  selection: SampleSelection;
  summary: Summary;
  /** Set (or replace) the site index before iterating, e.g. once the build is known. */
  setIndex(index: SiteIndex | undefined): void;
  /** Data records, in file order; iterate once (this or `items`). */
  records: AsyncIterable<VcfRecord>;
  /**
   * Every data byte in file order (VCF output): what the prefilter passes over as bytes, each parsed
   * record with its line. Iterate once (this or `records`).
   */
  items: AsyncIterable<PassItem>;
}

export async function readVcf(chunks: AsyncIterable<Buffer>, opts: ReadVcfOptions): Promise<VcfReader> {
  // BGZF input offers raw pieces and scanning in its inflate workers; the header is read from
  // text pieces either way (scanning starts only once the header is known).
  const source = scannable(chunks);
  const pieces: AsyncIterator<BgzfPiece> = (source ?? chunks)[Symbol.asyncIterator]();
  const { file, warnings } = opts;
  const head = await readHeaderLines(pieces, file);
  const header = parseHeader(head.lines, file);
  if (head.crlf) warnings.add('crlf', 'CRLF (Windows) line endings', { file, line: 1 });
  let parser: VCF;
  try {
    parser = new VCF({ header: [...header.metaLines, header.columnLine].join('\n') });
  } catch (err) {
    throw new InputError(`header rejected by the VCF parser: ${(err as Error).message}`, { file }, err);
  }
  const selection = selectSamples(header.samples, opts.samples);
  const summary: Summary = opts.summary ?? { records: 0, candidates: 0, parsed: 0, matched: 0, results: 0, skipped: {} };
  let index = opts.index;
  // Made here, so that a --vaf-field/--dp-field the header does not define stops the run before any output.
  const lines = new LineParser({ ...opts, header, parser, selection, summary, crlfWarned: head.crlf });

  // Without pass-through the scan yields records only.
  function scan(passThrough: boolean): AsyncGenerator<VcfRecord | PassItem> {
    const input = { pieces, source, rest: head.rest, restAt: head.restAt, ended: head.ended };
    return new RecordScan(input, { header, index, summary, warnings, file, lines, passThrough }).items();
  }

  let started = false;
  const once = <T>(passThrough: boolean): AsyncIterable<T> => ({
    [Symbol.asyncIterator]() {
      if (started) throw new Error('VcfReader.records/items can be iterated once');
      started = true;
      return scan(passThrough) as AsyncGenerator<T>;
    },
  });
  return {
    header,
    selection,
    summary,
    setIndex(i) {
      if (started) throw new Error('setIndex after iteration started');
      index = i;
    },
    records: once<VcfRecord>(false),
    items: once<PassItem>(true),
  };
}
