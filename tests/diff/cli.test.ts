/**
 * The command around the change model: Markdown that names cannot break, colour only when asked,
 * names and messages in the chosen language, `-o` written atomically (and not at all when the diff
 * cannot be made), and the real structure compared with a changed copy of itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/render/diff/markdown.js';
import { ROOT, runCli } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'diff');

/** Pipes that end a table cell: not escaped by an odd number of backslashes. */
const cellBreaks = (line: string): number =>
  [...line.matchAll(/(\\*)\|/g)].filter((m) => m[1]!.length % 2 === 0).length;

/** Markdown syntax left unescaped once our own code spans and tags are taken out. */
function unescapedSyntax(markdown: string): string[] {
  const found: string[] = [];
  for (const line of markdown.split('\n')) {
    const plain = line.replace(/`[a-z0-9._/:~^@-]+`/gi, '').replace(/<\/?(br|details|summary)>/g, '');
    for (const m of plain.matchAll(/(\\*)([<>*_`[\]~&$])/g)) {
      // `**bold**` around our own summary line and `*(none)*` are ours.
      if (m[1]!.length % 2 === 0 && !/^\*\*.*\*\*$/.test(plain) && m[2] !== '*') found.push(`${m[2]} in ${line}`);
    }
  }
  return found;
}

describe('Markdown output', () => {
  it('keeps a unit called `| <b> *x*` inside its table cell and shows it as text', async () => {
    const r = await runCli(['diff', 'before', 'after', '--format', 'markdown'], {
      cwd: join(FIXTURES, 'markdown-escaping'),
    });
    const lines = r.stdout.split('\n');
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      if (columns === 0) columns = cellBreaks(line);
      else expect({ line, cells: cellBreaks(line) }).toEqual({ line, cells: columns });
    }
    expect(unescapedSyntax(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('\\| \\<b\\> \\*x\\*');
  });

  const cmark = spawnSync('cmark-gfm', ['--version']).status === 0;
  it.skipIf(!cmark)(
    'reads as plain text in cmark-gfm, GitHub’s Markdown implementation (skipped without cmark-gfm: apt-get install cmark-gfm)',
    async () => {
      const r = await runCli(['diff', 'before', 'after', '--format', 'markdown'], {
        cwd: join(FIXTURES, 'markdown-escaping'),
      });
      const html = spawnSync(
        'cmark-gfm',
        ['--unsafe', '-e', 'table', '-e', 'strikethrough', '-e', 'autolink', '-e', 'tagfilter'],
        { input: r.stdout, encoding: 'utf8' },
      ).stdout;
      expect(html).toContain('<td align="left">| &lt;b&gt; *x*</td>');
      expect(html).toContain('<td align="left">| &lt;b&gt; *x* <code>public-safety</code></td>');
      expect(html).toContain('`код` [ссылка](');
      expect(html).toContain(' _y_ \\ #1 &amp; ~z~ $m$</td>');
      for (const table of html.split('<table>').slice(1)) {
        const header = (table.split('</thead>')[0]!.match(/<th[ >]/g) ?? []).length;
        for (const row of table.split('<tbody>')[1]!.split('<tr>').slice(1))
          expect((row.match(/<td[ >]/g) ?? []).length).toBe(header);
      }
      const cells = html.match(/<td[^>]*>.*?<\/td>/gs) ?? [];
      expect(cells.filter((c) => /<(em|strong|del|b|h\d)>/.test(c))).toEqual([]);
    },
  );

  it('escapes every character with a meaning, and line breaks', () => {
    expect(escapeMarkdown('| <b> *x* _y_ `z` [a](b) \\ ~s~ &amp; #h $m$')).toBe(
      '\\| \\<b\\> \\*x\\* \\_y\\_ \\`z\\` \\[a\\](b) \\\\ \\~s\\~ \\&amp; \\#h \\$m\\$',
    );
    expect(escapeMarkdown('two\nlines\r\n  here')).toBe('two lines here');
  });
});

describe('text output', () => {
  it('is coloured only when colour is on', async () => {
    const cwd = join(FIXTURES, 'merge');
    const plain = await runCli(['diff', 'before', 'after'], { cwd });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const coloured = await runCli(['diff', 'before', 'after'], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\u001b\[32m\+|\u001b\[33m~/);
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
    const toFile = join(mkdtempSync(join(tmpdir(), 'org-diff-o-')), 'diff.txt');
    await runCli(['diff', 'before', 'after', '-o', toFile], { cwd, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(readFileSync(toFile, 'utf8')).toBe(plain.stdout);
  });

  it('speaks Russian and shows Russian names with --lang ru', async () => {
    const r = await runCli(['diff', 'before', 'after', '--lang', 'ru'], { cwd: join(FIXTURES, 'merge') });
    expect(r.stdout).toContain('Сравнение before с after');
    expect(r.stdout).toContain(
      'объединение: Сектор мостов [bridges-sector] + Сектор дорог [roads-sector] → Отдел инфраструктуры [infrastructure-division]',
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      'Реорганизация: подразделения — объединено: 2; функции — передано: 2; численность 18 → 17',
    );
  });

  it('shows names in the organisation’s first language unless --lang says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-diff-lang-'));
    try {
      for (const side of ['before', 'after']) {
        cpSync(join(FIXTURES, 'move', side), join(dir, side), { recursive: true });
        const org = join(dir, side, 'organization.yaml');
        writeFileSync(org, readFileSync(org, 'utf8').replace('languages: [en, ru]', 'languages: [ru, en]'));
      }
      const r = await runCli(['diff', 'before', 'after'], { cwd: dir });
      expect(r.stdout).toContain(
        '→ Сектор безопасности дорожного движения [traffic-safety]: Управление транспорта [transport] → Управление общественной безопасности [public-safety]',
      );
      expect(r.stdout).toContain('Units moved (1)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('-o FILE', () => {
  it('writes the diff atomically and leaves nothing behind when the diff cannot be made', async () => {
    const out = mkdtempSync(join(tmpdir(), 'org-diff-out-'));
    const cwd = join(FIXTURES, 'split');
    const ok = await runCli(['diff', 'before', 'after', '--format', 'json', '-o', join(out, 'diff.json')], { cwd });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')).summary.replaced.split).toBe(1);

    const failed = await runCli(['diff', 'before', 'no-such-dir-or-revision', '-o', join(out, 'failed.json')], {
      cwd: tmpdir(),
    });
    expect(failed.code).toBe(2);
    expect(failed.stderr.split('\n')).toHaveLength(2);
    expect(readdirSync(out)).toEqual(['diff.json']);

    const nowhere = await runCli(['diff', 'before', 'after', '-o', join(out, 'missing', 'diff.txt')], { cwd });
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toMatch(/^org: Cannot write .*diff\.txt: no such file or directory \(ENOENT\)\n$/);
    rmSync(out, { recursive: true, force: true });
  });

  it('refuses an unknown format with exit code 2', async () => {
    const r = await runCli(['diff', 'before', 'after', '--format', 'yaml'], { cwd: join(FIXTURES, 'split') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('org: Unknown format "yaml"; choose one of: text, markdown, json.\n');
  });
});

describe('on the real structure', () => {
  it('finds no changes between the structure and itself', async () => {
    const r = await runCli(['diff', 'structure', 'structure', '--exit-code']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No changes');
  });

  it('reports a merge declared in a changed copy, with names in Russian', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-diff-real-'));
    try {
      cpSync(join(ROOT, 'structure'), join(dir, 'after'), { recursive: true });
      const units = join(dir, 'after', 'units', 'upravlenie-podgotovki-resheniy');
      const legal = readFileSync(join(units, 'otdel-pravovoy-raboty.yaml'), 'utf8');
      rmSync(join(units, 'otdel-pravovoy-raboty.yaml'));
      rmSync(join(units, 'otdel-ekspertizy-i-podgotovki-resheniy.yaml'));
      writeFileSync(
        join(units, 'otdel-pravovoy-ekspertizy.yaml'),
        legal.replace(
          'id: otdel-pravovoy-raboty',
          'id: otdel-pravovoy-ekspertizy\nreplaces: [otdel-pravovoy-raboty, otdel-ekspertizy-i-podgotovki-resheniy]',
        ),
      );
      const r = await runCli(['diff', join(ROOT, 'structure'), join(dir, 'after'), '--format', 'text'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(
        'merged: Отдел экспертизы и подготовки решений [otdel-ekspertizy-i-podgotovki-resheniy] + Отдел правовой работы [otdel-pravovoy-raboty] → Отдел правовой работы [otdel-pravovoy-ekspertizy]',
      );
      expect(
        existsSync(join(ROOT, 'structure', 'units', 'upravlenie-podgotovki-resheniy', 'otdel-pravovoy-raboty.yaml')),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
