// Outside calls read as PharmCAT's outside-call format says: phenotype names normalised, CYP2D6
// copy numbers as the phenotype map writes them, and a phenotype alone for an activity-score gene
// looking up every score it stands for (each a candidate with its own recommendations).
import { describe, expect, it } from 'vitest';
import { PgxCollector } from '../../src/pgx/collect.js';
import { copyNumberName, normalPhenotype, scoresOf } from '../../src/pgx/outside-phenotype.js';
import type { PhenotypeRow } from '../../src/pgx/kb-types.js';
import { sampleResults } from '../../src/pgx/result.js';
import { testKb } from './helpers.js';

const kb = testKb();
const row = (g: string): PhenotypeRow => kb.phenotypes().get(g) as PhenotypeRow;
const S1 = { index: 0, name: 'S1', source: 'germline' as const, caveat: '' };

describe('outside-call phenotypes', () => {
  it('normalises case and abbreviations, keeping Likely/Possible', () => {
    expect(normalPhenotype('pm', row('CYP2C19'))).toBe('Poor Metabolizer');
    expect(normalPhenotype('EM', row('CYP2C19'))).toBe('Normal Metabolizer');
    expect(normalPhenotype('intermediate metabolizer', row('CYP2C19'))).toBe('Intermediate Metabolizer');
    expect(normalPhenotype('likely poor metabolizer', row('CYP2C19'))).toBe('Likely Poor Metabolizer');
  });

  it('writes CYP2D6 copy numbers as the map does', () => {
    expect(copyNumberName('*1x3', row('CYP2D6'))).toBe('*1x≥3');
    expect(copyNumberName('*1x2', row('CYP2D6'))).toBe('*1x2');
    expect(copyNumberName('*4', row('CYP2D6'))).toBe('*4');
  });

  it('lists the activity scores a phenotype stands for', () => {
    expect(scoresOf('Intermediate Metabolizer', row('CYP2C9'))).toEqual(['1.0', '1.5']);
    expect(scoresOf('Normal Metabolizer', row('CYP2C9'))).toEqual(['2.0']);
  });

  it('a phenotype-only CYP2C9 call reaches the score-keyed recommendations of each score', () => {
    const col = new PgxCollector(kb, 'GRCh38', 1);
    const call = (phenotype: string) =>
      sampleResults(kb, col, S1, { genes: ['CYP2C9'] }, [{ gene: 'CYP2C9', phenotype, file: 'oc.tsv', line: 1 }]).find((r) => r.gene === 'CYP2C9');
    const nm = call('NM');
    expect([nm?.phenotype, nm?.activity_score, nm?.lookup_key]).toEqual(['Normal Metabolizer', '2.0', '2.0']);
    expect(nm?.recommendations.length).toBeGreaterThan(0);
    const im = call('Intermediate Metabolizer');
    expect(im?.lookup_key).toBe('1.0;1.5');
    expect(im?.note).toContain('no activity score given: Intermediate Metabolizer stands for 1.0 or 1.5');
    expect(new Set(im?.recommendations.map((h) => h.candidate))).toEqual(new Set(['CYP2C9 activity score 1.0', 'CYP2C9 activity score 1.5']));
  });
});
