// Sample names are bytes: two names that differ only in invalid UTF-8 stay two samples (not two
// U+FFFD duplicates), and TSV writes the original bytes back.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, fixture } from '../helpers/cli.js';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

describe('sample names with invalid UTF-8', () => {
  it('keeps S\\xff and S\\xfe apart and writes their bytes back', () => {
    const text = gunzipSync(readFileSync(fixture('demo', 'demo.vcf.gz')));
    const i = text.indexOf('\tPATIENT_A\tTUMOR_B\n');
    const vcf = Buffer.concat([text.subarray(0, i), Buffer.from([0x09, 0x53, 0xff, 0x09, 0x53, 0xfe, 0x0a]), text.subarray(i + '\tPATIENT_A\tTUMOR_B\n'.length)]);
    const r = spawnSync(process.execPath, [BIN, 'annotate', '-', '-q'], { input: vcf });
    expect(r.status).toBe(0);
    const samples = new Set(r.stdout.toString('latin1').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')[0]));
    expect(samples).toEqual(new Set(['S\xff', 'S\xfe']));
  });
});
