/**
 * Recording matches with `org diff --accept`: the edit of one file's `replaces` (only that entry
 * changes, byte for byte everything else stays), and the command on a copy of a golden case: the
 * file written, its permissions kept, the next diff reporting the match as declared, and the
 * refusals (a git revision as the later side, a pair that names nothing).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addReplaces } from '../../src/diff/accept.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'diff');

describe('adding replaces to a file', () => {
  it('puts a new entry where the schema orders it, above the comments of the key that follows', () => {
    const text =
      '# yaml-language-server: $schema=../schemas/unit.schema.json\nid: b\nkind: division   # kept\nname: "B"\nfunctions: {f1: lead}\n# where it comes from\nsource: Decree 5\n';
    const r = addReplaces(text, 'unit', ['a']);
    expect(r).toEqual({
      ok: true,
      added: ['a'],
      text: text.replace('# where it comes from', 'replaces: [a]\n# where it comes from'),
    });
  });

  it('appends at the end when nothing follows it, and keeps CRLF line ends', () => {
    expect(addReplaces('id: b\r\nname: B', 'function', ['a'])).toMatchObject({
      ok: true,
      text: 'id: b\r\nname: B\r\nreplaces: [a]\r\n',
    });
  });

  it('extends a flow list and a block list in place, and leaves ids already there alone', () => {
    expect(addReplaces('id: c\nreplaces: [a]  # old\nname: C\n', 'unit', ['a', 'b'])).toMatchObject({
      ok: true,
      added: ['b'],
      text: 'id: c\nreplaces: [a, b]  # old\nname: C\n',
    });
    expect(addReplaces('id: c\nreplaces:\n  - a\nname: C\n', 'unit', ['b'])).toMatchObject({
      ok: true,
      text: 'id: c\nreplaces:\n  - a\n  - b\nname: C\n',
    });
    const same = 'id: c\nreplaces: [a]\n';
    expect(addReplaces(same, 'unit', ['a'])).toEqual({ ok: true, text: same, added: [] });
  });

  it('refuses a file that does not parse, or whose replaces is not a list it can extend', () => {
    expect(addReplaces('id: [b\n', 'unit', ['a'])).toEqual({ ok: false, reason: 'parse' });
    expect(addReplaces('{id: b, name: B}\n', 'unit', ['a'])).toEqual({ ok: false, reason: 'shape' });
    expect(addReplaces('id: b\nreplaces: a\n', 'unit', ['c'])).toEqual({ ok: false, reason: 'shape' });
  });
});

function copyCase(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'org-accept-'));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe('org diff --accept', () => {
  it('writes every inferred match into the later files, keeping their mode, and then reports them as declared', async () => {
    const dir = copyCase('partial-rename');
    const file = join(dir, 'after', 'units', 'transport.yaml');
    chmodSync(file, 0o640);
    const r = await runCli(['diff', 'before', 'after', '--accept'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('Recorded in after/units/transport.yaml: replaces roads\n');
    expectGolden(join(FIXTURES, 'partial-rename', 'expected.accepted.yaml'), readFileSync(file, 'utf8'));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(r.stdout).toContain('new id: Roads Department [roads] → Transport Department [transport]');
    expect(r.stdout).not.toContain('inferred');
    const again = await runCli(['diff', 'before', 'after', '--format', 'json'], { cwd: dir });
    const replaced = (JSON.parse(again.stdout) as { changes: Array<Record<string, unknown>> }).changes.filter(
      (c) => c.type === 'unit-replaced',
    );
    expect(replaced).toEqual([
      {
        type: 'unit-replaced',
        kind: 'rename-id',
        from: ['roads'],
        to: ['transport'],
        headcount: { from: null, to: null },
      },
    ]);
    // Accepting again has nothing left to do.
    const third = await runCli(['diff', 'before', 'after', '--accept'], { cwd: dir });
    expect(third.stderr).toMatch(/^Nothing to record/);
  });

  it('records a pair chosen from the review list, for functions as for units', async () => {
    const dir = copyCase('review-ambiguous');
    const r = await runCli(
      [
        'diff',
        'before',
        'after',
        '--format',
        'json',
        '--accept',
        'deputy-economy=deputy-economy-finance',
        'culture-pr=venues-pr',
        'sport-pr=venues-pr',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'after', 'units', 'deputy-economy-finance.yaml'), 'utf8')).toContain(
      'replaces: [deputy-economy]\n',
    );
    expect(readFileSync(join(dir, 'after', 'functions', 'venues-pr.yaml'), 'utf8')).toContain(
      'replaces: [culture-pr, sport-pr]\n',
    );
    const out = JSON.parse(r.stdout) as { changes: Array<Record<string, unknown>>; review: unknown[] };
    expect(out.review).toEqual([]);
    expect(out.changes.filter((c) => c.type === 'function-replaced')).toEqual([
      {
        type: 'function-replaced',
        kind: 'reworded',
        from: ['culture-pr', 'sport-pr'],
        to: ['venues-pr'],
        lead: { from: ['culture'], to: ['culture'] },
      },
    ]);
  });

  it('refuses a pair that names no unit or function of the two sides, writing nothing', async () => {
    const dir = copyCase('review-ambiguous');
    const before = readFileSync(join(dir, 'after', 'units', 'deputy-economy-finance.yaml'), 'utf8');
    const r = await runCli(
      ['diff', 'before', 'after', '--accept', 'deputy-economy=deputy-economy-finance', 'nothing=venues-pr'],
      { cwd: dir },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"nothing=venues-pr" is not a match to record');
    expect(readFileSync(join(dir, 'after', 'units', 'deputy-economy-finance.yaml'), 'utf8')).toBe(before);
  });

  it.skipIf(spawnSync('git', ['--version']).status !== 0)('refuses when the later side is a git revision', async () => {
    const dir = copyCase('partial-rename');
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'both sides');
    const r = await runCli(['diff', 'before', 'HEAD:after', '--accept'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot record matches in HEAD:after: it is a git revision');
    expect(readFileSync(join(dir, 'after', 'units', 'transport.yaml'), 'utf8')).not.toContain('replaces');
  });
});
