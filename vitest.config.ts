import { defineConfig } from 'vitest/config';

// Three kinds of tests (DESIGN.md "Tests"): pure rules, HTTP against a real database, and Chromium.
// Each integration file gets its own database (see test/helpers/database.ts), so files run in parallel.
export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
