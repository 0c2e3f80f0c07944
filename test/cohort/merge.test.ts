// vcfact merge: shards split by samples or by regions put back together equal one run's output —
// byte for byte in results and samples (JSON and NDJSON; pgx, annotate, report), and in TSV.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { outputsIn } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-merge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const GETRM = 'fixtures/pgx/getrm/getrm.GRCh38.vcf.gz';
const DEMO = 'fixtures/demo/demo.vcf.gz';

/** Runs vcfact with -o a new file in the scratch folder (exit 0, quiet stderr); returns the file. */
const out = outputsIn(scratch);

/** The sample columns of a VCF (its #CHROM line). */
function samplesOf(vcf: string): string[] {
  const text = gunzipSync(readFileSync(vcf)).toString('utf8');
  const line = text.split('\n').find((l) => l.startsWith('#CHROM')) as string;
  return line.split('\t').slice(9);
}

/** The results and samples as written (each result's own bytes). */
function resultsOf(file: string): { samples: string[]; results: string[] } {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.ndjson')) {
    const lines = text.trimEnd().split('\n');
    return { samples: (JSON.parse(lines[0] as string) as { samples: string[] }).samples, results: lines.filter((l) => l.startsWith('{"type":"result"')) };
  }
  const doc = JSON.parse(text) as { samples: string[]; results: unknown[] };
  const start = text.indexOf('\n  "results": [');
  const end = text.indexOf('\n  ],\n  "warnings"');
  return { samples: doc.samples, results: [text.slice(start, end === -1 ? text.indexOf('],\n  "warnings"') : end)] };
}

function merged(shards: string[], ext: string, extra: string[] = []): Promise<string> {
  return out(['merge', ...shards, ...extra], ext);
}

describe('merge of sample shards', () => {
  const names = samplesOf(GETRM);
  const chunks = [names.slice(0, 20), names.slice(20, 41), names.slice(41)];
  for (const ext of ['json', 'ndjson']) {
    for (const cmd of ['pgx', 'report']) {
      it(`${cmd} -O ${ext}: GeT-RM in 3 sample shards equals one run (results, samples and summary)`, async () => {
        const single = await out([cmd, GETRM, '-O', ext], ext);
        const shards = await Promise.all(chunks.map((c) => out([cmd, GETRM, '-O', ext, '-s', c.join(',')], ext)));
        const m = await merged(shards, ext);
        expect(resultsOf(m)).toEqual(resultsOf(single));
        // Same records read by each shard: the whole document is the single run's.
        expect(readFileSync(m, 'utf8')).toBe(readFileSync(single, 'utf8'));
      });
    }
    it(`annotate -O ${ext}: the demo's two samples as two shards equal one run`, async () => {
      const single = await out(['annotate', DEMO, '-O', ext], ext);
      const shards = await Promise.all(['TUMOR_B', 'PATIENT_A'].map((s) => out(['annotate', DEMO, '-O', ext, '-s', s], ext)));
      // Given in the other order: the merged sample order is the shards' order.
      const m = await merged([shards[1] as string, shards[0] as string], ext);
      expect(readFileSync(m, 'utf8')).toBe(readFileSync(single, 'utf8'));
    });
  }

  it('pgx --by-drug rows (sorted by sample and drug) interleave back', async () => {
    const single = await out(['pgx', GETRM, '--by-drug', '-O', 'ndjson'], 'ndjson');
    const shards = await Promise.all(chunks.map((c) => out(['pgx', GETRM, '--by-drug', '-O', 'ndjson', '-s', c.join(',')], 'ndjson')));
    expect(resultsOf(await merged(shards, 'ndjson'))).toEqual(resultsOf(single));
  });

  it('pgx and annotate merge into the commands\' own TSV', async () => {
    const single = await out(['pgx', GETRM, '-O', 'tsv'], 'tsv');
    const shards = await Promise.all(chunks.map((c) => out(['pgx', GETRM, '-O', 'ndjson', '-s', c.join(',')], 'ndjson')));
    expect(readFileSync(await merged(shards, 'tsv'), 'utf8')).toBe(readFileSync(single, 'utf8'));
    const a = await out(['annotate', DEMO, '-O', 'tsv', '--evidence'], 'tsv');
    const as = await Promise.all(['PATIENT_A', 'TUMOR_B'].map((s) => out(['annotate', DEMO, '-O', 'json', '--evidence', '-s', s], 'json')));
    expect(readFileSync(await merged(as, 'tsv'), 'utf8')).toBe(readFileSync(a, 'utf8'));
  });
});

describe('merge of region shards', () => {
  for (const ext of ['json', 'ndjson']) {
    it(`pgx -O ${ext}: GeT-RM by chromosome (streamed) equals one run, counts taken once`, async () => {
      const single = await out(['pgx', GETRM, '-O', ext], ext);
      const shards = await Promise.all(['chr7', 'chr10', 'chr6'].map((c) => out(['pgx', GETRM, '-O', ext, '-r', c], ext)));
      const m = await merged(shards, ext);
      expect(resultsOf(m)).toEqual(resultsOf(single));
      if (ext === 'json') {
        const doc = JSON.parse(readFileSync(m, 'utf8')) as { summary: unknown; genome: unknown };
        expect(doc.summary).toEqual((JSON.parse(readFileSync(single, 'utf8')) as { summary: unknown }).summary);
        expect(schema('pgx.schema.json')(doc)).toBe(true);
      }
    });
    it(`annotate -O ${ext}: the demo by chromosome (through its index) equals one run`, async () => {
      const single = await out(['annotate', DEMO, '-O', ext], ext);
      const shards = await Promise.all(['chr12,chr16', 'chr1,chr3', 'chr7,chr10'].map((r) => out(['annotate', DEMO, '-O', ext, '-r', r], ext)));
      const m = await merged(shards, ext);
      expect(resultsOf(m)).toEqual(resultsOf(single));
      if (ext === 'json') {
        // Each shard read its regions' records (49 in all), not the KB regions alone as the single run did.
        const s = (JSON.parse(readFileSync(m, 'utf8')) as { summary: { records: number; results: number } }).summary;
        expect(s.records).toBe(49);
        expect(s.results).toBe((JSON.parse(readFileSync(single, 'utf8')) as { results: unknown[] }).results.length);
        expect(schema('annotate.schema.json')(JSON.parse(readFileSync(m, 'utf8')))).toBe(true);
      }
    });
  }

  it('annotate --evidence rows of two region shards equal one run', async () => {
    const single = await out(['annotate', DEMO, '-O', 'json', '--evidence'], 'json');
    const shards = await Promise.all(['chr7', 'chr1,chr3,chr10,chr12,chr16'].map((r) => out(['annotate', DEMO, '-O', 'json', '--evidence', '-r', r], 'json')));
    expect(resultsOf(await merged(shards, 'json'))).toEqual(resultsOf(single));
  });
});
