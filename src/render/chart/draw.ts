/**
 * From a chart description (`ChartSpec`) to a drawn chart (`ChartDrawing`): each box's text is
 * wrapped and measured once, with the font that will draw it; the layout places the boxes; the
 * lines of text get their positions. The book (book.ts) lays out parts of the same prepared
 * chart, one per page, so every page of a book measures its boxes the same way. Also the layout
 * of the heading (title, date line, legend), which SVG and PDF draw alike. Pure.
 */
import type { ChartDrawing, DrawnBox, DrawnLegendItem, DrawnLine, DrawnSegment, Point, Rect } from './drawing.js';
import type { Box, BoxLine, ChartSpec, Edge } from './dot.js';
import { layoutTree, type TreeLayout } from './layout.js';
import { SIZES, type Palette } from './style.js';
import { wrapText, type Measure, type TextStyle } from './text.js';

const NAME: TextStyle = { bold: true, size: SIZES.name };
const DETAIL: TextStyle = { bold: false, size: SIZES.detail };
const LINE = 1.2;
const PAD_X = 10;
const PAD_Y = 8;
/** Space between the name and the lines under it, and around the rule above the footer. */
const GAP = 3;
const BORDER = '#5A5A5A';

/** A box with its text wrapped, before it has a place. */
export interface LaidBox {
  box: Box;
  name: string[];
  lines: Array<{ text: string; line: BoxLine }>;
  footer: string[][];
  /** Height of the text block, without padding. */
  textHeight: number;
}

export interface PreparedChart {
  spec: ChartSpec;
  measure: Measure;
  laid: Map<string, LaidBox>;
  /** The one box width of the chart: equal boxes read as a structure, not as a word cloud. */
  boxWidth: number;
  roots: string[];
  children: Map<string, string[]>;
  parent: Map<string, string>;
  staff: Set<string>;
  links: Edge[];
}

function layBox(box: Box, measure: Measure): LaidBox {
  const name = wrapText(box.name, SIZES.nameWidth, NAME, measure);
  const nameWidth = Math.max(0, ...name.map((l) => measure(l, NAME)));
  const width = Math.max(SIZES.nameWidth, nameWidth);
  const lines = box.lines.flatMap((line) =>
    wrapText(line.text, width, DETAIL, measure).map((text) => ({ text, line })),
  );
  const footer = box.footer.map((f) => wrapText(f, width, DETAIL, measure));
  const detail = DETAIL.size * LINE;
  const footerLines = footer.reduce((s, f) => s + f.length, 0);
  const textHeight =
    name.length * NAME.size * LINE +
    (lines.length > 0 ? GAP + lines.length * detail : 0) +
    (footer.length > 0 ? 3 * GAP + footerLines * detail + (footer.length - 1) * GAP : 0);
  return { box, name, lines, footer, textHeight };
}

function widest(laid: LaidBox, measure: Measure): number {
  return Math.max(
    ...laid.name.map((l) => measure(l, NAME)),
    ...laid.lines.map((l) => measure(l.text, DETAIL)),
    ...laid.footer.flat().map((l) => measure(l, DETAIL)),
    0,
  );
}

/** Wraps and measures every box of a chart once. */
export function prepareChart(spec: ChartSpec, measure: Measure, onProgress?: (done: number) => void): PreparedChart {
  const laid = new Map<string, LaidBox>();
  let width = 0;
  for (const box of spec.boxes) {
    const l = layBox(box, measure);
    laid.set(box.id, l);
    width = Math.max(width, widest(l, measure));
    if (onProgress && laid.size % 250 === 0) onProgress(laid.size);
  }
  const children = new Map<string, string[]>();
  const parent = new Map<string, string>();
  for (const edge of spec.edges) {
    if (edge.kind !== 'tree' || !laid.has(edge.from) || !laid.has(edge.to) || parent.has(edge.to)) continue;
    const list = children.get(edge.from);
    if (list) list.push(edge.to);
    else children.set(edge.from, [edge.to]);
    parent.set(edge.to, edge.from);
  }
  return {
    spec,
    measure,
    laid,
    boxWidth: width + 2 * PAD_X,
    roots: spec.boxes.filter((b) => !parent.has(b.id)).map((b) => b.id),
    children,
    parent,
    staff: new Set(spec.boxes.filter((b) => b.staff === true && parent.has(b.id)).map((b) => b.id)),
    links: spec.edges.filter((e) => e.kind === 'link'),
  };
}

