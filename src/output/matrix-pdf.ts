/**
 * The function matrix as a paged PDF, drawn straight with pdfkit from the table's layout
 * (src/render/matrix/svg.ts `layoutMatrix`): a matrix too large for one page is cut by rows and
 * by columns, and every page repeats the header row (the unit names) and the first column (the
 * function names) of its part, so each page reads on its own. A page draws only its own cells,
 * so the file and the time grow with the matrix, not with the matrix times the number of pages
 * (which is what redrawing the whole picture on every page cost: minutes and gigabytes for a
 * ministry). Pages go down the functions for one band of units, then on to the next band. The
 * role legend and the lists of findings follow on pages of their own.
 *
 * A matrix that fits one page at a readable size keeps the single-page picture of the SVG.
 */
import type { Translate } from '../i18n/format.js';
import type { Measure, TextStyle } from '../render/chart/text.js';
import { findingLine, findingLists, matrixSubtitles } from '../render/matrix/labels.js';
import type { FunctionMatrix } from '../render/matrix/model.js';
import {
  MATRIX_STYLE,
  wrapMeasured,
  type LaidMatrixGroup,
  type LaidMatrixRow,
  type MatrixLayout,
} from '../render/matrix/svg.js';
import { defaultFontSet, type FontSet } from './fonts.js';
import { openPdf } from './pdf-document.js';
import { PAPER, type PageSize } from './pdf.js';

export interface MatrixPdfOptions {
  t: Translate;
  /** Text width in the layout's units (src/output/measure.ts). */
  measure: Measure;
  fonts?: FontSet;
  page: PageSize;
  /** Orientation; left out, the one that needs fewer pages. */
  landscape?: boolean;
  title: string;
  lang?: string;
}

const {
  MARGIN: SVG_MARGIN,
  PAD,
  BODY,
  BODY_BOLD,
  SMALL,
  HEADER,
  HEADER_BOLD,
  LINE,
  SMALL_LINE,
  FLAG_COLOUR,
} = MATRIX_STYLE;
/** Points per layout unit on a paged matrix: 12-unit names print at 6 pt, the smallest size the old single-picture pages went down to. */
const PAGED_SCALE = 0.5;
/** Points per layout unit (CSS pixels) at full size. */
const FULL = 0.75;
const MARGIN = 28;
const TEXT_OPTIONS = { lineBreak: false, baseline: 'alphabetic' } as const;
const HEAD = 22;
const FOOT = 18;

/** The little of pdfkit used here. */
interface Doc {
  font(name: string): Doc;
  fontSize(size: number): Doc;
  fillColor(color: string): Doc;
  strokeColor(color: string): Doc;
  lineWidth(width: number): Doc;
  widthOfString(text: string): number;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): Doc;
  rect(x: number, y: number, width: number, height: number): Doc;
  moveTo(x: number, y: number): Doc;
  lineTo(x: number, y: number): Doc;
  fill(color?: string): Doc;
  stroke(): Doc;
  clip(): Doc;
  save(): Doc;
  restore(): Doc;
  translate(x: number, y: number): Doc;
  scale(factor: number): Doc;
  rotate(angle: number, options?: { origin?: [number, number] }): Doc;
  addPage(options?: Record<string, unknown>): Doc;
  on(event: string, listener: (...args: never[]) => void): Doc;
  end(): void;
}

type BodyItem = { kind: 'group'; group: LaidMatrixGroup } | { kind: 'row'; row: LaidMatrixRow; group: LaidMatrixGroup };

/** One page of the grid: a band of columns and a band of body items. */
interface GridPage {
  columns: [number, number];
  items: BodyItem[];
  /** The group whose heading is repeated on top because the page starts inside it. */
  continuing?: LaidMatrixGroup;
  /** Which band of rows this page shows (pages of one band share their function column). */
  rowBand: number;
}

/** A line of the pages after the grid (legend, findings), in layout units. */
interface FlowLine {
  text: string;
  style: TextStyle;
  color: string;
  indent: number;
  height: number;
}

export interface MatrixPagePlan {
  landscape: boolean;
  page: { width: number; height: number };
  grid: GridPage[];
  flow: FlowLine[][];
}

function paper(size: Exclude<PageSize, 'fit'>, landscape: boolean): { width: number; height: number } {
  const [short, long] = PAPER[size];
  return landscape ? { width: long, height: short } : { width: short, height: long };
}

