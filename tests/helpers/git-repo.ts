/**
 * Temporary git repositories for tests that need history: the real `git`, a fixed author, and
 * commits with chosen dates, so that logs are the same on every run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasGit = spawnSync('git', ['--version']).status === 0;

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  /** Stages everything and commits it with this subject and author date (YYYY-MM-DD); returns the commit id. */
  commit(subject: string, date: string): string;
  remove(): void;
}

export function tempRepo(prefix = 'org-repo-'): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]): string => {
    const r = spawnSync(
      'git',
      ['-c', 'user.name=Analyst', '-c', 'user.email=analyst@example.org', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  git('init', '-q');
  const commit = (subject: string, date: string): string => {
    git('add', '-A');
    const stamp = `${date}T10:00:00+00:00`;
    const r = spawnSync(
      'git',
      [
        '-c',
        'user.name=Analyst',
        '-c',
        'user.email=analyst@example.org',
        '-c',
        'commit.gpgsign=false',
        'commit',
        '-q',
        '-m',
        subject,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_DATE: stamp, GIT_COMMITTER_DATE: stamp },
      },
    );
    if (r.status !== 0) throw new Error(`git commit: ${r.stderr}`);
    return git('rev-parse', 'HEAD').trim();
  };
  return { dir, git, commit, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
