/**
 * The chart as pictures, through the real pipeline: the drawing written as SVG, resvg for PNG,
 * pdfkit for the PDF book, read back with a real PDF reader (pdftotext, pdfjs-dist for links and
 * bookmarks). Checks what a reader would notice: every name present and whole, every line of
 * text centred inside its own box, well-formed SVG, the same bytes every time, a book whose
 * pages each carry units and link to each other, and large charts that complete.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import { bookToPdf } from '../../src/output/chart-pdf.js';
import { defaultFontSet } from '../../src/output/fonts.js';
import { dotToSvg } from '../helpers/graphviz.js';
import { measureText } from '../../src/output/measure.js';
import { cappedScale, svgSize, svgToPng } from '../../src/output/png.js';
import { buildModel, type OrgModel } from '../../src/model/model.js';
import { chartBook, MAX_PAGE_SIDE, PAPER } from '../../src/render/chart/book.js';
import { chartDot, chartSpec, type ChartOptions } from '../../src/render/chart/chart.js';
import { chartDrawing } from '../../src/render/chart/draw.js';
import type { ChartBook, ChartPage, OutlineEntry, TablePage } from '../../src/render/chart/drawing.js';
import { drawingSvg } from '../../src/render/chart/svg.js';
import { cleanText } from '../../src/render/chart/text.js';
import { load } from '../helpers/structure.js';
import {
  bishkek,
  names,
  options,
  TRICKY_NAMES,
  tricky,
  unescapeXml,
  wellFormedProblems,
} from '../render/chart/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'org-chart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const fonts = defaultFontSet();
const landscape = { width: PAPER.A4.height, height: PAPER.A4.width };

function svgOf(model: OrgModel, opts: ChartOptions): string {
  return drawingSvg(chartDrawing(chartSpec(model, opts), measureText), {
    measure: measureText,
    fontFamily: fonts.cssFamily,
  });
}

function bookOf(model: OrgModel, opts: ChartOptions, paper: ChartBook['paper'] | 'fit' = landscape): ChartBook {
  return chartBook(chartSpec(model, opts), {
    paper,
    measure: measureText,
    t: translator(opts.lang === 'ru' ? 'ru' : 'en'),
  });
}

async function pdfOf(book: ChartBook, file: string): Promise<string> {
  const path = join(work, file);
  writeFileSync(
    path,
    await bookToPdf(book, { fonts, measure: measureText, pageLabel: (n, m) => `страница ${n} из ${m}`, lang: 'ru' }),
  );
  return path;
}

interface NodeText {
  id: string;
  box: { left: number; right: number; top: number; bottom: number };
  lines: Array<{ text: string; x: number; y: number; anchor: string; size: number; bold: boolean }>;
}

/** Each unit's box and the text lines drawn in it. */
function nodeTexts(svg: string): NodeText[] {
  const out: NodeText[] = [];
  for (const group of svg.split('<g id="unit-').slice(1)) {
    const body = group.slice(0, group.indexOf('</g>'));
    const id = unescapeXml(/^([^"]*)"/.exec(body)![1]!);
    const rect = /<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(body)!;
    const [x, y, w, h] = [1, 2, 3, 4].map((i) => Number(rect[i]));
    const lines = [
      ...body.matchAll(
        /<text x="([-\d.]+)" y="([-\d.]+)" text-anchor="(\w+)" font-size="([\d.]+)"( font-weight="bold")?[^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      anchor: m[3]!,
      size: Number(m[4]),
      bold: m[5] !== undefined,
      text: unescapeXml(m[6]!),
    }));
    out.push({ id, box: { left: x!, right: x! + w!, top: y!, bottom: y! + h! }, lines });
  }
  return out;
}

function expectTextInsideBoxes(svg: string): void {
  for (const node of nodeTexts(svg)) {
    const centre = (node.box.left + node.box.right) / 2;
    for (const line of node.lines) {
      expect(line.anchor, `${node.id}: "${line.text}"`).toBe('middle');
      expect(Math.abs(line.x - centre), `${node.id}: "${line.text}" is centred`).toBeLessThan(0.6);
      const width = measureText(line.text, { bold: line.bold, size: line.size });
      // Inside the box with room for the rounded corners.
      expect(width, `${node.id}: "${line.text}" fits`).toBeLessThanOrEqual(node.box.right - node.box.left - 12);
      expect(line.y).toBeGreaterThan(node.box.top + line.size * 0.7);
      expect(line.y).toBeLessThan(node.box.bottom - 2);
    }
  }
}

/** Text of each page of a PDF: pdftotext when installed, else pdfjs-dist. */
async function pdfPages(file: string): Promise<string[]> {
  const r = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout.split('\f').slice(0, -1);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/** A structure of `count` units: a root, `top` departments, then divisions `fan` to a unit. */
function synthetic(count: number, fan: number[] = [12, 6, 4, 3]): OrgModel {
  const files: Record<string, object> = {};
  const queue: Array<{ id: string; depth: number }> = [{ id: 'u0', depth: 0 }];
  files['units/u0.yaml'] = { id: 'u0', kind: 'office', name: 'Аппарат' };
  let n = 1;
  while (n < count && queue.length > 0) {
    const { id, depth } = queue.shift()!;
    for (let i = 0; i < fan[Math.min(depth, fan.length - 1)]! && n < count; i++, n++) {
      const child = `u${n}`;
      files[`units/${child}.yaml`] = {
        id: child,
        kind: depth === 0 ? 'department' : 'division',
        parent: id,
        name: `Отдел № ${n} по «особо важным» вопросам`,
      };
      queue.push({ id: child, depth: depth + 1 });
    }
  }
  return buildModel(load(files));
}

describe('SVG', () => {
  it('Bishkek: well-formed, every name whole, every line centred inside its box', () => {
    const model = bishkek();
    const svg = svgOf(model, options('ru', { headcount: true, functions: true }));
    expect(wellFormedProblems(svg)).toEqual([]);
    const nodes = nodeTexts(svg);
    expect(nodes).toHaveLength(model.units.size);
    for (const { unit } of model.units.values()) {
      const node = nodes.find((n) => n.id === unit.id)!;
      const name = cleanText(typeof unit.name === 'string' ? unit.name : unit.name.ru!);
      const drawn = node.lines.filter((l) => l.bold).map((l) => l.text);
      expect(drawn.join(' ').replace(/- /g, '-')).toBe(name);
    }
    expectTextInsideBoxes(svg);
    expect(svg).toContain(`font-family="&apos;DejaVu Sans&apos;, Arial, Helvetica, sans-serif"`);
  });

  it('the same input gives the same bytes', () => {
    const a = svgOf(bishkek(), options('en'));
    const b = svgOf(bishkek(), options('en'));
    expect(a).toBe(b);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it('names that look like markup stay text', () => {
    const svg = svgOf(tricky(), options('ru'));
    expect(wellFormedProblems(svg)).toEqual([]);
    expect(svg).not.toMatch(/<script|<b>/);
    const all = nodeTexts(svg)
      .flatMap((n) => n.lines)
      .filter((l) => l.bold)
      .map((l) => l.text)
      .join(' ');
    for (const name of Object.values(TRICKY_NAMES)) expect(squash(all)).toContain(squash(name));
    expectTextInsideBoxes(svg);
  });

  it('a staff unit hangs beside its parent on a dashed branch, above the row of line units', () => {
    const model = bishkek();
    const staffId = 'otdel-vnutrennego-audita';
    (model.units.get(staffId)!.unit as { staff?: boolean }).staff = true;
    const spec = chartSpec(model, options('ru'));
    expect(spec.boxes.find((b) => b.id === staffId)!.staff).toBe(true);
    const drawing = chartDrawing(spec, measureText);
    const rect = (id: string) => drawing.boxes.find((b) => b.id === id)!.rect;
    const root = model.roots[0]!;
    const dashed = drawing.segments.filter((x) => x.dashed);
    expect(dashed).toHaveLength(1);
    expect(dashed[0]!.from.y).toBe(dashed[0]!.to.y);
    expect(rect(staffId).y).toBeGreaterThan(rect(root).y + rect(root).height);
    for (const child of model.children.get(root)!)
      if (child !== staffId) expect(rect(child).y).toBeGreaterThan(rect(staffId).y + rect(staffId).height);
    expect(drawingSvg(drawing, { measure: measureText, fontFamily: fonts.cssFamily })).toMatch(
      /<path stroke="[^"]+" stroke-dasharray="5 3" d="M[\d.]+,[\d.]+L/,
    );
  });

  it('a 2,000-unit chart completes, not much wider than tall', () => {
    const model = synthetic(2000);
    const svg = svgOf(model, options('ru'));
    expect(wellFormedProblems(svg)).toEqual([]);
    expect(svg.split('<g id="unit-').length - 1).toBe(2000);
    expect(svg).toContain('Отдел № 1999 по');
    const size = svgSize(svg);
    expect(size.width / size.height).toBeLessThan(3);
  });
});

describe('DOT', () => {
  it('the DOT export still draws in Graphviz, every unit a node', async () => {
    const model = bishkek();
    const svg = await dotToSvg(chartDot(model, options('ru'), measureText));
    expect(svg.split('class="node unit').length - 1).toBe(model.units.size);
  });
});

describe('PNG', () => {
  it('has the size of the SVG at the asked zoom, and caps huge charts', async () => {
    const svg = svgOf(bishkek(), options('ru'));
    const png = await svgToPng(svg, { scale: 1.5 });
    const bytes = Buffer.from(png.bytes);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = svgSize(svg);
    expect(bytes.readUInt32BE(16)).toBe(Math.ceil(size.width * 1.5));
    expect(bytes.readUInt32BE(20)).toBe(Math.ceil(size.height * 1.5));
    expect(png.width).toBe(bytes.readUInt32BE(16));
    expect(cappedScale({ width: 100_000, height: 500 }, { scale: 2 })).toBeCloseTo(16_384 / 100_000);
    expect(cappedScale({ width: 20_000, height: 20_000 }, { scale: 2 }) * 20_000).toBeLessThanOrEqual(
      Math.sqrt(64_000_000) + 1,
    );
  });

  it('draws the text (fonts are passed explicitly, not looked up on the system)', async () => {
    const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>';
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="30" font-family="'DejaVu Sans', Arial, sans-serif" font-size="20">Отдел ёж №</text></svg>`;
    const a = await svgToPng(blank, { scale: 1 });
    const b = await svgToPng(text, { scale: 1 });
    // A picture with letters compresses far worse than a white one.
    expect(b.bytes.length).toBeGreaterThan(a.bytes.length * 3);
  });
});

/** Units drawn in full (not only as a box pointing to another page) on each page. */
function homes(book: ChartBook): Map<string, number[]> {
  const out = new Map<string, number[]>();
  book.pages.forEach((page, i) => {
    if (page.kind !== 'chart') return;
    for (const box of page.drawing.boxes) if (!box.continues) out.set(box.id, [...(out.get(box.id) ?? []), i + 1]);
  });
  return out;
}

describe('PDF book', () => {
  it('Bishkek on A4 landscape: one page, every name reads back', async () => {
    const model = bishkek();
    const book = bookOf(model, options('ru'));
    expect(book.pages).toHaveLength(1);
    const pages = await pdfPages(await pdfOf(book, 'bishkek.pdf'));
    expect(pages).toHaveLength(1);
    for (const name of names(model, 'ru')) expect(squash(pages[0]!)).toContain(squash(name));
  });

  it('a large structure: an overview, then subtrees in tree order, every unit drawn in full exactly once, no empty page', async () => {
    const model = synthetic(700);
    const book = bookOf(model, options('ru'));
    expect(book.pages.length).toBeGreaterThan(2);
    const chartPages = book.pages as ChartPage[];
    expect(chartPages[0]!.trail).toEqual([]);
    const overview = chartPages[0]!.drawing;
    // The overview goes below the top level, and points to pages that exist.
    expect(overview.boxes.length).toBeGreaterThan(13);
    const continued = overview.boxes.filter((b) => b.continues);
    expect(continued.length).toBeGreaterThan(0);
    for (const box of chartPages.flatMap((p) => p.drawing.boxes)) {
      if (!box.continues) continue;
      const target = chartPages[box.continues.page - 1]!;
      expect(
        target.drawing.boxes[0]!.id === box.id || target.drawing.boxes.some((b) => b.id === box.id && !b.continues),
      ).toBe(true);
      expect(box.lines.at(-1)!.text).toBe(`→ с. ${box.continues.page}`);
    }
    const drawn = homes(book);
    for (const id of model.units.keys()) expect(drawn.get(id), id).toHaveLength(1);
    // Each detail page is headed by its unit's ancestors, each pointing to where it is drawn in full.
    for (const page of chartPages.slice(1)) {
      expect(page.trail.length).toBeGreaterThan(0);
      expect(page.trail[0]!.id).toBe('u0');
      for (const a of page.trail) expect(drawn.get(a.id)).toEqual([a.page]);
    }
    // Tree order: the page of a subtree comes after the page that points to it.
    for (const [i, page] of chartPages.entries())
      for (const b of page.drawing.boxes) if (b.continues) expect(b.continues.page).toBeGreaterThan(i + 1);

    const file = await pdfOf(book, 'large.pdf');
    const pages = await pdfPages(file);
    expect(pages).toHaveLength(book.pages.length);
    for (const [i, text] of pages.entries()) {
      expect(text, `page ${i + 1} has units`).toMatch(/Отдел № \d+/);
      expect(text).toContain(`страница ${i + 1} из ${pages.length}`);
    }
    const all = squash(pages.join(''));
    for (const name of names(model, 'ru')) expect(all).toContain(squash(name));
  });

  it('links and bookmarks: every "→ p. N" box and trail name goes to its page; the outline mirrors the book', async () => {
    const model = synthetic(400);
    const book = bookOf(model, options('ru'));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(await pdfOf(book, 'links.pdf'))) }).promise;
    expect(doc.numPages).toBe(book.pages.length);
    const pageOf = async (dest: unknown): Promise<number> => {
      const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[]);
      return (await doc.getPageIndex(explicit![0] as { num: number; gen: number })) + 1;
    };
    for (let i = 1; i <= doc.numPages; i++) {
      const page = book.pages[i - 1] as ChartPage;
      const links = (await (await doc.getPage(i)).getAnnotations()).filter(
        (a: { subtype: string }) => a.subtype === 'Link',
      );
      const targets = await Promise.all(links.map((a: { dest: unknown }) => pageOf(a.dest)));
      const expected = [
        ...page.trail.map((t) => t.page),
        ...page.drawing.boxes.filter((b) => b.continues).map((b) => b.continues!.page),
      ];
      expect(targets.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    }
    const outline = await doc.getOutline();
    const flatten = async (
      items: Array<{ title: string; dest: unknown; items: unknown[] }>,
      entries: OutlineEntry[],
    ): Promise<void> => {
      expect(items.map((x) => x.title)).toEqual(entries.map((e) => e.title));
      for (const [j, item] of items.entries()) {
        expect(await pageOf(item.dest)).toBe(entries[j]!.page);
        await flatten(item.items as typeof items, entries[j]!.children);
      }
    };
    await flatten(outline as never, book.outline);
    expect(book.outline[0]!.children.length).toBeGreaterThan(0);
  });

  it('a unit with hundreds of units under it is spread over a few pages, each with boxes', async () => {
    const files: Record<string, object> = {
      'units/root.yaml': { id: 'root', kind: 'office', name: 'Аппарат' },
      'units/big.yaml': { id: 'big', kind: 'department', parent: 'root', name: 'Большое управление' },
    };
    for (let i = 0; i < 400; i++)
      files[`units/s${i}.yaml`] = { id: `s${i}`, kind: 'division', parent: 'big', name: `Сектор № ${i}` };
    const model = buildModel(load(files));
    const book = bookOf(model, options('ru'));
    expect(book.pages.length).toBeGreaterThan(2);
    for (const page of book.pages as ChartPage[]) expect(page.drawing.boxes.length).toBeGreaterThan(0);
    const drawn = homes(book);
    for (let i = 0; i < 400; i++) expect(drawn.get(`s${i}`)).toHaveLength(1);
    const pages = await pdfPages(await pdfOf(book, 'spread.pdf'));
    const all = squash(pages.join(''));
    for (let i = 0; i < 400; i++) expect(all).toContain(`Сектор№${i}`);
  });

  it('`fit` gives one page the size of the chart, never over the PDF limit', async () => {
    const book = bookOf(synthetic(1200, [60, 6, 4]), options('ru'), 'fit');
    expect(book.pages).toHaveLength(1);
    expect(Math.max(book.paper.width, book.paper.height)).toBeLessThanOrEqual(MAX_PAGE_SIDE);
    const pdf = Buffer.from(readFileSync(await pdfOf(book, 'fit.pdf')));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('table pages: rows wrap, never split across pages, the header repeats on every page', async () => {
    const table: TablePage = {
      kind: 'table',
      title: 'Изменения',
      columns: [
        { header: 'Подразделение', width: 2 },
        { header: 'Изменение', width: 3 },
      ],
      rows: Array.from({ length: 150 }, (_, i) => [
        `Отдел № ${i}`,
        `переименовано из «${'очень длинного названия '.repeat((i % 4) + 1)}» № ${i}`,
      ]),
    };
    const book: ChartBook = { ...bookOf(bishkek(), options('ru')), outline: [] };
    book.pages.push(table);
    const pages = await pdfPages(await pdfOf(book, 'table.pdf'));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1)) {
      expect(page).toContain('Подразделение');
      expect(page).toContain('Изменение');
    }
    for (let i = 0; i < 150; i++) {
      const holding = pages.filter((p) => squash(p).includes(`№${i}»`) || squash(p).includes(`№${i}`));
      expect(holding.length, `row ${i}`).toBeGreaterThan(0);
      const page = pages.findIndex((p) => squash(p).includes(`Отдел№${i}`) && squash(p).includes(`»№${i}`));
      expect(page, `row ${i} is whole on one page`).toBeGreaterThan(0);
    }
  });
});