/** Cuts the columns into bands no wider than `room` beside the function column, preferring to start a band where a branch of the tree starts. */
function columnBands(m: FunctionMatrix, layout: MatrixLayout, room: number): Array<[number, number]> {
  const bands: Array<[number, number]> = [];
  let start = 0;
  while (start < layout.colWidths.length) {
    let end = start;
    let width = 0;
    while (end < layout.colWidths.length && (end === start || width + layout.colWidths[end]! <= room))
      width += layout.colWidths[end++]!;
    if (end < layout.colWidths.length) {
      // Back up to a branch start in the last quarter of the band, so a branch is not split when that costs little room.
      for (let i = end - 1; i > start + ((end - start) * 3) / 4; i--) {
        if (m.columns[i]!.branch !== m.columns[i - 1]!.branch) {
          end = i;
          break;
        }
      }
    }
    bands.push([start, end]);
    start = end;
  }
  return bands;
}

/** Cuts the body into pages of `room`; a group heading never ends a page, and a page that starts inside a group repeats its heading. */
function rowBands(items: BodyItem[], room: number): Array<{ items: BodyItem[]; continuing?: LaidMatrixGroup }> {
  const pages: Array<{ items: BodyItem[]; continuing?: LaidMatrixGroup }> = [];
  let page: { items: BodyItem[]; continuing?: LaidMatrixGroup } = { items: [] };
  let used = 0;
  const height = (item: BodyItem): number => (item.kind === 'group' ? item.group.height : item.row.height);
  items.forEach((item, i) => {
    const next = items[i + 1];
    const need = height(item) + (item.kind === 'group' && next?.kind === 'row' ? next.row.height : 0);
    if (page.items.length > 0 && used + need > room) {
      pages.push(page);
      page = item.kind === 'row' ? { items: [], continuing: item.group } : { items: [] };
      used = page.continuing ? page.continuing.height : 0;
    }
    page.items.push(item);
    used += height(item);
  });
  if (page.items.length > 0) pages.push(page);
  return pages;
}

function flowLines(m: FunctionMatrix, t: Translate, measure: Measure, width: number): FlowLine[] {
  const lines: FlowLine[] = [];
  for (const list of findingLists(m, t)) {
    lines.push({ text: list.heading, style: BODY_BOLD, color: FLAG_COLOUR[list.status], indent: 0, height: 28 });
    for (const row of list.rows) {
      wrapMeasured(findingLine(row, t), width - 16, BODY, measure).forEach((l, li) =>
        lines.push({
          text: `${li === 0 ? '• ' : ''}${l}`,
          style: BODY,
          color: '#1b1f23',
          indent: li === 0 ? 4 : 16,
          height: LINE + 2,
        }),
      );
    }
  }
  return lines;
}

/** Where every cell, row and line of a large matrix goes, for a paper size; pure apart from the measure. */
export function planMatrixPages(
  m: FunctionMatrix,
  layout: MatrixLayout,
  options: Pick<MatrixPdfOptions, 't' | 'measure' | 'landscape'> & { page: Exclude<PageSize, 'fit'> },
): MatrixPagePlan {
  const items: BodyItem[] = [];
  for (const group of layout.groups) {
    items.push({ kind: 'group', group });
    for (const row of group.rows) items.push({ kind: 'row', row, group });
  }
  const plan = (landscape: boolean): MatrixPagePlan => {
    const page = paper(options.page, landscape);
    const area = {
      width: (page.width - 2 * MARGIN) / PAGED_SCALE,
      height: (page.height - 2 * MARGIN - HEAD - FOOT) / PAGED_SCALE,
    };
    const bands = columnBands(
      m,
      layout,
      Math.max(layout.colWidths.length > 0 ? Math.max(...layout.colWidths) : 1, area.width - layout.fnWidth),
    );
    const rows = rowBands(items, Math.max(1, area.height - layout.headerHeight));
    const grid: GridPage[] = [];
    for (const columns of bands)
      rows.forEach((r, rowBand) =>
        grid.push({ columns, items: r.items, rowBand, ...(r.continuing ? { continuing: r.continuing } : {}) }),
      );
    const flow: FlowLine[][] = [];
    let used = Number.POSITIVE_INFINITY;
    for (const line of flowLines(m, options.t, options.measure, area.width)) {
      if (used + line.height > area.height) {
        flow.push([]);
        used = 0;
      }
      flow[flow.length - 1]!.push(line);
      used += line.height;
    }
    return { landscape, page, grid, flow };
  };
  if (options.landscape !== undefined) return plan(options.landscape);
  const portrait = plan(false);
  const landscape = plan(true);
  const count = (p: MatrixPagePlan): number => p.grid.length + p.flow.length;
  return count(landscape) < count(portrait) ? landscape : portrait;
}

