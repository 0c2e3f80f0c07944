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
});
