// The projection summary reads results with: only the named members, at the right depth, whatever
// the strings hold; and over real outputs the same figures as parsing every result whole.
import { spawn, spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { project, projection } from '../../src/commands/output-project.js';
import { BIN, vcfact, vcfactAsync } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'vcfact-project-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Projects one object written as vcfact writes a result (4 spaces in, members at 6). */
function viaLayout(value: object, p: ReturnType<typeof projection>): object {
  const text = `    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}\n`;
  const buf = Buffer.from(text);
  const close = text.lastIndexOf('}');
  return project(buf, text.indexOf('\n') + 1, close - 4, 6, p);
}

describe('projection of a result in vcfact layout', () => {
  const REC = projection(['drug', 'classification']);
  const P = projection(['gene', 'phenotype', 'score', 'drug'], [['recommendations', REC]]);

  it('reads the named members and no others, nested names not taken for the outer ones', () => {
    const value = {
      note: 'a "gene": "X" line\n    }\n  ],',
      evidence: [{ gene: 'NOT', drug: 'NOT', alleles: ['A', ']', '}'] }, { nested: { gene: 'NOT' } }],
      gene: 'CYP2C19 ]}',
      'we\\"ird': { drug: 'NOT' },
      phenotype: null,
      score: 1.5,
      recommendations: [{ drug: 'clopidogrel', genes: ['A'], lookup_key: { drug: 'NOT' }, classification: 'Strong' }, { drug: 'x\u00e9\u2264' }, {}],
      tail: [],
    };
    expect(viaLayout(value, P)).toEqual({
      gene: 'CYP2C19 ]}',
      phenotype: null,
      score: 1.5,
      recommendations: [{ drug: 'clopidogrel', classification: 'Strong' }, { drug: 'x\u00e9\u2264' }, {}],
    });
  });

  it('an empty or absent array, and an array of other values', () => {
    expect(viaLayout({ gene: 'G', recommendations: [] }, P)).toEqual({ gene: 'G', recommendations: [] });
    expect(viaLayout({ gene: 'G' }, P)).toEqual({ gene: 'G' });
    expect(viaLayout({ recommendations: ['a', ['b', { c: 1 }], 2] }, P)).toEqual({ recommendations: ['a', ['b', { c: 1 }], 2] });
  });
});

describe('summary reads every layout the same', () => {
  for (const command of ['pgx', 'annotate', 'report']) {
    it(`${command}: JSON as written, NDJSON and a re-indented document give the same figures`, async () => {
      const json = join(scratch, `${command}.json`);
      const ndjson = join(scratch, `${command}.ndjson`);
      await vcfactAsync([command, 'fixtures/demo/demo.vcf.gz', '-q', '-o', json]);
      await vcfactAsync([command, 'fixtures/demo/demo.vcf.gz', '-q', '-o', ndjson]);
      // Parsed whole: the layout differs from vcfact's, so no projection is used.
      const reindented = join(scratch, `${command}.reindented.json`);
      writeFileSync(reindented, JSON.stringify(JSON.parse(readFileSync(json, 'utf8')), null, 1));
      const figures = vcfact(['summary', reindented, '-O', 'json']);
      expect(figures.status).toBe(0);
      const s = JSON.parse(figures.stdout);
      expect(s.genes.length + s.biomarkers.length).toBeGreaterThan(0);
      expect(vcfact(['summary', json, '-O', 'json']).stdout).toBe(figures.stdout);
      expect(vcfact(['summary', ndjson, '-O', 'json']).stdout).toBe(figures.stdout);
    });
  }
});

describe('summary from a pipe', () => {
  it('reads results that arrive in pieces cut anywhere', async () => {
    const json = join(scratch, 'piped.json');
    await vcfactAsync(['pgx', 'fixtures/demo/demo.vcf.gz', '-q', '-o', json]);
    const whole = vcfact(['summary', json, '-O', 'json']).stdout;
    const fifo = join(scratch, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const child = spawn(process.execPath, [BIN, 'summary', fifo, '-O', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const done = new Promise<number | null>((res) => child.on('close', res));
    const writer = await open(fifo, 'w');
    const text = readFileSync(json, 'utf8');
    // Pieces cut after each result's closing brace (before its line break) and every 997 bytes, with a
    // pause between, so the reader sees blocks and lines cut short.
    const cuts = new Set<number>([text.length]);
    for (let i = text.indexOf('\n    }'); i !== -1; i = text.indexOf('\n    }', i + 1)) cuts.add(i + 6);
    for (let i = 997; i < text.length; i += 997) cuts.add(i);
    let from = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      await writer.write(text.slice(from, cut));
      from = cut;
      await new Promise((r) => setTimeout(r, 2));
    }
    await writer.close();
    expect(await done).toBe(0);
    expect(out).toBe(whole);
  });
});