/** Whether the matrix, with its legend, fits one page of `page` at the smallest readable size. */
export function fitsOnePage(layout: MatrixLayout, page: PageSize, extraHeight: number): boolean {
  if (page === 'fit') return true;
  const height =
    layout.headerHeight +
    layout.groups.reduce((sum, g) => sum + g.height + g.rows.reduce((s, r) => s + r.height, 0), 0) +
    extraHeight +
    2 * SVG_MARGIN;
  const width = layout.tableWidth + 2 * SVG_MARGIN;
  const sheet = paper(page, width > height);
  const scale = Math.min(
    (sheet.width - 2 * MARGIN) / (width * FULL),
    (sheet.height - 2 * MARGIN - HEAD - FOOT) / (height * FULL),
  );
  return scale >= 0.55;
}

/** Draws the planned pages; `pageLabel(n, m)` is the footer of every page. */
export async function pagedMatrixPdf(
  m: FunctionMatrix,
  layout: MatrixLayout,
  plan: MatrixPagePlan,
  options: MatrixPdfOptions & { pageLabel: (page: number, pages: number) => string },
): Promise<Uint8Array> {
  const fonts = options.fonts ?? defaultFontSet();
  const opened = await openPdf({
    size: [plan.page.width, plan.page.height],
    title: options.title,
    ...(options.lang ? { lang: options.lang } : {}),
    fonts,
  });
  const pen = new PdfPen(opened.doc as unknown as Doc, fonts);
  const rowIndex = new Map<LaidMatrixRow, number>();
  let n = 0;
  for (const g of layout.groups) for (const r of g.rows) rowIndex.set(r, ++n);
  const pages: PagesContext = {
    m,
    layout,
    plan,
    options,
    pen,
    count: plan.grid.length + plan.flow.length,
    rowIndex,
    headers: new Map(),
    columns: new Map(),
  };
  plan.grid.forEach((page, index) => drawGridPage(pages, page, index));
  plan.flow.forEach((lines, index) => drawFlowPage(pages, lines, index));
  return opened.finish();
}

/**
 * What a page repeats from another (a band's header row, a band's function column) is drawn
 * once and its PDF operators written again: a ministry's matrix repeats them some hundred
 * thousand times, and setting each text again is most of the cost.
 */
type Captured = { content: string[]; faces: Set<string> };

/** Draws on the PDF: boxes, lines and text in the font set's faces, setting colour and font only when they change. */
class PdfPen {
  private readonly state: { color: string | undefined; face: string | undefined; size: number | undefined } = {
    color: undefined,
    face: undefined,
    size: undefined,
  };
  private readonly widths = new Map<string, number>();
  private capturing: Set<string> | undefined;

  constructor(
    readonly doc: Doc,
    readonly fonts: FontSet,
  ) {}

  box(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.rect(x, y, w, h).fill((this.state.color = color));
  }

  /** Text with each run in the face that has it; `y` is the baseline, `x` the start (or the middle). */
  write(
    text: string,
    x: number,
    y: number,
    style: TextStyle,
    color: string,
    anchor: 'start' | 'middle' = 'start',
  ): void {
    const { doc, state } = this;
    const runs = this.fonts.runs(text, style.bold);
    // A large matrix writes some hundred thousand texts, mostly the same few colours, fonts and
    // cell codes: state is set only when it changes, and widths are remembered.
    if (color !== state.color) doc.fillColor((state.color = color));
    const use = (face: string): void => {
      if (face !== state.face || style.size !== state.size) {
        doc.font((state.face = face)).fontSize((state.size = style.size));
      }
    };
    const width = (r: (typeof runs)[number]): number => {
      const key = `${r.face.pdfName}\u0000${style.size}\u0000${r.text}`;
      let w = this.widths.get(key);
      if (w === undefined) {
        use(r.face.pdfName);
        this.widths.set(key, (w = doc.widthOfString(r.text)));
      }
      return w;
    };
    let at = anchor === 'middle' ? x - runs.reduce((s, r) => s + width(r), 0) / 2 : x;
    runs.forEach((r, i) => {
      use(r.face.pdfName);
      this.capturing?.add(r.face.pdfName);
      doc.text(r.text, at, y, TEXT_OPTIONS);
      if (i < runs.length - 1) at += width(r);
    });
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, width: number): void {
    this.doc.lineWidth(width).strokeColor(color).moveTo(x1, y1).lineTo(x2, y2).stroke();
  }

