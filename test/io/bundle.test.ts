// The BGZF workers from a tsup bundle run by plain node (no tsx/vitest loaders), as the built CLI runs.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bgzf, tempDir, vcfText } from './helpers.js';

describe('bundled openInput', () => {
  it('inflates BGZF in workers from the bundle', () => {
    const dir = tempDir();
    execFileSync(
      join(process.cwd(), 'node_modules/.bin/tsup'),
      ['src/io/open.ts', '--no-config', '--format', 'esm', '--platform', 'node', '--target', 'node20', '-d', dir],
      { stdio: 'ignore' },
    );
    const text = vcfText(6_000_000);
    const input = join(dir, 'in.vcf');
    writeFileSync(input, bgzf(text));
    const script = join(dir, 'count.mjs');
    writeFileSync(
      script,
      `import { openInput } from './open.js';
       const src = await openInput(process.argv[2], { threads: 2 });
       let n = 0; for await (const c of src.chunks()) n += c.length;
       console.log(src.format, n);`,
    );
    expect(execFileSync('node', [script, input]).toString().trim()).toBe(`bgzf ${Buffer.byteLength(text)}`);
  });
  it('runs the prefilter plugin in the workers from the bundle (its source text is self-contained)', () => {
    const dir = tempDir();
    const entry = join(dir, 'entry.ts');
    const src = join(process.cwd(), 'src');
    writeFileSync(
      entry,
      `import { openInput, scannable } from ${JSON.stringify(join(src, 'io/open.ts'))};
       import { WORKER_PLUGIN_SOURCE } from ${JSON.stringify(join(src, 'vcf/prefilter.ts'))};
       const input = await openInput(process.argv[2], { threads: 2, batchSize: 100000 });
       const s = scannable(input.chunks());
       const it = s[Symbol.asyncIterator]();
       await it.next();
       s.scanWith(WORKER_PLUGIN_SOURCE, { hasEnd: false, sites: [['1', Int32Array.of(100000), Int32Array.of(100500)]], contigs: [['chr1', '1']] });
       let scanned = 0, candidates = 0;
       for (let r = await it.next(); !r.done; r = await it.next()) {
         if (Buffer.isBuffer(r.value)) continue;
         scanned++;
         candidates += r.value.scanned.events.length;
       }
       console.log(scanned > 0, candidates);`,
    );
    execFileSync(
      join(process.cwd(), 'node_modules/.bin/tsup'),
      [entry, '--no-config', '--format', 'esm', '--platform', 'node', '--target', 'node20', '-d', dir],
      { stdio: 'ignore' },
    );
    const input = join(dir, 'in.vcf');
    const text = vcfText(3_000_000);
    writeFileSync(input, bgzf(text));
    // Candidates: chr1 records at 100000..100500, far past the batches read with the header.
    const want = text.split('\n').filter((l) => /^chr1\t(100[0-4]\d\d|100500)\t/.test(l)).length;
    expect(want).toBeGreaterThan(10);
    expect(execFileSync('node', [join(dir, 'entry.js'), input]).toString().trim()).toBe(`true ${want}`);
  });
});
