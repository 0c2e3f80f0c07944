// Differential test: readVcf against `bcftools query` on every fixtures/vcf/*.vcf — CHROM, POS,
// REF, ALT (as written: lowercase bases stay lowercase), FILTER, and per sample GT (alleles and
// phase) and AD. dialects.vcf and empty-info.vcf hold what htslib reads beyond the letter of VCF
// (empty INFO, FORMAT '.', dropped trailing FORMAT fields, lowercase bases).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/types.js';
import { readAll } from '../vcf/helpers.js';

const dir = fileURLToPath(new URL('../../fixtures/vcf/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.vcf'));

function gt(c: Call): string {
  if (c.alleles.length === 0) return '.';
  return c.alleles.map((a) => (a === null ? '.' : String(a))).join(c.phased ? '|' : '/');
}

describe('readVcf matches bcftools query', () => {
  for (const f of files) {
    it(f, async () => {
      const text = readFileSync(dir + f);
      // AD is compared where the file defines it (FreeBayes's depths come from RO/AO instead).
      const hasAd = text.includes('##FORMAT=<ID=AD,');
      const fmt = `%CHROM\t%POS\t%REF\t%ALT\t%FILTER[\t%GT${hasAd ? ';%AD' : ''}]\n`;
      const out = execFileSync('bcftools', ['query', '-f', fmt, dir + f], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const theirs = out.split('\n').filter((l) => l !== '');
      const { records } = await readAll(text, { file: f });
      const ours = records.map((r) =>
        [r.chrom, r.pos, r.written?.ref ?? r.ref, (r.written?.alts ?? r.alts).join(',') || '.', r.filter.join(';') || '.', ...r.calls.map((c) => (hasAd ? `${gt(c)};${c.ad?.join(',') ?? '.'}` : gt(c)))].join('\t'),
      );
      expect(ours).toEqual(theirs);
    });
  }
});
