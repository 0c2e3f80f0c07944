// Several inputs in one command (src/cli/multi.ts): `vcfact pgx a b c` writes one output, the same
// document `vcfact merge` writes from the per-input outputs (JSON, NDJSON, TSV; pgx, annotate,
// report), and refuses, before any output is written, inputs that cannot make one: a sample in two
// of them, different genome builds, stdin twice.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressText } from '../../src/cli/progress.js';
import { ROOT, outputsIn, vcfactAsync } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-multi-input-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Three GRCh38 inputs with distinct sample names: a tumour/normal-like pair, 24 PharmCAT test
// samples, one gVCF sample.
const DEMO = 'fixtures/demo/demo.vcf.gz';
const MULTI = 'fixtures/pgx/multi-sample.vcf';
const GVCF = 'fixtures/vcf/gvcf.vcf';
const THREE = [DEMO, MULTI, GVCF];

/** Runs vcfact with -o a new file in the scratch folder (exit 0, quiet stderr); returns the file. */
const out = outputsIn(scratch);

/** `vcfact merge` of the per-input outputs of `command` (JSON for a TSV merge), and those outputs. */
async function merged(command: string, inputs: readonly string[], ext: string, extra: string[] = []): Promise<string> {
  return (await mergedParts(command, inputs, ext, extra)).merged;
}

async function mergedParts(command: string, inputs: readonly string[], ext: string, extra: string[] = []): Promise<{ merged: string; parts: string[] }> {
  const partExt = ext === 'tsv' ? 'json' : ext;
  const parts = await Promise.all(inputs.map((i) => out([command, i, ...extra, '-O', partExt], partExt)));
  return { merged: await out(['merge', ...parts, '-O', ext], ext), parts };
}

const text = (file: string): string => readFileSync(file, 'utf8');

