/**
 * The function matrix as an SVG table for reports, and the page the PDF is made from. Drawn by
 * hand (rectangles, lines and one <text> per line, nothing a converter could misread) with every
 * piece of text measured by the caller's `measure` (the font set's: DejaVu Sans and any fonts the
 * user named), so names wrap inside their cells
 * and the same layout comes out in a browser, in resvg's PNG and in pdfkit's PDF. Many units get
 * vertical headers; the rows that are findings carry a coloured bar and a flag, and are listed
 * under the table with the role legend. Byte-identical for the same input.
 */
import type { Translate } from '../../i18n/format.js';
import { cleanText, type Measure, type TextStyle } from '../chart/text.js';
import { findingLine, findingLists, groupLabel, matrixSubtitles, matrixTitle, rowFlag, rowName } from './labels.js';
import type { FunctionMatrix, MatrixRow } from './model.js';
import { maxOf } from '../text-width.js';

export interface MatrixSvgOptions {
  t: Translate;
  /** Width of text in the fonts it is drawn with, in the same units as `size` (`FontSet.measure`). */
  measure: Measure;
  /** Draw the title and summary above the table (off for PDF pages, which print the title themselves). */
  heading?: boolean;
  /** The CSS font-family list of the fonts `measure` measures with (default DejaVu Sans). */
  fontFamily?: string;
  /**
   * Leave width and height off the root element, so the picture scales to the box it is drawn in
   * (svg-to-pdfkit draws a sized SVG at full size, and a page would cut the table off).
   */
  scalable?: boolean;
}

/** A matrix drawn as SVG, with the size it was drawn at. */
export interface MatrixSvg {
  svg: string;
  width: number;
  height: number;
}

const FONT = 'DejaVu Sans';
const MARGIN = 24;
const PAD = 6;
const BODY: TextStyle = { bold: false, size: 12 };
const BODY_BOLD: TextStyle = { bold: true, size: 12 };
const SMALL: TextStyle = { bold: false, size: 9.5 };
const HEADER: TextStyle = { bold: false, size: 11 };
const HEADER_BOLD: TextStyle = { bold: true, size: 11 };
const LINE = 15;
const SMALL_LINE = 12;
const FN_MAX = 360;
const FN_MIN = 200;
const VERTICAL_AFTER = 6;
const VERTICAL_COLUMN = 26;
const VERTICAL_MAX = 170;
const HORIZONTAL_MAX = 120;
const SHADES = [
  { bg: '#1f4e79', fg: '#ffffff' },
  { bg: '#9dc3e6', fg: '#10263b' },
  { bg: '#d9e7f5', fg: '#10263b' },
  { bg: '#f2f6fb', fg: '#3b4a59' },
];
const FLAG_COLOUR = { 'no-lead': '#c62828', 'multiple-leads': '#b7791f' } as const;

const xml = (text: string): string =>
  cleanText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number): string => String(Math.round(n * 100) / 100);

