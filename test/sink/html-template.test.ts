// The escaping template, page file names and the gene position picture of the HTML report.
import { describe, expect, it } from 'vitest';
import { PageNames } from '../../src/sink/html/files.js';
import { genePositions, geneSvg } from '../../src/sink/html/gene-svg.js';
import { escapeHtml, html, join, raw } from '../../src/sink/html/template.js';
import type { PgxResult } from '../../src/pgx/result.js';

describe('html template', () => {
  it('escapes every interpolated text, in text and in attributes', () => {
    const name = `<script>alert("1")</script> & 'x'`;
    expect(html`<td title="${name}">${name}</td>`.text).toBe(
      '<td title="&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;">&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;x&#39;</td>',
    );
  });
  it('inserts Html as is (no double escaping), lists item by item, nothing for null/undefined/false', () => {
    const inner = html`<b>${'a<b'}</b>`;
    expect(html`<p>${inner}${['<', html`<i>x</i>`]}${null}${undefined}${false}${3}${NaN}</p>`.text).toBe('<p><b>a&lt;b</b>&lt;<i>x</i>3</p>');
    expect(raw('<br>').text).toBe('<br>');
    expect(join(['a&b', html`<i>c</i>`], html`<br>`).text).toBe('a&amp;b<br><i>c</i>');
    expect(join(['<x>', 'y'], ' & ').text).toBe('&lt;x&gt; &amp; y');
  });
  it('escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`&<>"'é/=\``)).toBe('&amp;&lt;&gt;&quot;&#39;é/=`');
  });
});

describe('page file names', () => {
  it('keeps [A-Za-z0-9._-], never starts with a dot, never index, unique without regard to case', () => {
    const n = new PageNames();
    expect(n.name('PATIENT_A')).toBe('PATIENT_A.html');
    expect(n.name('../../etc/passwd')).toBe('etc_passwd.html');
    expect(n.name('index')).toBe('index-2.html');
    expect(n.name('patient_a')).toBe('patient_a-2.html');
    expect(n.name('<script>')).toBe('script_.html');
    expect(n.name('...')).toBe('sample.html');
    expect(n.name('a b')).toBe('a_b.html');
    expect(n.name('a/b')).toBe('a_b-2.html');
  });
});

function result(over: Partial<PgxResult>): PgxResult {
  return {
    sample: 'S', gene: 'DPYD', diplotype: '', labels: [], diplotypes: [], phenotype: null, activity_score: null, lookup_key: '', functions: [],
    missing_sites: [], call_quality: 'complete', source: 'vcf', note: '', candidates: [], evidence: [], recommendations: [], genotype_source: 'germline',
    caveats: [], ...over,
  };
}

describe('gene positions picture', () => {
  it('marks each definition position variant, assayed or not assayed', () => {
    const r = result({
      missing_sites: ['300(rs3) [min-dp]', '400'],
      evidence: [{ pos: 200, rsid: 'rs2', gt: '0/1', alleles: ['C', 'T'], source: 'vcf' }],
    });
    const p = genePositions(r, [400, 100, 200, 300]);
    expect(p.marks.map((m) => [m.pos, m.state])).toEqual([
      [100, 'assayed'],
      [200, 'variant'],
      [300, 'absent'],
      [400, 'absent'],
    ]);
    expect(p.counts).toEqual({ variant: 1, assayed: 1, absent: 2 });
    expect(p.marks[2]?.label).toBe('300(rs3) [min-dp]: not assayed');
    const svg = geneSvg('DPYD', p).text;
    expect(svg.match(/<circle class="(\w+)"/g)).toEqual(['<circle class="assayed"', '<circle class="variant"', '<circle class="absent"', '<circle class="absent"']);
    expect(svg).toContain('aria-label="DPYD: 1 variant, 1 assayed reference, 2 not assayed of 4 definition positions"');
  });
  it('draws nothing for a gene with no known position', () => {
    expect(geneSvg('X', genePositions(result({}), [])).text).toBe('');
  });
});
