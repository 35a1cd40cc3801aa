/**
 * SVG → PDF with pdfkit and svg-to-pdfkit: vector graphics with real, selectable text in the
 * DejaVu fonts (embedded as subsets). A chart that fits a page at a readable size is scaled onto
 * one page; a larger one is spread over pages in reading order (left to right, then down), each
 * with the title and "page n of m", so the pages can be printed and laid side by side. `fit`
 * makes one page the size of the chart, within the 14,400 pt limit PDF readers impose.
 */
import { fontFiles } from './fonts.js';
import { svgSize } from './png.js';

export type PageSize = 'A4' | 'A3' | 'A2' | 'fit';
export const PAGE_SIZES: readonly PageSize[] = ['A4', 'A3', 'A2', 'fit'];

/** ISO 216 sizes in points, portrait. */
const PAPER: Record<Exclude<PageSize, 'fit'>, [number, number]> = {
  A4: [595.28, 841.89],
  A3: [841.89, 1190.55],
  A2: [1190.55, 1683.78],
};

/** The largest page side PDF readers accept (Acrobat's limit, 200 inches). */
export const MAX_PAGE_SIDE = 14_400;

export interface PdfOptions {
  page?: PageSize;
  landscape?: boolean;
  /** Printed at the top of every page and stored as the document title. */
  title: string;
  /** "page n of m", in the reader's language. */
  pageLabel: (page: number, pages: number) => string;
  /** Smallest scale at which the chart counts as readable on paper (default 0.55: 12 pt names print at 6.6 pt). */
  minScale?: number;
  /** Language tag of the text, for screen readers. */
  lang?: string;
}

const MARGIN = 28;
const HEADER = 22;
const FOOTER = 18;
const REGULAR = 'DejaVu Sans';
const BOLD = 'DejaVu Sans-Bold';

/** How a chart of `size` points is placed: the scale, and the grid of pages it is cut into. */
export interface Tiling {
  scale: number;
  columns: number;
  rows: number;
  page: { width: number; height: number };
  /** The area of a page the chart may use. */
  area: { x: number; y: number; width: number; height: number };
}

export function planTiling(size: { width: number; height: number }, options: Pick<PdfOptions, 'page' | 'landscape' | 'minScale'>): Tiling {
  const chrome = { x: 2 * MARGIN, y: 2 * MARGIN + HEADER + FOOTER };
  const page = options.page ?? 'A4';
  if (page === 'fit') {
    const scale = Math.min(1, (MAX_PAGE_SIDE - chrome.x) / size.width, (MAX_PAGE_SIDE - chrome.y) / size.height);
    const width = Math.ceil(size.width * scale + chrome.x);
    const height = Math.ceil(size.height * scale + chrome.y);
    return { scale, columns: 1, rows: 1, page: { width, height }, area: { x: MARGIN, y: MARGIN + HEADER, width: width - chrome.x, height: height - chrome.y } };
  }
  const [short, long] = PAPER[page];
  const width = options.landscape ? long : short;
  const height = options.landscape ? short : long;
  const area = { x: MARGIN, y: MARGIN + HEADER, width: width - chrome.x, height: height - chrome.y };
  const minScale = options.minScale ?? 0.55;
  const fit = Math.min(1, area.width / size.width, area.height / size.height);
  if (fit >= minScale) return { scale: fit, columns: 1, rows: 1, page: { width, height }, area };
  const columns = Math.ceil((size.width * minScale) / area.width);
  const rows = Math.ceil((size.height * minScale) / area.height);
  // With the grid fixed, use as much of each page as the grid allows (never above full size).
  const scale = Math.min(1, (columns * area.width) / size.width, (rows * area.height) / size.height);
  return { scale, columns, rows, page: { width, height }, area };
}

export async function svgToPdf(svg: string, options: PdfOptions): Promise<Uint8Array> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')]);
  const size = svgSize(svg);
  // svgSize gives CSS pixels; the chart is laid out in points.
  const points = { width: (size.width * 3) / 4, height: (size.height * 3) / 4 };
  const tiling = planTiling(points, options);
  const { area, scale } = tiling;
  const doc = new PDFDocument({
    size: [tiling.page.width, tiling.page.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: options.title, Creator: 'orgcode' },
    ...(options.lang ? { lang: options.lang } : {}),
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const files = fontFiles();
  doc.registerFont(REGULAR, files.regular);
  doc.registerFont(BOLD, files.bold);

  const pages = tiling.columns * tiling.rows;
  const drawn = { width: points.width * scale, height: points.height * scale };
  // Single pages centre the chart; tiles start at the top left so neighbours join up.
  const offset = pages === 1 ? { x: (area.width - drawn.width) / 2, y: 0 } : { x: 0, y: 0 };
  for (let row = 0; row < tiling.rows; row++) {
    for (let column = 0; column < tiling.columns; column++) {
      const n = row * tiling.columns + column + 1;
      doc.addPage({ size: [tiling.page.width, tiling.page.height], margin: 0 });
      doc.font(BOLD).fontSize(10).fillColor('#1A1A1A');
      doc.text(options.title, MARGIN, MARGIN, { width: area.width, height: HEADER, lineBreak: false, ellipsis: true });
      if (pages > 1) {
        doc.font(REGULAR).fontSize(8).fillColor('#4A4A4A');
        doc.text(options.pageLabel(n, pages), MARGIN, tiling.page.height - MARGIN - 10, { width: area.width, align: 'right', lineBreak: false });
      }
      doc.save();
      doc.rect(area.x, area.y, area.width, area.height).clip();
      SVGtoPDF(doc, svg, area.x + offset.x - column * area.width, area.y + offset.y - row * area.height, {
        width: drawn.width,
        height: drawn.height,
        fontCallback: (_family, bold) => (bold ? BOLD : REGULAR),
        warningCallback: () => undefined,
      });
      doc.restore();
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