/** Height of a box; a box whose subtree continues on another page has one more line, for "→ p. N". */
function boxHeight(laid: LaidBox, continues: boolean): number {
  return laid.textHeight + 2 * PAD_Y + (continues ? GAP + DETAIL.size * LINE : 0);
}

/** The id of the undrawn parent of siblings drawn without it (no unit id contains a NUL). */
const ABOVE = '\u0000above';

/** A part of the chart: these top units and what is below them, down to `depth` levels. */
export interface PartLayout {
  roots: string[];
  /** Units drawn, in tree order. */
  units: string[];
  /** Drawn units whose children are not drawn here (their subtree continues elsewhere). */
  frontier: string[];
  layout: TreeLayout;
}

/**
 * Lays out the top units `roots` and what is below them: the children of the units in `open`
 * (all children, with `'all'`). A unit whose children are cut off gets room for a "continues" line.
 */
export function layoutPart(
  chart: PreparedChart,
  roots: string[],
  open: ReadonlySet<string> | 'all',
  options: { onProgress?: (done: number) => void; aspect?: number } = {},
): PartLayout {
  const units: string[] = [];
  const frontier: string[] = [];
  const children = new Map<string, string[]>();
  const sizes = new Map<string, { width: number; height: number }>();
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    units.push(id);
    const below = chart.children.get(id) ?? [];
    const cut = below.length > 0 && open !== 'all' && !open.has(id);
    if (cut) frontier.push(id);
    else if (below.length > 0) {
      children.set(id, below);
      for (let i = below.length - 1; i >= 0; i--) stack.push(below[i]!);
    }
    sizes.set(id, { width: chart.boxWidth, height: boxHeight(chart.laid.get(id)!, cut) });
  }
  // Siblings drawn without their parent (it is on another page) still hang from one bar, with a
  // stub line up towards the parent: laid out under a parent box of no height, left undrawn.
  const parent = roots.length > 1 ? chart.parent.get(roots[0]!) : undefined;
  const siblings = parent !== undefined && roots.every((r) => chart.parent.get(r) === parent);
  let top = roots;
  if (siblings) {
    children.set(ABOVE, roots);
    sizes.set(ABOVE, { width: chart.boxWidth, height: 0 });
    top = [ABOVE];
  }
  const layout = layoutTree({
    roots: top,
    children,
    sizes,
    staff: chart.staff,
    direction: chart.spec.direction,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.aspect ? { aspect: options.aspect } : {}),
  });
  layout.boxes.delete(ABOVE);
  return { roots, units, frontier, layout };
}

export interface DrawOptions {
  /** For each unit of the frontier, the text of its "continues" line (e.g. "→ p. 4") and the page it links to. */
  continues?: Map<string, { text: string; page: number }>;
  title?: string;
  subtitle?: string;
}

/** Where a straight line from the centre of `from` towards `to` leaves the rectangle `from`. */
function edgePoint(from: Rect, to: Point): Point {
  const cx = from.x + from.width / 2;
  const cy = from.y + from.height / 2;
  const dx = to.x - cx;
  const dy = to.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(
    dx === 0 ? Infinity : from.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : from.height / 2 / Math.abs(dy),
  );
  return { x: cx + dx * t, y: cy + dy * t };
}

