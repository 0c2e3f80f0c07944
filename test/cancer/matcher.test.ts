import { describe, expect, it } from 'vitest';
import { loadCancerKb } from '../../src/cancer/kb.js';
import { cancerMatcher, eventMatches } from '../../src/cancer/matcher.js';
import type { Biomarker } from '../../src/cancer/types.js';
import type { FieldDef, Match } from '../../src/types.js';
import { item, kbDir, sv } from './helpers.js';

const both = (contig: string, start: number, end: number, extra: object = {}) => ({ GRCh37: [{ contig, start, end, ...extra }], GRCh38: [{ contig, start: start + 1000, end: end + 1000, ...extra }] });

const B: Biomarker[] = [
  { id: 12, gene: 'BRAF', name: 'V600E', kind: 'exact', why: '', loci: both('7', 140453136, 140453136, { tref: 'A', talt: 'T' }) },
  { id: 17, gene: 'BRAF', name: 'V600', kind: 'codon', why: '', protein: ['V600'], loci: both('7', 140453135, 140453137) },
  { id: 1002, gene: 'EGFR', name: 'E746_A750del', kind: 'exact', why: '', protein: ['E746_A750DEL'], loci: both('7', 55242465, 55242479, { tref: 'GGAATTAAGAGAAGC', talt: '' }) },
  { id: 133, gene: 'EGFR', name: 'Exon 19 Deletion', kind: 'exon', event: 'inframe-deletion', why: '', loci: both('7', 55242415, 55242513) },
  { id: 726, gene: 'EGFR', name: 'Exon 20 Insertion', kind: 'exon', event: 'inframe-insertion', why: '', loci: both('7', 55248986, 55249171) },
  { id: 220, gene: 'TERT', name: 'Promoter Mutation', kind: 'range', event: 'any', why: '', loci: both('5', 1295161, 1295373) },
  { id: 1550, gene: 'KIT', name: 'V560_L576DEL', kind: 'range', event: 'deletion-span', why: '', loci: both('4', 55593612, 55593662) },
  { id: 559, gene: 'CALR', name: 'EXON 9 FRAMESHIFT', kind: 'exon', event: 'frameshift', why: '', loci: both('19', 13054527, 13054727) },
  { id: 306, gene: 'ERBB2', name: 'Amplification', kind: 'none', why: 'copy number', loci: { GRCh37: [], GRCh38: [] } },
  { id: 222, gene: 'TP53', name: 'R282W', kind: 'protein', protein: ['R282W'], why: '', loci: { GRCh37: [], GRCh38: [] } },
  { id: 223, gene: 'TP53', name: 'Truncating Mutation', kind: 'gene', consequences: ['stop_gained', 'frameshift_variant'], why: '', loci: { GRCh37: [], GRCh38: [] } },
  { id: 224, gene: 'TP53', name: 'DNA Binding Domain Mutation', kind: 'gene', consequences: ['missense_variant'], why: '', loci: both('17', 7577149, 7578443) },
];
const items = B.map((b) => item(`EID${b.id}`, b.id));
items.push(item('AID7', 12, { level: '', tier: 'Tier I - Level A', evidence: ['EID12'] }));
const tp53 = { gene: 'TP53', transcript: 'NM_000546', choice: 'MANE Select', contig: '17', strand: '-' as const, cdsStart: 7572927, cdsEnd: 7579912, exons: [[7571720, 7573008], [7590695, 7590856]] as [number, number][] };
const kb = loadCancerKb(kbDir(B, items, [], [{ ...tp53, build: 'GRCh37' }, { ...tp53, build: 'GRCh38', contig: '17', exons: [[7668402, 7669690], [7687377, 7687538]] }]));
const m = cancerMatcher(kb);
const names = (v: ReturnType<typeof sv>, build: 'GRCh37' | 'GRCh38' = 'GRCh37', matcher = m) =>
  [...new Set(matcher.match(v, build).map((x) => `${x.feature}:${x.match}`))].sort();

