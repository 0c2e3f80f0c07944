// The same person gives the same diplotypes in both builds. A person is a pair of site alleles at
// every definition position; GRCh38 writes them against the GRCh38 reference, GRCh37 against its
// own (rs776746: REF C = *3 there), and in GRCh37 the person's reference positions appear in each
// way a VCF shows them: an explicit 0/0, absent (--missing-as-ref) or inside a gVCF block.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callGene } from '../../src/pgx/call.js';
import { PgxCollector } from '../../src/pgx/collect.js';
import type { GeneDef } from '../../src/pgx/kb.js';
import type { SiteRow } from '../../src/pgx/kb-types.js';
import { siteRef } from '../../src/pgx/site-allele.js';
import type { Build, VcfRecord } from '../../src/types.js';
import { record } from '../helpers/records.js';
import { GETRM } from './getrm.js';
import { readRecords, testKb } from './helpers.js';

type RefState = 'explicit' | 'absent' | 'block';
const STATES: RefState[] = ['explicit', 'absent', 'block'];
const kb = testKb();

/** A VCF record of one site's allele pair in a build: REF is the build's reference allele. */
function siteRecord(site: SiteRow, build: Build, pair: [string, string]): VcfRecord {
  const ref = siteRef(site, build);
  const alleles = [ref, ...[site.ref, ...site.alts].filter((a) => a !== ref)];
  const pos = build === 'GRCh38' ? site.pos : (site.pos37 as number);
  return record(site.chrom, pos, ref, alleles.slice(1), { calls: [{ alleles: pair.map((a) => alleles.indexOf(a)), phased: false }] });
}

function block(site: SiteRow): VcfRecord {
  const pos = site.pos37 as number;
  return record(site.chrom, pos, (site.ref37 as string).slice(0, 1), ['<NON_REF>'], { end: pos, refBlock: true, calls: [{ alleles: [0, 0], phased: false }] });
}

/** One person's records in a build; in GRCh37 the person's GRCh37-reference positions take `state`. */
function records(def: GeneDef, person: Map<SiteRow, [string, string]>, build: Build, state: RefState): VcfRecord[] {
  const out: VcfRecord[] = [];
  for (const site of def.sites) {
    const pair = person.get(site) as [string, string];
    const isRef37 = pair[0] === site.ref37 && pair[1] === site.ref37;
    if (build === 'GRCh38' || !isRef37 || state === 'explicit') out.push(siteRecord(site, build, pair));
    else if (state === 'block') out.push(block(site));
  }
  return out.sort((a, b) => a.pos - b.pos);
}

function diplotypes(def: GeneDef, recs: VcfRecord[], build: Build): string[] {
  const col = new PgxCollector(kb, build, 1, { missingAsRef: true });
  for (const r of recs) col.add(r);
  return callGene(def, col.siteCalls(def.gene, def.sites, 0), { callCyp2d6: true }).diplotypes;
}

describe('both builds of the same genotypes give the same diplotypes', () => {
  const genes = [...kb.genes().values()];

  it('every definition position has a GRCh37 position and reference allele', () => {
    for (const def of genes) for (const s of def.sites) expect([s.pos37, s.ref37].includes(null), `${def.gene} ${s.pos}`).toBe(false);
  });

  it.each(genes.map((g) => [g.gene, g] as const))('%s: 0/0, 0/1, 1/1 and the GRCh37 reference at every position', (_, def) => {
    let people = 0;
    def.sites.forEach((site, i) => {
      const alt = site.alts[0] as string;
      const ref37 = site.ref37 as string;
      const pairs: [string, string][] = [[site.ref, alt], [alt, alt], [site.ref, site.ref], [ref37, ref37]];
      pairs.forEach((pair, k) => {
        // Everyone else carries the GRCh37 reference: every reference-allele difference is in play.
        const person = new Map(def.sites.map((s): [SiteRow, [string, string]] => [s, [s.ref37 as string, s.ref37 as string]]));
        person.set(site, pair);
        const state = STATES[(i + k) % STATES.length] as RefState;
        const in38 = diplotypes(def, records(def, person, 'GRCh38', state), 'GRCh38');
        const in37 = diplotypes(def, records(def, person, 'GRCh37', state), 'GRCh37');
        expect(in37, `${def.gene} ${site.rsid ?? site.pos} ${pair.join('/')} (${state})`).toEqual(in38);
        people++;
      });
    });
    expect(people).toBe(def.sites.length * 4);
  });
});

describe('1000 Genomes GRCh37 records where the reference carries a definition variant', () => {
  // fixtures/pgx/getrm: phase 3 records as published (REF = the GRCh37 base).
  it.each([
    ['CYP3A5', 'rs776746', 'C', 'T', '*3/*3'],
    ['CYP2C19', 'rs3758581', 'G', 'A', '*1/*1'],
  ])('%s %s: REF %s ALT %s; a 0|0 sample with nothing else is %s', async (gene, rsid, ref, alt, expected) => {
    const { samples, records } = await readRecords(join(GETRM, 'getrm.GRCh37.vcf.gz'));
    const def = kb.genes().get(gene) as GeneDef;
    const site = def.sites.find((s) => s.rsid === rsid) as SiteRow;
    const rec = records.find((r) => r.pos === site.pos37) as VcfRecord;
    expect([rec.ref, rec.alts]).toEqual([ref, [alt]]);
    // Only this record (every other position absent, so reference): the site decides alone.
    const col = new PgxCollector(kb, 'GRCh37', samples.length, { missingAsRef: true });
    col.add(rec);
    const i = rec.calls.findIndex((c) => c.alleles.join() === '0,0');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(callGene(def, col.siteCalls(gene, def.sites, i), {}).diplotypes).toEqual([expected]);
  });
});
