// Differential test: splitRecord against `bcftools norm -m-` on every fixtures/vcf/*.vcf —
// CHROM, POS, REF, ALT, every INFO field, and every per-allele FORMAT field per sample. GT is
// compared under the documented mapping: bcftools writes this ALT as 1 and every other ALT as 0;
// we keep original indices, so we map ours the same way before comparing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitRecord } from '../../src/normalize/split.js';
import type { Call } from '../../src/types.js';
import { readAll } from '../vcf/helpers.js';


const dir = fileURLToPath(new URL('../../fixtures/vcf/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.vcf'));

/** Comparable form of one value: '.'/''/undefined → null, numbers to 6 significant digits. */
function norm(x: unknown): unknown {
  if (x === undefined || x === null || x === '.' || x === '') return null;
  if (x === true) return true;
  const n = typeof x === 'number' ? x : Number(x);
  return Number.isFinite(n) && String(x).trim() !== '' ? Number(n.toPrecision(6)) : x;
}
const normList = (v: unknown): unknown => (Array.isArray(v) ? v.map(norm) : norm(v));
const parseList = (s: string): unknown => (s === '.' || s === '' ? null : s.split(',').map(norm));
const cmp = (v: unknown) => {
  const n = normList(v);
  return Array.isArray(n) && n.every((x) => x === null) ? null : n;
};

function gtAsBcftools(call: Call, altIndex: number): string {
  const al = call.rawAlleles ?? call.alleles;
  return al.map((a) => (a === null ? '.' : a === altIndex ? '1' : '0')).join(call.phased ? '|' : '/');
}

describe('splitRecord matches bcftools norm -m-', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const f of files) {
    it(f, async () => {
      const path = dir + f;
      const out = execFileSync('bcftools', ['norm', '-m-', path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const rows = out.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => l.split('\t'));
      const { records, reader } = await readAll(readFileSync(path), { keepFields: true, file: f });
      const header = reader.header;
      const ours = records.flatMap((r) => (r.alts.length === 0 ? [] : splitRecord(r, header)));
      expect(ours.length).toBe(rows.filter((r) => r[4] !== '.').length);
      const perAllele = new Set([...header.format.values()].filter((d) => ['A', 'R', 'G'].includes(d.number)).map((d) => d.id));
      ours.forEach((sv, k) => {
        const row = rows[k] as string[];
        const label = `${f} row ${k + 1}`;
        expect([sv.record.chrom, String(sv.pos), sv.ref, sv.alt], label).toEqual(row.slice(0, 2).concat(row.slice(3, 5)));
        const theirInfo = new Map<string, unknown>();
        if (row[7] !== '.') {
          for (const kv of (row[7] as string).split(';')) {
            const eq = kv.indexOf('=');
            theirInfo.set(eq < 0 ? kv : kv.slice(0, eq), eq < 0 ? true : parseList(kv.slice(eq + 1)));
          }
        }
        expect(Object.keys(sv.info ?? {}).sort(), `${label} INFO keys`).toEqual([...theirInfo.keys()].sort());
        for (const [key, v] of theirInfo) expect(cmp(sv.info?.[key]), `${label} INFO ${key}`).toEqual(cmp(v));
        const fmt = (row[8] ?? '').split(':');
        sv.record.calls.forEach((call, s) => {
          const vals = (row[9 + s] as string).split(':');
          fmt.forEach((key, j) => {
            const theirs = vals[j] ?? '.';
            if (key === 'GT') expect(gtAsBcftools(call, sv.altIndex), `${label} sample ${s + 1} GT`).toBe(theirs);
            else if (perAllele.has(key)) {
              expect(cmp(sv.sampleFields?.[s]?.[key]), `${label} sample ${s + 1} ${key}`).toEqual(cmp(parseList(theirs)));
            }
          });
        });
      });
    });
  }
});
