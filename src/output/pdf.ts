/**
 * SVG → PDF with pdfkit and svg-to-pdfkit, for the function matrix: vector graphics with real,
 * selectable text in the faces of the font set (embedded as subsets), each run in the face it was measured with. A picture that fits a page at a
 * readable size is scaled onto one page; a larger one is spread over pages in reading order (left
 * to right, then down), each with the title and "page n of m". `fit` makes one page the size of
 * the picture, within the 14,400 pt limit PDF readers impose. (Charts are drawn as books straight
 * from their drawing: chart-pdf.ts.)
 */
import type { TablePage } from '../render/chart/drawing.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { openPdf } from './pdf-document.js';
import { drawTables, layoutTables, type TableDocument } from './table-pdf.js';
import { svgSize } from './png.js';
import { byIndex, FACE_PREFIX, splitTextRuns, visualPieces } from './svg-runs.js';

export type PageSize = 'A4' | 'A3' | 'A2' | 'fit';
export const PAGE_SIZES: readonly PageSize[] = ['A4', 'A3', 'A2', 'fit'];

/** ISO 216 sizes in points, portrait. */
export const PAPER: Record<Exclude<PageSize, 'fit'>, [number, number]> = {
  A4: [595.28, 841.89],
  A3: [841.89, 1190.55],
  A2: [1190.55, 1683.78],
};

/** The largest page side PDF readers accept (Acrobat's limit, 200 inches). */
export const MAX_PAGE_SIDE = 14_400;

export interface PdfOptions {
  page?: PageSize;
  /** The SVG's size as drawn, in CSS pixels (its viewBox units); read from the SVG's root when left out. */
  size?: { width: number; height: number };
  /** Orientation of the pages; left out, the one that needs fewer pages (then the larger scale). */
  landscape?: boolean;
  /** Printed at the top of every page and stored as the document title. */
  title: string;
  /** "page n of m", in the reader's language. */
  pageLabel: (page: number, pages: number) => string;
  /** Smallest scale at which the chart counts as readable on paper (default 0.55: 12 pt names print at 6.6 pt). */
  minScale?: number;
  /** Language tag of the text, for screen readers. */
  lang?: string;
  /** Rectangles of the SVG (in its viewBox units) that page edges should not cut. */
  keep?: Keep[];
  /** Print the title above a chart that fits one page (default true; off when the SVG has its own title). */
  titleOnSinglePage?: boolean;
  /** Table pages that follow the chart (the change table of a reorganisation chart). */
  tables?: TablePage[];
  /** The heading of a page that continues a table. */
  tableContinued?: (title: string) => string;
  /** The fonts the SVG's text was measured with (default: DejaVu Sans); every face is embedded as needed. */
  fonts?: FontSet;
}

const MARGIN = 28;
const HEADER = 22;
const FOOTER = 18;

/** How a chart of `size` points is placed: the scale, and the slices of it that go on each page. */
export interface Tiling {
  scale: number;
  /** Horizontal slices of the chart (in chart points), one per column of pages. */
  columns: Array<[number, number]>;
  /** Vertical slices, one per row of pages. */
  rows: Array<[number, number]>;
  page: { width: number; height: number };
  /** The area of a page the chart may use. */
  area: { x: number; y: number; width: number; height: number };
}

/** A rectangle of the chart that a page edge should not cut (a box, a line of the title). */
export interface Keep {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Better kept whole, but may be cut when nothing else works (a long title). */
  soft?: boolean;
}

/**
 * Cuts [0, length] into slices of at most `page`, moving each cut back into the nearest gap
 * between the spans to keep whole: all of them if it can, else the `firm` ones only (boxes rather
 * than the title), unless that would waste most of a page.
 */
export function slices(
  length: number,
  page: number,
  keep: Array<[number, number]>,
  firm: Array<[number, number]> = keep,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const cutBefore = (limit: number, spans: Array<[number, number]>): number | undefined => {
    let cut = limit;
    for (let moved = true; moved;) {
      moved = false;
      for (const [a, b] of spans) {
        if (a - 3 < cut && cut < b + 3) {
          cut = a - 3;
          moved = true;
        }
      }
    }
    return cut - start >= page * 0.4 ? cut : undefined;
  };
  while (length - start > 0.5) {
    const limit = start + page;
    if (limit >= length) {
      out.push([start, length]);
      break;
    }
    const cut = cutBefore(limit, keep) ?? cutBefore(limit, firm) ?? limit;
    out.push([start, cut]);
    start = cut;
  }
  return out;
}

