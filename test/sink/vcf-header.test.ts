import { describe, expect, it } from 'vitest';
import { structuredValue, vcfactCommand, vcfHeaderText, type VcfRunInfo } from '../../src/sink/vcf-header.js';
import { VCFACT_CANCER, VCFACT_PGX, VCFACT_TABLE } from '../../src/sink/vcf-info.js';
import { parseHeader } from '../../src/vcf/header.js';

const INPUT = [
  '##fileformat=VCFv4.2',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">',
  '##contig=<ID=chr1,length=248956422>',
  '##reference=GRCh38',
  '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1',
];
const RUN: VcfRunInfo = {
  version: '9.9.9',
  command: 'vcfact annotate in.vcf -o out.vcf',
  kb: [
    { name: 'pgx-sites', version: 'pharmcat 2025-11-05; pypgx 0.26.0', sha256: 'ab12' },
    { name: 'cancer-evidence', version: 'civic-2024-08', sha256: 'cd34' },
  ],
  tags: [VCFACT_PGX, VCFACT_CANCER],
};

describe('vcfHeaderText', () => {
  const header = parseHeader(INPUT, 'in.vcf');
  const lines = vcfHeaderText(header, RUN).split('\n');

  it("keeps the input's ## lines verbatim and first, and its #CHROM line last", () => {
    expect(lines.slice(0, 4)).toEqual(INPUT.slice(0, 4));
    expect(lines.at(-2)).toBe(INPUT.at(-1));
    expect(lines.at(-1)).toBe('');
  });

  it('defines the tags it writes (Number=., String, the entry format) and not VCFACT_TABLE unless asked', () => {
    const again = parseHeader(lines.filter(Boolean), 'out.vcf');
    for (const id of [VCFACT_PGX, VCFACT_CANCER]) {
      expect(again.info.get(id)).toMatchObject({ number: '.', type: 'String' });
      expect(again.info.get(id)?.description).toContain('Format: allele_index|gene|feature|match|');
    }
    expect(again.info.get(VCFACT_PGX)?.description).toMatch(/\|function$/);
    expect(again.info.has(VCFACT_TABLE)).toBe(false);
    const withTable = parseHeader(vcfHeaderText(header, { ...RUN, tags: [VCFACT_PGX, VCFACT_CANCER, VCFACT_TABLE] }).split('\n').filter(Boolean), 'out.vcf');
    expect(withTable.info.get(VCFACT_TABLE)).toMatchObject({ number: '.', type: 'String' });
  });

  it('says the version, the command and each knowledge-base table, values with spaces or separators quoted', () => {
    expect(lines).toContain('##vcfact_version=9.9.9');
    expect(lines).toContain('##vcfact_command=vcfact annotate in.vcf -o out.vcf');
    expect(lines.filter((l) => l.startsWith('##vcfact_kb='))).toEqual([
      '##vcfact_kb=<name=pgx-sites,version="pharmcat 2025-11-05; pypgx 0.26.0",sha256=ab12>',
      '##vcfact_kb=<name=cancer-evidence,version=civic-2024-08,sha256=cd34>',
    ]);
  });

  it('replaces the lines of an earlier vcfact run instead of repeating them', () => {
    const once = vcfHeaderText(header, RUN);
    const twice = vcfHeaderText(parseHeader(once.split('\n').filter(Boolean), 'out.vcf'), RUN);
    expect(twice).toBe(once);
  });
});

describe('header values', () => {
  it('quotes structured values that need it, escaping quotes and backslashes', () => {
    expect(structuredValue('abc-1.2')).toBe('abc-1.2');
    expect(structuredValue('a b')).toBe('"a b"');
    expect(structuredValue('a,b')).toBe('"a,b"');
    expect(structuredValue('x="y"\\z')).toBe('"x=\\"y\\"\\\\z"');
    expect(structuredValue('two\nlines')).toBe('"two lines"');
  });

  it('writes the command line on one line, arguments quoted for a shell where needed', () => {
    expect(vcfactCommand(['annotate', 'in.vcf.gz', '-o', 'out.vcf.gz', '-r', 'chr1:1-100,chr2'])).toBe('vcfact annotate in.vcf.gz -o out.vcf.gz -r chr1:1-100,chr2');
    expect(vcfactCommand(['annotate', 'my file.vcf', "it's"])).toBe("vcfact annotate 'my file.vcf' 'it'\\''s'");
    expect(vcfactCommand(['a\nb'])).toBe('vcfact a%0Ab');
  });
});
