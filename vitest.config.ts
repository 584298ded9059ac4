import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The web app's component tests render React (JSX without an import of React).
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