  /** The colour in force is no longer known (a new page, a restored graphics state). */
  forgetColor(): void {
    this.state.color = undefined;
  }

  private get raw(): {
    addContent(data: string): unknown;
    _font: { id: string; ref(): unknown };
    page: { fonts: Record<string, unknown> };
  } {
    return this.doc as unknown as {
      addContent(data: string): unknown;
      _font: { id: string; ref(): unknown };
      page: { fonts: Record<string, unknown> };
    };
  }

  /** Draws, keeping the PDF operators written and the faces they name. */
  capture(draw: () => void): Captured {
    const content: string[] = [];
    const faces = new Set<string>();
    const raw = this.raw;
    const original = raw.addContent;
    raw.addContent = function (this: unknown, data: string) {
      content.push(data);
      return original.call(this, data);
    };
    this.capturing = faces;
    // The colour in force outside is not part of the capture: it is set again inside.
    this.state.color = undefined;
    try {
      draw();
    } finally {
      delete (raw as { addContent?: unknown }).addContent;
      this.capturing = undefined;
    }
    this.state.color = undefined;
    return { content, faces };
  }

  /** Writes captured operators again, with the faces they name in this page's resources. */
  replay(captured: Captured): void {
    const { doc, raw } = this;
    for (const face of captured.faces) {
      doc.font(face);
      raw.page.fonts[raw._font.id] ??= raw._font.ref();
    }
    this.state.face = undefined;
    raw.addContent(captured.content.join('\n'));
    this.state.color = undefined;
  }
}

/** Everything the pages are drawn from, and what is drawn once and repeated. */
interface PagesContext {
  m: FunctionMatrix;
  layout: MatrixLayout;
  plan: MatrixPagePlan;
  options: MatrixPdfOptions & { pageLabel: (page: number, pages: number) => string };
  pen: PdfPen;
  /** Pages in all. */
  count: number;
  /** Each row's number, from 1, in the order shown. */
  rowIndex: Map<LaidMatrixRow, number>;
  /** The header row of each band of units, by its first column. */
  headers: Map<number, Captured>;
  /** The function column of each band of rows. */
  columns: Map<number, Captured>;
}

/** A new page with what every page carries: the title, where the page is in the matrix, its number and the role legend; then the clipped, scaled area the table goes into. */
function pageChrome({ m, layout, plan, options, pen, count }: PagesContext, page: number, position?: string): void {
  const { doc, fonts } = pen;
  const area = {
    x: MARGIN,
    y: MARGIN + HEAD,
    width: plan.page.width - 2 * MARGIN,
    height: plan.page.height - 2 * MARGIN - HEAD - FOOT,
  };
  doc.addPage({ size: [plan.page.width, plan.page.height], margin: 0 });
  pen.forgetColor();
  pen.write(options.title, MARGIN, MARGIN + 10, { bold: true, size: 10 }, '#1A1A1A');
  // How the columns were chosen (a subtree, a kind), under the title of the first page.
  if (page === 1)
    pen.write(matrixSubtitles(m, options.t).join(' '), MARGIN, MARGIN + 19, { bold: false, size: 7 }, '#444444');
  if (position) {
    doc.font(fonts.faces[0]!.pdfName).fontSize(8);
    const w = doc.widthOfString(position);
    pen.write(position, plan.page.width - MARGIN - w, MARGIN + 10, { bold: false, size: 8 }, '#4A4A4A');
  }
  const label = options.pageLabel(page, count);
  doc.font(fonts.faces[0]!.pdfName).fontSize(8);
  pen.write(
    label,
    plan.page.width - MARGIN - doc.widthOfString(label),
    plan.page.height - MARGIN - 2,
    { bold: false, size: 8 },
    '#4A4A4A',
  );
  // The role legend in the footer: every page reads on its own.
  let x = MARGIN;
  const base = plan.page.height - MARGIN - 2;
  for (const r of m.roles) {
    const s = layout.shade(r.id);
    const w = Math.max(11, options.measure(r.code, { bold: true, size: 7 }) + 5);
    pen.box(x, base - 7.5, w, 10, s.bg);
    pen.write(r.code, x + w / 2, base, { bold: true, size: 7 }, s.fg, 'middle');
    pen.write(r.name, x + w + 3, base, { bold: false, size: 7 }, '#1b1f23');
    x += w + 3 + options.measure(r.name, { bold: false, size: 7 }) + 12;
  }
  doc.save();
  doc.rect(area.x, area.y, area.width, area.height).clip();
  doc.translate(area.x, area.y).scale(PAGED_SCALE);
}