describe('cancer matcher', () => {
  it('exact + codon for BRAF V600E; one Match per evidence item or assertion, with the extra columns', () => {
    const got = m.match(sv('7', 140453136, 'A', 'T'), 'GRCh37');
    expect(got.filter((x) => x.feature === 'BRAF V600E')).toHaveLength(2);
    const ids = (x: Match) => (x.extra.civic_ids as string[]).join(';');
    const eid = got.find((x) => ids(x) === 'EID12;AID7');
    expect(eid).toMatchObject({ kb: 'cancer', gene: 'BRAF', match: 'exact' });
    expect(Object.keys(eid?.extra ?? {})).toEqual(expect.arrayContaining(['evidence_level', 'evidence_type', 'evidence_direction', 'significance', 'therapies', 'therapy_interaction', 'disease', 'doid', 'tier', 'pmids', 'civic_ids', 'variant_origin']));
    expect(got.find((x) => ids(x) === 'AID7')?.extra.tier).toBe('Tier I - Level A');
    // Lists stay lists; a DOID reads DOID:n.
    expect(eid?.extra.therapies).toBeInstanceOf(Array);
    expect(eid?.extra.doid).toMatch(/^DOID:\d+$/);
    expect(names(sv('7', 140453136, 'A', 'T'))).toEqual(['BRAF V600:codon', 'BRAF V600E:exact']);
  });

  it('uses the build asked for', () => {
    expect(names(sv('7', 140454136, 'A', 'T'), 'GRCh38')).toEqual(['BRAF V600:codon', 'BRAF V600E:exact']);
    expect(names(sv('7', 140454136, 'A', 'T'), 'GRCh37')).toEqual([]);
  });

  it('codon: another SNV or an MNV in the codon is a candidate; an indel or a neighbour is not', () => {
    expect(names(sv('7', 140453137, 'C', 'T'))).toEqual(['BRAF V600:codon']);
    expect(names(sv('7', 140453136, 'AC', 'TT'))).toEqual(['BRAF V600:codon']);
    expect(m.match(sv('7', 140453137, 'C', 'T'), 'GRCh37')[0]?.extra.match_note).toMatch(/candidate/);
    expect(names(sv('7', 140453134, 'G', 'T'))).toEqual([]);
    expect(names(sv('7', 140453135, 'CAC', 'C'))).toEqual([]);
  });

  it('a novel in-frame exon-19 deletion matches the exon biomarker, never the listed exact one', () => {
    expect(names(sv('7', 55242469, 'TTAAGAGAAG', 'T'))).toEqual(['EGFR Exon 19 Deletion:exon']);
    expect(names(sv('7', 55242464, 'AGGAATTAAGAGAAGC', 'A'))).toEqual(['EGFR E746_A750del:exact', 'EGFR Exon 19 Deletion:exon']);
    // Frameshift deletion and a deletion leaving the exon do not match.
    expect(names(sv('7', 55242469, 'TTA', 'T'))).toEqual([]);
    expect(names(sv('7', 55242500, 'A'.repeat(22), 'A'))).toEqual([]);
  });

  it('exon 20 insertion: in-frame insertions inside the exon only', () => {
    expect(names(sv('7', 55249022, 'G', 'GAACCCC'))).toEqual(['EGFR Exon 20 Insertion:exon']);
    expect(names(sv('7', 55249022, 'G', 'GA'))).toEqual([]);
    expect(names(sv('7', 55249171, 'G', 'GAAC'))).toEqual([]);
  });

  it('ranges: promoter any change, named deletion by span, exon frameshift', () => {
    expect(names(sv('5', 1295228, 'G', 'A'))).toEqual(['TERT Promoter Mutation:range']);
    expect(names(sv('4', 55593611, `A${'C'.repeat(51)}`, 'A'))).toEqual(['KIT V560_L576DEL:range']);
    expect(names(sv('4', 55593611, 'ACCC', 'A'))).toEqual([]);
    expect(names(sv('19', 13054600, 'A', 'AC'))).toEqual(['CALR EXON 9 FRAMESHIFT:exon']);
  });

  it('symbolic, breakend and spanning-deletion alleles never match', () => {
    for (const alt of ['*', '<DEL>', 'A[7:140453200[', '<NON_REF>']) {
      const v = sv('7', 140453136, 'A', alt);
      expect(m.match({ ...v, tpos: 140453136, tref: 'A', talt: alt }, 'GRCh37')).toEqual([]);
    }
  });

  it('never claims non-DNA or consequence-level biomarkers without a consequence', () => {
    expect(names(sv('17', 37880000, 'C', 'T'))).toEqual([]);
    expect(names(sv('17', 7577094, 'G', 'A'))).toEqual([]);
    expect(m.stats()).toEqual({ consequenceSource: 'none', consequenceLevelBiomarkers: 3, consequenceLevelUnevaluated: 3 });
  });

  it('with a VEP header: protein and gene level, domain range respected, synonymous codon change dropped', () => {
    const def: FieldDef = { id: 'CSQ', number: '.', type: 'String', description: 'Format: Allele|Consequence|SYMBOL|HGVSp' };
    const mc = cancerMatcher(kb, { info: new Map([['CSQ', def]]) });
    expect(mc.stats().consequenceLevelUnevaluated).toBe(0);
    const r282w = sv('17', 7577094, 'G', 'A', { info: { CSQ: 'A|missense_variant|TP53|p.Arg282Trp' } });
    expect(names(r282w, 'GRCh37', mc)).toEqual(['TP53 R282W:protein']);
    const inDomain = sv('17', 7577538, 'C', 'T', { info: { CSQ: 'T|missense_variant|TP53|p.Arg248Gln' } });
    expect(names(inDomain, 'GRCh37', mc)).toEqual(['TP53 DNA Binding Domain Mutation:gene']);
    const fs = sv('17', 7577120, 'CG', 'C', { info: { CSQ: '-|frameshift_variant|TP53|p.Arg273fs' } });
    expect(names(fs, 'GRCh37', mc)).toEqual(['TP53 Truncating Mutation:gene']);
    const silent = sv('7', 140453135, 'C', 'T', { info: { CSQ: 'T|synonymous_variant|BRAF|p.Val600%3D' } });
    expect(names(silent, 'GRCh37', mc)).toEqual([]);
    // An exact biomarker written differently in the VCF (here shifted by one base) is still found by its HGVSp.
    const shifted = sv('7', 55242465, 'GGAATTAAGAGAAGCA', 'G', { info: { CSQ: '-|inframe_deletion|EGFR|p.Glu746_Ala750del' } });
    expect(names(shifted, 'GRCh37', mc)).toEqual(['EGFR E746_A750del:protein', 'EGFR Exon 19 Deletion:exon']);
    const listed = sv('7', 55242464, 'AGGAATTAAGAGAAGC', 'A', { info: { CSQ: '-|inframe_deletion|EGFR|p.Glu746_Ala750del' } });
    expect(names(listed, 'GRCh37', mc)).toEqual(['EGFR E746_A750del:exact', 'EGFR Exon 19 Deletion:exon']);
    const v600k = sv('7', 140453136, 'AC', 'TT', { info: { CSQ: 'TT|missense_variant|BRAF|p.Val600Lys' } });
    expect(mc.match(v600k, 'GRCh37')[0]?.extra.match_note).toBe('consequence p.Val600Lys');
  });

  it('intervals for the prefilter include every positional biomarker', () => {
    const ivs = m.intervals('GRCh37');
    expect(ivs.some((i) => i.contig === '5' && i.start === 1295161)).toBe(true);
    expect(ivs.some((i) => i.contig === '17' && i.start === 7577149)).toBe(true);
  });

  it('gene spans feed the prefilter unless the header is known to carry no consequence', () => {
    const span = (mm: ReturnType<typeof cancerMatcher>) => mm.intervals('GRCh37').some((i) => i.contig === '17' && i.start === 7571720 && i.end === 7590856);
    expect(span(cancerMatcher(kb))).toBe(true);
    const noCsq = cancerMatcher(kb);
    noCsq.useHeader({ info: new Map() });
    expect(span(noCsq)).toBe(false);
    const def: FieldDef = { id: 'ANN', number: '.', type: 'String', description: "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | HGVS.p'" };
    expect(span(cancerMatcher(kb, { info: new Map([['ANN', def]]) }))).toBe(true);
  });

  it('eventMatches edge cases', () => {
    const locus = { contig: '1', start: 100, end: 200 };
    expect(eventMatches('substitution', sv('1', 150, 'A', 'C'), locus)).toBe(true);
    expect(eventMatches('inframe-insertion', sv('1', 100, 'A', 'ACCC'), locus)).toBe(true);
    expect(eventMatches('inframe-insertion', sv('1', 99, 'A', 'ACCC'), locus)).toBe(false);
    expect(eventMatches('inframe-deletion', sv('1', 197, 'ACGT', 'A'), locus)).toBe(true);
    expect(eventMatches('inframe-deletion', sv('1', 198, 'ACGT', 'A'), locus)).toBe(false);
  });
});

