/**
 * Table pages of a PDF book (the change table of a reorganisation chart), drawn with pdfkit: the
 * table's title at the top, the header row repeated on every page, cell text wrapped to its column
 * and never a row cut at a page edge (only a row taller than a whole page is continued on the
 * next one, between two of its lines). Text is measured and drawn with a FontSet, each run in the
 * first face that has its characters, so the same table works for every script the set covers.
 *
 * Laying out and drawing are two steps: the writer learns how many pages the tables take before
 * it numbers any page ("page 3 of 9"), then draws them after the chart's pages.
 */
import type { TablePage } from '../render/chart/drawing.js';
import { registerFaces, type FontSet } from './fonts.js';

/** The little of a pdfkit document that drawing a table needs. */
export interface TableDocument {
  registerFont(name: string, src: string, family?: string): unknown;
  font(name: string): TableDocument;
  fontSize(size: number): TableDocument;
  fillColor(color: string): TableDocument;
  strokeColor(color: string): TableDocument;
  lineWidth(width: number): TableDocument;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): TableDocument;
  rect(x: number, y: number, width: number, height: number): TableDocument;
  moveTo(x: number, y: number): TableDocument;
  lineTo(x: number, y: number): TableDocument;
  fill(color?: string): TableDocument;
  stroke(): TableDocument;
  addPage(options?: Record<string, unknown>): TableDocument;
}

export interface TableLayoutOptions {
  fonts: FontSet;
  /** Size of the paper in points. */
  page: { width: number; height: number };
  /** The heading of a page that continues a table: "Changes in detail (continued)". */
  continued: (title: string) => string;
}

const MARGIN = 28;
const TITLE = 12;
const TITLE_GAP = 10;
const FOOTER = 18;
const SIZE = 8.5;
const LINE = SIZE * 1.3;
const PAD_X = 4;
const PAD_Y = 3;
const HEADER_FILL = '#E8EDF2';
const RULE = '#C9D1D9';
const TEXT = '#1A1A1A';

interface LaidRow {
  /** Lines of each cell. */
  cells: string[][];
  height: number;
}

interface LaidPage {
  title: string;
  widths: number[];
  header: LaidRow;
  rows: LaidRow[];
}

/** Tables cut into pages, ready to draw: `pages.length` is how many pages they take. */
export interface TablePlan {
  pages: LaidPage[];
  page: { width: number; height: number };
  fonts: FontSet;
}

function measure(doc: TableDocument, fonts: FontSet, text: string, bold: boolean): number {
  let width = 0;
  for (const run of fonts.runs(text, bold)) width += doc.font(run.face.pdfName).fontSize(SIZE).widthOfString(run.text);
  return width;
}

/** Wraps one cell: its own line breaks kept, then at spaces, a word wider than the column broken between letters. */
function wrapCell(doc: TableDocument, fonts: FontSet, text: string, width: number, bold: boolean): string[] {
  // Words are measured once each and lines summed from them: a long cell costs one measure per word.
  const cache = new Map<string, number>();
  const widthOf = (s: string): number => {
    let w = cache.get(s);
    if (w === undefined) cache.set(s, (w = measure(doc, fonts, s, bold)));
    return w;
  };
  const space = widthOf(' ');
  const out: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(' ').filter(Boolean)) {
      const w = widthOf(word);
      if (line !== '' && used + space + w <= width) {
        line += ` ${word}`;
        used += space + w;
        continue;
      }
      if (line !== '') out.push(line);
      line = word;
      used = w;
      while (used > width && [...line].length > 1) {
        let head = '';
        for (const ch of line) {
          if (head !== '' && measure(doc, fonts, head + ch, bold) > width) break;
          head += ch;
        }
        out.push(head);
        line = line.slice(head.length);
        used = widthOf(line);
      }
    }
    out.push(line);
  }
  return out;
}

function layRow(
  doc: TableDocument,
  fonts: FontSet,
  cells: readonly string[],
  widths: number[],
  bold: boolean,
): LaidRow {
  const lines = widths.map((w, i) => wrapCell(doc, fonts, cells[i] ?? '', w - 2 * PAD_X, bold));
  return { cells: lines, height: Math.max(1, ...lines.map((l) => l.length)) * LINE + 2 * PAD_Y };
}

