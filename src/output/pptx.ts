/**
 * A chart book as an editable PowerPoint file (pptxgenjs): one slide per page of the book. Each
 * unit is a rounded text shape with its name and details as real text, every run named in the
 * face the font set chose for it (so a Korean name asks for the Korean font); connectors are line
 * shapes, dashed where the chart dashes them; a box whose subtree continues on another page links
 * there ("→ p. N" is a slide hyperlink); table pages become native tables. Nothing is a picture:
 * whoever edits the chart in PowerPoint or LibreOffice can retype a name, move a box, recolour it.
 */
import type {
  BookPage,
  ChartBook,
  ChartDrawing,
  ChartPage,
  DrawnBox,
  DrawnLine,
  TablePage,
} from '../render/chart/drawing.js';
import type { FontSet } from './fonts.js';

/** Slide sizes: widescreen, ISO paper (landscape unless asked otherwise), or the size of the chart. */
export type SlideSize = '16:9' | 'A4' | 'A3' | 'A2' | 'fit';
export const SLIDE_SIZES: readonly SlideSize[] = ['16:9', 'A4', 'A3', 'A2', 'fit'];

export interface PptxOptions {
  /** Default 16:9 (13.33 × 7.5 in), what presentation software opens with. */
  slide?: SlideSize;
  /** Paper slides are landscape unless `false`. */
  landscape?: boolean;
  /** Language tag of the text, for spell checking in the editor. */
  lang?: string;
  /** The words of a link to another page, e.g. "→ p. 4". */
  linkLabel: (page: number) => string;
}

/** Inches, as pptxgenjs measures. ISO sizes in inches, landscape. */
const PAPER: Record<'A4' | 'A3' | 'A2', [number, number]> = {
  A4: [11.693, 8.268],
  A3: [16.535, 11.693],
  A2: [23.386, 16.535],
};
/** PowerPoint's largest slide side. */
const MAX_SIDE = 56;
const MARGIN = 0.35;
const TITLE = 18;
const SUBTITLE = 10;
const LEGEND = 9;
const TRAIL = 9;
/** The most a small chart is enlarged to fill a slide. */
const MAX_ZOOM = 1.5;
/** PowerPoint's smallest font size. */
const MIN_FONT = 1;

