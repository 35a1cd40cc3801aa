/**
 * `org diff` against git revisions, with the real `git` in temporary repositories: two commits,
 * run from a subfolder; `REV:path`; and revisions that git could take for options, which must be
 * refused before git is ever run (a logging wrapper around git proves it is not called).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'diff');
const hasGit = spawnSync('git', ['--version']).status === 0;

function git(repo: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Replaces `repo/dir` with a copy of a fixture side. */
function place(repo: string, dir: string, fixture: string): void {
  rmSync(join(repo, dir), { recursive: true, force: true });
  cpSync(join(FIXTURES, fixture), join(repo, dir), { recursive: true });
}

interface Changes {
  changes: Array<Record<string, unknown>>;
  from: { label: string; source: { type: string; revision?: string; commit?: string; path: string } };
  to: { label: string; source: { type: string; path: string } };
}

describe.skipIf(!hasGit)('org diff with git revisions', () => {
  let repo: string;
  let merge: Changes['changes'];

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'org-diff-git-'));
    git(repo, 'init', '-q');
    place(repo, 'structure', 'merge/before');
    mkdirSync(join(repo, 'docs', 'notes'), { recursive: true });
    writeFileSync(join(repo, 'docs', 'notes', 'README.md'), 'notes\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'before');
    place(repo, 'structure', 'merge/after');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'after');
    merge = (JSON.parse(readFileSync(join(FIXTURES, 'merge', 'expected.json'), 'utf8')) as Changes).changes;
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('org diff HEAD~1 from a subfolder compares the last commit with the working tree', async () => {
    const r = await runCli(['diff', 'HEAD~1', '--format', 'json'], { cwd: join(repo, 'docs', 'notes') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Changes;
    expect(report.changes).toEqual(merge);
    expect(report.from.label).toBe('HEAD~1:structure');
    expect(report.from.source).toEqual({
      type: 'git',
      revision: 'HEAD~1',
      commit: git(repo, 'rev-parse', 'HEAD~1').trim(),
      path: 'structure',
    });
    expect(report.to.source.type).toBe('directory');
  });

  it('org diff HEAD~1 HEAD reads both sides from git, as a real process', () => {
    const r = spawnCli(['diff', 'HEAD~1', 'HEAD', '--exit-code'], { cwd: join(repo, 'docs') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Comparing HEAD~1:structure with HEAD:structure\n/);
    expect(r.stdout).toContain(
      'merged: Bridges Sector [bridges-sector] + Roads Sector [roads-sector] → Infrastructure Division [infrastructure-division]',
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Reorganisation: 2 units merged, 2 functions transferred, headcount 18 → 17',
    );
  });

  it('reads another path at a revision with REV:path, and a side that is a directory stays a directory', async () => {
    const copy = join(repo, 'copies', 'old');
    place(repo, 'copies/old', 'merge/before');
    try {
      const r = await runCli(['diff', 'copies/old', 'HEAD:structure', '--format', 'json'], { cwd: repo });
      const report = JSON.parse(r.stdout) as Changes;
      expect(report.changes).toEqual(merge);
      expect(report.from.source).toEqual({ type: 'directory', path: 'copies/old' });
      expect(report.to.label).toBe('HEAD:structure');
      expect(existsSync(copy)).toBe(true);
    } finally {
      rmSync(join(repo, 'copies'), { recursive: true, force: true });
    }
  });

  it('reads REV:./path and REV:../path from the working directory, as git does', async () => {
    const r = await runCli(['diff', 'HEAD~1:../structure', 'HEAD:./', '--format', 'json'], { cwd: join(repo, 'docs') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'org: There is no organization.yaml in docs at revision HEAD: it is not a structure directory there.\n',
    );
    const ok = await runCli(['diff', 'HEAD~1:../structure', 'HEAD:../structure', '--format', 'json'], {
      cwd: join(repo, 'docs'),
    });
    expect((JSON.parse(ok.stdout) as Changes).changes).toEqual(merge);
  });

  it('reports no changes between a commit and itself', async () => {
    const r = await runCli(['diff', 'HEAD', 'HEAD', '--exit-code'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes');
  });

  it('says in one line when a revision is unknown or the path is absent there', async () => {
    const unknown = await runCli(['diff', 'no-such-branch'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('org: "no-such-branch" is neither a directory nor a revision known to git.\n');
    const absent = await runCli(['diff', 'HEAD:nowhere'], { cwd: repo });
    expect(absent.code).toBe(2);
    expect(absent.stderr).toBe('org: There is no nowhere at revision HEAD.\n');
  });

  it('outside a repository, a side that is not a directory cannot be read', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'org-diff-nogit-'));
    try {
      const r = await runCli(['diff', 'main', join(FIXTURES, 'merge', 'after')], {
        cwd: outside,
        env: { GIT_CEILING_DIRECTORIES: tmpdir() },
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^org: "main" is not a directory, and .* is not inside a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  describe('revisions that git could take for options', () => {
    let bin: string;
    let log: string;
    beforeAll(() => {
      bin = mkdtempSync(join(tmpdir(), 'org-fake-git-'));
      log = join(bin, 'calls.log');
      const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
      writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`);
      chmodSync(join(bin, 'git'), 0o755);
    });
    afterAll(() => rmSync(bin, { recursive: true, force: true }));

    const env = (): Record<string, string> => ({ PATH: `${bin}:${process.env.PATH ?? ''}` });
    const calls = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');

    it('the logging wrapper sees ordinary git calls', async () => {
      rmSync(log, { force: true });
      const r = await runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo, env: env() });
      expect(r.code).toBe(0);
      expect(calls()).toMatch(/^rev-parse --show-toplevel$/m);
      expect(calls()).toMatch(/--end-of-options HEAD~1\^\{commit\}/);
    });

    it.each([
      [['--', '--upload-pack=touch /tmp/pwned']],
      [['--', '-oProxyCommand=x']],
      [['--', '--upload-pack=x:structure']],
      [['HEAD~1', '--', '--output=/tmp/x']],
      [['--', 'HEAD\n--upload-pack=x']],
      [['--', 'HEAD\u0007']],
    ])('refuses %j with exit code 2 before running git', async (args) => {
      rmSync(log, { force: true });
      const r = await runCli(['diff', ...args], { cwd: repo, env: env() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^org: Refusing ".*" as a revision: it starts with "-" or contains control characters/);
      expect(r.stderr.split('\n')).toHaveLength(2);
      expect(calls()).toBe('');
    });

    it('an option-like argument without -- is a usage error, and git is not run either', async () => {
      rmSync(log, { force: true });
      const r = await runCli(['diff', '--upload-pack=x'], { cwd: repo, env: env() });
      expect(r.code).toBe(2);
      expect(calls()).toBe('');
    });
  });
});
