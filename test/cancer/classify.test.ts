import { describe, expect, it } from 'vitest';
import { classify, TRUNCATING } from '../../src/kb/build/civic-classify.js';

const c = (name: string, types = '', hasAlleles = false, hasCoords = true) => classify({ name, types, hasAlleles, hasCoords });

describe('CIViC variant classification', () => {
  it('exact when CIViC gives alleles', () => {
    expect(c('V600E', 'missense_variant', true).kind).toBe('exact');
  });

  it('never claims copy number, expression, fusion, methylation or whole-gene events', () => {
    for (const [name, types] of [
      ['Amplification', 'transcript_amplification'], ['Overexpression', 'N/A'], ['EXPRESSION', 'N/A'], ['EML4::ALK', 'transcript_fusion'],
      ['Fusion', 'transcript_fusion'], ['Promoter Hypermethylation', 'N/A'], ['Loss', 'loss_of_function_variant'], ['Deletion', 'transcript_ablation'],
      ['Wildtype', 'wild_type'], ['Copy Number Variation', 'copy_number_change'], ['Exon 4 Deletion', 'exon_loss_variant'],
      ['Exon 14 Skipping Mutation', 'exon_loss_variant'], ['T172 PHOSPHORYLATION', 'N/A'], ['Rare Mutation', ''], ['Activating Mutation', 'gain_of_function_variant'],
      ['ALK Exon 4-11 Deletion', 'inframe_deletion'], ['Exon 10 and Exon 21 Mutation', 'exon_variant'],
    ]) {
      const r = c(name as string, types as string);
      expect(r.kind, name).toBe('none');
      expect(r.why.length).toBeGreaterThan(5);
    }
  });

  it('codon names, with X and with several codons', () => {
    expect(c('G12', 'protein_altering_variant')).toMatchObject({ kind: 'codon', codons: [12], protein: ['G12'] });
    expect(c('H1047X')).toMatchObject({ kind: 'codon', codons: [1047] });
    expect(c('G12/G13')).toMatchObject({ kind: 'codon', codons: [12, 13] });
  });

  it('exon events: in-frame deletion, insertion, frameshift, any change, alternatives', () => {
    expect(c('Exon 19 Deletion', 'inframe_deletion')).toMatchObject({ kind: 'exon', event: 'inframe-deletion', exons: [19] });
    expect(c('Exon 20 Insertion', 'inframe_insertion')).toMatchObject({ kind: 'exon', event: 'inframe-insertion', exons: [20] });
    expect(c('EXON 9 FRAMESHIFT', 'exon_variant')).toMatchObject({ kind: 'exon', event: 'frameshift' });
    expect(c('Exon 11 Mutation')).toMatchObject({ kind: 'exon', event: 'any', exons: [11] });
    expect(c('EXON 1-2 MUTATION')).toMatchObject({ exons: [1, 2] });
    expect(c('Exon 10 or Exon 21 Mutation')).toMatchObject({ kind: 'exon', exons: [10, 21] });
  });

  it('protein-level names without alleles need a consequence', () => {
    expect(c('R282W', '', false, false)).toMatchObject({ kind: 'protein', protein: ['R282W'] });
    expect(c('S310F/Y')).toMatchObject({ kind: 'protein', protein: ['S310F', 'S310Y'] });
    expect(c('K706FS*19')).toMatchObject({ kind: 'protein', protein: ['K706FS'] });
    expect(c('E746_A750del', '', false, false)).toMatchObject({ kind: 'protein', protein: ['E746_A750DEL'] });
    expect(c('V560_L576DEL', 'inframe_deletion')).toMatchObject({ kind: 'range', protein: ['V560_L576DEL'] });
    expect(c('L129Q (c.386insAGA)', '', false, false)).toMatchObject({ kind: 'protein', protein: ['L129Q'] });
    expect(c('H1047L or H1047R', '', false, false)).toMatchObject({ kind: 'protein', protein: ['H1047L', 'H1047R'] });
  });

  it('DNA-level ranges', () => {
    expect(c('Promoter Mutation', 'regulatory_region_variant')).toMatchObject({ kind: 'range', event: 'any' });
    expect(c('ITD', 'inframe_insertion')).toMatchObject({ kind: 'range', event: 'inframe-insertion' });
    expect(c('P551_E554delPMYE', 'inframe_deletion')).toMatchObject({ kind: 'range', event: 'deletion-span' });
  });

  it('gene-level classes carry the consequences they need', () => {
    expect(c('Mutation', 'gene_variant')).toMatchObject({ kind: 'gene' });
    expect(c('Mutation').consequences).toContain('missense_variant');
    expect(c('Loss-of-function', 'loss_of_function_variant').consequences).toEqual(TRUNCATING);
    expect(c('Truncating Mutation').consequences).toEqual(['stop_gained', 'frameshift_variant']);
    expect(c('Frameshift').consequences).toEqual(['frameshift_variant']);
    expect(c('Kinase Domain Mutation')).toMatchObject({ kind: 'gene', inRange: true });
  });

  it('unknown names are not claimed', () => {
    expect(c('Something Odd').kind).toBe('none');
  });
});
