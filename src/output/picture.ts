/**
 * A chart description made into the picture a user asked for: DOT text, one SVG or PNG of the
 * whole chart, a PDF book (overview, then the subtrees' pages) or the same book as PPTX slides.
 * Shared by `render chart` and `render diff`; the command line checks the settings before any
 * work, shows progress and writes the result. The heavy packages load only for their format.
 */
import { chartArea, FRAME, fitScale, PAPER } from '../render/chart/book.js';
import type { ChartSpec } from '../render/chart/dot.js';
import { chartDrawing, layoutHeading, prepareChart } from '../render/chart/draw.js';
import type { ChartBook, TablePage } from '../render/chart/drawing.js';
import type { MessageData, Translate } from '../model/finding.js';
import type { FontSet } from './fonts.js';
import type { SlideSize } from './pptx.js';

export const CHART_FORMATS = ['svg', 'pdf', 'png', 'pptx', 'dot'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** What to draw, as the command line checked it. */
export interface PictureRequest {
  format: ChartFormat;
  /** PNG zoom. */
  scale: number;
  /** PDF paper: A4, A3, A2 or fit. */
  page: string;
  /** PPTX slide size, for PPTX. */
  slide: SlideSize | undefined;
  /** Forced orientation; left out, the PDF takes whichever needs fewer pages. */
  orientation?: 'landscape' | 'portrait';
  /** Language of names (a BCP 47 tag), for the document's metadata. */
  lang: string;
  /** The words around names (page labels, links), in the chart's words language (the chart's own translator). */
  words: Translate;
  fonts: FontSet;
  /** Pages after the chart, on paper and slides (the change table of `render diff`). */
  tables?: TablePage[];
  /** A step of the work done: a message id of the command line's catalogue and its data. */
  onProgress?: (messageId: string, data: MessageData) => void;
}

export interface Picture {
  content: string | Uint8Array;
  /** Text data (DOT, SVG) or bytes of a binary format. */
  binary: boolean;
  /** Set when the PNG was made smaller than asked, to stay within its size caps. */
  pngCapped?: { width: number; height: number };
}

/** The paper the PDF is planned for: one sheet, both orientations to choose from, or a page that fits. */
function paperOf(
  request: PictureRequest,
): { width: number; height: number } | 'fit' | Array<{ width: number; height: number }> {
  if (request.page === 'fit') return 'fit';
  const sheet = PAPER[request.page as keyof typeof PAPER];
  const portrait = { width: sheet.width, height: sheet.height };
  const landscape = { width: sheet.height, height: sheet.width };
  if (request.orientation === 'landscape') return landscape;
  if (request.orientation === 'portrait') return portrait;
  return [landscape, portrait];
}

/** Draws the chart in the asked format. */
export async function drawPicture(spec: ChartSpec, request: PictureRequest): Promise<Picture> {
  const { format, fonts } = request;
  const measure = fonts.measure;
  if (format === 'dot') {
    const { writeDot } = await import('../render/chart/dot.js');
    return { content: writeDot(spec, measure), binary: false };
  }
  const total = spec.boxes.length;
  const laidOut = (done: number): void => request.onProgress?.('chart-progress-layout', { done, total });
  if (format === 'svg' || format === 'png') {
    const { drawingSvg } = await import('../render/chart/svg.js');
    const svg = drawingSvg(chartDrawing(spec, measure, laidOut), { measure, fontFamily: fonts.cssFamily });
    if (format === 'svg') return { content: svg, binary: false };
    const { svgToPng } = await import('./png.js');
    const png = await svgToPng(svg, { scale: request.scale, fonts });
    return {
      content: png.bytes,
      binary: true,
      ...(png.scale < request.scale ? { pngCapped: { width: png.width, height: png.height } } : {}),
    };
  }
  const { words } = request;
  const { bookOf } = await import('../render/chart/book.js');
  const chart = prepareChart(spec, measure, laidOut);
  const planned = (pages: number): void => request.onProgress?.('chart-progress-pages', { done: pages });
  const plan = (paper: { width: number; height: number } | 'fit'): ChartBook =>
    bookOf(chart, { paper, measure, t: words, onProgress: planned });
  const withTables = (book: ChartBook): ChartBook => {
    for (const table of request.tables ?? []) {
      book.pages.push(table);
      book.outline.push({ title: table.title, page: book.pages.length, children: [] });
    }
    return book;
  };
  if (format === 'pptx') {
    const { bookToPptx, slideSize } = await import('./pptx.js');
    const slide = request.slide ?? '16:9';
    const orientation = request.orientation === 'portrait' ? { landscape: false } : {};
    // The book is cut for the slide: each page of it becomes one slide at a readable size.
    const size = slideSize({ pages: [] }, { slide, ...orientation });
    const book = withTables(plan(slide === 'fit' ? 'fit' : { width: size.width * 72, height: size.height * 72 }));
    const pptx = await bookToPptx(book, fonts, {
      slide,
      ...orientation,
      lang: request.lang,
      linkLabel: (n) => words('pptx-link-page', { page: n }),
    });
    return { content: pptx, binary: true };
  }
  const { bookToPdf } = await import('./chart-pdf.js');
  const asked = paperOf(request);
  const book = withTables(
    Array.isArray(asked) ? fewerPages(asked.map(plan) as [ChartBook, ChartBook], measure) : plan(asked),
  );
  const pdf = await bookToPdf(book, {
    fonts,
    measure,
    pageLabel: (n, pages) => words('chart-page', { page: n, pages }),
    lang: request.lang,
    onPage: (done, pages) => request.onProgress?.('chart-progress-writing', { format: 'PDF', done, total: pages }),
  });
  return { content: pdf, binary: true };
}

/** Of the book planned in each orientation, the one with fewer pages, then the one with the larger overview. */
function fewerPages([a, b]: [ChartBook, ChartBook], measure: FontSet['measure']): ChartBook {
  const overview = (x: ChartBook): number => {
    const first = x.pages[0];
    if (first?.kind !== 'chart') return 0;
    const heading = layoutHeading(first.drawing, measure, x.paper.width - 2 * FRAME.margin);
    return fitScale(first.drawing, chartArea(x.paper, heading.height));
  };
  return b.pages.length < a.pages.length || (b.pages.length === a.pages.length && overview(b) > overview(a) + 0.01)
    ? b
    : a;
}