describe('one output from several inputs equals merge of the per-input outputs', () => {
  it('pgx JSON: the whole document, samples in input order', async () => {
    const [multi, viaMerge] = await Promise.all([out(['pgx', ...THREE, '-O', 'json'], 'json'), merged('pgx', THREE, 'json')]);
    expect(text(multi)).toBe(text(viaMerge));
    const doc = JSON.parse(text(multi)) as { input: string; samples: string[]; results: { sample: string }[]; summary: { results: number } };
    const pharmcat = (text(join(ROOT, MULTI)).split('\n').find((l) => l.startsWith('#CHROM')) as string).split('\t').slice(9);
    expect(doc.samples).toEqual(['PATIENT_A', 'TUMOR_B', ...pharmcat, 'NA12878']);
    expect(doc.input).toBe(THREE.join(','));
    // Results sample by sample in input order; the counts add up to the results written.
    const order = [...new Set(doc.results.map((r) => r.sample))];
    expect(order).toEqual(doc.samples);
    expect(doc.summary.results).toBe(doc.results.length);
  });

  it('annotate JSON: rows back in record order across the inputs, the summary added up', async () => {
    const [multi, viaMerge] = await Promise.all([out(['annotate', ...THREE, '-O', 'json'], 'json'), mergedParts('annotate', THREE, 'json')]);
    expect(text(multi)).toBe(text(viaMerge.merged));
    const doc = JSON.parse(text(multi)) as { results: { sample: string; pos: number }[]; summary: { records: number } };
    const docs = viaMerge.parts.map((f) => JSON.parse(text(f)) as { results: unknown[]; summary: { records: number } });
    expect(doc.results.length).toBe(docs.reduce((s, d) => s + d.results.length, 0));
    expect(doc.summary.records).toBe(docs.reduce((s, d) => s + d.summary.records, 0));
    // Not one input's rows after another's: the first rows come from a later input (chr1 before the demo's).
    expect(doc.results[0]?.sample).not.toBe('PATIENT_A');
  });

  it('report JSON and annotate NDJSON', async () => {
    const two = [DEMO, GVCF];
    const [report, reportMerge, nd, ndMerge] = await Promise.all([
      out(['report', ...two, '-O', 'json'], 'json'),
      merged('report', two, 'json'),
      out(['annotate', ...THREE, '-O', 'ndjson'], 'ndjson'),
      merged('annotate', THREE, 'ndjson'),
    ]);
    expect(text(report)).toBe(text(reportMerge));
    expect((JSON.parse(text(report)) as { results: { sample: string }[] }).results.map((r) => r.sample)).toEqual(['PATIENT_A', 'TUMOR_B', 'NA12878']);
    expect(text(nd)).toBe(text(ndMerge));
    const lines = text(nd).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('{"type":"meta"'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^\{"type":"summary"/);
  });

  it('TSV: one header, then every input’s rows (pgx per gene and --by-drug, annotate)', async () => {
    const cases = [['pgx'], ['pgx', '--by-drug'], ['annotate']];
    for (const [command, ...extra] of cases) {
      const [multi, viaMerge] = await Promise.all([out([command as string, ...THREE, ...extra, '-O', 'tsv'], 'tsv'), mergedParts(command as string, THREE, 'tsv', extra)]);
      expect(text(multi)).toBe(text(viaMerge.merged));
      const lines = text(multi).trimEnd().split('\n');
      expect(lines.filter((l) => l.startsWith('sample\t'))).toHaveLength(1);
      const rows = viaMerge.parts.reduce((s, f) => s + (JSON.parse(text(f)) as { results: unknown[] }).results.length, 0);
      expect(lines.length - 1).toBe(rows);
    }
  });

  it("TSV with --table: a table row's other columns in one `fields` cell, as one input writes them (merge too)", async () => {
    const vep = 'fixtures/cancer/vep.grch38.vcf';
    const args = ['--table', 'fixtures/tables/clinic.grch38.tsv'];
    const [multi, single, json] = await Promise.all([
      out(['annotate', vep, GVCF, ...args, '-O', 'tsv'], 'tsv'),
      out(['annotate', vep, ...args, '-O', 'tsv'], 'tsv'),
      out(['annotate', vep, ...args, '-O', 'json'], 'json'),
    ]);
    const tableRows = text(single).split('\n').filter((l) => l.includes('\tclinic\t'));
    expect(tableRows.length).toBeGreaterThan(0);
    for (const row of tableRows) expect(text(multi).split('\n')).toContain(row);
    // merge -O tsv of the JSON output wrote the `fields` object as k:v pairs before.
    expect(text(await out(['merge', json, '-O', 'tsv'], 'tsv'))).toBe(text(single));
  });

  it('variant-only inputs: one note on absent definition positions for the whole run, not one per input', async () => {
    const dir = mkdtempSync(join(scratch, 'variant-only-'));
    const files = ['A', 'B', 'C'].map((name) => {
      const file = join(dir, `${name}.vcf`);
      writeFileSync(file, `##fileformat=VCFv4.2\n##contig=<ID=chr10,length=133797422>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${name}\nchr10\t94781859\t.\tG\tA\t50\tPASS\t.\tGT\t0/1\n`);
      return file;
    });
    const r = await vcfactAsync(['pgx', ...files, '-o', join(dir, 'out.tsv')]);
    expect(r.status).toBe(0);
    const notes = r.stderr.split('\n').filter((l) => l.includes('definition positions'));
    expect(notes).toHaveLength(1);
    // Three samples × every gene's definition positions, counted over all inputs.
    expect(notes[0]).toMatch(/note: over the 3 inputs, \d+ of \d+ definition positions/);
    const [absent, total] = (/(\d+) of (\d+) definition/.exec(notes[0] as string) ?? []).slice(1).map(Number);
    const one = await vcfactAsync(['pgx', files[0] as string, '-o', join(dir, 'one.tsv')]);
    const [absent1, total1] = (/(\d+) of (\d+) definition/.exec(one.stderr) ?? []).slice(1).map(Number);
    expect([absent, total]).toEqual([3 * (absent1 as number), 3 * (total1 as number)]);
  });

  it('a CI job over a folder of single-sample VCFs: the glob, no loop', async () => {
    // Two of the PharmCAT test samples, each as a single-sample file.
    const dir = mkdtempSync(join(scratch, 'folder-'));
    const full = text(join(ROOT, MULTI)).split('\n');
    const names = ['PipelineTest__testCyp2c19SingleGeneMatch', 'ToxicGenesTest__testG6pd_chatham_male'];
    for (const name of names) {
      const col = (full.find((l) => l.startsWith('#CHROM')) as string).split('\t').indexOf(name);
      const lines = full.filter((l) => l !== '').map((l) => (l.startsWith('##') ? l : [...l.split('\t').slice(0, 9), l.split('\t')[col]].join('\t')));
      writeFileSync(join(dir, `${name}.vcf`), `${lines.join('\n')}\n`);
    }
    const files = names.map((m) => join(dir, `${m}.vcf`));
    const [multi, sel] = await Promise.all([out(['pgx', ...files, '-O', 'json'], 'json'), out(['pgx', MULTI, '-s', names.join(','), '-O', 'json'], 'json')]);
    // The same calls as the samples selected from the one file they came from.
    const results = (f: string) => (JSON.parse(text(f)) as { results: unknown[] }).results;
    expect(results(multi)).toEqual(results(sel));
  });
});

describe('-s and -r across the inputs', () => {
  it('-s selects among the samples of every input; an input with none selected is not read', async () => {
    const r = await vcfactAsync(['pgx', ...THREE, '-s', 'NA12878,TUMOR_B', '-O', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { input: string; samples: string[] };
    expect(doc.samples).toEqual(['TUMOR_B', 'NA12878']);
    expect(doc.input).toBe(`${DEMO},${GVCF}`);
    expect(r.stderr).toContain(`note: ${MULTI} is not read: -s selects none of its samples`);
    const ex = JSON.parse((await vcfactAsync(['pgx', DEMO, GVCF, '-s', '^PATIENT_A', '-O', 'json', '-q'])).stdout) as { samples: string[] };
    expect(ex.samples).toEqual(['TUMOR_B', 'NA12878']);
  });

  it('a -s sample in no input is the error one input gives (exit 2)', async () => {
    const [many, one] = await Promise.all([vcfactAsync(['pgx', DEMO, GVCF, '-s', 'NOPE']), vcfactAsync(['pgx', DEMO, '-s', 'NOPE'])]);
    expect(many.status).toBe(2);
    expect(one.status).toBe(2);
    expect(many.stderr).toContain('sample NOPE given in -s is not in the VCF');
    expect(many.stdout).toBe('');
  });

  it('--tumor/--normal name a pair in one input; the other inputs keep their own header roles', async () => {
    const pair = ['--tumor', 'TUMOR_B', '--normal', 'PATIENT_A'];
    const parts = await Promise.all([out(['annotate', DEMO, ...pair, '-O', 'json'], 'json'), out(['annotate', GVCF, '-O', 'json'], 'json')]);
    const [multi, viaMerge] = await Promise.all([out(['annotate', DEMO, GVCF, ...pair, '-O', 'json'], 'json'), out(['merge', ...parts, '-O', 'json'], 'json')]);
    expect(text(multi)).toBe(text(viaMerge));
    const [split, nowhere] = await Promise.all([
      vcfactAsync(['annotate', DEMO, GVCF, '--tumor', 'NA12878', '--normal', 'PATIENT_A']),
      vcfactAsync(['annotate', DEMO, GVCF, '--tumor', 'NOPE']),
    ]);
    expect(split.status).toBe(2);
    expect(split.stderr).toContain(`--tumor NA12878 is in ${GVCF} and --normal PATIENT_A in ${DEMO}: a tumour/normal pair must be in one input`);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain('--tumor NOPE is not among the (selected) samples of any input');
  });

  it('-r applies to each input', async () => {
    const [multi, viaMerge] = await Promise.all([out(['annotate', DEMO, MULTI, '-r', 'chr10', '-O', 'json'], 'json'), merged('annotate', [DEMO, MULTI], 'json', ['-r', 'chr10'])]);
    expect(text(multi)).toBe(text(viaMerge));
    const rows = (JSON.parse(text(multi)) as { results: { chrom: string }[] }).results;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.chrom))).toEqual(new Set(['chr10']));
  });
});