export function planTiling(
  size: { width: number; height: number },
  options: Pick<PdfOptions, 'page' | 'landscape' | 'minScale'> & { keep?: Keep[] },
): Tiling {
  if (options.landscape === undefined && options.page !== 'fit') {
    // A wide chart on a portrait page would be cut into strips that a landscape page holds whole.
    const portrait = planTiling(size, { ...options, landscape: false });
    const landscape = planTiling(size, { ...options, landscape: true });
    const pages = (t: Tiling): number => t.columns.length * t.rows.length;
    return pages(landscape) < pages(portrait) ||
      (pages(landscape) === pages(portrait) && landscape.scale > portrait.scale)
      ? landscape
      : portrait;
  }
  const chrome = { x: 2 * MARGIN, y: 2 * MARGIN + HEADER + FOOTER };
  const page = options.page ?? 'A4';
  const whole = (): Pick<Tiling, 'columns' | 'rows'> => ({ columns: [[0, size.width]], rows: [[0, size.height]] });
  if (page === 'fit') {
    const scale = Math.min(1, (MAX_PAGE_SIDE - chrome.x) / size.width, (MAX_PAGE_SIDE - chrome.y) / size.height);
    const width = Math.ceil(size.width * scale + chrome.x);
    const height = Math.ceil(size.height * scale + chrome.y);
    return {
      scale,
      ...whole(),
      page: { width, height },
      area: { x: MARGIN, y: MARGIN + HEADER, width: width - chrome.x, height: height - chrome.y },
    };
  }
  const [short, long] = PAPER[page];
  const width = options.landscape ? long : short;
  const height = options.landscape ? short : long;
  const area = { x: MARGIN, y: MARGIN + HEADER, width: width - chrome.x, height: height - chrome.y };
  const minScale = options.minScale ?? 0.55;
  const fit = Math.min(1, area.width / size.width, area.height / size.height);
  if (fit >= minScale) return { scale: fit, ...whole(), page: { width, height }, area };
  const across = Math.ceil((size.width * minScale) / area.width);
  const down = Math.ceil((size.height * minScale) / area.height);
  // Use most of the grid the readable scale needs, leaving a little room for cuts between boxes.
  const scale = Math.max(
    minScale,
    Math.min(1, (across * area.width) / size.width, (down * area.height) / size.height) * 0.93,
  );
  const keep = options.keep ?? [];
  return {
    scale,
    columns: slices(
      size.width,
      area.width / scale,
      keep.map((k) => [k.left, k.right]),
      keep.filter((k) => !k.soft).map((k) => [k.left, k.right]),
    ),
    rows: slices(
      size.height,
      area.height / scale,
      keep.map((k) => [k.top, k.bottom]),
      keep.filter((k) => !k.soft).map((k) => [k.top, k.bottom]),
    ),
    page: { width, height },
    area,
  };
}

function svgViewBoxWidth(svg: string): number | undefined {
  const head = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const m = /viewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)/.exec(head);
  return m ? Number(m[1]) : undefined;
}

export async function svgToPdf(svg: string, options: PdfOptions): Promise<Uint8Array> {
  const { default: SVGtoPDF } = await import('svg-to-pdfkit');
  const size = options.size ?? svgSize(svg);
  // The size is in CSS pixels; the chart is laid out in points.
  const points = { width: (size.width * 3) / 4, height: (size.height * 3) / 4 };
  const viewBoxWidth = options.size ? options.size.width : svgViewBoxWidth(svg);
  const tiling = planTiling(points, { ...options, keep: keepInPoints(viewBoxWidth, points, options.keep ?? []) });
  const fonts = options.fonts ?? defaultFontSet();
  const { doc, finish } = await openPdf({
    size: [tiling.page.width, tiling.page.height],
    title: options.title,
    ...(options.lang ? { lang: options.lang } : {}),
    fonts,
  });
  const chartPages = tiling.columns.length * tiling.rows.length;
  const tables = tablePages(doc, options, tiling);
  const pages = chartPages + (tables?.pages.length ?? 0);
  const drawn = { width: points.width * tiling.scale, height: points.height * tiling.scale };
  const sized = sizedSvg(svg, fonts, drawn);
  // A single page centres the chart (below the header, when there is one); tiles start at the top left so neighbours join up, and each
  // carries the title and its number.
  const { area, scale } = tiling;
  const headed = options.titleOnSinglePage !== false;
  const centre =
    chartPages === 1
      ? { x: (area.width - drawn.width) / 2, y: headed ? 0 : (area.height - drawn.height) / 2 }
      : { x: 0, y: 0 };
  const faceOf = facePicker(fonts);
  for (const [row, [top, bottom]] of tiling.rows.entries()) {
    for (const [column, [left, right]] of tiling.columns.entries()) {
      const n = row * tiling.columns.length + column + 1;
      doc.addPage({ size: [tiling.page.width, tiling.page.height], margin: 0 });
      if (chartPages > 1 || headed) {
        writeRuns(doc, fonts, options.title, MARGIN, MARGIN, 10, true, '#1A1A1A', {
          width: area.width,
          height: HEADER,
          lineBreak: false,
          ellipsis: true,
        });
      }
      if (pages > 1) {
        writeRuns(
          doc,
          fonts,
          options.pageLabel(n, pages),
          MARGIN,
          tiling.page.height - MARGIN - 10,
          8,
          false,
          '#4A4A4A',
          {
            width: area.width,
            align: 'right',
            lineBreak: false,
          },
        );
      }
      doc.save();
      doc.rect(area.x + centre.x, area.y + centre.y, (right - left) * scale, (bottom - top) * scale).clip();
      SVGtoPDF(doc, sized, area.x + centre.x - left * scale, area.y + centre.y - top * scale, {
        width: drawn.width,
        height: drawn.height,
        fontCallback: (family, bold) => faceOf(family, bold),
        warningCallback: () => undefined,
      });
      doc.restore();
    }
  }
  if (tables) drawTables(doc as unknown as TableDocument, tables, (i) => options.pageLabel(chartPages + i + 1, pages));
  return finish();
}

