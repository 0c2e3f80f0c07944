// Which --tumor-type terms vcfact knows (relates to a disease of the knowledge base), and the closest
// known terms it offers for one it does not.
import { describe, expect, it } from 'vitest';
import { editDistance, type KbDisease, kbDiseases, termScore, unknownTumorType } from '../../src/cancer/tumor-type-terms.js';

/** A knowledge base's diseases, as CIViC names them; 'Cancer' (DOID 162) is pan-cancer evidence. */
const KB: KbDisease[] = [
  { disease: 'Melanoma', doid: '1909' },
  { disease: 'Skin Melanoma', doid: '8923' },
  { disease: 'Uveal Melanoma', doid: '6039' },
  { disease: 'Colorectal Cancer', doid: '9256' },
  { disease: 'Lung Adenocarcinoma', doid: '3910' },
  { disease: 'Cancer', doid: '162' },
];

describe('known terms', () => {
  it.each([
    ['a disease name, in any case', 'skin MELANOMA'],
    ['a DOID of the KB, with or without the prefix', 'DOID:9256'],
    ['a bare DOID', '3910'],
    ['a TCGA code whose organ family the KB has', 'COAD'],
    ['another', 'UVM'],
    ['an organ-family word', 'colon'],
    ['a part of a disease name', 'adenocarcinoma'],
    ['the pan-cancer disease by its own name', 'cancer'],
  ])('%s: %s', (_, term) => {
    expect(unknownTumorType(KB, term)).toBeUndefined();
  });
});

describe('unknown terms', () => {
  it('a misspelt name: the closest names, nearest first', () => {
    expect(unknownTumorType(KB, 'melanomma')).toEqual({ closest: ['melanoma', 'skin melanoma', 'uveal melanoma'] });
  });

  it('pan-cancer evidence does not make a term known (it is on-label for every term)', () => {
    // Breast is an organ family tumor-type.ts knows, but this KB has no breast disease.
    expect(unknownTumorType(KB, 'BRCA')).toBeDefined();
    expect(unknownTumorType(KB, 'breast cancer')).toBeDefined();
  });

  it('a TCGA code with letters swapped: the code', () => {
    expect(unknownTumorType(KB, 'LAUD')?.closest).toEqual(['LUAD']);
  });

  it('a DOID not in the KB: the closest DOIDs, with their names', () => {
    expect(unknownTumorType(KB, 'DOID:9265')).toEqual({ closest: ['DOID:9256 (colorectal cancer)'] });
  });

  it('nothing close: no suggestions', () => {
    expect(unknownTumorType(KB, 'xyzzy')).toEqual({ closest: [] });
  });

  it('an empty term is not known', () => {
    expect(unknownTumorType(KB, '  ')).toEqual({ closest: [] });
  });

  it('at most five suggestions', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ disease: `Melanoma Type ${i}`, doid: String(100 + i) }));
    expect(unknownTumorType(many, 'melanomma')?.closest).toHaveLength(5);
  });
});

describe('distances', () => {
  it('edit distance counts a swap of neighbours as one', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('LUAD', 'LAUD')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('word by word, an extra word costs a little', () => {
    expect(termScore('melanomma', 'Melanoma')).toBeLessThan(termScore('melanomma', 'Skin Melanoma'));
    expect(termScore('melanomma', 'Skin Melanoma')).toBeLessThan(termScore('melanomma', 'Lung Adenocarcinoma'));
  });
});

describe('kbDiseases', () => {
  it('each disease once, from the evidence items of every profile', () => {
    const items = [[{ disease: 'Melanoma', doid: '1909', id: 'EID1' }], [{ disease: 'Melanoma', doid: '1909', id: 'EID2' }, { disease: 'Cancer', doid: '162', id: 'EID3' }]];
    expect(kbDiseases(items)).toEqual([
      { disease: 'Melanoma', doid: '1909' },
      { disease: 'Cancer', doid: '162' },
    ]);
  });
});
