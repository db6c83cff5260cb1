import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Native addons (better-sqlite3, hnswlib) and pdf.js workers are happiest in forked processes.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { DOTENV_CONFIG_QUIET: 'true' },
  },
});
