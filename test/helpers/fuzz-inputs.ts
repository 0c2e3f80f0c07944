// The fuzzer's inputs (test/ci/fuzz.test.ts): real fixtures split into header and records, and a
// seeded plan of runs, each an input file of mutated records and the command line to read it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { bgzf } from '../io/helpers.js';
import { fixture } from './cli.js';
import { int, mutateHeader, mutateRecord, pick, type Rand } from './fuzz-mutate.js';

export interface Source {
  name: string;
  header: string[];
  records: string[];
}

/** Every fixture VCF with records (plain or gzip), read as latin1 (one character per byte). */
export function loadSources(): Source[] {
  const conformance = fixture('pgx', 'conformance', 'vcf');
  const files = [
    ...readdirSync(fixture('vcf')).filter((f) => f.endsWith('.vcf')).map((f) => fixture('vcf', f)),
    ...readdirSync(fixture('cancer')).filter((f) => f.endsWith('.vcf')).map((f) => fixture('cancer', f)),
    ...readdirSync(fixture('cancer', 'pcgr')).map((f) => fixture('cancer', 'pcgr', f)),
    ...readdirSync(conformance).filter((f) => f.endsWith('.vcf')).map((f) => join(conformance, f)),
    fixture('pgx', 'multi-sample.vcf'),
    fixture('demo', 'demo.vcf.gz'),
    fixture('golden', 'multiallelic', 'input.vcf'),
  ];
  return files.flatMap((path) => {
    const raw = readFileSync(path);
    const lines = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('latin1').split('\n').filter((l) => l !== '');
    const header = lines.filter((l) => l.startsWith('#'));
    const records = lines.filter((l) => !l.startsWith('#'));
    return records.length > 0 ? [{ name: path.slice(fixture().length + 1), header, records }] : [];
  });
}

export type RunKind = 'lenient' | 'strict' | 'header' | 'compressed';

export interface FuzzRun {
  kind: RunKind;
  source: string;
  /** Mutated records in the input (every record of it is mutated). */
  records: number;
  input: Buffer;
  /** File name of the input (its extension says what it is; the CLI sniffs the bytes anyway). */
  file: string;
  command: 'annotate' | 'pgx' | 'report';
  args: string[];
  /** Write with -o into a fresh folder (checked: nothing there on failure). */
  withOutput: boolean;
}

/** `n` records of the source, in file order (each repeated so the file stays sorted), all mutated. */
function mutatedRecords(src: Source, n: number, r: Rand): Buffer[] {
  const per = Math.ceil(n / src.records.length);
  const out: Buffer[] = [];
  for (let i = 0; out.length < n; i++) out.push(mutateRecord(src.records[Math.floor(i / per)] as string, r));
  return out;
}

function text(header: string[], records: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(`${header.join('\n')}\n`, 'latin1'), ...records.flatMap((b) => [b, Buffer.from('\n')])]);
}

/** Compressed (gzip or BGZF), then maybe damaged: a byte flipped, cut short, or garbage after it. */
function compressed(plain: Buffer, r: Rand): Buffer {
  const z = r() < 0.5 ? gzipSync(plain) : bgzf(plain, 1 + int(r, 65280));
  const c = Buffer.from(z);
  const damage = int(r, 4);
  if (damage === 0) c[int(r, c.length)] = int(r, 256);
  if (damage === 1) return c.subarray(0, int(r, c.length));
  if (damage === 2) return Buffer.concat([c, Buffer.from('garbage')]);
  return c;
}

function commandLine(r: Rand, kind: RunKind): Pick<FuzzRun, 'command' | 'args' | 'withOutput'> {
  const command = pick(r, ['annotate', 'annotate', 'pgx', 'report'] as const);
  const type = command === 'report' ? pick(r, ['json', 'ndjson']) : pick(r, ['tsv', 'json', 'ndjson']);
  const extra = [[], [], ['--pass-only'], ['--min-dp', '10'], ['--min-vaf', '0.1'], ['--min-gq', '20'], ['--threads', '1']];
  const args = ['-O', type, ...pick(r, extra), ...(command !== 'annotate' && r() < 0.3 ? ['--missing-as-ref'] : [])];
  if (kind === 'strict') args.push('--strict');
  return { command, args, withOutput: r() < 0.5 };
}

export interface PlanSizes {
  lenient: { runs: number; records: number };
  strict: { runs: number; records: number };
  header: { runs: number; records: number };
  compressed: { runs: number; records: number };
}

/** The runs of one fuzz pass: the same seed gives the same inputs and command lines. */
export function* plan(sources: Source[], sizes: PlanSizes, r: Rand): Generator<FuzzRun> {
  for (const kind of ['lenient', 'strict', 'header', 'compressed'] as const) {
    for (let i = 0; i < sizes[kind].runs; i++) {
      const src = pick(r, sources);
      const records = mutatedRecords(src, sizes[kind].records, r);
      const header = kind === 'header' ? mutateHeader(src.header, r) : src.header;
      const plain = text(header, records);
      const input = kind === 'compressed' ? compressed(plain, r) : plain;
      yield { kind, source: src.name, records: records.length, input, file: kind === 'compressed' ? 'input.vcf.gz' : 'input.vcf', ...commandLine(r, kind) };
    }
  }
}
