// The block writer path (annotate's rows of one variant, each feature's row formatted once) must
// write exactly the bytes the per-row path writes for the same rows: checked on seeded random blocks
// for TSV, JSON and NDJSON, with the values that take each format's special paths (undefined, NaN,
// lists, count maps, tabs and newlines, non-ASCII and escaped bytes of invalid UTF-8, held rows, a
// template that fixes a carrier cell itself).
import { describe, expect, it } from 'vitest';
import { JsonSink } from '../../src/sink/json.js';
import { NdjsonSink } from '../../src/sink/ndjson.js';
import { blockRows, CARRIER_CELL, type CarrierCells, type RowBlock } from '../../src/sink/row-block.js';
import { TsvSink } from '../../src/sink/tsv.js';
import type { RowSink, RunMeta, TextOut } from '../../src/sink/types.js';
import { rng } from '../helpers/fuzz-mutate.js';

const META: RunMeta = {
  schema_version: '2',
  tool: { name: 'vcfact', version: 'test' },
  command: 'annotate',
  input: 'x.vcf',
  options: {},
  genome: { build: 'GRCh38', source: 'test' },
  kb: [],
  samples: [],
};
const COLUMNS = ['sample', 'chrom', 'pos', 'gt', 'zygosity', 'vaf', 'dp', 'kb', 'gene', 'levels', 'pmids', 'fields', 'note', 'absent'];

function collector(): { out: TextOut; bytes: () => Buffer } {
  const parts: Buffer[] = [];
  return { out: { write: (s) => void parts.push(Buffer.isBuffer(s) ? s : Buffer.from(s, 'utf8')) }, bytes: () => Buffer.concat(parts) };
}

function sinks(out: TextOut): RowSink[] {
  return [new TsvSink(out, COLUMNS), new JsonSink(out, () => META), new NdjsonSink(out, () => META)];
}

function generator(seed: number) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const texts = ['', 'BRAF', 'a\tb', 'line\nbreak', 'é ü', '\udcff\udc80x', 'x;y', '"quoted"', '*2 (rs1)'];
  const value = (): unknown => pick([undefined, Number.NaN, 0, 1.5, -3, 'TP53', pick(texts), [pick(texts), 'z'], { A: 3, B: 12 }, [], true]);
  const carrier = (): CarrierCells => ({
    sample: pick(['S1', 'tumour\tA', 'ñ', '\udcfe', '']),
    gt: pick(['0/1', '1|1', '1', '']),
    zygosity: pick(['het', 'hom', 'hemi']),
    vaf: pick([undefined, 0.3824, 1, 0]),
    dp: pick([undefined, 17, 0]),
  });
  const template = (): Record<string, unknown> => {
    const row: Record<string, unknown> = { sample: CARRIER_CELL, chrom: 'chr1', pos: Math.floor(r() * 1e6), gt: CARRIER_CELL, zygosity: CARRIER_CELL, vaf: CARRIER_CELL, dp: CARRIER_CELL };
    for (const k of ['kb', 'gene', 'levels', 'pmids', 'fields', 'note']) if (r() < 0.8) row[k] = value();
    // A domain's own field that fixes a carrier cell (its value is then the row's, for every carrier).
    if (r() < 0.15) row.zygosity = 'fixed';
    if (r() < 0.1) row.vaf = value();
    return row;
  };
  return (): RowBlock => {
    const templates = Array.from({ length: 1 + Math.floor(r() * 3) }, template);
    const carriers = Array.from({ length: 1 + Math.floor(r() * 5) }, carrier);
    const held = r() < 0.3 ? Uint8Array.from({ length: templates.length * carriers.length }, () => (r() < 0.4 ? 1 : 0)) : undefined;
    return held ? { templates, carriers, held } : { templates, carriers };
  };
}

async function written(make: (out: TextOut) => RowSink, blocks: readonly RowBlock[], batched: boolean): Promise<Buffer> {
  const c = collector();
  const sink = make(c.out);
  for (const b of blocks) {
    if (batched) await sink.writeBlock(b);
    else for (const row of blockRows(b)) await sink.write(row);
  }
  await sink.finish(META, [], { results: 0 });
  return c.bytes();
}

describe('row blocks: writeBlock writes the bytes write() writes for the same rows', () => {
  for (const [i, name] of ['tsv', 'json', 'ndjson'].entries()) {
    it(`${name}: 300 seeded random blocks`, async () => {
      const make = (out: TextOut): RowSink => sinks(out)[i] as RowSink;
      for (let seed = 1; seed <= 300; seed++) {
        const next = generator(seed);
        const blocks = Array.from({ length: 1 + (seed % 4) }, next);
        const [batched, single] = [await written(make, blocks, true), await written(make, blocks, false)];
        expect(batched.equals(single), `seed ${seed}`).toBe(true);
      }
    });
  }

  it('blockRows: carrier-major order, held rows left out, a template-fixed cell kept', () => {
    const t1 = { sample: CARRIER_CELL, gt: CARRIER_CELL, zygosity: 'fixed', vaf: CARRIER_CELL, dp: CARRIER_CELL, feature: 'F1' };
    const t2 = { ...t1, zygosity: CARRIER_CELL, feature: 'F2' };
    const a: CarrierCells = { sample: 'A', gt: '0/1', zygosity: 'het', vaf: 0.5, dp: 10 };
    const b: CarrierCells = { sample: 'B', gt: '1/1', zygosity: 'hom', vaf: undefined, dp: undefined };
    const rows = blockRows({ templates: [t1, t2], carriers: [a, b], held: Uint8Array.of(0, 1, 0, 0) });
    expect(rows).toEqual([
      { sample: 'A', gt: '0/1', zygosity: 'fixed', vaf: 0.5, dp: 10, feature: 'F1' },
      { sample: 'B', gt: '1/1', zygosity: 'fixed', vaf: undefined, dp: undefined, feature: 'F1' },
      { sample: 'B', gt: '1/1', zygosity: 'hom', vaf: undefined, dp: undefined, feature: 'F2' },
    ]);
    expect(Object.keys(rows[0] as object)).toEqual(['sample', 'gt', 'zygosity', 'vaf', 'dp', 'feature']);
  });
});
