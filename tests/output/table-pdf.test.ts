/**
 * Table pages after a chart: a long table is cut into pages with its header repeated and no row
 * cut at a page edge, read back with a real PDF text extractor (pdfjs-dist, page by page); and the
 * change table of a reorganisation chart says what `org diff` says, in the chart's language.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffStructures } from '../../src/diff/diff.js';
import { translator } from '../../src/i18n/format.js';
import { readStructureDir } from '../../src/load/read.js';
import { loadStructure } from '../../src/load/structure.js';
import { buildModel } from '../../src/model/model.js';
import { svgToPdf } from '../../src/output/pdf.js';
import { reorganisationTable } from '../../src/render/chart/change-table.js';
import type { TablePage } from '../../src/render/chart/drawing.js';
import { renderDiffText } from '../../src/render/diff/text.js';
import { ROOT, runCli } from '../helpers/cli.js';

async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  return out;
}

const squash = (s: string): string => s.replace(/\s+/g, '');
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><text x="10" y="50">Схема</text></svg>';

describe('table pages', () => {
  it('repeat the header on every page and never cut a row', async () => {
    // Rows of different heights, one far longer than its column, in Cyrillic and Latin.
    const rows = Array.from({ length: 90 }, (_, i) => [
      `Строка ${i + 1}`,
      `${'длинный текст ячейки '.repeat(1 + (i % 7))}конец-${i + 1}`,
    ]);
    rows[40]![1] = `первая строка\nвторая строка\n${'word '.repeat(200)}конец-41`;
    const table: TablePage = {
      kind: 'table',
      title: 'Изменения подробно',
      columns: [
        { header: 'Изменение', width: 150 },
        { header: 'Что изменилось', width: 389 },
      ],
      rows,
    };
    const pdf = await svgToPdf(SVG, {
      title: 'Схема',
      pageLabel: (n, m) => `стр. ${n} из ${m}`,
      page: 'A4',
      landscape: false,
      tables: [table],
      tableContinued: (t) => `${t} (продолжение)`,
    });
    const pages = (await pageTexts(pdf)).map(squash);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]).toContain('Схема');
    const tablePages = pages.slice(1);
    tablePages.forEach((text, i) => {
      expect(text).toContain(squash(i === 0 ? 'Изменения подробно' : 'Изменения подробно (продолжение)'));
      expect(text).toContain('ИзменениеЧтоизменилось');
      expect(text).toContain(squash(`стр. ${i + 2} из ${pages.length}`));
    });
    // Each row's text is whole on exactly one page, in order.
    let last = 0;
    for (const [name, text] of rows) {
      const at = tablePages.findIndex((p) => p.includes(squash(name!)) && p.includes(squash(text!)));
      expect(at, name).toBeGreaterThanOrEqual(last);
      last = at;
    }
  });
});

describe('the change table of a reorganisation chart', () => {
  const CASE = 'tests/fixtures/chart/reorganisation';
  const side = (name: string) => buildModel(loadStructure(readStructureDir(`${CASE}/${name}`, ROOT)));
  const diff = diffStructures(side('before'), side('after'));

  it('holds every line of `org diff`, in the chart’s language', () => {
    for (const lang of ['ru', 'en'] as const) {
      const t = translator(lang);
      const [table] = reorganisationTable(diff, { t, lang });
      const cells = squash(table!.rows.flat().join(' '));
      const text = renderDiffText({ from: { label: 'a', errors: [] }, to: { label: 'b', errors: [] }, diff } as never, {
        t,
        language: lang,
      });
      for (const line of text.split('\n').slice(2)) {
        if (line.trim() === '' || /\(\d+\)$/.test(line)) continue;
        expect(cells, line).toContain(squash(line.replace(/^ {2}\S /, '')));
      }
      expect(table!.columns.map((c) => c.header)).toEqual([
        t('chart-diff-table-change'),
        t('chart-diff-table-details'),
      ]);
    }
    // Nothing changed, no table.
    expect(
      reorganisationTable(diffStructures(side('after'), side('after')), { t: translator('en'), lang: 'en' }),
    ).toEqual([]);
  });

  it('follows the chart in `org render diff -o x.pdf`, with no English words in a Russian chart', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'org-diff-')), 'diff.pdf');
    const r = await runCli(['render', 'diff', `${CASE}/before`, `${CASE}/after`, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const pages = await pageTexts(new Uint8Array(readFileSync(out)));
    expect(pages.length).toBe(2);
    expect(pages[1]).toContain('Изменения подробно');
    expect(squash(pages[1]!)).toContain(
      squash(
        'Сектор архива [arkhiv]: Отдел кадров и документооборота [kadry] → Отдел учёта и связи с общественностью [uchet-i-svyaz]',
      ),
    );
    // Words of the tool, not of the structure: only the structure's English names may be Latin.
    const english = /\b(new|removed|renamed|moved|merged|functions|was|page|Changes|unchanged)\b/;
    expect(pages[0]).not.toMatch(english);
    expect(pages[1]!.replace(/Personnel[\w\s]*Department|\[[a-z-]+\]|en:|ru:/g, '')).not.toMatch(english);
  });
});