/** Cuts a row taller than `room` into rows that fit, between lines. */
function splitRow(row: LaidRow, room: number): LaidRow[] {
  const perPage = Math.max(1, Math.floor((room - 2 * PAD_Y) / LINE));
  const tallest = Math.max(...row.cells.map((c) => c.length));
  const out: LaidRow[] = [];
  for (let start = 0; start < tallest; start += perPage) {
    const cells = row.cells.map((c) => c.slice(start, start + perPage));
    out.push({ cells, height: Math.max(1, ...cells.map((c) => c.length)) * LINE + 2 * PAD_Y });
  }
  return out;
}

/** Lays the tables out on pages of `options.page`; registers the set's faces with the document. */
export function layoutTables(doc: TableDocument, tables: readonly TablePage[], options: TableLayoutOptions): TablePlan {
  registerFaces(doc, options.fonts);
  const pages: LaidPage[] = [];
  const usable = options.page.width - 2 * MARGIN;
  const bodyTop = MARGIN + TITLE + TITLE_GAP;
  const bodyBottom = options.page.height - MARGIN - FOOTER;
  for (const table of tables) {
    const total = table.columns.reduce((sum, c) => sum + Math.max(1, c.width), 0);
    const widths = table.columns.map((c) => (Math.max(1, c.width) / total) * usable);
    const header = layRow(
      doc,
      options.fonts,
      table.columns.map((c) => c.header),
      widths,
      true,
    );
    const room = bodyBottom - bodyTop - header.height;
    let page: LaidPage = { title: table.title, widths, header, rows: [] };
    let used = 0;
    pages.push(page);
    for (const cells of table.rows) {
      for (const row of splitRow(layRow(doc, options.fonts, cells, widths, false), room)) {
        if (used + row.height > room && page.rows.length > 0) {
          page = { title: options.continued(table.title), widths, header, rows: [] };
          pages.push(page);
          used = 0;
        }
        page.rows.push(row);
        used += row.height;
      }
    }
  }
  return { pages, page: options.page, fonts: options.fonts };
}

/** One line of text whose top is at `y`: every run on one baseline, whatever the ascent of its face. */
function drawLine(
  doc: TableDocument,
  fonts: FontSet,
  text: string,
  x: number,
  y: number,
  bold: boolean,
  size: number,
): void {
  let at = x;
  for (const run of fonts.runs(text, bold)) {
    doc.font(run.face.pdfName).fontSize(size);
    doc.text(run.text, at, y + size, { lineBreak: false, baseline: 'alphabetic' });
    at += doc.widthOfString(run.text);
  }
}

function drawRow(doc: TableDocument, plan: TablePlan, row: LaidRow, widths: number[], y: number, bold: boolean): void {
  let x = MARGIN;
  row.cells.forEach((lines, i) => {
    lines.forEach((line, li) => drawLine(doc, plan.fonts, line, x + PAD_X, y + PAD_Y + li * LINE, bold, SIZE));
    x += widths[i]!;
  });
}

/**
 * Draws the planned pages, each added to the document; `pageLabel(i)` gives the footer of the
 * i-th table page (0-based), e.g. "page 7 of 9".
 */
export function drawTables(doc: TableDocument, plan: TablePlan, pageLabel?: (index: number) => string): void {
  const width = plan.page.width - 2 * MARGIN;
  plan.pages.forEach((page, index) => {
    doc.addPage({ size: [plan.page.width, plan.page.height], margin: 0 });
    doc.fillColor(TEXT);
    drawLine(doc, plan.fonts, page.title, MARGIN, MARGIN, true, TITLE);
    let y = MARGIN + TITLE + TITLE_GAP;
    const top = y;
    doc.rect(MARGIN, y, width, page.header.height).fill(HEADER_FILL);
    doc.fillColor(TEXT);
    drawRow(doc, plan, page.header, page.widths, y, true);
    y += page.header.height;
    doc.lineWidth(0.5).strokeColor(RULE);
    for (const row of page.rows) {
      doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + width, y)
        .stroke();
      doc.fillColor(TEXT);
      drawRow(doc, plan, row, page.widths, y, false);
      y += row.height;
    }
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .stroke();
    // Column rules and the frame.
    let x = MARGIN;
    for (const w of page.widths.slice(0, -1)) {
      x += w;
      doc.moveTo(x, top).lineTo(x, y).stroke();
    }
    doc.rect(MARGIN, top, width, y - top).stroke();
    if (pageLabel) {
      doc
        .font(plan.fonts.faces.find((f) => !f.bold)?.pdfName ?? plan.fonts.faces[0]!.pdfName)
        .fontSize(8)
        .fillColor('#4A4A4A');
      doc.text(pageLabel(index), MARGIN, plan.page.height - MARGIN - 10, { width, align: 'right', lineBreak: false });
    }
  });
}
