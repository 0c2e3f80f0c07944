// PgxRun makes gene outcomes gene by gene, some of them while the input is still being read (a
// gene is called as soon as the input has gone past it): the results must be those of calling
// every sample after the last record, whatever the order of the records, and the summary's
// `matched` must count what annotate's pgx matcher counts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchRecord } from '../../src/commands/annotate.js';
import { Warnings } from '../../src/log.js';
import { PgxCollector } from '../../src/pgx/collect.js';
import { pgxMatcher } from '../../src/pgx/matcher.js';
import { sampleResults, type PgxResult } from '../../src/pgx/result.js';
import { type PgxFlags, PgxRun } from '../../src/pgx/run.js';
import type { VcfRecord } from '../../src/types.js';
import { parseHeader } from '../../src/vcf/header.js';
import { rec } from './gene-records.js';
import { ROOT, readRecords, testKb } from './helpers.js';

const kb = testKb();
const FLAGS: PgxFlags = { missingAsRef: false, allMatches: false, findCombinations: false, callCyp2d6: false, tumorPgx: false, somaticPgx: false };
const who = (samples: string[]) => samples.map((name, index) => ({ index, name, source: 'germline' as const, caveat: '' }));

/** Every sample's results through PgxRun, records added in the given order. */
function runResults(samples: string[], records: VcfRecord[], callEarly = true): PgxResult[][] {
  const run = new PgxRun(kb, () => 'GRCh38', samples, FLAGS, new Warnings(), 'test.vcf', callEarly);
  for (const r of records) run.add(r);
  return who(samples).map((w) => run.results(w));
}

/** The same, every sample called only after the last record (no PgxRun). */
function calledAtEnd(samples: string[], records: VcfRecord[]): PgxResult[][] {
  const col = new PgxCollector(kb, 'GRCh38', samples.length);
  for (const r of records) col.add(r);
  return who(samples).map((w) => sampleResults(kb, col, w, FLAGS, []));
}

describe('PgxRun outcomes made gene by gene', () => {
  it('equal the results of calling every sample at the end, on sorted input', async () => {
    const { samples, records } = await readRecords(join(ROOT, 'fixtures', 'pgx', 'multi-sample.vcf'));
    expect(samples.length).toBeGreaterThan(1);
    expect(runResults(samples, records)).toEqual(calledAtEnd(samples, records));
    // As report runs it: every outcome made when its sample block is asked for.
    expect(runResults(samples, records, false)).toEqual(calledAtEnd(samples, records));
  });

  it('are made again for a gene a record touches after the input went past it (unsorted input)', async () => {
    const { samples, records } = await readRecords(join(ROOT, 'fixtures', 'pgx', 'multi-sample.vcf'));
    // A chr1 (DPYD) record with a variant call, moved behind the chr10 and chrX records: DPYD is
    // called when the first chr10 record comes, before this record is read.
    const late = records.findIndex((r) => r.contig === '1' && r.calls.some((c) => c.alleles.some((a) => a !== null && a > 0)));
    expect(late).toBeGreaterThanOrEqual(0);
    const moved = [...records.slice(0, late), ...records.slice(late + 1), records[late] as VcfRecord];
    const expected = calledAtEnd(samples, records);
    // The moved record changes some sample's DPYD result, so a stale early outcome would show.
    expect(calledAtEnd(samples, moved.slice(0, -1))).not.toEqual(expected);
    expect(runResults(samples, moved)).toEqual(expected);
  });

  it("counts matched split variants as annotate's pgx matcher does", () => {
    const header = parseHeader(['##fileformat=VCFv4.2', '##INFO=<ID=END,Number=1,Type=Integer,Description="End">', '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1'], 'test.vcf');
    const def = kb.genes().get('CYP2C19');
    const site = def?.sites[0];
    if (site === undefined) throw new Error('no CYP2C19 site');
    const records = [
      // Two ALTs at a definition position: two split variants.
      rec(site.chrom, site.pos, site.ref, [...site.alts, 'T'].slice(0, 2), [{ alleles: [0, 1] }]),
      // G6PD: a position with only an ignored variant, and one with an ignored and a defined one.
      rec('X', 154532439, 'A', ['G'], [{ alleles: [0, 1] }]),
      rec('X', 154532990, 'CGGT', ['C'], [{ alleles: [0, 1] }]),
      // Next to a site, and a reference block that starts on one.
      rec(site.chrom, site.pos + 1, 'A', ['G'], [{ alleles: [0, 1] }]),
      rec(site.chrom, site.pos, site.ref, ['<NON_REF>'], [{ alleles: [0, 0] }], { end: site.pos + 10, refBlock: true }),
    ];
    const col = new PgxCollector(kb, 'GRCh38', 1);
    let expected = 0;
    for (const r of records) {
      col.add(r);
      expected += matchRecord(r, header, [pgxMatcher(kb)], 'GRCh38').length;
    }
    expect(expected).toBeGreaterThan(2);
    expect(col.matched).toBe(expected);
  });
});