describe('inputs that cannot make one output: exit 2 before any output', () => {
  let refused = 0;
  const target = (): string => join(scratch, `refused${refused++}.json`);

  it('a sample name in two inputs names the sample and both files', async () => {
    const copy = join(scratch, 'copy-of-demo.vcf.gz');
    copyFileSync(join(ROOT, DEMO), copy);
    const o = target();
    const r = await vcfactAsync(['pgx', DEMO, GVCF, copy, '-o', o]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`sample PATIENT_A is in ${DEMO} and in ${copy}`);
    expect(existsSync(o)).toBe(false);
  });

  it('different genome builds, told by the header or only by the data, name both files', async () => {
    const g37 = 'fixtures/cancer/codon.grch37.vcf';
    // GRCh37 records with no build in the header: the build is told from the data (KB alleles at GRCh37 positions).
    const bare = join(scratch, 'multiallelic-no-build.vcf');
    writeFileSync(bare, text(join(ROOT, 'fixtures/cancer/multiallelic.grch37.vcf')).split('\n').filter((l) => !l.startsWith('##reference') && !l.startsWith('##contig')).join('\n'));
    const [o1, o2] = [target(), target()];
    const [byHeader, byData] = await Promise.all([vcfactAsync(['annotate', DEMO, g37, '-o', o1]), vcfactAsync(['annotate', DEMO, bare, '-o', o2])]);
    for (const [r, other] of [[byHeader, g37], [byData, bare]] as const) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${DEMO} is GRCh38 .* but ${other} is GRCh37 .*different genome builds`));
    }
    expect(byData.stderr).toContain('(data:');
    expect(existsSync(o1) || existsSync(o2)).toBe(false);
  });

  it('stdin twice, a VCF output, HTML pages or --outside-calls of several inputs', async () => {
    const rs = await Promise.all([
      vcfactAsync(['pgx', '-', '-'], { input: text(join(ROOT, GVCF)) }),
      vcfactAsync(['annotate', DEMO, GVCF, '-O', 'vcf']),
      vcfactAsync(['report', DEMO, GVCF, '-O', 'html']),
      vcfactAsync(['pgx', DEMO, GVCF, '--outside-calls', 'calls.tsv']),
    ]);
    for (const r of rs) expect(r.status).toBe(2);
    expect(rs[0]?.stderr).toContain("'-' (stdin) is given more than once");
    expect(rs[1]?.stderr).toContain('a vcf output takes one input (2 given)');
    expect(rs[2]?.stderr).toContain('html pages take one input (2 given)');
    expect(rs[3]?.stderr).toContain('--outside-calls takes one input (2 given)');
  });

  it('inputs without sample columns that share a record: exit 2 naming the inputs, not the temporary parts', async () => {
    const sites = text(join(ROOT, MULTI)).split('\n').map((l) => (l.startsWith('##') ? l : l.split('\t').slice(0, 8).join('\t')));
    const [a, b] = [join(scratch, 'sites-a.vcf'), join(scratch, 'sites-b.vcf')];
    for (const f of [a, b]) writeFileSync(f, sites.join('\n'));
    const r = await vcfactAsync(['annotate', a, b, '-O', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`is in ${b} and in ${a}`);
    expect(r.stderr).not.toContain('vcfact-inputs-');
  });

  it('stdin once among files is read in its turn', async () => {
    const [withStdin, files] = await Promise.all([
      vcfactAsync(['pgx', DEMO, '-', '-O', 'json', '-q'], { input: text(join(ROOT, GVCF)) }),
      vcfactAsync(['pgx', DEMO, GVCF, '-O', 'json', '-q']),
    ]);
    expect(withStdin.status).toBe(0);
    const a = JSON.parse(withStdin.stdout) as { input: string; results: unknown[] };
    const b = JSON.parse(files.stdout) as { input: string; results: unknown[] };
    expect(a.input).toBe(`${DEMO},stdin`);
    expect(a.results).toEqual(b.results);
  });

  it('a missing file: the exit and message of one input (3), nothing written', async () => {
    const o = target();
    const [many, one] = await Promise.all([vcfactAsync(['pgx', DEMO, 'no-such.vcf.gz', '-o', o]), vcfactAsync(['pgx', 'no-such.vcf.gz'])]);
    expect(one.status).toBe(3);
    expect(many.status).toBe(3);
    expect(many.stderr).toBe(one.stderr);
    expect(existsSync(o)).toBe(false);
  });
});

describe('progress over several inputs', () => {
  it('the line says which input it is on', () => {
    const s = { done: 1 << 20, doneAtStart: 0, total: 4 << 20, unit: 'bytes' as const, elapsedMs: 500, records: 10, candidates: 2, part: `input 2/3 ${basename(GVCF)}` };
    expect(progressText(s)).toBe('vcfact: input 2/3 gvcf.vcf · 25% of 4.0 MiB · 10 records (20/s), 2 near KB sites');
  });
});
