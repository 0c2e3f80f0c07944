// Output safety through the built CLI: -o never replaces the input, and a run that fails after its
// output started on stdout does not end as if it were complete (README "Errors and guarantees").
import { spawnSync } from 'node:child_process';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, vcfact } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-outsafe-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = [
  '##fileformat=VCFv4.2',
  '##contig=<ID=chr10,length=133797422>',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
];
/** CYP2C19 rs4244285 (a finding), then under --strict a fatal GT on the next record: the run fails after its first result. */
const LATE_FAILURE = `${[...HEADER, 'chr10\t94781859\trs4244285\tG\tA\t50\tPASS\t.\tGT\t0/1', 'chr10\t94781859\t.\tG\tA\t50\tPASS\t.\tGT\thet'].join('\n')}\n`;
const GOOD = `${[...HEADER, 'chr10\t94781859\trs4244285\tG\tA\t50\tPASS\t.\tGT\t0/1'].join('\n')}\n`;

let n = 0;
function caseDir(): string {
  return mkdtempSync(join(tmp, `${n++}-`));
}

describe('-o naming the input is exit 2, and the input is untouched', () => {
  const spellings: [string, (dir: string) => string][] = [
    ['the same path', () => 'in.vcf'],
    ['another spelling (./in.vcf)', () => './in.vcf'],
    ['a hard link', (dir) => (linkSync(join(dir, 'in.vcf'), join(dir, 'hard.tsv')), 'hard.tsv')],
    ['a symbolic link', (dir) => (symlinkSync('in.vcf', join(dir, 'sym.tsv')), 'sym.tsv')],
  ];
  for (const [how, make] of spellings) {
    it(`through ${how}`, () => {
      const dir = caseDir();
      writeFileSync(join(dir, 'in.vcf'), GOOD);
      const out = make(dir);
      const before = readdirSync(dir).sort();
      const r = vcfact(['annotate', 'in.vcf', '-o', out], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('-o names the input file');
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(readFileSync(join(dir, 'in.vcf'), 'utf8')).toBe(GOOD);
      expect(readdirSync(dir).sort()).toEqual(before);
    });
  }

  it('through stdin redirected from the -o file', () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'in.vcf'), GOOD);
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' annotate - -o in.vcf < in.vcf`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'in.vcf'), 'utf8')).toBe(GOOD);
    expect(readdirSync(dir)).toEqual(['in.vcf']);
  });

  it('stdout appended to the input (>> in.vcf) is refused too', () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'in.vcf'), GOOD);
    const r = spawnSync('bash', ['-c', `'${process.execPath}' '${BIN}' annotate in.vcf >> in.vcf`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stdout is the input file');
    expect(readFileSync(join(dir, 'in.vcf'), 'utf8')).toBe(GOOD);
  });

  it('-o onto a FIFO is exit 2, and the FIFO stays as it was', () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'in.vcf'), GOOD);
    expect(spawnSync('mkfifo', [join(dir, 'fifo')]).status).toBe(0);
    const r = vcfact(['annotate', 'in.vcf', '-o', 'fifo'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a FIFO');
    expect(readdirSync(dir).sort()).toEqual(['fifo', 'in.vcf']);
  });
});

describe('a run that fails before writing, behind -o', () => {
  it('leaves the old file as it was and no temp file (pgx --strict with a bad --outside-calls file)', () => {
    const dir = caseDir();
    writeFileSync(join(dir, 'in.vcf'), GOOD);
    writeFileSync(join(dir, 'outside.tsv'), '\t*1/*2\n');
    writeFileSync(join(dir, 'out.tsv'), 'old\n');
    const r = vcfact(['pgx', '--strict', 'in.vcf', '--outside-calls', 'outside.tsv', '-o', 'out.tsv'], { cwd: dir });
    expect(r.status).toBe(3);
    expect(readFileSync(join(dir, 'out.tsv'), 'utf8')).toBe('old\n');
    expect(readdirSync(dir).sort()).toEqual(['in.vcf', 'out.tsv', 'outside.tsv']);
  });
});

describe('a run that fails after its output started on stdout', () => {
  const input = join(tmp, 'late.vcf');
  writeFileSync(input, LATE_FAILURE);

  it('NDJSON ends with an error line (exit, code, message), not a summary', () => {
    const r = vcfact(['annotate', '--strict', '-O', 'ndjson', input]);
    expect(r.status).toBe(3);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(['meta', 'result', 'error']);
    const last = lines.at(-1) as Record<string, unknown>;
    expect(last).toEqual({ type: 'error', exit: 3, code: 'input', message: expect.stringContaining('late.vcf:6') as unknown });
    // The same message as on stderr.
    expect(r.stderr).toContain(last.message as string);
    const v = schema('annotate.ndjson.schema.json');
    for (const l of lines) expect(v(l), JSON.stringify(v.errors)).toBe(true);
  });

  it('the schema knows the error line and nothing looser', () => {
    const v = schema('annotate.ndjson.schema.json');
    expect(v({ type: 'error', exit: 3, code: 'input', message: 'x' })).toBe(true);
    expect(v({ type: 'error', exit: 0, code: 'input', message: 'x' })).toBe(false);
    expect(v({ type: 'error', exit: 3, code: 'input' })).toBe(false);
  });

  it('JSON is left unclosed, so a parser rejects it', () => {
    const r = vcfact(['annotate', '--strict', '-O', 'json', input]);
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('"CYP2C19"');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('TSV keeps the rows written before the error; the exit code and stderr tell', () => {
    const r = vcfact(['annotate', '--strict', input]);
    expect(r.status).toBe(3);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toContain('late.vcf:6');
  });

  it('a failure before any output writes nothing to stdout', () => {
    const r = vcfact(['annotate', '-O', 'ndjson', join(tmp, 'missing.vcf')]);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
  });

  it('behind -o, the same failure leaves no file and no error line anywhere', () => {
    const dir = caseDir();
    const r = vcfact(['annotate', '--strict', '-O', 'ndjson', '-o', join(dir, 'out.ndjson'), input]);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});
