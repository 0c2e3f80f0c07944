// A genotype the caller cannot interpret is not interpreted: a non-diploid GT at an autosomal
// definition position is not assayed ([ploidy]) with a warning, and the other samples stand.
import { describe, expect, it } from 'vitest';
import { callGene } from '../../src/pgx/call.js';
import { PgxCollector } from '../../src/pgx/collect.js';
import type { GeneDef } from '../../src/pgx/kb.js';
import { record } from '../helpers/records.js';
import { testKb } from './helpers.js';

const kb = testKb();

describe('ploidy at PGx positions', () => {
  it('0/0/0/1 at DPYD c.1905+1G>A is not assayed, not Reference/*2A; a 0/1 beside it is called', () => {
    const def = kb.genes().get('DPYD') as GeneDef;
    const site = def.sites.find((s) => s.rsid === 'rs3918290');
    if (!site) throw new Error('rs3918290 not in the KB');
    const told: string[] = [];
    const col = new PgxCollector(kb, 'GRCh38', 2, { onUninterpretable: (rec, i, why) => told.push(`${rec.line} ${i} ${why}`) });
    col.add(record(site.chrom, site.pos, site.ref, site.alts, { line: 42, calls: [{ alleles: [0, 0, 0, 1], phased: false }, { alleles: [0, 1], phased: false }] }));
    const tetra = col.siteCalls('DPYD', def.sites, 0).get(site.pos);
    expect([tetra?.state, tetra?.noCall]).toEqual(['missing', 'ploidy']);
    expect(told).toEqual(['42 0 a GT of ploidy 4 at DPYD rs3918290 (an autosome: two copies expected)']);
    expect(col.siteCalls('DPYD', def.sites, 1).get(site.pos)?.state).toBe('alt');
    expect(callGene(def, col.siteCalls('DPYD', def.sites, 0), {}).diplotypes.join()).not.toContain('c.1905+1G>A');
  });

  it('one copy is a genotype on X (hemizygous G6PD), not on an autosome', () => {
    const g6pd = kb.genes().get('G6PD') as GeneDef;
    const x = g6pd.sites[0];
    const dpyd = (kb.genes().get('DPYD') as GeneDef).sites[0];
    if (!x || !dpyd) throw new Error('sites missing');
    const col = new PgxCollector(kb, 'GRCh38', 1);
    col.add(record(x.chrom, x.pos, x.ref, x.alts, { calls: [{ alleles: [1], phased: false }] }));
    col.add(record(dpyd.chrom, dpyd.pos, dpyd.ref, dpyd.alts, { calls: [{ alleles: [1], phased: false }] }));
    expect(col.siteCalls('G6PD', g6pd.sites, 0).get(x.pos)?.state).toBe('alt');
    expect(col.siteCalls('DPYD', (kb.genes().get('DPYD') as GeneDef).sites, 0).get(dpyd.pos)?.noCall).toBe('ploidy');
  });
});
