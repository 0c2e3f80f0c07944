import { defineConfig } from 'tsup';

// The public API, the CLI, and the BGZF inflate worker, which runs as its own file beside the CLI
// (dist/cli/inflate-worker.js; src/io/inflate-pool.ts finds it from the package root).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'cli/main': 'src/cli/main.ts',
    'cli/inflate-worker': 'src/workers/inflate-worker.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: false,
  clean: true,
  sourcemap: false,
  splitting: true,
});
