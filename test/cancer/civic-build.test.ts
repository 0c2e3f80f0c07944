import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canShow, parseProfile } from '../../src/kb/build/civic-profiles.js';
import { parseCivicVcf, parseTsv, reverseComplement, trimAlleles } from '../../src/kb/build/civic-read.js';
import { loadCancerKb } from '../../src/cancer/kb.js';
import type { Biomarker } from '../../src/cancer/types.js';
import { kbWithTable } from '../helpers/records.js';

const dataDir = new URL('../../data', import.meta.url).pathname;

describe('CIViC readers', () => {
  it('reads TSVs without quoting', () => {
    expect(parseTsv('a\tb\tc\n"x\ty, "z"\t\n\n', 'a.tsv', { b: 'test' })).toEqual([{ a: '"x', b: 'y, "z"', c: '' }]);
  });

  it('reads anchored alleles per variant id from the CIViC VCF, skipping odd ones', () => {
    const m = parseCivicVcf('##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n7\t55242464\t1002\tAGGAATTAAGAGAAGC\tA\t.\t.\t.\n7\t1\t5\tN\t<DEL>\t.\t.\t.\n', 'c.vcf');
    expect(m.get(1002)).toEqual({ contig: '7', pos: 55242464, ref: 'AGGAATTAAGAGAAGC', alt: 'A' });
    expect(m.has(5)).toBe(false);
  });

  it('trims suffix first, then prefix (types.ts minimal form)', () => {
    expect(trimAlleles(55242464, 'AGGAATTAAGAGAAGC', 'A')).toEqual({ tpos: 55242465, tref: 'GGAATTAAGAGAAGC', talt: '' });
    expect(trimAlleles(55249009, 'G', 'GGCCAGCGTG')).toEqual({ tpos: 55249009, tref: '', talt: 'GGCCAGCGT' });
    expect(trimAlleles(100, 'A', 'T')).toEqual({ tpos: 100, tref: 'A', talt: 'T' });
    expect(reverseComplement('ACGTN')).toBe('NACGT');
  });
});

describe('molecular profile expressions', () => {
  const vs = [
    { id: 12, label: 'BRAF V600E' },
    { id: 563, label: 'BRAF V600K' },
    { id: 1269, label: 'BRAF Amplification' },
    { id: 133, label: 'EGFR Exon 19 Deletion' },
  ];
  it('parses AND, OR, brackets and NOT', () => {
    expect(parseProfile('BRAF Amplification AND ( BRAF V600E OR BRAF V600K )', vs)).toEqual({ and: [1269, { or: [12, 563] }] });
    expect(parseProfile('BRAF V600E OR EGFR Exon 19 Deletion', vs)).toEqual({ or: [12, 133] });
    expect(parseProfile('NOT BRAF V600E', vs)).toEqual({ not: 12 });
  });
  it('rejects unknown parts and mixed operators without brackets', () => {
    expect(parseProfile('BRAF V600E AND KRAS G12D', vs)).toBeUndefined();
    expect(parseProfile('BRAF V600E AND BRAF V600K OR EGFR Exon 19 Deletion', vs)).toBeUndefined();
  });
  it('a profile is showable only if some combination of visible parts satisfies it', () => {
    const visible = (id: number) => id !== 1269;
    expect(canShow({ or: [12, 1269] }, visible)).toBe(true);
    expect(canShow({ and: [12, 1269] }, visible)).toBe(false);
    expect(canShow({ not: 12 }, visible)).toBe(false);
  });
});

describe('built cancer tables (data/cancer)', () => {
  const t = loadCancerKb(dataDir).tables();
  const find = (gene: string, name: string): Biomarker => {
    const b = [...t.biomarkers.values()].find((x) => x.gene === gene && x.name === name);
    if (!b) throw new Error(`${gene} ${name} missing`);
    return b;
  };

  it('BRAF V600E is exact in both builds with level A evidence', () => {
    const b = find('BRAF', 'V600E');
    expect(b.kind).toBe('exact');
    expect(b.loci.GRCh37).toEqual([{ contig: '7', start: 140453136, end: 140453136, tref: 'A', talt: 'T' }]);
    expect(b.loci.GRCh38).toEqual([{ contig: '7', start: 140753336, end: 140753336, tref: 'A', talt: 'T' }]);
    const levels = new Set((t.profilesOfVariant.get(b.id) ?? []).flatMap((p) => (t.itemsOfProfile.get(p.id) ?? []).map((i) => i.level)));
    expect(levels.has('A')).toBe(true);
  });

  it('indels are in the anchor-free minimal form', () => {
    expect(find('EGFR', 'E746_A750del').loci.GRCh37).toEqual([{ contig: '7', start: 55242465, end: 55242479, tref: 'GGAATTAAGAGAAGC', talt: '' }]);
  });

  it('codon and exon biomarkers come from the MANE transcript in both builds', () => {
    const g12 = find('KRAS', 'G12');
    expect(g12).toMatchObject({ kind: 'codon', transcript: { GRCh37: 'NM_004985', GRCh38: 'NM_004985' } });
    expect(g12.loci.GRCh37).toEqual([{ contig: '12', start: 25398283, end: 25398285 }]);
    expect(g12.loci.GRCh38).toEqual([{ contig: '12', start: 25245349, end: 25245351 }]);
    const ex19 = find('EGFR', 'Exon 19 Deletion');
    expect(ex19).toMatchObject({ kind: 'exon', event: 'inframe-deletion' });
    expect(ex19.loci.GRCh37).toEqual([{ contig: '7', start: 55242415, end: 55242513 }]);
  });

  it('non-DNA biomarkers have no loci, so no coordinate overlap can claim them', () => {
    for (const b of t.biomarkers.values()) {
      if (b.kind === 'none' || b.kind === 'protein') expect(b.loci.GRCh37.length + b.loci.GRCh38.length, `${b.gene} ${b.name}`).toBe(0);
      if (/amplification|expression|fusion|::|methylation/i.test(b.name)) expect(b.kind, `${b.gene} ${b.name}`).toBe('none');
    }
    expect(find('ERBB2', 'Amplification').kind).toBe('none');
  });

  it('evidence rows carry level, type, therapies, disease and citations; assertions a tier', () => {
    const items = [...t.itemsOfProfile.values()].flat();
    const eid = items.find((i) => i.id === 'EID1409');
    expect(eid).toMatchObject({ level: 'A', type: 'Predictive' });
    expect(eid?.citations[0]).toMatch(/^PMID:\d+$/);
    expect(items.some((i) => i.id.startsWith('AID') && /^Tier I/.test(i.tier))).toBe(true);
  });

  it('intervals cover every positional locus of a build', () => {
    const kb = loadCancerKb(dataDir);
    const ivs = kb.intervals('GRCh38');
    expect(ivs.some((i) => i.contig === '7' && i.start <= 140753336 && i.end >= 140753336)).toBe(true);
  });

  it('a missing or corrupt data dir is a KB error (exit 4)', () => {
    expect(() => loadCancerKb('/nonexistent').tables()).toThrow(expect.objectContaining({ exitCode: 4 }));
    const dir = mkdtempSync(join(tmpdir(), 'vcfact-kb-'));
    try {
      kbWithTable(dir, 'cancer/civic-biomarkers.json', '[{', 'cancer');
      expect(() => loadCancerKb(dir).tables()).toThrow(/not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