const inch = (points: number): number => points / 72;
const hex = (color: string): string => color.replace(/^#/, '').toUpperCase();
// pptxgenjs writes font names into XML attributes as they are: a family name read from a font file must not break the markup.
const attr = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The little of pptxgenjs used here (its own types are wider than this file needs). */
interface TextRunProps {
  text: string;
  options?: Record<string, unknown>;
}
interface Slide {
  addText(text: string | TextRunProps[], options: Record<string, unknown>): Slide;
  addShape(shape: string, options: Record<string, unknown>): Slide;
  addTable(
    rows: Array<Array<{ text: TextRunProps[]; options?: Record<string, unknown> }>>,
    options: Record<string, unknown>,
  ): Slide;
  slideNumber?: Record<string, unknown>;
}
interface Presentation {
  title: string;
  company: string;
  layout: string;
  defineLayout(layout: { name: string; width: number; height: number }): void;
  addSlide(): Slide;
  write(props: { outputType: 'uint8array'; compression?: boolean }): Promise<Uint8Array | ArrayBuffer | string | Blob>;
}

/** Width and height of the slides in inches. */
export function slideSize(
  book: Pick<ChartBook, 'pages'>,
  options: Pick<PptxOptions, 'slide' | 'landscape'>,
): { width: number; height: number } {
  const slide = options.slide ?? '16:9';
  if (slide === '16:9') return { width: 13.333, height: 7.5 };
  if (slide === 'fit') {
    // The largest drawing at its natural size plus the heading, within PowerPoint's limit.
    let width = 10;
    let height = 5.625;
    for (const page of book.pages) {
      if (page.kind !== 'chart') continue;
      width = Math.max(width, inch(page.drawing.width) + 2 * MARGIN);
      height = Math.max(
        height,
        inch(page.drawing.height) + 2 * MARGIN + headingHeight(page) + legendHeight(page.drawing),
      );
    }
    return { width: Math.min(MAX_SIDE, width), height: Math.min(MAX_SIDE, height) };
  }
  const [long, short] = PAPER[slide];
  return options.landscape === false ? { width: short, height: long } : { width: long, height: short };
}

function headingHeight(page: ChartPage): number {
  return inch(TITLE * 1.4 + (page.drawing.subtitle ? SUBTITLE * 1.5 : 0) + (page.trail.length > 0 ? TRAIL * 1.6 : 0));
}

function legendHeight(drawing: ChartDrawing): number {
  return drawing.legend.length > 0 ? inch(LEGEND * 2.8) : 0;
}

/** Text runs of one line, each in the face the font set picked for its characters. */
function runs(
  fonts: FontSet,
  text: string,
  bold: boolean,
  size: number,
  color: string,
  lang: string | undefined,
  extra: Record<string, unknown> = {},
): TextRunProps[] {
  return fonts.runs(text, bold).map((run) => ({
    text: run.text,
    options: {
      fontFace: attr(run.face.family),
      fontSize: size,
      bold,
      color: hex(color),
      ...(lang ? { lang } : {}),
      ...extra,
    },
  }));
}

/** Ends a paragraph after the last run of a line. */
function endLine(list: TextRunProps[]): TextRunProps[] {
  const last = list[list.length - 1];
  if (last) last.options = { ...last.options, breakLine: true };
  return list;
}

function drawBox(
  slide: Slide,
  box: DrawnBox,
  fonts: FontSet,
  place: (x: number, y: number) => { x: number; y: number },
  scale: number,
  options: PptxOptions,
): void {
  const at = place(box.rect.x, box.rect.y);
  const w = inch(box.rect.width * scale);
  const h = inch(box.rect.height * scale);
  const size = (line: DrawnLine): number => Math.max(MIN_FONT, Math.round(line.size * scale * 10) / 10);
  const paragraphs: TextRunProps[] = [];
  for (const line of box.lines) {
    paragraphs.push(
      ...endLine(
        runs(fonts, line.text, line.bold, size(line), line.color, options.lang, {
          lineSpacing: Math.max(MIN_FONT, line.size * 1.2 * scale),
        }),
      ),
    );
  }
  if (box.continues) {
    const label = options.linkLabel(box.continues.page);
    const small = Math.max(MIN_FONT, Math.round(9 * scale * 10) / 10);
    paragraphs.push(
      ...runs(fonts, label, false, small, box.palette.text, options.lang, {
        hyperlink: { slide: box.continues.page, tooltip: label },
      }),
    );
  }
  const last = paragraphs[paragraphs.length - 1];
  if (last && !box.continues) last.options = { ...last.options, breakLine: false };
  slide.addText(paragraphs, {
    shape: 'roundRect',
    rectRadius: Math.min(w, h) * 0.08,
    x: at.x,
    y: at.y,
    w,
    h,
    fill: { color: hex(box.palette.fill) },
    line: {
      color: hex(box.palette.border),
      width: (box.emphasis === 'root' ? 2.4 : 1.2) * Math.max(scale, 0.5),
      ...(box.dashed ? { dashType: 'dash' } : {}),
    },
    margin: [0, 2, 0, 2],
    align: 'center',
    valign: 'middle',
    wrap: true,
    fit: 'none',
    objectName: attr(`unit-${box.id}`),
  });
  for (const y of box.rules) {
    const from = place(box.rect.x + 6, y);
    slide.addShape('line', {
      x: from.x,
      y: from.y,
      w: inch((box.rect.width - 12) * scale),
      h: 0,
      line: { color: hex(box.palette.border), width: 0.75 },
    });
  }
}

function chartSlide(
  slide: Slide,
  page: ChartPage,
  fonts: FontSet,
  size: { width: number; height: number },
  options: PptxOptions,
): void {
  const top = slideHeading(slide, page, fonts, size, options);
  drawingOnSlide(slide, page.drawing, fonts, size, top, options);
}

/** The heading of a chart slide: the trail of linked ancestors, the title, the date line and the legend; returns where the drawing may start. */
function slideHeading(
  slide: Slide,
  page: ChartPage,
  fonts: FontSet,
  size: { width: number; height: number },
  options: PptxOptions,
): number {
  const d = page.drawing;
  const lang = options.lang;
  let top = MARGIN;
  const width = size.width - 2 * MARGIN;
  // One line of the heading across the slide, `points` tall; the next starts below it.
  const heading = (text: TextRunProps[], points: number): void => {
    slide.addText(text, { x: MARGIN, y: top, w: width, h: inch(points), margin: 0, valign: 'top', fit: 'none' });
    top += inch(points);
  };
  if (page.trail.length > 0) {
    // The ancestors of this page, each a link back to the page it is drawn on.
    const trail: TextRunProps[] = [];
    page.trail.forEach((step, i) => {
      if (i > 0)
        trail.push({
          text: ' › ',
          options: { fontFace: attr(fonts.faces[0]!.family), fontSize: TRAIL, color: '5A5A5A' },
        });
      trail.push(
        ...runs(fonts, step.name, false, TRAIL, '#2F5597', lang, {
          hyperlink: { slide: step.page, tooltip: options.linkLabel(step.page) },
        }),
      );
    });
    heading(trail, TRAIL * 1.6);
  }
  heading(runs(fonts, d.title, true, TITLE, '#1A1A1A', lang), TITLE * 1.4);
  if (d.subtitle) heading(runs(fonts, d.subtitle, false, SUBTITLE, '#4A4A4A', lang), SUBTITLE * 1.5);
  if (d.legend.length > 0) {
    let x = MARGIN;
    const h = inch(LEGEND * 2);
    for (const item of d.legend) {
      // Room to spare: the editor's line breaking need not agree with this measurement to the point.
      const w = inch(fonts.measure(item.label, { bold: false, size: LEGEND }) * 1.15 + 16);
      slide.addText(runs(fonts, item.label, false, LEGEND, item.palette.text, lang), {
        shape: 'roundRect',
        rectRadius: h * 0.2,
        x,
        y: top + inch(LEGEND * 0.4),
        w,
        h,
        fill: { color: hex(item.palette.fill) },
        line: { color: hex(item.palette.border), width: 1, ...(item.dashed ? { dashType: 'dash' } : {}) },
        margin: 0,
        align: 'center',
        valign: 'middle',
        wrap: false,
        fit: 'none',
      });
      x += w + inch(6);
    }
    top += legendHeight(d);
  }
  return top;
}

/** The drawing, scaled to the room left below the heading and centred in it: connectors as lines, then the boxes. */
function drawingOnSlide(
  slide: Slide,
  d: ChartDrawing,
  fonts: FontSet,
  size: { width: number; height: number },
  top: number,
  options: PptxOptions,
): void {
  const room = { width: size.width - 2 * MARGIN, height: size.height - top - MARGIN };
  const scale = Math.min(
    MAX_ZOOM,
    room.width / Math.max(inch(d.width), 0.01),
    room.height / Math.max(inch(d.height), 0.01),
  );
  const left = MARGIN + (room.width - inch(d.width * scale)) / 2;
  const place = (x: number, y: number): { x: number; y: number } => ({
    x: left + inch(x * scale),
    y: top + inch(y * scale),
  });
  for (const s of d.segments) {
    const a = place(s.from.x, s.from.y);
    const b = place(s.to.x, s.to.y);
    slide.addShape('line', {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.abs(b.x - a.x),
      h: Math.abs(b.y - a.y),
      // A line runs from the top left of its frame to the bottom right unless flipped.
      ...(b.x < a.x !== b.y < a.y ? { flipH: true } : {}),
      line: {
        color: hex(s.color),
        width: (s.width ?? 1.2) * Math.max(scale, 0.5),
        ...(s.dashed ? { dashType: 'dash' } : {}),
      },
    });
  }
  for (const box of d.boxes) drawBox(slide, box, fonts, place, scale, options);
}

function tableSlide(
  slide: Slide,
  page: TablePage,
  fonts: FontSet,
  size: { width: number; height: number },
  options: PptxOptions,
): void {
  const lang = options.lang;
  slide.addText(runs(fonts, page.title, true, TITLE, '#1A1A1A', lang), {
    x: MARGIN,
    y: MARGIN,
    w: size.width - 2 * MARGIN,
    h: inch(TITLE * 1.4),
    margin: 0,
    valign: 'top',
    fit: 'none',
  });
  const width = size.width - 2 * MARGIN;
  const total = page.columns.reduce((s, c) => s + c.width, 0) || 1;
  const border = { type: 'solid', pt: 0.5, color: 'BFBFBF' };
  const header = page.columns.map((c) => ({
    text: runs(fonts, c.header, true, 9, '#1A1A1A', lang),
    options: { fill: { color: 'E7ECF3' }, border },
  }));
  const rows = page.rows.map((row) =>
    page.columns.map((_c, i) => ({ text: runs(fonts, row[i] ?? '', false, 9, '#1A1A1A', lang), options: { border } })),
  );
  slide.addTable([header, ...rows], {
    x: MARGIN,
    y: MARGIN + inch(TITLE * 1.6),
    w: width,
    colW: page.columns.map((c) => (width * c.width) / total),
    fontSize: 9,
    margin: 3,
    valign: 'top',
    autoPage: false,
  });
}

/** The book as a .pptx file. */
export async function bookToPptx(book: ChartBook, fonts: FontSet, options: PptxOptions): Promise<Uint8Array> {
  const loaded = (await import('pptxgenjs')) as unknown as {
    default?: new () => Presentation;
  } & (new () => Presentation);
  const Pptx = loaded.default ?? loaded;
  const pptx = new Pptx();
  const size = slideSize(book, options);
  pptx.defineLayout({ name: 'ORG', width: size.width, height: size.height });
  pptx.layout = 'ORG';
  pptx.title = book.title;
  pptx.company = 'orgcode';
  const numbered = book.pages.length > 1;
  book.pages.forEach((page: BookPage) => {
    const slide = pptx.addSlide();
    if (page.kind === 'chart') chartSlide(slide, page, fonts, size, options);
    else tableSlide(slide, page, fonts, size, options);
    if (numbered)
      slide.slideNumber = {
        x: size.width - MARGIN - 0.6,
        y: size.height - MARGIN,
        w: 0.6,
        h: 0.25,
        fontSize: 8,
        color: '4A4A4A',
        align: 'right',
      };
  });
  const out = await pptx.write({ outputType: 'uint8array', compression: true });
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
