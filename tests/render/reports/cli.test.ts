/**
 * The four commands as a user runs them: exit codes, the format chosen from `-o`, one-line errors
 * with suggestions, the language of names, and a structure with errors shown as far as it can be.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../helpers/cli.js';

const SMALL = 'tests/fixtures/matrix/small';
const out = mkdtempSync(join(tmpdir(), 'org-matrix-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('org render matrix', () => {
  it('shows the eleven main tasks against the three управления, each led once', async () => {
    const r = await runCli(['render', 'matrix', '--by', 'upravlenie', '--lang', 'ru', '--width', '160']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const header = r.stdout.slice(0, r.stdout.indexOf('─'));
    for (const word of ['Организационно-', 'Подготовка', 'Политика']) expect(header).toContain(word);
    const rows = r.stdout.split('\n').filter((l) => /│\s+[О·]\s+│\s+[О·]\s+│\s+[О·]$/.test(l));
    expect(rows).toHaveLength(11);
    for (const row of rows) expect(row.slice(row.indexOf('│')).match(/О/g)?.length).toBe(1);
  });

  it('takes the format from the -o extension and writes a CSV a spreadsheet reads', async () => {
    const file = join(out, 'matrix.csv');
    const r = await runCli(['render', 'matrix', '-o', file, '--lang', 'ru']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1)) as string[][];
    expect(rows).toHaveLength(12);
    expect(rows[0]![5]).toBe('Центральный аппарат');
  });

  it('writes HTML, Markdown and JSON by extension', async () => {
    for (const [ext, start] of [
      ['html', '<!DOCTYPE html>'],
      ['md', '# Function matrix'],
      ['json', '{'],
    ] as const) {
      const file = join(out, `m.${ext}`);
      expect((await runCli(['render', 'matrix', '-o', file])).code).toBe(0);
      expect(readFileSync(file, 'utf8').startsWith(start)).toBe(true);
    }
  });

  it('works on a structure with errors and says so on stderr', async () => {
    const r = await runCli(['render', 'matrix', SMALL, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/structure has 2 error/);
    expect(r.stdout).toContain('Building permits **⚠ 2 leads**');
  });

  it('refuses an unknown kind, unit or grouping in one line with exit code 2', async () => {
    const kind = await runCli(['render', 'matrix', '--by', 'upravlenia']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toBe(
      'org: No kind "upravlenia" (option --by); the kinds are: apparatus, upravlenie, otdel, sektor.\n',
    );
    const root = await runCli(['render', 'matrix', '--root', 'otdel-pravovoi-raboty']);
    expect(root.code).toBe(2);
    expect(root.stderr).toBe(
      'org: No unit "otdel-pravovoi-raboty" (option --root). Did you mean: otdel-pravovoy-raboty (Отдел правовой работы)?\n',
    );
    expect((await runCli(['render', 'matrix', '--group-by', 'colour'])).code).toBe(2);
    expect((await runCli(['render', 'matrix', '--format', 'xlsx'])).stderr).toMatch(/Unknown format "xlsx"/);
  });

  it('shows names in a language of the organisation, falling back to its first one', async () => {
    const en = await runCli(['render', 'matrix', '--lang', 'en', '--format', 'csv']);
    expect(en.stdout).toContain('Decision Preparation');
    // Kyrgyz is declared but the names have no Kyrgyz text: Russian names and codes, English messages.
    const ky = await runCli(['--lang', 'ky', 'render', 'matrix', '--format', 'csv']);
    expect(ky.stdout).toContain('Подготовка решений');
    expect(ky.stdout.split('\r\n')[0]).toMatch(/^\uFEFFGroup,Id,Function/);
    expect(ky.stdout).toContain(',О,');
    // A language the organisation does not have: its first language, as charts and diffs do.
    const de = await runCli(['render', 'matrix', '--lang', 'de', '--format', 'csv']);
    expect(de.stdout).toContain('Подготовка решений');
    // Without --lang, names are in the organisation's first language whatever the locale.
    const plain = await runCli(['render', 'matrix', '--format', 'csv'], { env: { LANG: 'en_GB.UTF-8' } });
    expect(plain.stdout).toContain('Подготовка решений');
  });

  it('runs as a real process', () => {
    const r = spawnCli(['render', 'matrix', '--width', '90']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Function matrix: Центральный аппарат мэрии Бишкека');
  });
});

describe('org tree, org show, org stats', () => {
  it('tree: --depth, --root and JSON', async () => {
    const top = await runCli(['tree', '--depth', '1', '--lang', 'en']);
    expect(top.stdout.split('\n')[1]).toMatch(/^Central Office of the Bishkek Mayor's Office {2}\(\+17 below\)/);
    const json = JSON.parse(
      (await runCli(['tree', '--root', 'upravlenie-podgotovki-resheniy', '--format', 'json'])).stdout,
    );
    expect(json[0].children.map((c: { id: string }) => c.id)).toHaveLength(3);
    expect((await runCli(['tree', '--root', 'nope'])).code).toBe(2);
    expect((await runCli(['tree', '--depth', 'two'])).code).toBe(2);
  });

  it('show: a unit, a function, and the closest ids for an unknown one', async () => {
    const unit = await runCli(['show', 'otdel-pravovoy-raboty', '--lang', 'ru']);
    expect(unit.code).toBe(0);
    expect(unit.stdout).toMatch(/^Отдел правовой работы — подразделение/);
    const fn = JSON.parse((await runCli(['show', 'permits', SMALL, '--format', 'json'])).stdout);
    expect(fn).toMatchObject({
      id: 'permits',
      unit: null,
      function: { status: 'multiple-leads', leads: ['licensing', 'licensing-desk'] },
    });
    const typo = await runCli(['show', 'otdel-pravovoi-raboty']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'org: No unit or function "otdel-pravovoi-raboty". Did you mean: otdel-pravovoy-raboty (Отдел правовой работы)?\n',
    );
  });

  it('stats: the span limit comes from the rule configuration in organization.yaml', async () => {
    const small = JSON.parse((await runCli(['stats', SMALL, '--format', 'json'])).stdout);
    expect(small.span).toMatchObject({ limit: 2, over: [{ id: 'hall', count: 3 }] });
    const bishkek = JSON.parse((await runCli(['stats', '--format', 'json'])).stdout);
    expect(bishkek.span.limit).toBe(10);
    expect(bishkek.functions.total).toBe(11);
  });
});
