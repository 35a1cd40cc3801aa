/**
 * Every option is checked before any work: a mistyped option on a broken structure is the one
 * line that reports it (exit code 2), with nothing from the structure, which was never read. The
 * structure here would give errors of its own — a YAML syntax error, a unit with a missing parent —
 * on stdout (validate) or as "the structure has errors" on stderr (every other command), so a
 * check made after loading shows up as a second line or as output.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import { runCli } from '../helpers/cli.js';

const t = translator('en');
let broken: string;

beforeAll(() => {
  broken = mkdtempSync(join(tmpdir(), 'org-options-first-'));
  writeFileSync(join(broken, 'organization.yaml'), 'name: Broken\nkinds: [unclosed\n');
  mkdirSync(join(broken, 'units'));
  writeFileSync(join(broken, 'units', 'a.yaml'), 'id: a\nname: A\nparent: nowhere\n');
  writeFileSync(join(broken, 'units', 'b.yaml'), 'id: b\nname: [B\n');
});

/** Runs `args` (with {dir} replaced by the broken structure) and expects only `message`. */
async function onlyTheOptionError(args: string[], message: string): Promise<void> {
  const r = await runCli(args.map((a) => (a === '{dir}' ? broken : a)));
  expect(r.stderr).toBe(`org: ${message}\n`);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('a bad option is reported before the structure is read', () => {
  it('validate', async () => {
    await onlyTheOptionError(
      ['validate', '{dir}', '--format', 'nope'],
      t('bad-format', { format: 'nope', formats: 'stylish, json, github, sarif, codequality, junit' }),
    );
    await onlyTheOptionError(
      ['validate', '{dir}', '--max-warnings', 'many'],
      t('bad-number', { option: '--max-warnings', value: 'many' }),
    );
  });

  it('diff', async () => {
    await onlyTheOptionError(
      ['diff', '{dir}', '{dir}', '--max-length', 'long'],
      t('bad-number', { option: '--max-length', value: 'long' }),
    );
    const r = await runCli(['diff', broken, broken, '--format', 'nope']);
    expect(r.stderr).toMatch(/^org: Unknown format "nope"; choose one of: [^\n]+\n$/);
    expect(r.code).toBe(2);
  });

  it('log', async () => {
    await onlyTheOptionError(
      ['log', 'HEAD', '{dir}', '--max-count', '0'],
      t('bad-number', { option: '--max-count', value: '0' }),
    );
    await onlyTheOptionError(
      ['log', 'HEAD', '{dir}', '--format', 'nope'],
      t('bad-format', { format: 'nope', formats: 'text, markdown, json' }),
    );
  });

  it('render chart and render diff: engine, page, scale, direction, depth', async () => {
    for (const command of [
      ['render', 'chart', '{dir}'],
      ['render', 'diff', '{dir}', '{dir}'],
    ]) {
      await onlyTheOptionError([...command, '--engine', 'gv'], t('chart-bad-engine', { value: 'gv' }));
      await onlyTheOptionError([...command, '-o', 'x.pdf', '--page', 'B9'], t('chart-bad-page', { value: 'B9' }));
      await onlyTheOptionError([...command, '-o', 'x.pptx', '--page', 'B9'], t('chart-pptx-bad-page', { value: 'B9' }));
      await onlyTheOptionError([...command, '-o', 'x.png', '--scale', '0'], t('chart-bad-scale', { value: '0' }));
      await onlyTheOptionError([...command, '--direction', 'up'], t('chart-bad-direction', { value: 'up' }));
      await onlyTheOptionError([...command, '--depth', 'deep'], t('bad-number', { option: '--depth', value: 'deep' }));
    }
  });

  it('render matrix: format, page, group, width', async () => {
    await onlyTheOptionError(
      ['render', 'matrix', '{dir}', '--format', 'pdf', '-o', 'm.pdf', '--page', 'B9'],
      t('bad-format', { format: 'B9', formats: 'A4, A3, A2, fit' }),
    );
    await onlyTheOptionError(
      ['render', 'matrix', '{dir}', '--group-by', 'colour'],
      t('matrix-bad-group-by', { value: 'colour' }),
    );
    await onlyTheOptionError(
      ['render', 'matrix', '{dir}', '--width', 'wide'],
      t('bad-number', { option: '--width', value: 'wide' }),
    );
  });

  it('tree, show and stats', async () => {
    await onlyTheOptionError(['tree', '{dir}', '--depth', 'x'], t('bad-number', { option: '--depth', value: 'x' }));
    await onlyTheOptionError(['tree', '{dir}', '--width', 'x'], t('bad-number', { option: '--width', value: 'x' }));
    await onlyTheOptionError(
      ['show', 'a', '{dir}', '--format', 'nope'],
      t('bad-format', { format: 'nope', formats: 'text, json' }),
    );
    await onlyTheOptionError(
      ['stats', '{dir}', '--format', 'nope'],
      t('bad-format', { format: 'nope', formats: 'text, json' }),
    );
  });

  it('export', async () => {
    await onlyTheOptionError(['export', '{dir}', '--separator', '|'], t('export-bad-separator', { value: '|' }));
    await onlyTheOptionError(
      ['export', '{dir}', '--format', 'mermaid', '--direction', 'up'],
      t('export-bad-direction', { value: 'up' }),
    );
  });
});
