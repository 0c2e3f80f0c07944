// Messages that cannot be turned against the terminal, through the built CLI: text from inputs on
// stderr has its control characters escaped and is cut (README "Errors and guarantees").
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vcfact } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-terminal-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** ESC and BEL: what a terminal takes as commands (here: clear the screen, set the window title). */
const EVIL = '\x1b[2J\x1b]0;owned\x07';
/** Every C0 control but tab and newline (which the file format itself uses), plus DEL and C1 CSI. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x9b]/;

function vcf(name: string, samples: string[], records: string[]): string {
  const path = join(tmp, name);
  const head = ['##fileformat=VCFv4.2', '##contig=<ID=chr10,length=133797422>', '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">'];
  writeFileSync(path, `${[...head, ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO', 'FORMAT', ...samples].join('\t'), ...records].join('\n')}\n`);
  return path;
}

describe('stderr never carries raw control characters from the input', () => {
  it('a sample name in an error', () => {
    const r = vcfact(['annotate', vcf('dup.vcf', [`S${EVIL}`, `S${EVIL}`], [])]);
    expect(r.status).toBe(3);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('duplicate sample name S\\x1b[2J\\x1b]0;owned\\x07');
  });

  it('a GT in a warning (and its count at the end)', () => {
    const rec = (gt: string) => `chr10\t94781859\trs4244285\tG\tA\t50\tPASS\t.\tGT\t${gt}`;
    const r = vcfact(['annotate', vcf('gt.vcf', ['S1'], [rec(`0/${EVIL}`), rec(`1/${EVIL}`)])]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('warning: ');
    expect(r.stderr).toContain('\\x1b[2J');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('a file name in a message', () => {
    const r = vcfact(['annotate', join(tmp, `no-such${EVIL}.vcf`)]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('no-such\\x1b[2J');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('a command-line value quoted back by the option parser', () => {
    const r = vcfact(['annotate', `--bad${EVIL}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--bad\\x1b[2J');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });

  it('a very long input text is cut, with its length', () => {
    const long = `S${'n'.repeat(100_000)}`;
    const r = vcfact(['annotate', vcf('long.vcf', [long, long], [])]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`(${long.length} chars)`);
    expect(r.stderr.length).toBeLessThan(2000);
  });
});