/** One item of a page's body and where it goes. */
type PlacedItem = { item: BodyItem; y: number; height: number };

/** The geometry of one band of units on a page. */
interface Band {
  c0: number;
  c1: number;
  colX: (i: number) => number;
  width: number;
}

/** One page of the grid: its band of units across its band of functions, with the header row and function column repeated. */
function drawGridPage(pages: PagesContext, page: GridPage, index: number): void {
  const { m, layout, pen, rowIndex, options } = pages;
  const [c0, c1] = page.columns;
  const rowsOnPage = page.items.filter((i): i is Extract<BodyItem, { kind: 'row' }> => i.kind === 'row');
  const first = rowsOnPage.length > 0 ? rowIndex.get(rowsOnPage[0]!.row)! : 0;
  const last = rowsOnPage.length > 0 ? rowIndex.get(rowsOnPage[rowsOnPage.length - 1]!.row)! : 0;
  pageChrome(
    pages,
    index + 1,
    options.t('matrix-page-position', {
      units: `${c0 + 1}–${c1}`,
      unitCount: m.columns.length,
      functions: `${first}–${last}`,
      functionCount: m.groups.reduce((s, g) => s + g.rows.length, 0),
    }),
  );
  const x0 = layout.colOffsets[c0]!;
  const band: Band = {
    c0,
    c1,
    colX: (i) => layout.colOffsets[i]! - x0 + layout.fnWidth,
    width: layout.fnWidth + (c1 < layout.colWidths.length ? layout.colOffsets[c1]! : layout.tableWidth) - x0,
  };
  const placed = placeItems(page, layout.headerHeight);
  // Group headings span the page; their text belongs to the function column.
  for (const p of placed) if (p.item.kind === 'group') pen.box(0, p.y, band.width, p.height, '#eef1f4');
  repeated(pen, pages.headers, c0, () => drawBandHeader(pages, band));
  repeated(pen, pages.columns, page.rowBand, () => drawFunctionColumn(pages, placed));
  drawCells(pages, band, placed);
  const bottom =
    placed.length > 0 ? placed[placed.length - 1]!.y + placed[placed.length - 1]!.height : layout.headerHeight;
  drawPageGrid(pages, band, placed, bottom);
  pen.doc.restore();
}

/** Where each item of the page goes, below the header row: the group heading a page continues first. */
function placeItems(page: GridPage, headerHeight: number): PlacedItem[] {
  const placed: PlacedItem[] = [];
  let y = headerHeight;
  for (const item of [
    ...(page.continuing ? [{ kind: 'group' as const, group: page.continuing }] : []),
    ...page.items,
  ]) {
    const height = item.kind === 'group' ? item.group.height : item.row.height;
    placed.push({ item, y, height });
    y += height;
  }
  return placed;
}

/** Draws something the first time its key is met, and writes the same operators again every later time. */
function repeated(pen: PdfPen, drawn: Map<number, Captured>, key: number, draw: () => void): void {
  const known = drawn.get(key);
  if (known) pen.replay(known);
  else drawn.set(key, pen.capture(draw));
}