describe('cancer matcher on the bundled KB', () => {
  const real = cancerMatcher(loadCancerKb(new URL('../../data', import.meta.url).pathname));
  it('BRAF V600E in both builds, with level A evidence', () => {
    for (const [build, pos] of [['GRCh37', 140453136], ['GRCh38', 140753336]] as const) {
      const got = real.match(sv('7', pos, 'A', 'T'), build);
      expect(got.some((x) => x.feature === 'BRAF V600E' && x.match === 'exact' && x.extra.evidence_level === 'A')).toBe(true);
    }
  });
  it('an ERBB2 SNV never yields ERBB2 Amplification', () => {
    const got = real.match(sv('17', 37880220, 'T', 'C'), 'GRCh37');
    expect(got.some((x) => /Amplification|Overexpression|Expression/i.test(x.feature))).toBe(false);
  });
});

describe('lifted exact alleles whose REF the input contradicts', () => {
  // CIViC gives GRCh37; the GRCh38 locus keeps its REF, unverified. Where GRCh38's base differs, an
  // input with that base and the same ALT is the biomarker, said in match_note, never a silent miss.
  const lifted: Biomarker = { id: 900, gene: 'BRAF', name: 'V600E', kind: 'exact', why: '', lifted: 'GRCh38', loci: both('7', 140453136, 140453136, { tref: 'A', talt: 'T' }) };
  const mm = cancerMatcher(loadCancerKb(kbDir([lifted], [item('EID900', 900)], [], [])));

  it('matches on position and ALT in the lifted build, with a note', () => {
    const got = mm.match(sv('7', 140454136, 'G', 'T'), 'GRCh38');
    expect(got.map((x) => x.match)).toEqual(['exact']);
    expect(got[0]?.extra.match_note).toContain("the input's REF G differs from CIViC's A");
  });

  it('does not in the source build, nor for another ALT', () => {
    expect(mm.match(sv('7', 140453136, 'G', 'T'), 'GRCh37')).toEqual([]);
    expect(mm.match(sv('7', 140454136, 'G', 'C'), 'GRCh38')).toEqual([]);
  });
});
