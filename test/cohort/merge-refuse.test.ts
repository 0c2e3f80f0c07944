// vcfact merge refuses (exit 2, naming what differs and which files) shards that are not parts of one run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vcfact, vcfactAsync } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-merge-refuse-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DEMO = 'fixtures/demo/demo.vcf.gz';
const GETRM = 'fixtures/pgx/getrm/getrm.GRCh38.vcf.gz';
const f = (name: string): string => join(scratch, name);

beforeAll(async () => {
  const runs: [string, string[]][] = [
    ['a.ndjson', ['annotate', DEMO, '-s', 'PATIENT_A', '-O', 'ndjson']],
    ['b.ndjson', ['annotate', DEMO, '-s', 'TUMOR_B', '-O', 'ndjson']],
    ['r13-ev.json', ['annotate', DEMO, '-r', 'chr1,chr3', '-O', 'json', '--evidence']],
    ['pgx-b.ndjson', ['pgx', DEMO, '-s', 'TUMOR_B', '-O', 'ndjson']],
    ['r7.json', ['annotate', DEMO, '-r', 'chr7', '-O', 'json']],
    ['r7b.json', ['annotate', DEMO, '-r', 'chr7:1-200000000', '-O', 'json']],
    ['rep1.json', ['report', DEMO, '-r', 'chr1', '-O', 'json']],
    ['rep7.json', ['report', DEMO, '-r', 'chr7', '-O', 'json']],
    ['pgx10.json', ['pgx', GETRM, '-r', 'chr10:94700000-94800000', '-O', 'json']],
    ['pgx10b.json', ['pgx', GETRM, '-r', 'chr10:94780000-94900000', '-O', 'json']],
  ];
  await Promise.all(runs.map(async ([name, args]) => expect((await vcfactAsync([...args, '-q', '-o', f(name)])).status).toBe(0)));
  // The same shard as if made with another knowledge base, and on another build.
  const b = readFileSync(f('b.ndjson'), 'utf8');
  const meta = JSON.parse(b.slice(0, b.indexOf('\n'))) as { kb: { sha256: string }[]; genome: { build: string } };
  const other = { ...meta, kb: meta.kb.map((t, i) => (i === 0 ? { ...t, sha256: 'f'.repeat(64) } : t)) };
  writeFileSync(f('b-kb.ndjson'), b.replace(/^[^\n]*/, JSON.stringify(other)));
  writeFileSync(f('b-37.ndjson'), b.replace(/^[^\n]*/, JSON.stringify({ ...meta, genome: { ...meta.genome, build: 'GRCh37' } })));
  writeFileSync(f('cut.ndjson'), b.slice(0, b.lastIndexOf('{"type":"summary"')));
});

function refused(args: string[], ...words: string[]): void {
  const r = vcfact(['merge', ...args.map(f)]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  for (const w of words) expect(r.stderr).toContain(w);
}

describe('merge refuses', () => {
  it('outputs of different commands', () => refused(['a.ndjson', 'pgx-b.ndjson'], 'differ in command', 'a.ndjson', 'pgx-b.ndjson'));
  it('different options that change the results (--evidence)', () => refused(['r7.json', 'r13-ev.json'], 'different options', '--evidence is not given', 'given in', 'r13-ev.json'));
  it('different knowledge-base checksums', () => refused(['a.ndjson', 'b-kb.ndjson'], 'different knowledge bases', 'sha256', 'b-kb.ndjson'));
  it('different genome builds', () => refused(['a.ndjson', 'b-37.ndjson'], 'genome build', 'GRCh37', 'b-37.ndjson'));
  it('a sample in two shards', () => refused(['a.ndjson', 'b.ndjson', 'r7.json'], 'sample', 'r7.json'));
  it('the same file twice', () => refused(['a.ndjson', 'a.ndjson'], 'given twice'));
  it('a sample × record × feature seen twice (overlapping region shards)', () => refused(['r7.json', 'r7b.json'], 'seen twice', 'r7.json', 'r7b.json'));
  it('a sample × gene seen twice (a gene called in two region shards)', () => refused(['pgx10.json', 'pgx10b.json'], 'seen twice', 'CYP2C19', 'pgx10b.json'));
  it('report shards split by regions (findings are ranked over the whole sample)', () => refused(['rep1.json', 'rep7.json'], 'split by regions'));
  it('TSV of report shards', () => {
    const r = vcfact(['merge', f('rep1.json'), '-O', 'tsv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('json or ndjson');
  });
});

describe('merge reads only complete shards', () => {
  it('a shard cut before its summary line is bad input (exit 3), and -o is left unwritten', () => {
    const r = vcfact(['merge', f('a.ndjson'), f('cut.ndjson'), '-o', f('never.json')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('cut.ndjson');
    expect(() => readFileSync(f('never.json'))).toThrow();
  });
});
