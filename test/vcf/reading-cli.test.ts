// The reading rules of this folder through the built CLI, as a user meets them: dialects are read
// with a warning on stderr, one sample's bad GT does not cost the others their findings, VAF and
// depth come from PCGR's fields or --vaf-field/--dp-field, BCF is named.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vcfact } from '../helpers/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vcfact-reading-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** annotate rows as objects (TSV). */
function rows(stdout: string): Record<string, string>[] {
  const [head, ...lines] = stdout.trimEnd().split('\n');
  const cols = (head ?? '').split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
}

describe('dialects through the CLI', () => {
  it('a vcf2maf-style tumour with an empty INFO column gets its PIK3CA E545K (GRCh38 chr3:179218303 G>A)', () => {
    const r = vcfact(['annotate', 'fixtures/vcf/empty-info.vcf']);
    expect(r.status).toBe(0);
    const e545k = rows(r.stdout).filter((x) => x.feature === 'PIK3CA E545K');
    expect(e545k.length).toBeGreaterThan(0);
    expect(e545k[0]).toMatchObject({ sample: 'TUMOR', chrom: '3', pos: '179218303', ref: 'G', alt: 'A', gt: '0/1', vaf: '0.5116', dp: '43', match: 'exact' });
    expect(r.stderr).toContain("empty INFO column (read as '.')");
    expect(r.stderr).toMatch(/empty-info: 3 times/);
    expect(vcfact(['annotate', '--strict', 'fixtures/vcf/empty-info.vcf']).status).toBe(3);
  });
  it('lowercase bases match; the output shows them as written', () => {
    const r = vcfact(['annotate', '-q', 'fixtures/vcf/dialects.vcf']);
    expect(r.status).toBe(0);
    const kras = rows(r.stdout).filter((x) => x.feature === 'KRAS G12V' && x.match === 'exact');
    expect([...new Set(kras.map((x) => `${x.sample} ${x.ref}>${x.alt} ${x.gt}`))]).toEqual(['A c>a 1/2', 'B c>a 0/1']);
  });
});

describe('a malformed GT in one of three samples', () => {
  const header = [
    '##fileformat=VCFv4.2',
    '##contig=<ID=chr3,length=198295559>',
    '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\tS3',
  ];
  const file = () => {
    const path = join(dir, 'three.vcf');
    writeFileSync(path, [...header, 'chr3\t179218303\t.\tG\tA\t.\tPASS\t.\tGT\t0/1\t0/x\t1/1', ''].join('\n'));
    return path;
  };
  it('costs only that sample its call: the others keep their findings, and the warning names file, line, sample and text', () => {
    const path = file();
    const r = vcfact(['annotate', path]);
    expect(r.status).toBe(0);
    const samples = new Set(rows(r.stdout).filter((x) => x.feature === 'PIK3CA E545K').map((x) => `${x.sample} ${x.gt}`));
    expect([...samples]).toEqual(['S1 0/1', 'S3 1/1']);
    expect(r.stderr).toContain(`${path}:5: column 11: chr3:179218303: sample S2: GT '0/x' is not a genotype (read as a no-call): '0/x'`);
  });
  it('is exit 3 under --strict', () => {
    const r = vcfact(['annotate', '--strict', file()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("sample S2: GT '0/x' is not a genotype");
  });
});

describe('VAF and depth', () => {
  it("PCGR's TCGA tumour: vaf and dp from TVAF/TDP (empty before)", () => {
    const r = vcfact(['annotate', '-q', 'fixtures/cancer/pcgr/T001-BRCA.grch38.vcf.gz']);
    expect(r.status).toBe(0);
    const h1047r = rows(r.stdout).find((x) => x.feature === 'PIK3CA H1047R');
    expect(h1047r).toMatchObject({ vaf: expect.stringMatching(/^0\.\d+$/), dp: expect.stringMatching(/^\d+$/) });
    expect(rows(r.stdout).every((x) => x.vaf !== '' && x.dp !== '')).toBe(true);
  });
  it('--dp-field and --vaf-field read the named field, in annotate and report', () => {
    const input = 'fixtures/cancer/pcgr/T001-BRCA.grch38.vcf.gz';
    const byDpc = rows(vcfact(['annotate', '-q', '--dp-field', 'DPC', input]).stdout);
    const plain = rows(vcfact(['annotate', '-q', input]).stdout);
    expect(byDpc.length).toBe(plain.length);
    expect(byDpc.some((x, i) => x.dp !== plain[i]!.dp)).toBe(true);
    const report = vcfact(['report', '-q', '--vaf-field', 'TVAF', '--dp-field', 'DPC', input]);
    expect(report.status).toBe(0);
    const bad = vcfact(['report', '-q', '--vaf-field', 'NOPE', input]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--vaf-field NOPE: the VCF header defines no INFO or FORMAT field NOPE');
  });
});

describe('BCF input', () => {
  it('is exit 3 naming the bcftools view pipe', () => {
    const path = join(dir, 'in.bcf');
    writeFileSync(path, Buffer.concat([Buffer.from('BCF\u0002\u0002'), Buffer.alloc(32, 1)]));
    const r = vcfact(['annotate', path]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('this is BCF (binary VCF)');
    expect(r.stderr).toContain('bcftools view FILE.bcf | vcfact annotate -');
  });
});
