// --tumor-type with a term the knowledge base does not know: a usage error (exit 2) with the
// closest known terms, before any input is read or output written.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-tumor-type-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DEMO = fixture('demo', 'demo.vcf.gz');

describe('--tumor-type', () => {
  it.each(['annotate', 'report'])('%s: an unknown term is exit 2 naming the closest known ones, no stack, no output', (cmd) => {
    const out = join(tmp, `${cmd}.json`);
    const r = vcfact([cmd, DEMO, '--tumor-type', 'melanomma', '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^vcfact: error: --tumor-type 'melanomma' is not a disease, DOID or TCGA code the knowledge base knows; closest: melanoma, [a-z ,]*skin melanoma/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('nothing close: the error says so without suggestions', () => {
    const r = vcfact(['annotate', DEMO, '--tumor-type', 'xyzzy']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("vcfact: error: --tumor-type 'xyzzy' is not a disease, DOID or TCGA code the knowledge base knows\n");
  });

  it('the usage error comes before the input is opened', () => {
    const r = vcfact(['annotate', join(tmp, 'missing.vcf'), '--tumor-type', 'melanomma']);
    expect(r.status).toBe(2);
  });

  it.each(['COAD', 'DOID:9256', 'colorectal cancer', 'skin melanoma'])('a known term runs: %s', (term) => {
    const r = vcfact(['report', DEMO, '--tumor-type', term, '-q']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
