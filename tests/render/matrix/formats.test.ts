/**
 * Every matrix format against golden files, on the Bishkek structure and on the small case (a
 * doubly led function, unled functions, a unit with no functions, a name that needs escaping);
 * plus what each format promises: CSV read back by a real CSV parser cell by cell, terminal lines
 * that fit the width in display columns, escaping in HTML and Markdown.
 * Regenerate the golden files with `UPDATE_GOLDEN=1 npx vitest run tests/render/matrix`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../src/i18n/format.js';
import { csvField, renderMatrixCsv } from '../../../src/render/matrix/csv.js';
import { escapeHtml, renderMatrixHtml } from '../../../src/render/matrix/html.js';
import { renderMatrixJson } from '../../../src/render/matrix/json.js';
import { escapeMarkdown, renderMatrixMarkdown } from '../../../src/render/matrix/markdown.js';
import { buildMatrix, type MatrixOptions } from '../../../src/render/matrix/model.js';
import { renderMatrixTable, wrapName } from '../../../src/render/matrix/table.js';
import { displayWidth } from '../../../src/render/text-width.js';
import { expectGolden } from '../../helpers/golden.js';
import { BISHKEK, golden, modelOf, ROOT, SMALL, t } from './helpers.js';

interface Case {
  name: string;
  dir: string;
  lang: Language;
  options?: Partial<MatrixOptions>;
  width?: number;
}

const CASES: Record<string, Case> = {
  small: { name: 'small', dir: SMALL, lang: 'en' },
  bishkek: { name: 'bishkek', dir: BISHKEK, lang: 'ru' },
};

const matrix = (c: Case, options: Partial<MatrixOptions> = {}) =>
  buildMatrix(modelOf(c.dir), { lang: c.lang, ...options });

describe('matrix golden files', () => {
  const small = CASES.small!;
  const bishkek = CASES.bishkek!;
  const tables: Array<[Case, string, Partial<MatrixOptions>, number, Language?]> = [
    [small, 'table.txt', {}, 100],
    [small, 'table-numbered-ru.txt', { lang: 'ru' }, 64, 'ru'],
    [small, 'table-by-department.txt', { by: 'department' }, 100],
    [small, 'table-by-type.txt', { groupBy: 'type' }, 100],
    [bishkek, 'table.txt', {}, 100],
    [bishkek, 'table-by-upravlenie.txt', { by: 'upravlenie' }, 100],
    [bishkek, 'table-en.txt', { lang: 'en', by: 'upravlenie' }, 120, 'en'],
  ];
  for (const [c, file, options, width, lang] of tables) {
    it(`${c.name}: terminal table ${file}`, () => {
      const text = renderMatrixTable(matrix(c, options), { t: t(lang ?? c.lang), width, color: false });
      expectGolden(golden(c.name, file), text);
      for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    });
  }
  for (const c of [small, bishkek]) {
    it(`${c.name}: markdown, csv, html, json`, () => {
      const m = matrix(c);
      expectGolden(golden(c.name, 'matrix.md'), renderMatrixMarkdown(m, { t: t(c.lang) }));
      expectGolden(golden(c.name, 'matrix.csv'), renderMatrixCsv(m, { t: t(c.lang) }));
      expectGolden(golden(c.name, 'matrix.html'), renderMatrixHtml(m, { t: t(c.lang) }));
      expectGolden(golden(c.name, 'matrix.json'), renderMatrixJson(m));
    });
  }
});

describe('CSV', () => {
  const read = (csv: string): string[][] => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toMatch(/\r\n$/);
    return parseCsv(csv.slice(1), { relax_column_count: false }) as string[][];
  };

  it('reads back cell by cell on the small case', () => {
    const rows = read(renderMatrixCsv(matrix(CASES.small!), { t: t('en') }));
    expect(rows[0]).toEqual([
      'Group',
      'Id',
      'Function',
      'Type',
      'Finding',
      'City Hall',
      'Finance',
      'Budget Planning',
      'Internal Audit',
      'Licensing',
      'Permit Desk',
    ]);
    const byId = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byId.get('budget')).toEqual([
      'Finance Department',
      'budget',
      'City budget',
      'policy',
      '',
      '',
      'L',
      'P',
      '',
      'I',
      '',
    ]);
    expect(byId.get('permits')).toEqual([
      'Led by two or more units',
      'permits',
      'Building permits',
      'service',
      '2 leads',
      '',
      'P',
      '',
      '',
      'L',
      'L',
    ]);
    expect(byId.get('complaints')).toEqual([
      'Without a lead',
      'complaints',
      "Citizens' complaints",
      'service',
      'no lead',
      '',
      '',
      '',
      '',
      '',
      'A',
    ]);
    expect(byId.get('outreach')).toEqual([
      'Without a lead',
      'outreach',
      'Public outreach',
      '',
      'no lead',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    // A name that a spreadsheet would run as a formula keeps its text behind an apostrophe.
    expect(byId.get('fees')![2]).toBe('\'+Fees <draft> & review | "2026"');
  });

  it("on the Bishkek structure, puts each main task's О in the column of the управление whose file lists it", () => {
    const rows = read(renderMatrixCsv(matrix(CASES.bishkek!), { t: t('ru') }));
    const header = rows[0]!;
    expect(header.slice(0, 5)).toEqual(['Группа', 'Идентификатор', 'Функция', 'Тип', 'Замечание']);
    expect(header).toHaveLength(5 + 18);
    // Expected roles straight from the unit files, read with the YAML parser alone.
    const unitFiles = [
      'upravlenie-podgotovki-resheniy',
      'upravlenie-organizatsionno-kontrolnoy-raboty',
      'upravlenie-politiki-razvitiya-goroda',
    ].map(
      (id) =>
        parseYaml(readFileSync(join(ROOT, 'structure/units', `${id}.yaml`), 'utf8')) as {
          short: { ru: string };
          functions: Record<string, string>;
        },
    );
    const expected = new Map<string, string>();
    for (const u of unitFiles) for (const fn of Object.keys(u.functions)) expected.set(fn, u.short.ru);
    expect(expected.size).toBe(11);
    expect(rows).toHaveLength(1 + 11);
    for (const row of rows.slice(1)) {
      const filled = header
        .map((h, i) => [h, row[i]] as const)
        .slice(5)
        .filter(([, v]) => v !== '');
      expect(filled, row[1]).toEqual([[expected.get(row[1]!), 'О']]);
      expect(row[4]).toBe('');
    }
  });

  it('neutralises formula starts and quotes per RFC 4180', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('Отдел')).toBe('Отдел');
    expect(parseCsv(['=x', 'a,"b"', '+y\r\nz'].map((v) => csvField(v)).join(','))).toEqual([
      ["'=x", 'a,"b"', "'+y\r\nz"],
    ]);
  });
});

describe('escaping', () => {
  it('HTML escapes every name and adds no element of its own', () => {
    const html = renderMatrixHtml(matrix(CASES.small!), { t: t('en') });
    expect(html).toContain('+Fees &lt;draft&gt; &amp; review | &quot;2026&quot;');
    expect(html).not.toContain('<draft>');
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('Markdown escapes pipes and emphasis so a name cannot break the table', () => {
    const md = renderMatrixMarkdown(matrix(CASES.small!), { t: t('en') });
    const feesRow = md.split('\n').find((l) => l.includes('`fees`'))!;
    // As many unescaped pipes as the table has cells, whatever the name holds.
    expect(feesRow.replace(/\\\|/g, '').split('|').length - 2).toBe(2 + 6);
    expect(escapeMarkdown('a*b_c|d')).toBe('a\\*b\\_c\\|d');
  });
});

describe('terminal table', () => {
  it('numbers the columns and adds a key when unit names do not fit', () => {
    const text = renderMatrixTable(matrix(CASES.bishkek!), { t: t('ru'), width: 80, color: false });
    expect(text).toMatch(/Функция\s+│ 1│ 2 {2}3/);
    expect(text).toContain('  11    Политика развития города (управление)');
  });

  it('wraps names at spaces and hyphens without losing a letter', () => {
    const name = 'Информационно-аналитическое и организационное обеспечение';
    const lines = wrapName(name, 16);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(16);
    expect(lines.join(' ').replace(/- /g, '-')).toBe(name);
    expect(wrapName('Сверхдлинноесловобезпробелов', 10).join('')).toBe('Сверхдлинноесловобезпробелов');
  });

  it('colours only when asked', () => {
    const m = matrix(CASES.small!);
    expect(renderMatrixTable(m, { t: t('en'), width: 100, color: false })).not.toContain('\u001b[');
    const coloured = renderMatrixTable(m, { t: t('en'), width: 100, color: true });
    expect(coloured).toContain('\u001b[');
    // Colour changes nothing in the layout, trailing spaces included.

    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(
      renderMatrixTable(m, { t: t('en'), width: 100, color: false }),
    );
  });
});
