// `vcfact pgx` through the commander program, writing to temp files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { registerPgx } from '../../src/cli/pgx.js';
import { CONF } from './helpers.js';

const EX = join(CONF, 'examples');
const tmp = mkdtempSync(join(tmpdir(), 'vcfact-pgx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function pgx(...args: string[]): Promise<number> {
  const program = buildProgram();
  if (!program.commands.some((c) => c.name() === 'pgx')) registerPgx(program);
  process.exitCode = 0;
  await program.parseAsync(['node', 'vcfact', 'pgx', '-q', ...args]);
  return Number(process.exitCode ?? 0);
}

afterEach(() => {
  process.exitCode = 0;
});

describe('vcfact pgx', () => {
  it('writes one TSV row per sample × gene with the documented columns', async () => {
    const out = join(tmp, 'ex.tsv');
    expect(await pgx(join(EX, 'pharmcat.example.vcf'), '--outside-calls', join(EX, 'pharmcat.example.outsideCall.tsv'), '-o', out)).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]?.split('\t').slice(0, 9)).toEqual(['sample', 'gene', 'diplotype', 'diplotypes', 'phenotype', 'activity_score', 'missing_positions', 'policy_no_calls', 'call_quality']);
    const cyp2d6 = lines.find((l) => l.split('\t')[1] === 'CYP2D6')?.split('\t');
    expect(cyp2d6?.slice(2, 6)).toEqual(['*1/*3', '*1/*3', 'Intermediate Metabolizer', '1.0']);
    expect(lines.length).toBe(1 + 22);
  });

  it('JSON results carry diplotypes, missing sites, evidence and recommendations', async () => {
    const out = join(tmp, 'ex2.json');
    expect(await pgx(join(EX, 'pharmcat.example2.vcf'), '-o', out)).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8')) as { results: Record<string, unknown>[] };
    const c19 = doc.results.find((r) => r.gene === 'CYP2C19') as Record<string, unknown>;
    expect(c19.diplotypes).toEqual(['*2/*2']);
    expect(Array.isArray(c19.missing_sites)).toBe(true);
    expect((c19.evidence as { pos: number; gt: string }[]).map((e) => e.pos)).toContain(94781859);
    expect((c19.recommendations as { drug: string }[]).some((r) => r.drug === 'clopidogrel')).toBe(true);
  });

  it('--by-drug writes drug-centred rows', async () => {
    const out = join(tmp, 'drugs.tsv');
    expect(await pgx(join(EX, 'pharmcat.example2.vcf'), '--by-drug', '-o', out)).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('sample\tdrug\tgenes\tphenotypes\tcall_quality\tclassification\trecommendation\tpopulation\tlookup_key\tcandidate\tguideline\tsource');
    // The call quality of the genes behind each recommendation travels with it.
    expect(lines.some((l) => /\tclopidogrel\tCYP2C19\tCYP2C19: Poor Metabolizer\tCYP2C19: [a-z-]+\t/.test(l))).toBe(true);
  });

  it('a bad outside-call row is a warning (the run goes on) and fatal under --strict', async () => {
    const oc = join(tmp, 'bad-oc.tsv');
    writeFileSync(oc, 'CYP2D6\t*1/*3\nNOTAGENE\t*1/*1\n');
    const out = join(tmp, 'bad.tsv');
    expect(await pgx(join(EX, 'pharmcat.example.vcf'), '--outside-calls', oc, '-o', out)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('\tCYP2D6\t*1/*3\t');
    expect(await pgx(join(EX, 'pharmcat.example.vcf'), '--outside-calls', oc, '--strict', '-o', join(tmp, 'strict.tsv'))).toBe(3);
  });

  it('--missing-as-ref results say so', async () => {
    const out = join(tmp, 'mar.tsv');
    expect(await pgx(join(CONF, 'vcf', 'PipelineTest__testCyp3a5Missing3Message.vcf'), '--missing-as-ref', '-o', out)).toBe(0);
    const row = readFileSync(out, 'utf8').split('\n').find((l) => l.split('\t')[1] === 'CYP3A5')?.split('\t');
    expect(row?.[8]).toBe('missing-as-ref');
  });
});
