import { defineConfig } from 'tsup';

// Two entries: the public API / CLI and the BGZF inflate worker, which is loaded by path at run time.
export default defineConfig({
  entry: ['src/index.ts', 'src/cli/main.ts', 'src/io/inflate-worker.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: false,
  clean: true,
  sourcemap: false,
  splitting: true,
});
