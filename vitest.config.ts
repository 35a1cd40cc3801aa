import { defineConfig } from 'vitest/config';
import { SLOW_SUITES } from './tests/slow.js';

// `npm test`: everything but the slow suites, which `npm run test:slow` runs (vitest.slow.config.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...SLOW_SUITES],
    setupFiles: ['tests/helpers/strict-messages.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share each worker's modules instead of loading the whole program again per file
    // (about 90 s → 35 s on two cores). Tests therefore never replace a module (no vi.mock): a
    // seam such as StructureDocuments' locator factory is passed in instead.
    isolate: false,
  },
});
