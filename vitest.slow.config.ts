import { defineConfig } from 'vitest/config';
import { SLOW_SUITES } from './tests/slow.js';

// `npm run test:slow`: the suites `npm test` leaves out for time (tests/slow.ts).
export default defineConfig({
  test: {
    include: SLOW_SUITES,
    setupFiles: ['tests/helpers/strict-messages.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
