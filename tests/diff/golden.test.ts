/**
 * Golden cases of `org diff`: one folder per case under tests/fixtures/diff with `before/` and
 * `after/` structures and the expected text (colour off), Markdown and JSON; an `args.json` adds
 * options to every run of its case. Regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run tests/diff` and read the result before committing it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'diff');
const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'before')))
  .map((d) => d.name)
  .sort();

const formats = [
  ['text', 'expected.txt'],
  ['markdown', 'expected.md'],
  ['json', 'expected.json'],
] as const;

describe.each(cases)('org diff golden case %s', (name) => {
  const dir = join(FIXTURES, name);
  const argsFile = join(dir, 'args.json');
  const extra = existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : [];

  it.each(formats)('as %s', async (format, golden) => {
    const r = await runCli(['diff', 'before', 'after', '--format', format, ...extra], { cwd: dir });
    expect(r.code).toBe(0);
    expectGolden(join(dir, golden), r.stdout);
    // Errors of the sides go to standard error only in text; elsewhere they are in the output.
    if (format === 'text') {
      const stderrFile = join(dir, 'expected.stderr.txt');
      if (r.stderr !== '' || existsSync(stderrFile)) expectGolden(stderrFile, r.stderr);
    } else expect(r.stderr).toBe('');
  });

  it('exits 1 with --exit-code exactly when there are changes', async () => {
    const r = await runCli(['diff', 'before', 'after', '--format', 'json', '--exit-code'], { cwd: dir });
    const report = JSON.parse(r.stdout) as { changes: unknown[] };
    expect(r.code).toBe(report.changes.length > 0 ? 1 : 0);
    expect(report.changes.length === 0).toBe(name === 'no-change');
  });
});
