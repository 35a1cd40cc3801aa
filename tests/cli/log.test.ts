/**
 * `org log` and `org show --history` on a temporary git repository with real git: a structure
 * created, then merged, renamed, dated, given a new id and scheduled for abolition over five
 * commits, with a commit in between that does not touch it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../helpers/cli.js';
import { hasGit, tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { expectGolden } from '../helpers/golden.js';

const MERGE = join(ROOT, 'tests', 'fixtures', 'diff', 'merge');

interface LogJson {
  path: string;
  range: string;
  commits: Array<{
    commit: string;
    parents: string[];
    date: string;
    subject: string;
    created: boolean;
    summaryLine: string;
    basis: unknown[];
    changes: Array<Record<string, unknown>>;
  }>;
}

describe.skipIf(!hasGit)('org log and org show --history', () => {
  let repo: TempRepo;
  const commits: string[] = [];
  const unitFile = (id: string): string => join(repo.dir, 'structure', 'units', `${id}.yaml`);
  const edit = (id: string, change: (text: string) => string): void =>
    writeFileSync(unitFile(id), change(readFileSync(unitFile(id), 'utf8')));

  beforeAll(() => {
    repo = tempRepo('org-log-');
    cpSync(join(MERGE, 'before'), join(repo.dir, 'structure'), { recursive: true });
    commits.push(repo.commit('Riverton structure as approved in 2024', '2024-01-10'));
    mkdirSync(join(repo.dir, 'docs'));
    writeFileSync(join(repo.dir, 'docs', 'README.md'), 'notes\n');
    repo.commit('Notes that do not touch the structure', '2024-06-01');
    rmSync(join(repo.dir, 'structure'), { recursive: true });
    cpSync(join(MERGE, 'after'), join(repo.dir, 'structure'), { recursive: true });
    writeFileSync(
      join(repo.dir, 'structure', 'organization.yaml'),
      `${readFileSync(join(MERGE, 'after', 'organization.yaml'), 'utf8')}basis: { kind: order, number: 12-р, date: "2025-02-20", title: { en: On the structure of the city hall }, url: "https://example.org/acts/12" }\n`,
    );
    commits.push(repo.commit('Merge roads and bridges | *one* division', '2025-03-01'));
    edit('infrastructure-division', (t) =>
      t.replace(
        'name: {en: Infrastructure Division, ru: Отдел инфраструктуры}',
        'name: {en: Roads and Bridges Division, ru: Отдел дорог и мостов}\nfrom: "2025-03-01"\nbasis: { kind: decision, number: 7, date: "2025-05-02" }',
      ),
    );
    commits.push(repo.commit('Rename the infrastructure division', '2025-05-10'));
    const text = readFileSync(unitFile('infrastructure-division'), 'utf8');
    rmSync(unitFile('infrastructure-division'));
    writeFileSync(
      unitFile('roads-and-bridges'),
      text
        .replace('id: infrastructure-division', 'id: roads-and-bridges')
        .replace('replaces: [roads-sector, bridges-sector]', 'replaces: [infrastructure-division]'),
    );
    commits.push(repo.commit('Give the roads and bridges division its own id', '2025-06-01'));
    edit('it-sector', (t) => `${t}until: "2026-01-01"\n`);
    commits.push(repo.commit('Abolish the IT sector from 2026', '2025-06-10'));
  });
  afterAll(() => repo.remove());

  const log = async (...args: string[]): Promise<LogJson> => {
    const r = await runCli(['log', ...args, '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as LogJson;
  };

  it('lists every commit that changed the structure, newest first, each against its parent', async () => {
    const report = await log();
    expect(report.path).toBe('structure');
    expect(report.commits.map((c) => c.commit)).toEqual([...commits].reverse());
    expect(report.commits.map((c) => c.date.slice(0, 10))).toEqual([
      '2025-06-10',
      '2025-06-01',
      '2025-05-10',
      '2025-03-01',
      '2024-01-10',
    ]);
    expect(report.commits.map((c) => c.created)).toEqual([false, false, false, false, true]);
    // The merge commit's changes are those `org diff` gives for the same two structures.
    const merge = JSON.parse(readFileSync(join(MERGE, 'expected.json'), 'utf8')) as { changes: unknown[] };
    expect(report.commits[3]!.changes).toEqual(merge.changes);
    expect(report.commits[3]!.basis).toEqual([
      {
        kind: 'order',
        number: '12-р',
        date: '2025-02-20',
        title: { en: 'On the structure of the city hall' },
        url: 'https://example.org/acts/12',
      },
    ]);
    expect(report.commits[2]!.basis).toEqual([{ kind: 'decision', number: 7, date: '2025-05-02' }]);
    expect(report.commits[1]!.changes).toEqual([
      expect.objectContaining({
        type: 'unit-replaced',
        kind: 'rename-id',
        from: ['infrastructure-division'],
        to: ['roads-and-bridges'],
      }),
    ]);
    expect(report.commits[0]!.changes).toEqual([
      {
        type: 'unit-validity-changed',
        unit: 'it-sector',
        name: { en: 'IT Sector', ru: 'Сектор информационных технологий' },
        from: { from: null, until: null },
        to: { from: null, until: '2026-01-01' },
      },
    ]);
  });

  it('as text: one block per commit with its summary line and basis', async () => {
    const r = await runCli(['log'], { cwd: join(repo.dir, 'docs') });
    expect(r.code).toBe(0);
    const masked = commits.reduce((text, c, i) => text.replaceAll(c.slice(0, 10), `<commit ${i + 1}>`), r.stdout);
    expectGolden(join(ROOT, 'tests', 'fixtures', 'log', 'expected.txt'), masked);
    const ru = await runCli(['log', '-n', '1', '--lang', 'ru'], { cwd: repo.dir });
    expect(ru.stdout).toContain('Реорганизация: подразделения — с новыми датами действия: 1');
  });

  it('as Markdown, with the subject escaped and the act linked', async () => {
    const r = await runCli(['log', '--format', 'markdown'], { cwd: repo.dir });
    expect(r.stdout).toMatch(/^## History of the structure `structure`\n/);
    expect(r.stdout).toContain(
      `### 2025-03-01 · Merge roads and bridges \\| \\*one\\* division · \`${commits[1]!.slice(0, 10)}\``,
    );
    expect(r.stdout).toContain(
      'Basis: Order No 12-р of 2025-02-20 “On the structure of the city hall” ([text](https://example.org/acts/12))',
    );
  });

  it('takes a range, a count, and a directory given alone', async () => {
    expect((await log('HEAD~2..HEAD')).commits.map((c) => c.commit)).toEqual([commits[4], commits[3]]);
    expect((await log('-n', '2')).commits).toHaveLength(2);
    const byDir = await log('structure');
    expect(byDir.range).toBe('HEAD');
    expect(byDir.commits).toHaveLength(5);
    expect((await log('HEAD', 'docs')).commits).toHaveLength(0);
    const none = await runCli(['log', 'HEAD', 'docs'], { cwd: repo.dir });
    expect(none.stdout).toBe('No commit in HEAD changed docs.\n');
  });

  it('org show --history follows a unit back through its new id and the merger that made it', async () => {
    const r = await runCli(['show', 'Отдел дорог и мостов', '--history', '--format', 'json'], { cwd: repo.dir });
    expect(r.stderr).toBe('');
    const history = JSON.parse(r.stdout) as {
      id: string;
      history: Array<{ commit: string; ids: string[]; changes: Array<{ type: string }> }>;
    };
    expect(history.id).toBe('roads-and-bridges');
    expect(history.history.map((h) => h.commit)).toEqual([commits[3], commits[2], commits[1], commits[0]]);
    expect(history.history.map((h) => h.ids)).toEqual([
      ['infrastructure-division', 'roads-and-bridges'],
      ['infrastructure-division'],
      ['bridges-sector', 'infrastructure-division', 'roads-sector'],
      ['bridges-sector', 'roads-sector'],
    ]);
    expect(history.history[2]!.changes.map((c) => c.type)).toEqual([
      'unit-replaced',
      'function-transferred',
      'function-transferred',
    ]);

    const text = await runCli(['show', 'roads-and', '--history'], { cwd: repo.dir });
    expect(text.stdout).toMatch(/^History of Roads and Bridges Division \[roads-and-bridges\]\n\n/);
    expect(text.stdout).toContain(
      '  ~ new id: Roads and Bridges Division [infrastructure-division] → Roads and Bridges Division [roads-and-bridges]',
    );
    expect(text.stdout).toContain('      ru: Отдел инфраструктуры → Отдел дорог и мостов');
    expect(text.stdout).toContain('  Basis: Decision No 7 of 2025-05-02');
    expect(text.stdout).toContain(
      '  + Roads Sector [roads-sector]  (sector, under Transport Department [transport], headcount 2)',
    );
  });

  it('org show --history finds a unit that is gone from the working tree by its id', async () => {
    const r = await runCli(['show', 'roads-sector', '--history'], { cwd: repo.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^History of Roads Sector \[roads-sector\]\n/);
    expect(r.stdout).toContain(
      'merged: Bridges Sector [bridges-sector] + Roads Sector [roads-sector] → Infrastructure Division [infrastructure-division]',
    );
  });

  it('a commit subject with escape sequences reaches no terminal', async () => {
    const other = tempRepo('org-log-hostile-');
    try {
      cpSync(join(MERGE, 'before'), join(other.dir, 'structure'), { recursive: true });
      other.commit('Start\u001b]0;pwned\u0007 here\u001b[2J', '2024-01-01');
      for (const format of ['text', 'markdown', 'json']) {
        const r = await runCli(['log', '--format', format], { cwd: other.dir });
        expect(r.code).toBe(0);
        expect(r.stdout).not.toMatch(/[\u001b\u0007]/);
        expect(r.stdout).toContain('Start');
      }
    } finally {
      other.remove();
    }
  });

  it('refuses what git could take for an option, an unknown revision and a folder outside git', async () => {
    const option = await runCli(['log', '--', '--output=/tmp/x'], { cwd: repo.dir });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Refusing "--output=/tmp/x" as a revision');
    const unknown = await runCli(['log', 'no-such-branch'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('org: "no-such-branch" is neither a directory nor a revision known to git.\n');
    const outside = mkdtempSync(join(tmpdir(), 'org-no-git-'));
    try {
      const r = spawnCli(['log', '--lang', 'ru'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^org: .* не находится в репозитории git: org log читает историю структуры из git\.\n$/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
