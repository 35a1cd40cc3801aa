/**
 * A chart book as PDF, drawn with pdfkit straight from the `ChartBook`: boxes, connectors and
 * text in vector form, the text in the fonts of the `FontSet` (embedded as subsets, so it can be
 * selected, searched and extracted). Every "→ p. N" box and every name in a page's trail is a
 * link to its page; the outline (bookmarks) mirrors the book's. Table pages (a reorganisation's
 * change table) are set as tables whose header row repeats on each page, rows never split.
 * Each page carries only its own boxes, so the file grows with the chart, not with its square.
 */
import type {
  ChartBook,
  ChartDrawing,
  ChartPage,
  DrawnLine,
  OutlineEntry,
  TablePage,
} from '../render/chart/drawing.js';
import { arrowHead, layoutHeading } from '../render/chart/draw.js';
import { chartArea, fitScale, FRAME } from '../render/chart/book.js';
import { cleanText, wrapText, type Measure, type TextStyle } from '../render/chart/text.js';
import type { FontSet } from './fonts.js';
import { openPdf } from './pdf-document.js';

export interface BookPdfOptions {
  fonts: FontSet;
  measure: Measure;
  /** "page n of m", in the chart's language. */
  pageLabel: (page: number, pages: number) => string;
  /** Language tag of the text, for screen readers. */
  lang?: string;
  /** Called after each page is written. */
  onPage?: (done: number, total: number) => void;
}

const TABLE_TEXT: TextStyle = { bold: false, size: 8.5 };
const TABLE_HEAD: TextStyle = { bold: true, size: 8.5 };
const CELL_PAD = 4;
const TABLE_LINE = 8.5 * 1.25;

/** A table page cut into the rows each PDF page holds. */
interface TableSheet {
  table: TablePage;
  widths: number[];
  header: string[][];
  rows: string[][][];
  continued: boolean;
}

function cellLines(text: string, width: number, style: TextStyle, measure: Measure): string[] {
  const lines = cleanText(text) === '' ? [] : wrapText(text, width, style, measure);
  return lines.length > 0 ? lines : [''];
}

function rowHeight(cells: string[][]): number {
  return Math.max(1, ...cells.map((c) => c.length)) * TABLE_LINE + 2 * CELL_PAD;
}

/** Splits a table page into sheets that each fit a page, breaking only between rows. */
function tableSheets(table: TablePage, paper: { width: number; height: number }, measure: Measure): TableSheet[] {
  const area = chartArea(paper, 16);
  const total = table.columns.reduce((s, c) => s + Math.max(c.width, 0), 0) || 1;
  const widths = table.columns.map((c) => (area.width * Math.max(c.width, 0)) / total);
  const header = table.columns.map((c, i) => cellLines(c.header, widths[i]! - 2 * CELL_PAD, TABLE_HEAD, measure));
  const rows = table.rows.map((row) =>
    table.columns.map((_, i) => cellLines(row[i] ?? '', widths[i]! - 2 * CELL_PAD, TABLE_TEXT, measure)),
  );
  const sheets: TableSheet[] = [];
  let current: string[][][] = [];
  let used = rowHeight(header);
  for (const row of rows) {
    const h = rowHeight(row);
    if (current.length > 0 && used + h > area.height) {
      sheets.push({ table, widths, header, rows: current, continued: sheets.length > 0 });
      current = [];
      used = rowHeight(header);
    }
    current.push(row);
    used += h;
  }
  sheets.push({ table, widths, header, rows: current, continued: sheets.length > 0 });
  return sheets;
}

export async function bookToPdf(book: ChartBook, options: BookPdfOptions): Promise<Uint8Array> {
  const { fonts, measure } = options;
  const paper = book.paper;
  const { doc, finish } = await openPdf({
    size: [paper.width, paper.height],
    title: book.title,
    ...(options.lang ? { lang: options.lang } : {}),
    fonts,
  });
  const sheets = bookSheets(book, measure);
  const total = sheets.list.length;
  const pen: BookPen = {
    doc,
    book,
    measure,
    text: (line) => writeLine(doc, fonts, line),
    destination: (bookPage) => `page-${sheets.pdfPage(bookPage)}`,
  };
  sheets.list.forEach((entry, index) => {
    const n = index + 1;
    doc.addPage({ size: [paper.width, paper.height], margin: 0 });
    doc.addNamedDestination(`page-${n}`);
    if ('chart' in entry) drawChartPage(pen, entry.chart);
    else drawTableSheet(pen, entry.sheet);
    if (total > 1) {
      const label = options.pageLabel(n, total);
      const w = measure(label, { bold: false, size: 8 });
      pen.text({
        text: label,
        size: 8,
        bold: false,
        color: '#4A4A4A',
        x: paper.width - FRAME.margin - w,
        baseline: paper.height - FRAME.margin,
      });
    }
    options.onPage?.(n, total);
  });
  addBookmarks(doc, book.outline, sheets.pdfPage);
  return finish();
}

