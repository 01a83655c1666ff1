import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output so it can print a plain "N passed, N failed" line.
const jsonReport = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The shared intent, injection and promissory models are trained once before the test files start.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: jsonReport ? ['default', 'json'] : ['default'],
    ...(jsonReport ? { outputFile: { json: jsonReport } } : {}),
  },
});
