import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';

describe('org validate on the default structure', () => {
  it('finds no errors in the Bishkek structure (in-process)', async () => {
    const r = await runCli(['validate', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(report.summary.units).toBe(18);
    expect(report.summary.functions).toBe(11);
    expect(r.code).toBe(0);
  });

  it('exits 0 as a real process', () => {
    const r = spawnCli(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/18 units and 11 functions/);
  });
});