type Sheet = { chart: ChartPage } | { sheet: TableSheet };

/** Book pages → PDF pages (a table page may take several), and the PDF page each book page starts on. */
function bookSheets(book: ChartBook, measure: Measure): { list: Sheet[]; pdfPage: (bookPage: number) => number } {
  const list: Sheet[] = [];
  const firstSheet: number[] = [];
  for (const page of book.pages) {
    firstSheet.push(list.length + 1);
    if (page.kind === 'chart') list.push({ chart: page });
    else for (const sheet of tableSheets(page, book.paper, measure)) list.push({ sheet });
  }
  return { list, pdfPage: (bookPage) => firstSheet[bookPage - 1] ?? 1 };
}

type LineToWrite = Pick<DrawnLine, 'text' | 'size' | 'bold' | 'color' | 'x' | 'baseline'>;

/** Writes one line, each run in the face that has its characters; returns its width. */
function writeLine(doc: PDFKit.PDFDocument, fonts: FontSet, line: LineToWrite): number {
  let x = line.x;
  doc.fillColor(line.color).fontSize(line.size);
  for (const run of fonts.runs(line.text, line.bold)) {
    doc.font(run.face.pdfName);
    doc.text(run.text, x, line.baseline, { lineBreak: false, baseline: 'alphabetic' });
    x += doc.widthOfString(run.text);
  }
  return x - line.x;
}

/** What the pages are drawn with. */
interface BookPen {
  doc: PDFKit.PDFDocument;
  book: ChartBook;
  measure: Measure;
  text: (line: LineToWrite) => number;
  /** The named destination of a book page, for links. */
  destination: (bookPage: number) => string;
}

/** A chart page: the heading (the overview) or the trail of units above (a detail page), then the chart scaled into its area. */
function drawChartPage(pen: BookPen, page: ChartPage): void {
  const { doc, book } = pen;
  const drawing = page.drawing;
  let area: ReturnType<typeof chartArea>;
  if (page.trail.length === 0) area = chartArea(book.paper, drawOverviewHeading(pen, drawing));
  else {
    drawTrail(pen, page);
    area = chartArea(book.paper, undefined);
  }
  const scale = page.scale ?? fitScale(drawing, area);
  const width = drawing.width * scale;
  const height = drawing.height * scale;
  // A page's chart is centred across; down, it starts at the top when it fills most of the page.
  const ox = area.x + Math.max(0, (area.width - width) / 2);
  const oy = area.y + (height > area.height * 0.6 ? 0 : Math.max(0, (area.height - height) / 2));
  doc.save();
  doc.rect(area.x, area.y, area.width, area.height).clip();
  doc.translate(ox, oy).scale(scale);
  drawChart(pen, drawing);
  doc.restore();
}

/** The overview's heading: title, date line and the legend's chips, centred; returns its height. */
function drawOverviewHeading(pen: BookPen, drawing: ChartDrawing): number {
  const { doc, book } = pen;
  const heading = layoutHeading(drawing, pen.measure, book.paper.width - 2 * FRAME.margin);
  const dx = FRAME.margin + (book.paper.width - 2 * FRAME.margin - heading.width) / 2;
  for (const item of heading.items) {
    if (item.kind === 'chip') {
      doc.save();
      doc.roundedRect(item.rect.x + dx, item.rect.y + FRAME.margin, item.rect.width, item.rect.height, 5).lineWidth(1);
      if (item.dashed) doc.dash(4, { space: 3 });
      doc.fillAndStroke(item.palette.fill, item.palette.border);
      doc.restore();
    }
    pen.text({ ...item.line, x: item.line.x + dx, baseline: item.line.baseline + FRAME.margin });
  }
  return heading.height;
}

