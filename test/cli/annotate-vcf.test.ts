// annotate -O vcf / vcf.gz and .gz outputs, through the built CLI: every input line comes back
// byte for byte (tags aside), the tags agree with annotate's own rows, BGZF wherever a name ends in .gz.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fixture, vcfact, vcfactAsync } from '../helpers/cli.js';
import { checkPassThrough, textOf, vcfFixtures } from '../helpers/vcf-output.js';
import { bgzf, BGZF_EOF } from '../io/helpers.js';

const DEMO = fixture('demo', 'demo.vcf.gz');
const tmp = mkdtempSync(join(tmpdir(), 'vcfact-vcfout-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const out = (name: string): string => join(tmp, `${n++}-${name}`);

/** The output text without the ##vcfact_command line (which names the -o file). */
const sansCommand = (t: string): string => t.replace(/^##vcfact_command=.*\n/m, '');

describe('annotate -O vcf passes every fixture through', () => {
  for (const input of vcfFixtures()) {
    it(basename(input), async () => {
      const o = out('out.vcf');
      const r = await vcfactAsync(['annotate', input, '-o', o, '-q']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      checkPassThrough(textOf(readFileSync(input)), readFileSync(o, 'latin1'));
    });
  }
});

describe('the tags', () => {
  for (const name of ['demo/demo.vcf.gz', 'cancer/vep.grch38.vcf', 'cancer/multiallelic.grch38.vcf', 'pgx/multi-sample.vcf']) {
    it(`name every feature annotate's rows name, with its grade (${name})`, async () => {
      const input = fixture(...name.split('/'));
      const [vcf, json] = await Promise.all([vcfactAsync(['annotate', input, '-O', 'vcf', '-q']), vcfactAsync(['annotate', input, '-O', 'json', '-q'])]);
      expect(vcf.status).toBe(0);
      const perLine = checkPassThrough(textOf(readFileSync(input)), vcf.stdout);
      const lines = vcf.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      const entries = perLine.flatMap((es, i) => es.map((e) => ({ ...e, chrom: (lines[i] as string).split('\t')[0] })));
      const rows = (JSON.parse(json.stdout) as { results: Record<string, unknown>[] }).results;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const e = entries.find((x) => x.chrom === row.chrom && x.gene === row.gene && x.feature === row.feature && x.match === row.match);
        expect(e, `${String(row.chrom)} ${String(row.feature)}`).toBeDefined();
        expect(e?.tag).toBe(row.kb === 'pgx' ? 'VCFACT_PGX' : 'VCFACT_CANCER');
        const grade = row.kb === 'pgx' ? row.function : row.tier || (row.best_level ? `level ${String(row.best_level)}` : '');
        expect(e?.grade).toBe(grade);
      }
    });
  }

  it('give each ALT of a multi-allelic record its own allele index', () => {
    const r = vcfact(['annotate', fixture('cancer', 'multiallelic.grch38.vcf'), '-O', 'vcf', '-q']);
    const multi = r.stdout.split('\n').filter((l) => !l.startsWith('#') && l.split('\t')[4]?.includes(','));
    const indices = new Set(multi.flatMap((l) => [...l.matchAll(/[=,](\d+)\|/g)].map((m) => m[1])));
    expect(indices.has('2') || indices.has('3')).toBe(true);
  });
});

describe('streaming and regions', () => {
  it('writes every record of an indexed input, not only the knowledge-base regions', () => {
    const r = vcfact(['annotate', DEMO, '-O', 'vcf']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toHaveLength(49);
    expect(r.stderr).not.toContain('read through the index');
  });

  for (const index of ['auto', 'never']) {
    it(`with -r writes only the records in the regions (--index ${index})`, () => {
      const r = vcfact(['annotate', DEMO, '-O', 'vcf', '-q', '-r', 'chr7,chr10:94761000-94762000', '--index', index]);
      expect(r.status).toBe(0);
      const inside = (l: string) => {
        const [c, p] = l.split('\t');
        return c === 'chr7' || (c === 'chr10' && Number(p) >= 94761000 && Number(p) <= 94762000);
      };
      const tags = checkPassThrough(textOf(readFileSync(DEMO)), r.stdout, inside);
      // The regions hold records with and without matches.
      expect(tags.some((t) => t.length > 0)).toBe(true);
      expect(tags.some((t) => t.length === 0)).toBe(true);
    });
  }

  it('passes a BGZF input scanned in the inflate workers through unchanged (2 threads as 1)', async () => {
    // Megabytes of records away from any site: batches the workers scan and send back whole.
    const text = textOf(readFileSync(DEMO));
    const at = text.indexOf('\nchr7\t') + 1;
    const filler = Array.from({ length: 60_000 }, (_, i) => `chr7\t${1000 + i * 400}\t.\tC\tA\t50\tPASS\tDP=${i % 90}\tGT:AD:DP:GQ\t0/1:1,2:3:4\t0/0:3,0:3:9\n`).join('');
    const big = text.slice(0, at) + filler + text.slice(at);
    const input = out('big.vcf.gz');
    writeFileSync(input, bgzf(Buffer.from(big, 'latin1')));
    const [two, one] = await Promise.all(['2', '1'].map((t) => vcfactAsync(['annotate', input, '-O', 'vcf', '-q', '--threads', t])));
    expect(two?.status).toBe(0);
    checkPassThrough(big, two?.stdout as string);
    expect(sansCommand(two?.stdout as string)).toBe(sansCommand(one?.stdout as string));
  });

  it('reads gzip (not BGZF) and stdin the same way', () => {
    const plain = textOf(readFileSync(DEMO));
    const gz = out('demo-gzip.vcf.gz');
    writeFileSync(gz, gzipSync(Buffer.from(plain, 'latin1')));
    const viaFile = vcfact(['annotate', DEMO, '-O', 'vcf', '-q']).stdout;
    expect(sansCommand(vcfact(['annotate', gz, '-O', 'vcf', '-q']).stdout)).toBe(sansCommand(viaFile));
    expect(sansCommand(vcfact(['annotate', '-', '-O', 'vcf', '-q'], { input: Buffer.from(plain, 'latin1') }).stdout)).toBe(sansCommand(viaFile));
  });
});

describe('an annotated VCF read again', () => {
  it('comes out the same: earlier VCFACT_* tags and header lines are replaced, not repeated', () => {
    const first = out('first.vcf');
    expect(vcfact(['annotate', DEMO, '-o', first, '-q']).status).toBe(0);
    const again = vcfact(['annotate', first, '-O', 'vcf', '-q']);
    expect(again.status).toBe(0);
    expect(sansCommand(again.stdout)).toBe(sansCommand(readFileSync(first, 'utf8')));
  });

  it('drops a stale tag from a record that matches nothing now (one the prefilter passes over)', () => {
    const annotated = vcfact(['annotate', DEMO, '-O', 'vcf', '-q']).stdout;
    const first = annotated.split('\n').find((l) => l.startsWith('chr1\t7395794\t')) as string;
    const input = out('stale.vcf');
    writeFileSync(input, annotated.replace(first, first.replace('\tDP=30\t', '\tDP=30;VCFACT_PGX=1|G|old|exact|x\t')));
    const r = vcfact(['annotate', input, '-O', 'vcf', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('old');
    expect(sansCommand(r.stdout)).toBe(sansCommand(annotated));
  });
});

describe('.gz outputs are BGZF', () => {
  it('-o x.vcf.gz and -O vcf.gz to stdout: the VCF, BGZF-compressed, ending in the EOF block', () => {
    const vcf = vcfact(['annotate', DEMO, '-O', 'vcf', '-q']).stdout;
    const o = out('demo.vcf.gz');
    expect(vcfact(['annotate', DEMO, '-o', o, '-q']).status).toBe(0);
    const file = readFileSync(o);
    expect(file.subarray(-28).equals(BGZF_EOF)).toBe(true);
    expect(sansCommand(gunzipSync(file).toString())).toBe(sansCommand(vcf));
    const piped = vcfactBytes(['annotate', DEMO, '-O', 'vcf.gz', '-q']);
    expect(piped.subarray(-28).equals(BGZF_EOF)).toBe(true);
    expect(sansCommand(gunzipSync(piped).toString())).toBe(sansCommand(vcf));
  });

  for (const [name, type] of [['out.tsv.gz', 'tsv'], ['out.json.gz', 'json'], ['out.ndjson.gz', 'ndjson']] as const) {
    it(`-o ${name} writes ${type}, BGZF-compressed`, () => {
      const o = out(name);
      expect(vcfact(['annotate', DEMO, '-o', o, '-q']).status).toBe(0);
      const file = readFileSync(o);
      expect(file.subarray(-28).equals(BGZF_EOF)).toBe(true);
      expect(gunzipSync(file).toString()).toBe(vcfact(['annotate', DEMO, '-O', type, '-q']).stdout);
    });
  }

  it('-o for pgx with a .gz name is BGZF too', () => {
    const o = out('pgx.tsv.gz');
    expect(vcfact(['pgx', DEMO, '-o', o, '-q']).status).toBe(0);
    expect(gunzipSync(readFileSync(o)).toString()).toBe(vcfact(['pgx', DEMO, '-q']).stdout);
  });
});

describe('usage errors', () => {
  const cases: [string, string[], RegExp][] = [
    ['-s with a VCF output', ['annotate', DEMO, '-O', 'vcf', '-s', 'PATIENT_A'], /-s\/--samples with a VCF output/],
    ['--evidence with a VCF output', ['annotate', DEMO, '-o', 'x.vcf', '--evidence'], /--evidence with a VCF output/],
    ['pgx -O vcf', ['pgx', DEMO, '-O', 'vcf'], /only annotate writes VCF/],
    ['report -o x.vcf.gz', ['report', DEMO, '-o', 'x.vcf.gz'], /only annotate writes VCF/],
  ];
  for (const [what, args, message] of cases) {
    it(`${what} is exit 2`, () => {
      const r = vcfact(args, { cwd: tmp });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }
});

/** stdout as bytes (BGZF). */
function vcfactBytes(args: string[]): Buffer {
  const r = spawnSync(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 });
  expect(r.status).toBe(0);
  return r.stdout;
}
