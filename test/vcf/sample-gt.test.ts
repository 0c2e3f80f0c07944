// One sample's unreadable GT makes that sample's call a no-call ('bad-gt') with a counted warning
// naming file, line, sample and text; the record and the other samples' calls stand. Under
// --strict it is fatal (exit 3).
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { packedCalls, unpackCall } from '../../src/vcf/genotype.js';
import type { WarningEntry } from '../../src/log.js';
import type { Where } from '../../src/errors.js';
import { Warnings } from '../../src/log.js';
import { readAll, vcf } from './helpers.js';

const samples = ['S1', 'S2', 'S3'];
const rows = [
  '1 100 . A G . PASS . GT:DP 0/1:20 1/1:18 0/0:25',
  '1 200 . C T . PASS . GT:DP 0/1:20 0/x:12 1/1:9',
  '1 300 . G A,C . PASS . GT:DP 2/3:20 ./.:. 0|2:30',
];
const text = vcf(rows, { samples });
// Reading without a quality policy packs calls (PGx's path); a policy builds Calls up front.
const paths = { packed: {}, eager: { policy: { minDp: 0 } } };

describe('a malformed GT in one sample of three', () => {
  for (const [name, opts] of Object.entries(paths)) {
    it(`${name}: the record is kept; that sample is a no-call, the others stand`, async () => {
      const { records, warnings, reader } = await readAll(text, opts);
      expect(records.map((r) => r.pos)).toEqual([100, 200, 300]);
      expect(records[1]!.calls).toMatchObject([{ alleles: [0, 1], dp: 20 }, { alleles: [null], noCall: 'bad-gt' }, { alleles: [1, 1], dp: 9 }]);
      expect(records[2]!.calls).toMatchObject([{ alleles: [null], noCall: 'bad-gt' }, { alleles: [null, null], noCall: 'missing' }, { alleles: [0, 2], phased: true }]);
      expect(reader.summary.skipped).toEqual({});
      expect(warnings.list().map((w) => [w.kind, w.count, w.examples])).toEqual([['bad-gt', 2, ['test.vcf:13', 'test.vcf:14']]]);
    });
  }
  it('the packed codes PGx reads say the same', async () => {
    const { records } = await readAll(text);
    const { codes } = packedCalls(records[1]!);
    expect([...codes].map((c) => unpackCall(c))).toEqual([
      { alleles: [0, 1], phased: false },
      { alleles: [null], phased: false, noCall: 'bad-gt' },
      { alleles: [1, 1], phased: false },
    ]);
  });
  it('the warning names file, line, column, sample and the text', async () => {
    const seen: [WarningEntry, Where][] = [];
    const warnings = new Warnings(false, (w, where) => seen.push([w, where]));
    await readAll(text, { warnings });
    expect(seen).toHaveLength(1);
    const [w, where] = seen[0]!;
    expect(w.message).toBe("1:200: sample S2: GT '0/x' is not a genotype (read as a no-call)");
    expect(where).toEqual({ file: 'test.vcf', line: 13, column: 11, text: '0/x' });
    const { warnings: all } = await readAll(text);
    expect(all.list()[0]!.count).toBe(2);
  });
  it('an allele beyond the ALTs is the same kind of problem', async () => {
    const { records, warnings } = await readAll(vcf(['1 100 . A G . PASS . GT 0/1 0/2 1/1'], { samples }));
    expect(records[0]!.calls.map((c) => c.noCall)).toEqual([undefined, 'bad-gt', undefined]);
    expect(warnings.list().map((w) => w.message)).toEqual(['1:100: sample S2: GT allele 2 but only 1 ALT allele(s) (read as a no-call)']);
  });
  it('is fatal under --strict, naming the sample (exit 3)', async () => {
    for (const opts of Object.values(paths)) {
      const err = await readAll(text, { ...opts, strict: true }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).exitCode).toBe(3);
      expect((err as InputError).describe()).toBe("test.vcf:13: column 11: 1:200: sample S2: GT '0/x' is not a genotype (read as a no-call) (fatal under --strict): '0/x'");
    }
  });
});
