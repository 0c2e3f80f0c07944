// The Snakemake cohort workflow (workflow/) on a small generated cohort — 6 samples × 600 records on
// knowledge-base sites, 2 samples per shard — gathers into a merged.json whose samples and results
// are byte for byte those of one run over the whole VCF, plus the summary TSV and HTML.
// CI only (VCFACT_CI=1): needs snakemake (scripts/install-tools.sh installs Debian's).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSites } from '../../bench/sites.js';
import { generateVcf } from '../../bench/vcf-gen.js';
import { writeTo } from '../../bench/write.js';
import { BIN, ROOT, vcfact } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-workflow-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const vcf = join(scratch, 'cohort.vcf');

beforeAll(async () => {
  const bed = vcfact(['kb', 'regions', '-g', 'GRCh38']);
  expect(bed.status).toBe(0);
  const { sites } = parseSites(bed.stdout, 'kb regions');
  await writeTo(createWriteStream(vcf), (sink) => generateVcf({ seed: 12, records: 600, samples: 6, sites, hitFraction: 0.25, chrPrefix: true }, sink));
});

/** The JSON document's "samples" and "results" text, as written. */
function samplesAndResults(text: string): string {
  return text.slice(text.indexOf('\n  "samples": '), text.indexOf('\n  "warnings": '));
}

describe('workflow/Snakefile', () => {
  for (const command of ['pgx', 'annotate', 'report']) {
    it(`${command}: shards of 2 samples merge into one run's samples and results; summaries written`, () => {
      const outdir = join(scratch, command);
      const r = spawnSync('snakemake', ['-s', join(ROOT, 'workflow', 'Snakefile'), '-j', '2', '--quiet', '--config',
        `vcf=${vcf}`, `outdir=${outdir}`, 'samples_per_shard=2', `command=${command}`, `vcfact=${process.execPath} ${BIN}`], { cwd: scratch, encoding: 'utf8' });
      expect(r.stderr + r.stdout).not.toMatch(/Error/);
      expect(r.status).toBe(0);
      expect(readdirSync(join(outdir, 'shards')).filter((f) => f.endsWith('.ndjson'))).toHaveLength(3);
      const single = vcfact([command, vcf, '-q', '-O', 'json']);
      expect(single.status).toBe(0);
      const merged = readFileSync(join(outdir, 'merged.json'), 'utf8');
      expect(samplesAndResults(merged)).toBe(samplesAndResults(single.stdout));
      expect(JSON.parse(merged).samples).toHaveLength(6);
      expect(readFileSync(join(outdir, 'summary.tsv'), 'utf8')).toMatch(/^section\tkb\tsubject/);
      expect(existsSync(join(outdir, 'summary.html'))).toBe(true);
    });
  }
});
