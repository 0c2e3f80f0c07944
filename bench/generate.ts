// CLI: tsx bench/generate.ts --records N --samples N [--seed S] [--sites kb.bed|sites.tsv]
//      [--hit-fraction F] [--no-chr] [-o out.vcf | out.vcf.gz]
// Writes plain VCF to stdout or a file; a .gz output goes through `bgzip -@2` and gets a tabix index.
import { parseArgs } from 'node:util';
import { readSites } from './sites.js';
import { generateVcf } from './vcf-gen.js';
import { generateFile, writeTo } from './write.js';

const USAGE = 'usage: tsx bench/generate.ts --records N --samples N [--seed S] [--sites FILE] [--hit-fraction F] [--no-chr] [-o OUT(.vcf|.vcf.gz)]';

function count(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`--${name} is required\n${USAGE}`);
    return fallback;
  }
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got '${value}'`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      records: { type: 'string' },
      samples: { type: 'string' },
      sites: { type: 'string' },
      'hit-fraction': { type: 'string' },
      'no-chr': { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const hitFraction = values['hit-fraction'] === undefined ? 1 : Number(values['hit-fraction']);
  if (!(hitFraction >= 0 && hitFraction <= 1)) throw new Error(`--hit-fraction must be in [0, 1], got '${values['hit-fraction']}'`);
  const sites = values.sites ? readSites(values.sites) : undefined;
  if (sites?.skipped) process.stderr.write(`generate: ${sites.skipped} site(s) on non-primary contigs skipped\n`);
  const opts = {
    seed: count('seed', values.seed, 1),
    records: count('records', values.records),
    samples: count('samples', values.samples, 1),
    sites: sites?.sites,
    hitFraction,
    chrPrefix: !values['no-chr'],
  };
  const t0 = performance.now();
  const stats = values.output
    ? await generateFile(values.output, opts)
    : await writeTo(process.stdout, (sink) => generateVcf(opts, sink));
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  process.stderr.write(
    `generate: ${stats.records} records (${stats.hits} injected, ${stats.indels} indels, ${stats.multiallelic} multi-allelic), ` +
      `${(stats.bytes / 1e6).toFixed(1)} MB plain in ${secs} s\n`,
  );
}

main(process.argv.slice(2)).catch((e: unknown) => {
  if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
  process.stderr.write(`generate: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
