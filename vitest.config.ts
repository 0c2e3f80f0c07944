import { defineConfig } from 'vitest/config';

// `npm test` runs what a user's clone can run. test/ci/ needs ../shared and Debian tools
// (bcftools, tabix); .ci/run adds it with VCFACT_CI=1.
const ci = process.env.VCFACT_CI === '1';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ci ? ['node_modules/**'] : ['node_modules/**', 'test/ci/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A private TMPDIR per run; a vcfact-* entry left in it fails the run (test/helpers/tmp-check.ts).
    globalSetup: ['test/helpers/tmp-check.ts'],
    // Turn the event loop after each test (see the file: spawnSync-heavy files starve vitest's RPC).
    setupFiles: ['test/helpers/yield-between-tests.ts'],
  },
});
