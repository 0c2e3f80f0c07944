// The options that change results are recorded in the output's meta, and merge refuses (exit 2,
// naming the option and both values) shards written with different ones; options that only say where
// or how the output goes do not block a merge.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vcfact, vcfactAsync } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-merge-options-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DEMO = 'fixtures/demo/demo.vcf.gz';
const f = (name: string): string => join(scratch, name);
const A = ['-s', 'PATIENT_A'];
const B = ['-s', 'TUMOR_B'];

beforeAll(async () => {
  const runs: [string, string[]][] = [
    ['pgx-a.json', ['pgx', DEMO, ...A, '--min-dp', '10', '--pass-only', '--threads', '1']],
    ['pgx-b.ndjson', ['pgx', DEMO, ...B, '--min-dp', '10', '--pass-only', '--no-progress', '-O', 'ndjson']],
    ['pgx-b-dp20.json', ['pgx', DEMO, ...B, '--min-dp', '20', '--pass-only']],
    ['pgx-b-nodp.json', ['pgx', DEMO, ...B, '--pass-only']],
    ['ann-a-mel.json', ['annotate', DEMO, ...A, '--tumor-type', 'melanoma']],
    ['ann-b-crc.json', ['annotate', DEMO, ...B, '--tumor-type', 'colorectal cancer']],
    ['ann-a-table.json', ['annotate', DEMO, ...A, '--table', 'fixtures/tables/clinic.grch38.tsv']],
    ['ann-b-table.json', ['annotate', DEMO, ...B, '--table', 'fixtures/tables/example.grch38.tsv']],
  ];
  await Promise.all(runs.map(async ([name, args]) => expect((await vcfactAsync([...args, '-q', '-o', f(name)])).status).toBe(0)));
});

describe('the meta records the options that change results', () => {
  it('as given, numbers as numbers, and not the others (-s, --threads, -o)', () => {
    const doc = JSON.parse(readFileSync(f('pgx-a.json'), 'utf8'));
    expect(doc.options).toEqual({ 'pass-only': true, 'min-dp': 10 });
    expect(schema('pgx.schema.json')(doc)).toBe(true);
    const meta = JSON.parse(readFileSync(f('pgx-b.ndjson'), 'utf8').split('\n')[0] as string);
    expect(meta.options).toEqual({ 'pass-only': true, 'min-dp': 10 });
    expect(JSON.parse(readFileSync(f('ann-a-mel.json'), 'utf8')).options).toEqual({ 'tumor-type': 'melanoma' });
  });

  it('an option vcfact does not record is not valid against the schema', () => {
    const doc = JSON.parse(readFileSync(f('pgx-a.json'), 'utf8'));
    expect(schema('pgx.schema.json')({ ...doc, options: { ...doc.options, threads: 1 } })).toBe(false);
    const { options: _o, ...without } = doc;
    expect(schema('pgx.schema.json')(without)).toBe(false);
  });
});

describe('merge and the options', () => {
  const refused = (a: string, b: string, ...words: string[]): void => {
    const r = vcfact(['merge', f(a), f(b), '-q']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    for (const w of [f(a), f(b), ...words]) expect(r.stderr).toContain(w);
  };

  it('refuses a different --min-dp, naming both values', () => refused('pgx-a.json', 'pgx-b-dp20.json', '--min-dp is 10', 'and 20'));
  it('refuses --min-dp given in one shard only', () => refused('pgx-a.json', 'pgx-b-nodp.json', '--min-dp is 10', 'not given'));
  it('refuses a different --tumor-type', () => refused('ann-a-mel.json', 'ann-b-crc.json', '--tumor-type is "melanoma"', '"colorectal cancer"'));
  it('refuses different --table files (the kb[] entries differ)', () => refused('ann-a-table.json', 'ann-b-table.json', 'different knowledge bases'));

  it('merges shards that differ only in -O, --threads, --no-progress, and keeps the record', () => {
    const r = vcfact(['merge', f('pgx-a.json'), f('pgx-b.ndjson'), '-q', '-O', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const merged = JSON.parse(r.stdout);
    expect(merged.options).toEqual({ 'pass-only': true, 'min-dp': 10 });
    expect(schema('pgx.schema.json')(merged)).toBe(true);
  });
});
