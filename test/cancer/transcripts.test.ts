import { describe, expect, it } from 'vitest';
import { cdsLength, chooseTranscripts, codonToGenomic, exonInterval, type TranscriptModel } from '../../src/kb/build/transcripts.js';

// + strand: exons 101-120, 201-230; CDS 111..225 → coding 111-120 (10 b), 201-225 (25 b).
const plus: TranscriptModel = { gene: 'G', transcript: 'NM_1', choice: 'MANE Select', contig: '1', strand: '+', cdsStart: 111, cdsEnd: 225, exons: [[101, 120], [201, 230]] };
// - strand: same exons; coding starts at 225 going down.
const minus: TranscriptModel = { ...plus, transcript: 'NM_2', strand: '-' };

describe('transcript coordinates', () => {
  it('codons on the + strand, including one split across an intron', () => {
    expect(codonToGenomic(plus, 1)).toEqual([{ contig: '1', start: 111, end: 113 }]);
    expect(codonToGenomic(plus, 4)).toEqual([{ contig: '1', start: 120, end: 120 }, { contig: '1', start: 201, end: 202 }]);
  });

  it('codons on the - strand count from cdsEnd', () => {
    expect(codonToGenomic(minus, 1)).toEqual([{ contig: '1', start: 223, end: 225 }]);
    expect(codonToGenomic(minus, 9)).toEqual([{ contig: '1', start: 119, end: 120 }, { contig: '1', start: 201, end: 201 }]);
  });

  it('a codon past the CDS does not exist', () => {
    expect(cdsLength(plus)).toBe(35);
    expect(codonToGenomic(plus, 12)).toBeUndefined();
  });

  it('exon numbers follow the strand', () => {
    expect(exonInterval(plus, 1)).toEqual({ contig: '1', start: 101, end: 120 });
    expect(exonInterval(minus, 1)).toEqual({ contig: '1', start: 201, end: 230 });
    expect(exonInterval(plus, 3)).toBeUndefined();
  });

  it('chooses the MANE transcript, else the longest coding one', () => {
    const row = (transcript: string, cdsEnd: number) => ({ ...plus, transcript, cdsEnd, txLength: 130 });
    const rows = [row('NM_1', 225), row('NM_3', 229)];
    expect(chooseTranscripts(rows, new Map([['G', { transcript: 'NM_1', status: 'MANE Select' }]])).get('G')).toMatchObject({ transcript: 'NM_1', choice: 'MANE Select' });
    expect(chooseTranscripts(rows, new Map()).get('G')).toMatchObject({ transcript: 'NM_3', choice: 'longest coding' });
  });
});