/** The header row of a band of units: "Function", then each unit's name, turned upwards when the columns are narrow. */
function drawBandHeader({ m, layout, pen, options }: PagesContext, { c0, c1, colX, width }: Band): void {
  const { headerHeight } = layout;
  pen.box(0, 0, width, headerHeight, '#f3f5f7');
  pen.write(options.t('matrix-function'), PAD, headerHeight - PAD - 2, BODY_BOLD, '#1b1f23');
  for (let i = c0; i < c1; i++) {
    const c = m.columns[i]!;
    const style = c.depth <= 1 ? HEADER_BOLD : HEADER;
    const fill = c.depth <= 1 ? '#1b1f23' : '#39424c';
    const lines = layout.headerLines[i]!;
    const w = layout.colWidths[i]!;
    if (c.depth === 0) pen.box(colX(i), 0, w, headerHeight, '#e4e9ee');
    if (layout.vertical) {
      const firstLine = colX(i) + w / 2 - ((lines.length - 1) * 14) / 2 + 4;
      lines.forEach((l, li) => {
        pen.doc.save();
        pen.doc.translate(firstLine + li * 14, headerHeight - PAD).rotate(-90);
        pen.write(l, 0, 0, style, fill);
        pen.doc.restore();
        pen.forgetColor();
      });
    } else {
      const start = headerHeight - PAD - (lines.length - 1) * 13 - 2;
      lines.forEach((l, li) => pen.write(l, colX(i) + w / 2, start + li * 13, style, fill, 'middle'));
    }
  }
}

/** The function column of a band of rows: group headings, and each function's name, flag and id. */
function drawFunctionColumn({ layout, pen }: PagesContext, placed: readonly PlacedItem[]): void {
  for (const { item, y: top, height } of placed) {
    if (item.kind === 'group') {
      item.group.lines.forEach((l, li) => pen.write(l, PAD, top + PAD + 11 + li * LINE, BODY_BOLD, '#1b1f23'));
      continue;
    }
    const laid = item.row;
    const { row } = laid;
    if (row.status !== 'ok') {
      pen.box(0, top, layout.fnWidth, height, row.status === 'no-lead' ? '#fde8e8' : '#fff4d6');
      pen.box(0, top, 4, height, FLAG_COLOUR[row.status]);
    }
    let ty = top + PAD + 11;
    for (const l of laid.lines) {
      pen.write(l, PAD + 4, ty, BODY, '#1b1f23');
      ty += LINE;
    }
    if (laid.flag) {
      pen.write(
        `⚠ ${laid.flag}`,
        PAD + 4,
        ty - 1,
        { bold: true, size: 10 },
        FLAG_COLOUR[row.status as 'no-lead' | 'multiple-leads'],
      );
      ty += SMALL_LINE + 2;
    }
    pen.write(laid.id, PAD + 4, ty - 2, SMALL, '#6a737d');
  }
}

/** The role cells of this page only. */
function drawCells({ layout, pen }: PagesContext, { c0, c1, colX }: Band, placed: readonly PlacedItem[]): void {
  for (const { item, y: top, height } of placed) {
    if (item.kind !== 'row') continue;
    const { row } = item.row;
    for (let i = c0; i < c1; i++) {
      const cell = row.cells[i];
      if (!cell) continue;
      const s = layout.shade(cell.role);
      pen.box(colX(i) + 1, top + 1, layout.colWidths[i]! - 2, height - 2, s.bg);
      pen.write(
        layout.code(cell.role),
        colX(i) + layout.colWidths[i]! / 2,
        top + height / 2 + 4.5,
        BODY_BOLD,
        s.fg,
        'middle',
      );
    }
  }
}

/** The grid of the page: the same lines as the SVG, for this part only. */
function drawPageGrid(
  { m, layout, pen }: PagesContext,
  { c0, c1, colX, width }: Band,
  placed: readonly PlacedItem[],
  y: number,
): void {
  for (const { y: top } of placed) pen.line(0, top, width, top, '#c9d1d9', 0.75);
  pen.line(0, y, width, y, '#8c959f', 1);
  pen.line(0, 0, 0, y, '#6e7781', 1.5);
  pen.line(layout.fnWidth, 0, layout.fnWidth, y, '#6e7781', 1.5);
  for (let i = c0 + 1; i < c1; i++) {
    const branchStart = m.columns[i]!.branch !== m.columns[i - 1]!.branch;
    pen.line(colX(i), 0, colX(i), y, branchStart ? '#6e7781' : '#c9d1d9', branchStart ? 1.5 : 0.75);
  }
  pen.doc.lineWidth(1).strokeColor('#8c959f').rect(0, 0, width, y).stroke();
}

/** One of the pages after the grid: the lists of findings, line by line. */
function drawFlowPage(pages: PagesContext, lines: readonly FlowLine[], index: number): void {
  pageChrome(pages, pages.plan.grid.length + index + 1);
  let y = 0;
  for (const l of lines) {
    pages.pen.write(l.text, l.indent, y + l.height - 4, l.style, l.color);
    y += l.height;
  }
  pages.pen.doc.restore();
}