/** A detail page's header: the book's title, then the trail, each ancestor a link to the page it is drawn on, the page's own unit ending it. */
function drawTrail(pen: BookPen, page: ChartPage): void {
  const { doc, book, measure } = pen;
  pen.text({ text: book.title, size: 8.5, bold: false, color: '#5A5A5A', x: FRAME.margin, baseline: FRAME.margin + 8 });
  let x = FRAME.margin;
  let baseline = FRAME.margin + 24;
  const limit = book.paper.width - FRAME.margin;
  const separator = ' › ';
  const items = [
    ...page.trail.map((a) => ({ name: a.name, page: a.page as number | undefined })),
    { name: page.drawing.title, page: undefined },
  ];
  for (const [i, item] of items.entries()) {
    const style = { bold: item.page === undefined, size: 10 };
    const label = cleanText(item.name) + (i < items.length - 1 ? separator : '');
    const w = measure(label, style);
    if (x + w > limit && x > FRAME.margin) {
      x = FRAME.margin;
      baseline += 13;
    }
    if (baseline > FRAME.margin + FRAME.detailHeader - 4) break;
    pen.text({
      text: label,
      size: 10,
      bold: style.bold,
      color: item.page === undefined ? '#1A1A1A' : '#2F5597',
      x,
      baseline,
    });
    if (item.page !== undefined)
      doc.goTo(x, baseline - 10, measure(cleanText(item.name), style), 13, pen.destination(item.page));
    x += w;
  }
}

/** The chart itself: connectors (dashed, with arrow heads), then boxes with their lines; a cut box links to its page. */
function drawChart(pen: BookPen, drawing: ChartDrawing): void {
  const { doc } = pen;
  doc.lineWidth(1.2);
  doc.lineCap('butt');
  for (const s of drawing.segments) {
    doc.save();
    doc
      .moveTo(s.from.x, s.from.y)
      .lineTo(s.to.x, s.to.y)
      .lineWidth(s.width ?? 1.2);
    if (s.dashed) doc.dash(5, { space: 3 });
    doc.stroke(s.color);
    doc.restore();
    if (s.arrow) {
      const [a, b, c] = arrowHead(s);
      doc.polygon([a!.x, a!.y], [b!.x, b!.y], [c!.x, c!.y]).fill(s.color);
    }
  }
  for (const box of drawing.boxes) {
    const r = box.rect;
    doc.save();
    doc.roundedRect(r.x, r.y, r.width, r.height, 8).lineWidth(box.emphasis === 'root' ? 2.4 : 1.2);
    if (box.dashed) doc.dash(5, { space: 3 });
    doc.fillAndStroke(box.palette.fill, box.palette.border);
    doc.restore();
    for (const y of box.rules)
      doc
        .moveTo(r.x + 8, y)
        .lineTo(r.x + r.width - 8, y)
        .lineWidth(0.8)
        .stroke(box.palette.border);
    for (const line of box.lines) pen.text(line);
    if (box.continues) doc.goTo(r.x, r.y, r.width, r.height, pen.destination(box.continues.page));
  }
}

/** One sheet of a table page: its title, the header row, then its rows, each cell framed. */
function drawTableSheet(pen: BookPen, sheet: TableSheet): void {
  const { doc } = pen;
  const area = chartArea(pen.book.paper, 16);
  const title = sheet.continued ? `${sheet.table.title} (…)` : sheet.table.title;
  pen.text({ text: title, size: 12, bold: true, color: '#1A1A1A', x: FRAME.margin, baseline: FRAME.margin + 12 });
  let y = area.y;
  const drawRow = (cells: string[][], style: TextStyle, fill?: string): void => {
    const h = rowHeight(cells);
    let x = area.x;
    cells.forEach((lines, i) => {
      const w = sheet.widths[i]!;
      doc.save();
      doc.rect(x, y, w, h).lineWidth(0.5);
      if (fill) doc.fillAndStroke(fill, '#9E9E9E');
      else doc.stroke('#9E9E9E');
      doc.restore();
      lines.forEach((l, j) =>
        pen.text({
          text: l,
          size: style.size,
          bold: style.bold,
          color: '#1A1A1A',
          x: x + CELL_PAD,
          baseline: y + CELL_PAD + (j + 0.8) * TABLE_LINE,
        }),
      );
      x += w;
    });
    y += h;
  };
  drawRow(sheet.header, TABLE_HEAD, '#E8E8E8');
  for (const row of sheet.rows) drawRow(row, TABLE_TEXT);
}

/** Bookmarks mirroring the book's outline, parents before children (the outline is in tree order). */
function addBookmarks(
  doc: PDFKit.PDFDocument,
  outline: readonly OutlineEntry[],
  pdfPage: (bookPage: number) => number,
): void {
  const work: Array<{ entry: OutlineEntry; parent: PDFKit.PDFOutline }> = outline
    .map((entry) => ({ entry, parent: doc.outline }))
    .reverse();
  while (work.length > 0) {
    const { entry, parent } = work.pop()!;
    const item = parent.addItem(entry.title, { pageNumber: pdfPage(entry.page) - 1 } as never);
    for (let i = entry.children.length - 1; i >= 0; i--) work.push({ entry: entry.children[i]!, parent: item });
  }
}
