// Checks an annotated VCF (annotate -O vcf) against its input: header lines kept in order, every
// data line byte for byte once the VCFACT_* INFO keys are taken out, and the entries read back.
import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { fixture } from './cli.js';

/** Every VCF fixture the pass-through is checked on (plain, gzip/BGZF, indexed, dialects). */
export function vcfFixtures(): string[] {
  const dir = (d: string, ext = /\.vcf(\.gz)?$/) => readdirSync(fixture(...d.split('/'))).filter((f) => ext.test(f)).sort().map((f) => fixture(...d.split('/'), f));
  return [fixture('demo', 'demo.vcf.gz'), ...dir('cancer'), fixture('pgx', 'multi-sample.vcf'), ...dir('pgx/germline'), ...dir('pgx/getrm'), ...dir('vcf')];
}

/** A file's text as latin1 (one byte, one character), gzip and BGZF inflated. */
export function textOf(bytes: Buffer): string {
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('latin1');
}

export interface VcfEntry {
  tag: string;
  allele: number;
  gene: string;
  feature: string;
  match: string;
  grade: string;
}

/** The INFO column (8th) of a data line, a trailing CR of a sites-only line left out. */
function infoOf(line: string): string {
  return (line.split('\t')[7] ?? '').replace(/\r$/, '');
}

/** The entries of a line's VCFACT_* keys, decoded. */
export function entriesOf(line: string): VcfEntry[] {
  return infoOf(line)
    .split(';')
    .filter((kv) => kv.startsWith('VCFACT_'))
    .flatMap((kv) => {
      const [tag, value] = kv.split('=') as [string, string];
      return value.split(',').map((e) => {
        const [allele, gene, feature, match, grade] = e.split('|').map(decodeURIComponent) as string[];
        return { tag, allele: Number(allele), gene: gene!, feature: feature!, match: match!, grade: grade! };
      });
    });
}

/** The line with VCFACT_* keys taken out of INFO ('.' when nothing else was there). */
function stripped(line: string): string {
  const cols = line.split('\t');
  const cr = cols.length === 8 && line.endsWith('\r') ? '\r' : '';
  const kept = infoOf(line).split(';').filter((kv) => !kv.startsWith('VCFACT_'));
  cols[7] = (kept.join(';') || '.') + cr;
  return cols.join('\t');
}

function dataLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.filter((l) => !l.startsWith('##') && !l.startsWith('#CHROM'));
}

/**
 * The output is the input with tags: its header is the input's '##' lines, then the vcfact lines,
 * then #CHROM; its data lines are the input's (those `keep` selects), each untouched or differing
 * only by VCFACT_* keys in INFO. Returns the output's entries per data line.
 */
export function checkPassThrough(input: string, output: string, keep: (line: string) => boolean = () => true): VcfEntry[][] {
  const inLines = input.split('\n');
  const outLines = output.split('\n');
  const inMeta = inLines.filter((l) => l.startsWith('##')).map((l) => l.replace(/\r$/, ''));
  const outMeta = outLines.filter((l) => l.startsWith('##'));
  expect(outMeta.slice(0, inMeta.length)).toEqual(inMeta);
  expect(outMeta.slice(inMeta.length).every((l) => /^##(INFO=<ID=VCFACT_|vcfact_)/.test(l))).toBe(true);
  expect(outLines.find((l) => l.startsWith('#CHROM'))).toBe(inLines.find((l) => l.startsWith('#CHROM'))?.replace(/\r$/, ''));
  const want = dataLines(input).filter(keep);
  const got = dataLines(output);
  expect(got.length).toBe(want.length);
  got.forEach((line, i) => {
    const orig = want[i] as string;
    if (line === orig) return;
    // Only a tagged line may differ, and only by its tags (an empty INFO of the input reads as '.').
    expect(entriesOf(line).length, `line ${i + 1} changed without tags`).toBeGreaterThan(0);
    const origInfo = infoOf(orig) === '' ? stripped(orig) : orig;
    expect(stripped(line)).toBe(origInfo);
  });
  // The text ends as the input did (with or without a final newline).
  if (want.length > 0) expect(output.endsWith('\n')).toBe(input.endsWith('\n'));
  return got.map(entriesOf);
}