/** Wraps text into lines no wider than `width`, breaking at spaces and after hyphens; a piece too wide is broken by letters. */
export function wrapMeasured(text: string, width: number, style: TextStyle, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string): boolean => measure(s, style) <= width;
  for (const word of cleanText(text).split(' ').filter(Boolean)) {
    word.split(/(?<=-)(?=[^-])/).forEach((piece, i) => {
      const candidate = line === '' ? piece : i === 0 ? `${line} ${piece}` : line + piece;
      if (fits(candidate)) {
        line = candidate;
        return;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = piece;
      while (!fits(rest)) {
        let head = '';
        for (const ch of rest) {
          if (!fits(head + ch)) break;
          head += ch;
        }
        if (head === '') head = [...rest][0]!;
        lines.push(head);
        rest = rest.slice(head.length);
      }
      line = rest;
    });
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Cuts text to `width`, ending with an ellipsis when something was cut. */
function fitMeasured(text: string, width: number, style: TextStyle, measure: Measure): string {
  if (measure(text, style) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (measure(`${out}${ch}…`, style) > width) break;
    out += ch;
  }
  return `${out}…`;
}

function text(x: number, y: number, content: string, style: TextStyle, extra = ''): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="${style.size}"${style.bold ? ' font-weight="bold"' : ''}${extra}>${xml(content)}</text>`;
}

/** One function row of the table, its text already wrapped. */
export interface LaidMatrixRow {
  row: MatrixRow;
  lines: string[];
  flag?: string;
  /** The row's id line, cut to the column. */
  id: string;
  height: number;
}

export interface LaidMatrixGroup {
  group: FunctionMatrix['groups'][number];
  lines: string[];
  height: number;
  rows: LaidMatrixRow[];
}

/**
 * The geometry of the table, computed once, that the SVG and the paged PDF both draw from: column
 * widths and header lines, row heights and wrapped names. Lengths in SVG user units (1/96 inch).
 */
export interface MatrixLayout {
  vertical: boolean;
  fnWidth: number;
  textWidth: number;
  colWidths: number[];
  /** Left edge of each unit column, from the table's left edge. */
  colOffsets: number[];
  headerLines: string[][];
  headerHeight: number;
  tableWidth: number;
  groups: LaidMatrixGroup[];
  shade(role: string): { bg: string; fg: string };
  code(role: string): string;
}

export const MATRIX_STYLE = {
  MARGIN,
  PAD,
  BODY,
  BODY_BOLD,
  SMALL,
  HEADER,
  HEADER_BOLD,
  LINE,
  SMALL_LINE,
  FLAG_COLOUR,
  FONT,
} as const;

export function layoutMatrix(m: FunctionMatrix, { t, measure }: Pick<MatrixSvgOptions, 't' | 'measure'>): MatrixLayout {
  const roleById = new Map(m.roles.map((r) => [r.id, r]));
  const shade = (role: string): { bg: string; fg: string } =>
    SHADES[Math.min(roleById.get(role)?.strength ?? SHADES.length, SHADES.length - 1)]!;
  const vertical = m.columns.length > VERTICAL_AFTER;
  const fnWidth = functionColumnWidth(m, t, measure);
  const textWidth = fnWidth - 2 * PAD - 6;
  const header = unitColumns(m, vertical, measure);
  const tableWidth = fnWidth + header.colWidths.reduce((sum, w) => sum + w, 0);
  const colOffsets: number[] = [];
  header.colWidths.reduce((x, w, i) => {
    colOffsets[i] = x;
    return x + w;
  }, fnWidth);
  return {
    vertical,
    fnWidth,
    textWidth,
    ...header,
    colOffsets,
    tableWidth,
    groups: laidGroups(m, textWidth, t, measure),
    shade,
    code: (role) => roleById.get(role)?.code ?? '?',
  };
}

/** The function column: as wide as the longest name needs, within limits. */
function functionColumnWidth(m: FunctionMatrix, t: Translate, measure: Measure): number {
  const widest = maxOf([
    measure(t('matrix-function'), BODY_BOLD),
    ...m.groups.flatMap((g) => g.rows.map((r) => measure(rowName(r, t), BODY))),
    ...m.groups.map((g) => measure(groupLabel(g, t), BODY_BOLD)),
  ]);
  return Math.round(Math.min(FN_MAX, Math.max(FN_MIN, widest + 2 * PAD + 6)));
}

/** The unit columns: each header's lines (upright, or turned when there are many units), widths and the header's height. */
function unitColumns(
  m: FunctionMatrix,
  vertical: boolean,
  measure: Measure,
): Pick<MatrixLayout, 'headerLines' | 'colWidths' | 'headerHeight'> {
  const styleOf = (depth: number): TextStyle => (depth <= 1 ? HEADER_BOLD : HEADER);
  const headerLines = m.columns.map((c) =>
    wrapMeasured(c.label, vertical ? VERTICAL_MAX : HORIZONTAL_MAX, styleOf(c.depth), measure).slice(
      0,
      vertical ? 3 : 4,
    ),
  );
  const widest = m.columns.map((c, i) => maxOf(headerLines[i]!.map((l) => measure(l, styleOf(c.depth)))));
  const colWidths = m.columns.map((_, i) =>
    vertical
      ? VERTICAL_COLUMN + 14 * Math.max(0, headerLines[i]!.length - 1)
      : Math.max(40, Math.ceil(widest[i]!) + 2 * PAD),
  );
  const headerHeight = vertical
    ? Math.ceil(maxOf(widest, 60)) + 2 * PAD
    : maxOf(
        headerLines.map((h) => h.length * 13),
        LINE,
      ) +
      2 * PAD;
  return { headerLines, colWidths, headerHeight };
}

/** Each group's heading and each row's name wrapped to the function column, with their heights. */
function laidGroups(m: FunctionMatrix, textWidth: number, t: Translate, measure: Measure): LaidMatrixGroup[] {
  return m.groups.map((g): LaidMatrixGroup => {
    const lines = wrapMeasured(groupLabel(g, t), textWidth, BODY_BOLD, measure);
    return {
      group: g,
      lines,
      height: lines.length * LINE + 2 * PAD,
      rows: g.rows.map((row): LaidMatrixRow => {
        const nameLines = wrapMeasured(rowName(row, t), textWidth, BODY, measure);
        const flag = rowFlag(row, t);
        return {
          row,
          lines: nameLines,
          ...(flag ? { flag } : {}),
          id: fitMeasured(row.id, textWidth, SMALL, measure),
          height: nameLines.length * LINE + SMALL_LINE + (flag ? SMALL_LINE + 2 : 0) + 2 * PAD,
        };
      }),
    };
  });
}

/** The elements drawn so far and how far down the page they reach. */
interface Pen {
  el: string[];
  y: number;
}

export function renderMatrixSvg(m: FunctionMatrix, options: MatrixSvgOptions): string {
  return drawMatrixSvg(m, options).svg;
}

/** The matrix as SVG and its size: heading, table, legend, findings. */
export function drawMatrixSvg(
  m: FunctionMatrix,
  { t, measure, heading = true, fontFamily = `${FONT}, sans-serif`, scalable = false }: MatrixSvgOptions,
): MatrixSvg {
  const layout = layoutMatrix(m, { t, measure });
  const pen: Pen = { el: [], y: MARGIN };
  const blockWidth = Math.max(layout.tableWidth, 480);
  const title = matrixTitle(m, t);
  drawHeading(pen, m, title, heading, blockWidth, t, measure);
  if (m.groups.every((g) => g.rows.length === 0)) {
    pen.y += LINE;
    pen.el.push(text(MARGIN, pen.y, t('matrix-no-functions'), BODY));
  } else drawTable(pen, m, layout, t);
  drawLegend(pen, m, layout, blockWidth, measure);
  drawFindings(pen, m, blockWidth, t, measure);
  const width = Math.ceil(MARGIN * 2 + blockWidth);
  const height = Math.ceil(pen.y + MARGIN);
  const size = scalable ? '' : ` width="${width}" height="${height}"`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg"${size} viewBox="0 0 ${width} ${height}" font-family="${fontFamily.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" lang="${xml(m.lang)}">`,
    `<title>${xml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...pen.el,
    '</svg>',
    '',
  ].join('\n');
  return { svg, width, height };
}

/** The title, the lines saying what is shown, and how many functions and units. */
function drawHeading(
  pen: Pen,
  m: FunctionMatrix,
  title: string,
  heading: boolean,
  blockWidth: number,
  t: Translate,
  measure: Measure,
): void {
  if (heading) {
    pen.y += 18;
    pen.el.push(text(MARGIN, pen.y, title, { bold: true, size: 17 }, ' fill="#1b1f23"'));
  }
  for (const s of matrixSubtitles(m, t)) {
    for (const line of wrapMeasured(s, blockWidth, BODY, measure)) {
      pen.y += LINE + 2;
      pen.el.push(text(MARGIN, pen.y, line, BODY, ' fill="#444"'));
    }
  }
  if (heading) {
    const functions = m.groups.reduce((n, g) => n + g.rows.length, 0);
    pen.y += LINE + 2;
    pen.el.push(
      text(MARGIN, pen.y, t('matrix-summary', { functions, units: m.columns.length }), SMALL, ' fill="#666"'),
    );
  }
  pen.y += 12;
}

/** The table: its header row, each group and its rows with their role cells, and the grid over them. */
function drawTable(pen: Pen, m: FunctionMatrix, layout: MatrixLayout, t: Translate): void {
  const colX = layout.colOffsets.map((x) => MARGIN + x);
  const top = pen.y;
  drawHeader(pen, m, layout, colX, t);
  pen.y = top + layout.headerHeight;
  const rowLines: string[] = [];
  for (const g of layout.groups) {
    pen.el.push(
      `<rect x="${MARGIN}" y="${num(pen.y)}" width="${layout.tableWidth}" height="${g.height}" fill="#eef1f4"/>`,
    );
    g.lines.forEach((l, li) =>
      pen.el.push(text(MARGIN + PAD, pen.y + PAD + 11 + li * LINE, l, BODY_BOLD, ' fill="#1b1f23"')),
    );
    rowLines.push(num(pen.y));
    pen.y += g.height;
    for (const laid of g.rows) {
      rowLines.push(num(pen.y));
      drawRow(pen.el, laid, pen.y, layout, colX);
      pen.y += laid.height;
    }
  }
  drawGrid(pen.el, m, layout, colX, rowLines, top, pen.y);
}

/** The header row: "Function", then each unit's name, turned upwards when the columns are narrow. */
function drawHeader(pen: Pen, m: FunctionMatrix, layout: MatrixLayout, colX: number[], t: Translate): void {
  const { el, y: top } = pen;
  const { headerHeight, colWidths, headerLines, tableWidth } = layout;
  el.push(`<rect x="${MARGIN}" y="${num(top)}" width="${tableWidth}" height="${headerHeight}" fill="#f3f5f7"/>`);
  el.push(text(MARGIN + PAD, top + headerHeight - PAD - 2, t('matrix-function'), BODY_BOLD, ' fill="#1b1f23"'));
  m.columns.forEach((c, i) => {
    const style = c.depth <= 1 ? HEADER_BOLD : HEADER;
    const fill = c.depth <= 1 ? '#1b1f23' : '#39424c';
    const lines = headerLines[i]!;
    if (c.depth === 0)
      el.push(
        `<rect x="${num(colX[i]!)}" y="${num(top)}" width="${colWidths[i]}" height="${headerHeight}" fill="#e4e9ee"/>`,
      );
    if (layout.vertical) {
      // Rotated text reads upwards from the bottom of the header; lines stack left to right.
      const first = colX[i]! + colWidths[i]! / 2 - ((lines.length - 1) * 14) / 2 + 4;
      lines.forEach((l, li) =>
        el.push(
          text(
            0,
            0,
            l,
            style,
            ` fill="${fill}" transform="translate(${num(first + li * 14)} ${num(top + headerHeight - PAD)}) rotate(-90)"`,
          ),
        ),
      );
    } else {
      const start = top + headerHeight - PAD - (lines.length - 1) * 13 - 2;
      lines.forEach((l, li) =>
        el.push(text(colX[i]! + colWidths[i]! / 2, start + li * 13, l, style, ` fill="${fill}" text-anchor="middle"`)),
      );
    }
  });
}

/** One function row: its name, a coloured bar and flag when it is a finding, its id, and the role in each unit's cell. */
function drawRow(el: string[], laid: LaidMatrixRow, y: number, layout: MatrixLayout, colX: number[]): void {
  const { row, lines, flag } = laid;
  const h = laid.height;
  const { colWidths, fnWidth } = layout;
  if (row.status !== 'ok') {
    const colour = FLAG_COLOUR[row.status];
    el.push(
      `<rect x="${MARGIN}" y="${num(y)}" width="${fnWidth}" height="${h}" fill="${row.status === 'no-lead' ? '#fde8e8' : '#fff4d6'}"/>`,
    );
    el.push(`<rect x="${MARGIN}" y="${num(y)}" width="4" height="${h}" fill="${colour}"/>`);
  }
  let ty = y + PAD + 11;
  for (const l of lines) {
    el.push(text(MARGIN + PAD + 4, ty, l, BODY, ' fill="#1b1f23"'));
    ty += LINE;
  }
  if (flag) {
    el.push(
      text(
        MARGIN + PAD + 4,
        ty - 1,
        `⚠ ${flag}`,
        { bold: true, size: 10 },
        ` fill="${FLAG_COLOUR[row.status as 'no-lead' | 'multiple-leads']}"`,
      ),
    );
    ty += SMALL_LINE + 2;
  }
  el.push(text(MARGIN + PAD + 4, ty - 2, laid.id, SMALL, ' fill="#6a737d"'));
  row.cells.forEach((cell, i) => {
    if (!cell) return;
    const s = layout.shade(cell.role);
    el.push(
      `<rect x="${num(colX[i]! + 1)}" y="${num(y + 1)}" width="${colWidths[i]! - 2}" height="${h - 2}" fill="${s.bg}"/>`,
    );
    el.push(
      text(
        colX[i]! + colWidths[i]! / 2,
        y + h / 2 + 4.5,
        layout.code(cell.role),
        BODY_BOLD,
        ` fill="${s.fg}" text-anchor="middle"`,
      ),
    );
  });
}

/** The grid: thin lines between rows and columns, a heavier one where a new branch of the tree starts. */
function drawGrid(
  el: string[],
  m: FunctionMatrix,
  layout: MatrixLayout,
  colX: number[],
  rowLines: readonly string[],
  top: number,
  bottom: number,
): void {
  const { tableWidth } = layout;
  for (const ry of rowLines)
    el.push(
      `<line x1="${MARGIN}" y1="${ry}" x2="${MARGIN + tableWidth}" y2="${ry}" stroke="#c9d1d9" stroke-width="0.75"/>`,
    );
  el.push(
    `<line x1="${MARGIN}" y1="${num(bottom)}" x2="${MARGIN + tableWidth}" y2="${num(bottom)}" stroke="#8c959f" stroke-width="1"/>`,
  );
  m.columns.forEach((c, i) => {
    const branchStart = i === 0 || c.branch !== m.columns[i - 1]!.branch;
    el.push(
      `<line x1="${num(colX[i]!)}" y1="${num(top)}" x2="${num(colX[i]!)}" y2="${num(bottom)}" stroke="${branchStart ? '#6e7781' : '#c9d1d9'}" stroke-width="${branchStart ? 1.5 : 0.75}"/>`,
    );
  });
  el.push(
    `<rect x="${MARGIN}" y="${num(top)}" width="${tableWidth}" height="${num(bottom - top)}" fill="none" stroke="#8c959f" stroke-width="1"/>`,
  );
}

/** The legend: each role's code in its shade and its name, wrapped to the width of the page. */
function drawLegend(pen: Pen, m: FunctionMatrix, layout: MatrixLayout, blockWidth: number, measure: Measure): void {
  pen.y += 26;
  let x = MARGIN;
  for (const r of m.roles) {
    const s = layout.shade(r.id);
    const w = Math.max(22, measure(r.code, BODY_BOLD) + 10);
    const labelWidth = measure(r.name, BODY);
    if (x > MARGIN && x + w + 6 + labelWidth > MARGIN + blockWidth) {
      x = MARGIN;
      pen.y += 22;
    }
    pen.el.push(
      `<rect x="${num(x)}" y="${num(pen.y - 13)}" width="${num(w)}" height="18" fill="${s.bg}" stroke="#c9d1d9" stroke-width="0.75"/>`,
    );
    pen.el.push(text(x + w / 2, pen.y, r.code, BODY_BOLD, ` fill="${s.fg}" text-anchor="middle"`));
    pen.el.push(text(x + w + 6, pen.y, r.name, BODY, ' fill="#1b1f23"'));
    x += w + 6 + labelWidth + 22;
  }
}

/** Under the table, the functions nobody leads and those led twice, one bullet each. */
function drawFindings(pen: Pen, m: FunctionMatrix, blockWidth: number, t: Translate, measure: Measure): void {
  for (const list of findingLists(m, t)) {
    pen.y += 28;
    pen.el.push(text(MARGIN, pen.y, list.heading, BODY_BOLD, ` fill="${FLAG_COLOUR[list.status]}"`));
    for (const row of list.rows) {
      wrapMeasured(findingLine(row, t), blockWidth - 16, BODY, measure).forEach((l, li) => {
        pen.y += LINE + 2;
        pen.el.push(text(MARGIN + (li === 0 ? 4 : 16), pen.y, `${li === 0 ? '• ' : ''}${l}`, BODY, ' fill="#1b1f23"'));
      });
    }
  }
}