function centreOf(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** The three corners of the arrowhead at the end of a link. */
export function arrowHead(segment: Pick<DrawnSegment, 'from' | 'to'>, length = 7): Point[] {
  const dx = segment.to.x - segment.from.x;
  const dy = segment.to.y - segment.from.y;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const back = { x: segment.to.x - ux * length, y: segment.to.y - uy * length };
  return [
    segment.to,
    { x: back.x - uy * length * 0.45, y: back.y + ux * length * 0.45 },
    { x: back.x + uy * length * 0.45, y: back.y - ux * length * 0.45 },
  ];
}

/** The drawing of a laid-out part: boxes with their lines of text, connectors, links between drawn units. */
export function drawPart(chart: PreparedChart, part: PartLayout, options: DrawOptions = {}): ChartDrawing {
  const { spec } = chart;
  const boxes: DrawnBox[] = [];
  for (const id of part.units) {
    const rect = part.layout.boxes.get(id);
    if (rect) boxes.push(drawnBox(chart, id, rect, options.continues?.get(id)));
  }
  const title = options.title ?? spec.title;
  const subtitle = options.title !== undefined ? options.subtitle : (options.subtitle ?? spec.subtitle);
  return {
    width: part.layout.width,
    height: part.layout.height,
    title,
    ...(subtitle !== undefined ? { subtitle } : {}),
    boxes,
    segments: drawnSegments(chart, part),
    legend: spec.legend.map((item): DrawnLegendItem => ({
      label: item.label,
      palette: item.palette,
      ...(item.dashed ? { dashed: true } : {}),
    })),
  };
}

/** One box where the layout put it: its name, detail lines, footer under a rule and "continued on page N", each line centred. */
function drawnBox(
  chart: PreparedChart,
  id: string,
  rect: Rect,
  continues: { text: string; page: number } | undefined,
): DrawnBox {
  const { measure } = chart;
  const laid = chart.laid.get(id)!;
  const { box } = laid;
  const lines: DrawnLine[] = [];
  const rules: number[] = [];
  let y = rect.y + PAD_Y;
  const put = (text: string, style: TextStyle, color: string): void => {
    const width = measure(text, style);
    const height = style.size * LINE;
    lines.push({
      text,
      size: style.size,
      bold: style.bold,
      color,
      x: rect.x + (rect.width - width) / 2,
      baseline: y + height * 0.8,
      width,
    });
    y += height;
  };
  for (const l of laid.name) put(l, NAME, box.palette.text);
  if (laid.lines.length > 0) y += GAP;
  for (const { text, line } of laid.lines)
    put(text, DETAIL, line.style === 'note' ? (line.color ?? box.palette.text) : box.palette.muted);
  if (laid.footer.length > 0) {
    y += GAP;
    rules.push(y);
    y += 2 * GAP;
    laid.footer.forEach((f, i) => {
      if (i > 0) y += GAP;
      for (const l of f) put(l, DETAIL, box.palette.text);
    });
  }
  if (continues) {
    y += GAP;
    put(continues.text, { bold: true, size: DETAIL.size }, box.palette.text);
  }
  return {
    id,
    rect,
    palette: box.palette,
    lines,
    rules,
    emphasis: box.emphasis,
    ...(box.dashed ? { dashed: true } : {}),
    classes: box.classes,
    ...(continues ? { continues: { page: continues.page } } : {}),
  };
}

/** The connectors of the tree, the dashed arms to staff units, and an arrow for each link whose two ends are drawn. */
function drawnSegments(chart: PreparedChart, part: PartLayout): DrawnSegment[] {
  const segments: DrawnSegment[] = [];
  for (const [from, to] of part.layout.segments) segments.push({ from, to, color: BORDER });
  for (const [from, to] of part.layout.dashed) segments.push({ from, to, color: BORDER, dashed: true });
  for (const link of chart.links) {
    const a = part.layout.boxes.get(link.from);
    const b = part.layout.boxes.get(link.to);
    if (!a || !b) continue;
    segments.push({
      from: edgePoint(a, centreOf(b)),
      to: edgePoint(b, centreOf(a)),
      color: link.color ?? BORDER,
      ...(link.dashed ? { dashed: true } : {}),
      arrow: true,
    });
  }
  return segments;
}

/** The whole chart as one drawing (SVG, PNG). */
export function chartDrawing(spec: ChartSpec, measure: Measure, onProgress?: (done: number) => void): ChartDrawing {
  const chart = prepareChart(spec, measure, onProgress);
  return drawPart(chart, layoutPart(chart, chart.roots, 'all', onProgress ? { onProgress } : {}));
}

/** Something the heading draws: a line of text, or a legend chip with its label. */
export type HeadingItem =
  { kind: 'text'; line: DrawnLine } | { kind: 'chip'; rect: Rect; palette: Palette; dashed: boolean; line: DrawnLine };

export interface HeadingLayout {
  width: number;
  height: number;
  items: HeadingItem[];
}

const TITLE: TextStyle = { bold: true, size: SIZES.title };
const SUBTITLE: TextStyle = { bold: false, size: SIZES.subtitle };
const LEGEND: TextStyle = { bold: false, size: SIZES.legend };
const CHIP_PAD = 8;
const CHIP_GAP = 6;
const CHIP_HEIGHT = 18;

/**
 * The heading above a chart, centred in `width` points (at least its own width): title, date
 * line, and the legend's chips, wrapped into rows when they do not fit in one.
 */
export function layoutHeading(
  drawing: Pick<ChartDrawing, 'title' | 'subtitle' | 'legend'>,
  measure: Measure,
  width: number,
  options: { legend?: boolean } = {},
): HeadingLayout {
  const items: HeadingItem[] = [];
  const titleWidth = measure(drawing.title, TITLE);
  const subtitleWidth = drawing.subtitle ? measure(drawing.subtitle, SUBTITLE) : 0;
  const legend = options.legend === false ? [] : drawing.legend;
  const chips = legend.map((item) => measure(item.label, LEGEND) + 2 * CHIP_PAD);
  const all = Math.max(
    titleWidth,
    subtitleWidth,
    chips.reduce((s, w) => s + w + CHIP_GAP, -CHIP_GAP),
  );
  const span = Math.max(width, Math.min(all, Math.max(width, titleWidth, subtitleWidth)));
  let y = 0;
  const text = (t: string, style: TextStyle, w: number, color: string): void => {
    const height = style.size * LINE;
    items.push({
      kind: 'text',
      line: {
        text: t,
        size: style.size,
        bold: style.bold,
        color,
        x: (span - w) / 2,
        baseline: y + height * 0.8,
        width: w,
      },
    });
    y += height;
  };
  text(drawing.title, TITLE, titleWidth, '#1A1A1A');
  if (drawing.subtitle) text(drawing.subtitle, SUBTITLE, subtitleWidth, '#4A4A4A');
  if (legend.length > 0) {
    y += 8;
    // Rows of chips, each row centred.
    let start = 0;
    while (start < legend.length) {
      let end = start;
      let rowWidth = -CHIP_GAP;
      while (end < legend.length && (end === start || rowWidth + CHIP_GAP + chips[end]! <= span))
        rowWidth += CHIP_GAP + chips[end++]!;
      let x = (span - rowWidth) / 2;
      for (let i = start; i < end; i++) {
        const item = legend[i]!;
        const w = chips[i]!;
        const labelWidth = w - 2 * CHIP_PAD;
        items.push({
          kind: 'chip',
          rect: { x, y, width: w, height: CHIP_HEIGHT },
          palette: item.palette,
          dashed: item.dashed === true,
          line: {
            text: item.label,
            size: LEGEND.size,
            bold: false,
            color: item.palette.text,
            x: x + CHIP_PAD,
            baseline: y + CHIP_HEIGHT / 2 + LEGEND.size * 0.35,
            width: labelWidth,
          },
        });
        x += w + CHIP_GAP;
      }
      y += CHIP_HEIGHT + CHIP_GAP;
      start = end;
    }
    y -= CHIP_GAP;
  }
  return { width: span, height: y, items };
}
