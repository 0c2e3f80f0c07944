import { defineConfig } from 'tsup';

// Two entries: the public API and the CLI. (The BGZF inflate worker runs from source text: src/io/inflate-worker.ts.)
export default defineConfig({
  entry: ['src/index.ts', 'src/cli/main.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: false,
  clean: true,
  sourcemap: false,
  splitting: true,
});