/** The rectangles not to cut through, from the SVG's viewBox units into the points the pages use. */
function keepInPoints(viewBoxWidth: number | undefined, points: { width: number }, keep: readonly Keep[]): Keep[] {
  const unit = points.width / (viewBoxWidth ?? points.width);
  return keep.map((k) => ({
    ...k,
    left: k.left * unit,
    right: k.right * unit,
    top: k.top * unit,
    bottom: k.bottom * unit,
  }));
}

/** The face a run of the SVG names (each run names its face, so every character is drawn in the face it was measured with). */
function facePicker(fonts: FontSet): (family: string | undefined, bold: boolean) => string {
  return (family, bold) => {
    const index = family?.startsWith(FACE_PREFIX) ? Number(family.slice(FACE_PREFIX.length)) : NaN;
    return fonts.faces[index]?.pdfName ?? fonts.runs('a', bold)[0]!.face.pdfName;
  };
}

/** One line of text, each run in the face that has it; right-to-left words go over in visual order, a piece each (see visualPieces). */
function writeRuns(
  doc: PDFKit.PDFDocument,
  fonts: FontSet,
  text: string,
  x: number,
  y: number,
  size: number,
  bold: boolean,
  color: string,
  options: PDFKit.Mixins.TextOptions,
): void {
  const runs = fonts
    .runs(text, bold)
    .flatMap((run) => visualPieces(run.text).map((piece) => ({ ...run, text: piece })));
  doc.fontSize(size).fillColor(color);
  if (runs.length <= 1) {
    doc.font(runs[0]?.face.pdfName ?? facePicker(fonts)(undefined, bold)).text(runs[0]?.text ?? text, x, y, options);
    return;
  }
  // Runs in several faces: one text call each, continuing the same line.
  runs.forEach((run, i) => {
    doc.font(run.face.pdfName);
    const last = i === runs.length - 1;
    if (i === 0) doc.text(run.text, x, y, { ...options, ellipsis: false, continued: !last });
    else doc.text(run.text, { ...options, ellipsis: false, continued: !last });
  });
}

/**
 * The table pages that follow the chart, laid out before it is drawn so every page can say "n of
 * m". Tables go on paper even when the chart has a page of its own size.
 */
function tablePages(
  doc: PDFKit.PDFDocument,
  options: PdfOptions,
  tiling: ReturnType<typeof planTiling>,
): ReturnType<typeof layoutTables> | undefined {
  if (!options.tables || options.tables.length === 0) return undefined;
  const tablePage = options.page === 'fit' ? { width: PAPER.A4[0], height: PAPER.A4[1] } : tiling.page;
  return layoutTables(doc as unknown as TableDocument, options.tables, {
    fonts: options.fonts ?? defaultFontSet(),
    page: tablePage,
    continued: options.tableContinued ?? ((t) => t),
  });
}

/** The SVG with each text run split by face, and sized to the drawing: svg-to-pdfkit sizes it from the root element's width and height, not from its options. */
function sizedSvg(svg: string, fonts: FontSet, drawn: { width: number; height: number }): string {
  return splitTextRuns(svg, fonts, byIndex, true).replace(/<svg\b[^>]*>/, (head) =>
    head
      .replace(/\swidth="[^"]*"/, ` width="${drawn.width}pt"`)
      .replace(/\sheight="[^"]*"/, ` height="${drawn.height}pt"`),
  );
}
