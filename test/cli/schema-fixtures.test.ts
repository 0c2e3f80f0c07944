// Every JSON and NDJSON output of every fixture validates against its schema in schema/: annotate
// (feature rows and --evidence), pgx (per gene and --by-drug), report — the cancer fixtures (Strelka2
// 'zygosity: unknown', tumour/normal, VEP/SnpEff), the PCGR examples, the demo, the PGx germline and
// reader fixtures. Fresh CLI output, so a schema and a writer cannot drift apart.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';
import { schema } from '../helpers/schemas.js';

const inDir = (dir: string, re = /\.vcf(\.gz)?$/): string[] => readdirSync(fixture(dir)).filter((f) => re.test(f)).sort().map((f) => join(dir, f));
const inputs = [...inDir('cancer'), ...inDir('cancer/pcgr'), 'demo/demo.vcf.gz', ...inDir('report'), ...inDir('pgx/germline'), ...inDir('vcf')];

const RUNS: { name: string; args: string[]; schema: string }[] = [
  { name: 'annotate json', args: ['annotate', '-O', 'json'], schema: 'annotate.schema.json' },
  { name: 'annotate --evidence ndjson', args: ['annotate', '-O', 'ndjson', '--evidence'], schema: 'annotate.ndjson.schema.json' },
  { name: 'pgx json', args: ['pgx', '-O', 'json'], schema: 'pgx.schema.json' },
  { name: 'pgx --by-drug ndjson', args: ['pgx', '-O', 'ndjson', '--by-drug'], schema: 'pgx.ndjson.schema.json' },
  { name: 'report json', args: ['report'], schema: 'report.schema.json' },
];

function errorsOf(v: { errors?: unknown }): string {
  return JSON.stringify(v.errors, null, 1)?.slice(0, 1500) ?? '';
}

describe.each(RUNS)('$name validates against schema/$schema', ({ args, schema: name }) => {
  const validate = schema(name);
  for (const input of inputs) {
    it(input, () => {
      // A somatic call set is refused for pgx (exit 2) and has nothing to validate.
      const r = vcfact([...args, '-q', fixture(input)]);
      if (args[0] === 'pgx' && r.status === 2) {
        expect(r.stderr).toMatch(/somatic/);
        return;
      }
      expect(r.status, r.stderr).toBe(0);
      const docs = name.includes('ndjson') ? r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown) : [JSON.parse(r.stdout) as unknown];
      for (const d of docs) expect(validate(d), errorsOf(validate)).toBe(true);
    });
  }
});
