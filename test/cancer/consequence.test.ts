import { describe, expect, it } from 'vitest';
import { consequenceReader, parseFormat } from '../../src/cancer/consequence.js';
import { codonOf, hgvspKey, proteinKey } from '../../src/cancer/protein.js';
import type { FieldDef } from '../../src/types.js';
import { sv } from './helpers.js';

const VEP = 'Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp';
const SNPEFF = "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO' ";

function header(id: string, description: string) {
  const def: FieldDef = { id, number: '.', type: 'String', description };
  return { info: new Map([[id, def]]) };
}

describe('HGVSp → protein keys', () => {
  it('three-letter, prefixed, bracketed, frameshift, stop, deletion', () => {
    expect(hgvspKey('p.Val600Glu')).toBe('V600E');
    expect(hgvspKey('ENSP00000288602.6:p.Val600Glu')).toBe('V600E');
    expect(hgvspKey('p.(Val600Glu)')).toBe('V600E');
    expect(hgvspKey('p.Pro2514ArgfsTer3')).toBe('P2514FS');
    expect(hgvspKey('p.Arg273fs')).toBe('R273FS');
    expect(hgvspKey('p.Gly12Ter')).toBe('G12*');
    expect(hgvspKey('p.Glu746_Ala750del')).toBe('E746_A750DEL');
    expect(hgvspKey('p.V600E')).toBe('V600E');
  });
  it('synonymous, empty and non-protein text give nothing', () => {
    expect(hgvspKey('p.Gly12%3D')).toBeUndefined();
    expect(hgvspKey('p.=')).toBeUndefined();
    expect(hgvspKey('c.35G>A')).toBeUndefined();
    expect(hgvspKey('')).toBeUndefined();
  });
  it('CIViC names compare in the same form', () => {
    expect(proteinKey('K706FS*19')).toBe('K706FS');
    expect(proteinKey('e746_a750del')).toBe('E746_A750DEL');
    expect(proteinKey('A767_V769dupASV')).toBe('A767_V769DUP');
    expect(proteinKey('P551_E554delPMYE')).toBe('P551_E554DEL');
    expect(proteinKey('D770delinsGY')).toBe('D770DELINSGY');
    expect(hgvspKey('p.Ala767_Val769dup')).toBe('A767_V769DUP');
    expect(codonOf('G12D')).toEqual({ aa: 'G', pos: 12 });
    expect(codonOf('nothing')).toBeUndefined();
  });
});

describe('CSQ / ANN field order from the header', () => {
  it('reads VEP and SnpEff descriptions', () => {
    expect(parseFormat(VEP)?.slice(0, 4)).toEqual(['Allele', 'Consequence', 'IMPACT', 'SYMBOL']);
    expect(parseFormat(SNPEFF)?.[10]).toBe('HGVS.p');
    expect(parseFormat('no format here')).toBeUndefined();
  });

  it('no reader without a usable CSQ/ANN header', () => {
    expect(consequenceReader({ info: new Map() })).toBeUndefined();
    expect(consequenceReader(header('CSQ', 'Consequence annotations, no format'))).toBeUndefined();
  });

  it('VEP: picks this ALT of a multi-allelic record (trimmed and "-" alleles)', () => {
    const r = consequenceReader(header('CSQ', VEP));
    expect(r?.source).toBe('CSQ');
    const csq = [
      'A|missense_variant|MODERATE|KRAS|ENSG1|Transcript|ENST1|protein_coding|2/6||c.35G>T|p.Gly12Val',
      'T|missense_variant|MODERATE|KRAS|ENSG1|Transcript|ENST1|protein_coding|2/6||c.35G>A|p.Gly12Asp',
    ];
    const v2 = sv('12', 25398284, 'C', 'T', { alts: ['A', 'T'], altIndex: 2, info: { CSQ: csq } });
    expect(r?.read(v2).map((c) => c.protein)).toEqual(['G12D']);
    const del = sv('17', 7577120, 'CG', 'C', { info: { CSQ: '-|frameshift_variant|HIGH|TP53|ENSG2|Transcript|ENST2|protein_coding|8/11||c.817del|p.Arg273LeufsTer72' } });
    expect(r?.read(del)).toMatchObject([{ allele: '-', terms: ['frameshift_variant'], gene: 'TP53', protein: 'R273FS' }]);
  });

  it('SnpEff: several annotations, & joined terms, string or list INFO', () => {
    const r = consequenceReader(header('ANN', SNPEFF));
    expect(r?.source).toBe('ANN');
    const ann = 'A|missense_variant&splice_region_variant|MODERATE|TP53|ENSG2|transcript|ENST2|protein_coding|8/11|c.844C>T|p.Arg282Trp|1/2|3/4|282/393||,A|upstream_gene_variant|MODIFIER|WRAP53|ENSG3|transcript|ENST3|protein_coding||c.-1C>T||||||';
    const got = r?.read(sv('17', 7577094, 'G', 'A', { info: { ANN: ann } }));
    expect(got).toHaveLength(2);
    expect(got?.[0]).toMatchObject({ gene: 'TP53', terms: ['missense_variant', 'splice_region_variant'], protein: 'R282W' });
    expect(got?.[1]?.protein).toBeUndefined();
    expect(r?.read(sv('17', 7577094, 'G', 'A', { info: {} }))).toEqual([]);
  });
});
