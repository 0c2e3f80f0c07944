import { defineConfig } from 'tsup';

// The public API, the CLI, and the BGZF inflate and deflate workers, which run as their own files
// beside the CLI (dist/cli/inflate-worker.js, dist/cli/deflate-worker.js; src/io/worker-path.ts
// finds them from the package root).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'cli/main': 'src/cli/main.ts',
    'cli/inflate-worker': 'src/workers/inflate-worker.ts',
    'cli/deflate-worker': 'src/workers/deflate-worker.ts',
  },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: false,
  clean: true,
  sourcemap: false,
  splitting: true,
});
