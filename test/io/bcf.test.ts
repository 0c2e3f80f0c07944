// A real BCF (which holds NUL bytes, like any binary file) gets the BCF message naming the
// `bcftools view` pipe, not the generic binary-input one; exit 3.
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

describe('BCF input', () => {
  it.each(['annotate', 'pgx'])('%s: exit 3 with the bcftools view pipe', (cmd) => {
    const r = vcfact([cmd, fixture('io', 'demo.bcf')]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('demo.bcf:1: this is BCF (binary VCF)');
    expect(r.stderr).toContain('bcftools view FILE.bcf | vcfact annotate -');
  });
});
