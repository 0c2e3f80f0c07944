// `report` with the PGx links (JSON) and `-O html` at the command line: where pages go, usage
// errors, escaping, the Content-Security-Policy, and a failed run that leaves no page behind.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, vcfact } from '../helpers/cli.js';
import { expectedPages } from './html-pages.js';

const tmp = mkdtempSync(join(tmpdir(), 'vcfact-html-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TN = ['report', 'fixtures/report/tn-dpyd.vcf', '--tumor-type', 'colorectal cancer', '-q'];

interface Json {
  results: {
    sample: string;
    role: string;
    pgx_from?: string;
    pgx: { sample: string; gene: string; affects_findings?: { sample: string; feature: string; drugs: string[] }[] }[];
    cancer: { feature: string; pgx?: { drug: string; genes: string[]; therapies: string[]; classification: string; pgx_sample: string; calls: { gene: string; phenotype: string }[] }[] }[];
  }[];
  summary: { results: number };
}

describe('report: PGx links across a tumour/normal pair (JSON)', () => {
  const r = vcfact([...TN, '-O', 'json']);
  const doc = JSON.parse(r.stdout) as Json;
  const [normal, tumor] = doc.results;

  it('gives the tumour the normal PGx and links BRAF V600E fluoropyrimidine therapies to DPYD *2A', () => {
    expect(r.status).toBe(0);
    expect(tumor).toMatchObject({ sample: 'TUMOR', role: 'tumor', pgx_from: 'NORMAL' });
    expect(tumor?.pgx.every((p) => p.sample === 'NORMAL')).toBe(true);
    const braf = tumor?.cancer.find((f) => f.feature === 'BRAF V600E');
    expect(braf?.pgx?.map((l) => l.drug)).toEqual(['capecitabine', 'fluorouracil']);
    const cape = braf?.pgx?.[0];
    expect(cape?.therapies).toContain('Bevacizumab + Oxaliplatin + Capecitabine');
    expect(cape).toMatchObject({ genes: ['DPYD'], classification: 'Strong', pgx_sample: 'NORMAL', calls: [{ gene: 'DPYD', phenotype: 'Intermediate Metabolizer' }] });
    expect(braf?.pgx?.[1]?.therapies).toEqual(['Cetuximab + FOLFOX-4 Regimen']);
  });

  it('names the affected finding in the DPYD result of both entries, and counts the PGx once', () => {
    for (const entry of [normal, tumor]) {
      const dpyd = entry?.pgx.find((p) => p.gene === 'DPYD');
      expect(dpyd?.affects_findings).toEqual([{ sample: 'TUMOR', feature: 'BRAF V600E', drugs: ['capecitabine', 'fluorouracil'] }]);
    }
    expect(normal?.cancer).toEqual([]);
    expect(doc.summary.results).toBe((normal?.pgx.length ?? 0) + (tumor?.cancer.length ?? 0));
  });
});

describe('report -O html', () => {
  it('writes one page to stdout for a tumour/normal pair, the bytes of -o FILE', () => {
    const r = vcfact([...TN, '-O', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedPages('tn-dpyd').get('page.html'));
    const byName = join(tmp, 'patient.html');
    expect(vcfact([...TN, '-o', byName]).status).toBe(0);
    expect(readFileSync(byName, 'utf8')).toBe(r.stdout);
  });

  it('refuses several pages without a directory (exit 2) and writes nothing', () => {
    const file = join(tmp, 'two.html');
    const r = vcfact(['report', 'fixtures/demo/demo.vcf.gz', '-O', 'html', '-o', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2 samples make 2 pages; give -o DIR/');
    expect(readdirSync(tmp).filter((f) => f.includes('two'))).toEqual([]);
  });

  it('leaves the directory without pages or temp files when the run fails', () => {
    const dir = join(tmp, 'failed');
    const bad = `${readFileSync(fixture('report', 'script-names.vcf'), 'utf8')}chr7\tnotanumber\t.\tA\tT\t60\tPASS\t.\tGT\t0/1\t0/0\n`;
    const r = vcfact(['report', '-', '--strict', '-O', 'html', '-o', `${dir}/`], { input: bad });
    expect(r.status).toBe(3);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('drops the pages already made when a later one cannot be written', () => {
    const dir = join(tmp, 'half');
    // The second page's name is taken by a directory: the first page was made, and must not stay.
    mkdirSync(join(dir, 'TUMOR_B.html'), { recursive: true });
    const r = vcfact(['report', 'fixtures/demo/demo.vcf.gz', '-q', '-O', 'html', '-o', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is a directory');
    expect(readdirSync(dir)).toEqual(['TUMOR_B.html']);
  });

  it('escapes the script-named sample everywhere and carries a CSP that forbids fetches', () => {
    const pages = expectedPages('script-names');
    const all = [...pages.values()].join('\n');
    expect(all).not.toMatch(/<script|<img/i);
    expect(pages.get('script_alert_1_script_.html')).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(pages.get('img_src_x_onerror_alert_2_amp_.html')).toContain('<h1>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;</h1>');
    for (const [f, page] of [...pages, ...expectedPages('tn-dpyd'), ...expectedPages('demo')]) {
      expect(page, f).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;`);
      expect(page, f).toContain('@media print');
    }
  });
});
