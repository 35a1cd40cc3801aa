/**
 * The PPTX writer on a book made by hand, so every part of the contract is exercised before the
 * paged book exists: one slide per page, units as named text shapes, dashed connectors and boxes,
 * "→ p. N" and the trail as slide hyperlinks, table pages as native tables, slide sizes, and names
 * that look like markup staying text. Read back from the ZIP, not from a picture.
 */
import { describe, expect, it } from 'vitest';
import { defaultFontSet, loadFontSet } from '../../src/output/fonts.js';
import { bookToPptx, slideSize } from '../../src/output/pptx.js';
import type { ChartBook, ChartDrawing, DrawnBox } from '../../src/render/chart/drawing.js';
import { kindPalette } from '../../src/render/chart/style.js';
import { NOTO_REGULAR } from '../helpers/fonts.js';
import { readZip } from '../helpers/zip.js';

const palette = kindPalette(0);

function box(id: string, name: string, x: number, y: number, extra: Partial<DrawnBox> = {}): DrawnBox {
  return {
    id,
    rect: { x, y, width: 120, height: 40 },
    palette,
    lines: [{ text: name, size: 12, bold: true, color: palette.text, x: x + 10, baseline: y + 20, width: 100 }],
    rules: [],
    emphasis: 'normal',
    classes: [],
    ...extra,
  };
}

function drawing(title: string, boxes: DrawnBox[]): ChartDrawing {
  return {
    width: 400,
    height: 200,
    title,
    boxes,
    segments: [
      { from: { x: 60, y: 40 }, to: { x: 60, y: 100 }, color: '#5A5A5A' },
      { from: { x: 60, y: 100 }, to: { x: 260, y: 100 }, color: '#7B1FA2', dashed: true },
    ],
    legend: [{ label: 'отдел', palette }],
  };
}

const book: ChartBook = {
  title: 'Мэрия & <co>',
  paper: { width: 842, height: 595 },
  pages: [
    {
      kind: 'chart',
      trail: [],
      drawing: drawing('Мэрия & <co>', [
        box('root', 'Мэрия', 0, 0),
        box('a', 'Отдел <b>кадров</b>', 200, 100, { continues: { page: 2 }, dashed: true }),
      ]),
    },
    {
      kind: 'chart',
      trail: [{ id: 'root', name: 'Мэрия', page: 1 }],
      drawing: drawing('Отдел кадров', [box('a', 'Отдел кадров', 0, 0), box('b', '국어연구과', 0, 100)]),
    },
    {
      kind: 'table',
      title: 'Изменения',
      columns: [
        { header: 'Подразделение', width: 2 },
        { header: 'Изменение', width: 1 },
      ],
      rows: [
        ['Отдел кадров', 'новое'],
        ['국어연구과', 'переименовано'],
      ],
    },
  ],
  outline: [],
};

describe('bookToPptx', () => {
  it('one slide per page; shapes, links, dashes and a native table', async () => {
    const fonts = loadFontSet([NOTO_REGULAR]);
    const zip = readZip(await bookToPptx(book, fonts, { linkLabel: (page) => `→ p. ${page}`, lang: 'ru-RU' }));
    const slides = [1, 2, 3].map((n) => zip.get(`ppt/slides/slide${n}.xml`)?.toString('utf8'));
    expect(slides.every((s) => s !== undefined)).toBe(true);
    expect(zip.has('ppt/slides/slide4.xml')).toBe(false);
    const [first, second, table] = slides.map((s) => s ?? '') as [string, string, string];

    // Units are shapes named after their ids, names are text, markup in names stays text.
    expect(first.match(/name="unit-[^"]+"/g)).toEqual(['name="unit-root"', 'name="unit-a"']);
    expect(first).toContain('<a:t>Отдел &lt;b&gt;кадров&lt;/b&gt;</a:t>');
    expect(first).toContain('<a:t>Мэрия &amp; &lt;co&gt;</a:t>');
    // The dashed box and the dashed connector; the solid one is not dashed.
    const shapeOf = (xml: string, name: string): string =>
      xml.slice(xml.indexOf(`name="${name}"`)).split('</p:sp>')[0]!;
    expect(shapeOf(first, 'unit-a')).toContain('<a:prstDash val="dash"/>');
    expect(shapeOf(first, 'unit-root')).not.toContain('prstDash val="dash"');
    expect(first.match(/prst="line"/g)!.length).toBeGreaterThanOrEqual(2);
    expect(first.match(/<a:prstDash val="dash"\/>/g)!.length).toBe(2);
    // "→ p. 2" jumps to slide 2; the trail of slide 2 jumps back to slide 1.
    expect(first).toContain('<a:t>→ p. 2</a:t>');
    expect(first).toContain('ppaction://hlinksldjump');
    const rels = (n: number): string => zip.get(`ppt/slides/_rels/slide${n}.xml.rels`)!.toString('utf8');
    expect(rels(1)).toMatch(/Target="slide2\.xml"/);
    expect(rels(2)).toMatch(/Target="slide1\.xml"/);
    // Each run names the face that has its characters; the language is set for the editor.
    expect(second).toMatch(
      /<a:rPr[^>]*lang="ru-RU"[^>]*>(?:(?!<\/a:rPr>).)*typeface="Noto Sans KR"(?:(?!<\/a:rPr>).)*<\/a:rPr><a:t>국어연구과<\/a:t>/s,
    );
    // The table page is a table, with its cells as text.
    expect(table).toContain('<a:tbl>');
    expect(table.match(/<a:tr /g)).toHaveLength(3);
    expect(table).toContain('<a:t>переименовано</a:t>');
  });

  it('slide sizes: 16:9 by default, paper landscape unless portrait, fit to the largest drawing within PowerPoint limits', () => {
    expect(slideSize(book, {})).toEqual({ width: 13.333, height: 7.5 });
    expect(slideSize(book, { slide: 'A3' })).toEqual({ width: 16.535, height: 11.693 });
    expect(slideSize(book, { slide: 'A4', landscape: false })).toEqual({ width: 8.268, height: 11.693 });
    const huge: ChartBook = {
      ...book,
      pages: [{ kind: 'chart', trail: [], drawing: { ...drawing('x', []), width: 10_000, height: 100 } }],
    };
    expect(slideSize(huge, { slide: 'fit' }).width).toBe(56);
  });

  it('a font family name that looks like markup cannot break the slide XML', async () => {
    const fonts = defaultFontSet();
    const odd = {
      ...fonts,
      runs: (text: string, bold: boolean) =>
        fonts.runs(text, bold).map((r) => ({ ...r, face: { ...r.face, family: 'Evil" /><x y="' } })),
    };
    const zip = readZip(await bookToPptx(book, odd, { linkLabel: (page) => `→ ${page}` }));
    const xml = zip.get('ppt/slides/slide1.xml')!.toString('utf8');
    expect(xml).toContain('typeface="Evil&quot; /&gt;&lt;x y=&quot;"');
    expect(xml).not.toContain('<x y=');
  });
});
