import { describe, expect, it } from 'vitest';
import { entryText, escapeInfoValue, infoTags, VCFACT_CANCER, VCFACT_PGX, VCFACT_TABLE, withInfoTags, type InfoEntry } from '../../src/sink/vcf-info.js';

const entry = (over: Partial<InfoEntry> = {}): InfoEntry => ({ tag: VCFACT_PGX, allele: 1, gene: 'DPYD', feature: 'DPYD c.1905+1G>A (*2A)', match: 'exact', grade: 'No function', ...over });
const tagged = (line: string, tags: string): string => withInfoTags(Buffer.from(line, 'latin1'), tags).toString('latin1');

describe('escapeInfoValue (VCF 4.3 percent-encoding)', () => {
  it('encodes %, the INFO separators, the entry separator, space and control characters', () => {
    expect(escapeInfoValue('a%b;c=d,e|f g\th\ri\nj\x00k\x7fl')).toBe('a%25b%3Bc%3Dd%2Ce%7Cf%20g%09h%0Di%0Aj%00k%7Fl');
  });

  it('leaves other text, UTF-8 included, as it is', () => {
    expect(escapeInfoValue('BRAF V600E')).toBe('BRAF%20V600E');
    expect(escapeInfoValue('c.1905+1G>A(*2A)/x:y')).toBe('c.1905+1G>A(*2A)/x:y');
    expect(escapeInfoValue('Lévy–α')).toBe('Lévy–α');
  });

  it('decodes back to the value (no raw ; = space , | left)', () => {
    const nasty = 'x;y=z, w|v%20 \t';
    const enc = escapeInfoValue(nasty);
    expect(enc).not.toMatch(/[;=, |\t]/);
    expect(decodeURIComponent(enc)).toBe(nasty);
  });
});

describe('entries', () => {
  it('is allele|gene|feature|match|grade, each field escaped', () => {
    expect(entryText(entry())).toBe('1|DPYD|DPYD%20c.1905+1G>A%20(*2A)|exact|No%20function');
    expect(entryText(entry({ allele: 2, gene: 'A|B', grade: '' }))).toBe('2|A%7CB|DPYD%20c.1905+1G>A%20(*2A)|exact|');
  });

  // A VCFACT_TABLE entry names its table second: allele|table|gene|label|match|level.
  it('groups entries under their tag, PGx, cancer, table in that order, comma-separated', () => {
    const es = [entry({ tag: VCFACT_CANCER, gene: 'BRAF', feature: 'V600E', grade: 'level A' }), entry({ gene: 'G', feature: 'f', grade: 'g' }), entry({ tag: VCFACT_TABLE, table: 'lab', gene: 'T', feature: 't', grade: '' }), entry({ tag: VCFACT_CANCER, allele: 2, gene: 'BRAF', feature: 'V600K', grade: 'Tier I' })];
    expect(infoTags(es)).toBe('VCFACT_PGX=1|G|f|exact|g;VCFACT_CANCER=1|BRAF|V600E|exact|level%20A,2|BRAF|V600K|exact|Tier%20I;VCFACT_TABLE=1|lab|T|t|exact|');
    expect(infoTags([])).toBe('');
  });
});

describe('withInfoTags', () => {
  const head = 'chr1\t10\trs1\tA\tC,G\t50\tPASS';
  it('appends to the INFO column and keeps every other byte', () => {
    expect(tagged(`${head}\tDP=3;AF=0.5\tGT:AD\t0/1:1,2\t1/1:0,3`, 'VCFACT_PGX=x')).toBe(`${head}\tDP=3;AF=0.5;VCFACT_PGX=x\tGT:AD\t0/1:1,2\t1/1:0,3`);
  });

  it("replaces an INFO of '.'", () => {
    expect(tagged(`${head}\t.\tGT\t0/1`, 'VCFACT_CANCER=y')).toBe(`${head}\tVCFACT_CANCER=y\tGT\t0/1`);
  });

  it('tags a sites-only line before its line ending (none, LF or CRLF)', () => {
    expect(tagged(`${head}\tDP=3`, 'VCFACT_PGX=x')).toBe(`${head}\tDP=3;VCFACT_PGX=x`);
    expect(tagged(`${head}\tDP=3\n`, 'VCFACT_PGX=x')).toBe(`${head}\tDP=3;VCFACT_PGX=x\n`);
    expect(tagged(`${head}\tDP=3\r\n`, 'VCFACT_PGX=x')).toBe(`${head}\tDP=3;VCFACT_PGX=x\r\n`);
    expect(tagged(`${head}\t.\r\n`, 'VCFACT_PGX=x')).toBe(`${head}\tVCFACT_PGX=x\r\n`);
    expect(tagged(`${head}\t.\tGT\t0/1\r\n`, 'VCFACT_PGX=x')).toBe(`${head}\tVCFACT_PGX=x\tGT\t0/1\r\n`);
  });

  it('replaces VCFACT_* keys of an earlier run instead of adding a second one', () => {
    expect(tagged(`${head}\tDP=3;VCFACT_PGX=old;VCFACT_CANCER=old;XVCFACT_PGX=keep\tGT\t0/1`, 'VCFACT_PGX=new')).toBe(`${head}\tDP=3;XVCFACT_PGX=keep;VCFACT_PGX=new\tGT\t0/1`);
    expect(tagged(`${head}\tVCFACT_TABLE=old\tGT\t0/1`, 'VCFACT_PGX=new')).toBe(`${head}\tVCFACT_PGX=new\tGT\t0/1`);
    // No match this time: the earlier tags go, an INFO left empty becomes '.'.
    expect(tagged(`${head}\tVCFACT_PGX=old`, '')).toBe(`${head}\t.`);
    expect(tagged(`${head}\tDP=1;VCFACT_PGX=old`, '')).toBe(`${head}\tDP=1`);
  });

  it('returns the very same bytes when there is nothing to change', () => {
    const line = Buffer.from(`${head}\tDP=3\tGT\t0/1`);
    expect(withInfoTags(line, '')).toBe(line);
    const short = Buffer.from('chr1\t10\tA\n');
    expect(withInfoTags(short, 'VCFACT_PGX=x')).toBe(short);
  });

  it('keeps bytes that are not UTF-8 in the INFO it rewrites', () => {
    const line = Buffer.concat([Buffer.from(`${head}\tN=`), Buffer.from([0xff, 0xfe]), Buffer.from(';VCFACT_PGX=old\tGT\t0/1')]);
    const out = withInfoTags(line, 'VCFACT_PGX=new');
    expect(out.equals(Buffer.concat([Buffer.from(`${head}\tN=`), Buffer.from([0xff, 0xfe]), Buffer.from(';VCFACT_PGX=new\tGT\t0/1')]))).toBe(true);
  });
});
