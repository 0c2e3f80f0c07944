// Golden tests: the built CLI (`vcfact annotate --evidence`, one row per evidence item) on every
// cancer fixture, compared on the cancer rows' identifying columns with fixtures/cancer/golden/<input>.tsv.
// UPDATE_GOLDEN=1 rewrites them (as for test/golden). The default feature rows must be exactly those
// items grouped per sample × variant × feature.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';

const COLUMNS = ['sample', 'chrom', 'pos', 'ref', 'alt', 'kb', 'gene', 'feature', 'match', 'evidence_level', 'civic_ids'];
const dir = fixture('cancer');
const goldenDir = join(dir, 'golden');
// Every fixture, including the combined-profile and GT-less Strelka2 inputs (annotate gates profile
// rows per sample and counts Strelka2 calls as carried by allele fraction).
const inputs = [
  ...readdirSync(dir).filter((f) => f.endsWith('.vcf')).sort(),
  ...readdirSync(join(dir, 'pcgr')).filter((f) => f.endsWith('.vcf.gz')).sort().map((f) => `pcgr/${f}`),
];

function cancerRows(tsv: string): string {
  const [head = '', ...lines] = tsv.split('\n').filter((l) => l !== '');
  const cols = head.split('\t');
  const idx = COLUMNS.map((c) => cols.indexOf(c));
  expect(idx.every((i) => i >= 0), `columns ${COLUMNS.join(',')} in ${head}`).toBe(true);
  const rows = lines.map((l) => l.split('\t')).filter((f) => f[cols.indexOf('kb')] === 'cancer').map((f) => idx.map((i) => f[i] ?? '').join('\t'));
  return `${[COLUMNS.join('\t'), ...rows.sort()].join('\n')}\n`;
}

/** sample × variant × feature → its ids, from the TSV columns named. */
function idsBy(tsv: string, ids: (f: Record<string, string>) => string[]): Map<string, string[]> {
  const [head = '', ...lines] = tsv.split('\n').filter((l) => l !== '');
  const cols = head.split('\t');
  const out = new Map<string, string[]>();
  for (const l of lines) {
    const f = Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v]));
    if (f.kb !== 'cancer') continue;
    const key = ['sample', 'chrom', 'pos', 'ref', 'alt', 'feature', 'match'].map((c) => f[c]).join(' ');
    out.set(key, [...(out.get(key) ?? []), ...ids(f)]);
  }
  return out;
}

/** The default rows: one per sample × variant × feature (so no key twice), with every id of its items. */
function featureRows(tsv: string): Map<string, string[]> {
  const rows = idsBy(tsv, (f) => [`${f.evidence_items}`, ...(f.civic_ids ?? '').split(';')]);
  for (const ids of rows.values()) expect(ids.length - 1).toBe(new Set(ids.slice(1)).size);
  return new Map([...rows].map(([k, v]) => [k, v.slice(1).sort()]));
}

/** The --evidence rows grouped the same way. */
function grouped(tsv: string): Map<string, string[]> {
  return new Map([...idsBy(tsv, (f) => (f.civic_ids ?? '').split(';'))].map(([k, v]) => [k, [...new Set(v)].sort()]));
}

describe('vcfact annotate on the cancer fixtures (golden)', () => {
  for (const input of inputs) {
    it(input, () => {
      const r = vcfact(['annotate', join(dir, input), '-O', 'tsv', '-q', '--evidence']);
      expect(r.status, r.stderr).toBe(0);
      const got = cancerRows(r.stdout);
      expect(featureRows(vcfact(['annotate', join(dir, input), '-O', 'tsv', '-q']).stdout)).toEqual(grouped(r.stdout));
      const file = join(goldenDir, `${input.replace(/^pcgr\//, 'pcgr-')}.tsv`);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, got);
      }
      expect(got).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('a non-PASS call is reported by default and dropped by --pass-only', () => {
    const input = join(dir, 'mutect2-pair.grch37.vcf');
    const all = cancerRows(vcfact(['annotate', input, '-O', 'tsv', '-q', '--evidence']).stdout);
    const pass = cancerRows(vcfact(['annotate', input, '-O', 'tsv', '-q', '--pass-only', '--evidence']).stdout);
    expect(all).toMatch(/KRAS G12D/);
    expect(pass).not.toMatch(/KRAS G12D/);
    expect(pass).toMatch(/BRAF V600E/);
  });

  it('T001-COAD from stdin gives the same cancer rows as from the file', () => {
    const file = join(dir, 'pcgr', 'T001-COAD.grch38.vcf.gz');
    const a = cancerRows(vcfact(['annotate', file, '-O', 'tsv', '-q', '--evidence']).stdout);
    const b = cancerRows(vcfact(['annotate', '-', '-O', 'tsv', '-q', '--evidence'], { input: readFileSync(file) }).stdout);
    expect(b).toBe(a);
    expect(a).toMatch(/BRAF V600E\texact\tA\t/);
  });
});
