// The annotated VCF (annotate -O vcf / vcf.gz) as htslib tools read it: bcftools view and query
// read every fixture's output back with the input's record count and the tags we wrote, tabix
// indexes the BGZF output, bcftools norm -m- keeps the tags on each split record, and bgzip
// decompresses every .gz output. Needs bcftools, tabix and bgzip (scripts/install-tools.sh).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact, vcfactAsync } from '../helpers/cli.js';
import { checkPassThrough, textOf, vcfFixtures } from '../helpers/vcf-output.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-vcfci-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'latin1', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
}

const records = (vcf: string): string[] => tool('bcftools', ['view', '-H', vcf]).split('\n').filter(Boolean);
const TAGS = ['VCFACT_PGX', 'VCFACT_CANCER'] as const;

/** A data line's value of an INFO key as bcftools query prints it ('.' when absent). */
function infoValue(line: string, key: string): string {
  const kv = (line.split('\t')[7] ?? '').replace(/\r$/, '').split(';').find((x) => x.startsWith(`${key}=`));
  return kv === undefined ? '.' : kv.slice(key.length + 1);
}

describe('bcftools and tabix read the annotated VCF back', () => {
  for (const input of vcfFixtures()) {
    const name = basename(input).replace(/\.vcf(\.gz)?$/, '');
    it(name, async () => {
      const gz = join(tmp, `${name}.out.vcf.gz`);
      const r = await vcfactAsync(['annotate', input, '-o', gz, '-q']);
      expect(r.status, r.stderr).toBe(0);
      const text = textOf(readFileSync(gz));
      checkPassThrough(textOf(readFileSync(input)), text);
      // bcftools view: the same records as the input.
      expect(records(gz)).toHaveLength(records(input).length);
      // bcftools query: the tags as written, record by record.
      const ours = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      const query = tool('bcftools', ['query', '-f', TAGS.map((t) => `%INFO/${t}`).join('\t') + '\n', gz]).split('\n').filter(Boolean);
      expect(query).toEqual(ours.map((l) => TAGS.map((t) => infoValue(l, t)).join('\t')));
      // tabix indexes the BGZF output.
      tool('tabix', ['-f', '-p', 'vcf', gz]);
      expect(existsSync(`${gz}.tbi`)).toBe(true);
      // bcftools norm -m-: every split record keeps its record's tags.
      const split = tool('bcftools', ['norm', '-m-', gz]).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      const tagsAt = new Map(ours.map((l) => [l.split('\t').slice(0, 2).join(':'), TAGS.map((t) => infoValue(l, t)).join('\t')]));
      for (const l of split) expect(TAGS.map((t) => infoValue(l, t)).join('\t')).toBe(tagsAt.get(l.split('\t').slice(0, 2).join(':')));
    });
  }

  it('the demo carries tags bcftools can select on', () => {
    const gz = join(tmp, 'demo.select.vcf.gz');
    expect(vcfact(['annotate', fixture('demo', 'demo.vcf.gz'), '-o', gz, '-q']).status).toBe(0);
    const cancer = tool('bcftools', ['view', '-H', '-i', 'INFO/VCFACT_CANCER!="."', gz]).split('\n').filter(Boolean);
    const pgx = tool('bcftools', ['view', '-H', '-i', 'INFO/VCFACT_PGX!="."', gz]).split('\n').filter(Boolean);
    expect(cancer.length).toBeGreaterThan(0);
    expect(pgx.length).toBeGreaterThan(0);
    expect(cancer.every((l) => l.includes('VCFACT_CANCER='))).toBe(true);
  });
});

describe('every .gz output is BGZF', () => {
  const demo = fixture('demo', 'demo.vcf.gz');
  for (const ext of ['tsv', 'json', 'ndjson', 'vcf']) {
    it(`-o out.${ext}.gz: bgzip -t passes and bgzip -dc gives the -O ${ext} output`, () => {
      const gz = join(tmp, `demo.${ext}.gz`);
      expect(vcfact(['annotate', demo, '-o', gz, '-q']).status).toBe(0);
      tool('bgzip', ['-t', gz]);
      const plain = vcfact(['annotate', demo, '-O', ext, '-q']).stdout;
      const strip = (t: string) => t.replace(/^##vcfact_command=.*\n/m, '');
      expect(strip(tool('bgzip', ['-dc', gz]))).toBe(strip(plain));
    });
  }
});
