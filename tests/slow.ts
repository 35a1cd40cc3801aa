/**
 * The suites that spend seconds in child processes, signals, LibreOffice or large generated
 * structures. `npm test` leaves them out to stay within two minutes on a 2-core machine; `npm run
 * test:slow` runs them, and CI (.ci/run) runs both.
 */
export const SLOW_SUITES = [
  'tests/cli/interrupt.test.ts',
  'tests/hostile/scale.test.ts',
  'tests/output/chart-pictures.test.ts',
  'tests/render/chart/fonts-cli.test.ts',
  'tests/cli/ci-templates.test.ts',
  'tests/import/roundtrip.test.ts',
  'tests/cli/writes.test.ts',
];
