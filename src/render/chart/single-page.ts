/**
 * A `ChartBook` from a chart description without the paged book's subtree pages: the whole chart
 * as one drawing, laid out by layout.ts with the box sizes writeDot gives (the same wrapping, the
 * same equal widths), so a slide shows what the SVG and PDF show. A chart too large to read on
 * one slide is cut into tiles between boxes, a page each, in reading order, as the PDF tiles it.
 * It stands in for the paged book until the chart is cut into subtree pages; the picture writers
 * only ever see the `ChartBook`, so replacing this module changes nothing downstream. Pure:
 * widths come from the caller's `measure`.
 */
import type { Box, ChartSpec } from './dot.js';
import type { ChartBook, ChartDrawing, DrawnBox, DrawnLine, DrawnSegment, Point } from './drawing.js';
import { layoutTree, type Rect } from './layout.js';
import { SIZES } from './style.js';
import { wrapText, type Measure, type TextStyle } from './text.js';

const NAME: TextStyle = { bold: true, size: SIZES.name };
const DETAIL: TextStyle = { bold: false, size: SIZES.detail };
// The same spacing writeDot gives Graphviz's labels, so the boxes have the same size.
const LINE = 1.2;
const CELL_PADDING = 2;
const MARGIN_X = 10;
const MARGIN_Y = 7;
/** Where a baseline sits below the top of its line, as a share of the font size. */
const ASCENT = 0.95;

interface Cell {
  lines: string[];
  style: TextStyle;
  color: string;
}

function cells(box: Box, measure: Measure): { cells: Cell[]; footerFrom: number; width: number; height: number } {
  const name = wrapText(box.name, SIZES.nameWidth, NAME, measure);
  const nameWidth = Math.max(0, ...name.map((l) => measure(l, NAME)));
  const detailWidth = Math.max(SIZES.nameWidth, nameWidth);
  const out: Cell[] = [{ lines: name, style: NAME, color: box.palette.text }];
  for (const line of box.lines) {
    const color = line.style === 'note' ? (line.color ?? box.palette.text) : box.palette.muted;
    for (const text of wrapText(line.text, detailWidth, DETAIL, measure)) out.push({ lines: [text], style: DETAIL, color });
  }
  const footerFrom = out.length;
  for (const f of box.footer) out.push({ lines: wrapText(f, detailWidth, DETAIL, measure), style: DETAIL, color: box.palette.text });
  const width = Math.max(...out.flatMap((c) => c.lines.map((l) => measure(l, c.style))));
  const text = out.reduce((sum, c) => sum + c.lines.length * c.style.size * LINE, 0);
  return { cells: out, footerFrom, width, height: text + out.length * 2 * CELL_PADDING + (box.footer.length > 0 ? 4 : 0) };
}

/** The chart of `spec` as one drawing. */
export function singleDrawing(spec: ChartSpec, measure: Measure): ChartDrawing {
  const laid = spec.boxes.map((box) => ({ box, ...cells(box, measure) }));
  const width = Math.max(0, ...laid.map((l) => l.width)) + 2 * MARGIN_X;
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const edge of spec.edges) {
    if (edge.kind !== 'tree') continue;
    children.set(edge.from, [...(children.get(edge.from) ?? []), edge.to]);
    hasParent.add(edge.to);
  }
  const layout = layoutTree({
    roots: spec.boxes.filter((b) => !hasParent.has(b.id)).map((b) => b.id),
    children,
    sizes: new Map(laid.map((l) => [l.box.id, { width, height: l.height + 2 * MARGIN_Y }])),
    levels: new Map(spec.boxes.map((b) => [b.id, b.level])),
    direction: spec.direction,
  });

  const boxes: DrawnBox[] = laid.map((l) => {
    const rect = layout.boxes.get(l.box.id)!;
    const lines: DrawnLine[] = [];
    const rules: number[] = [];
    // Centred vertically, as Graphviz centres a label in a box taller than it needs.
    let y = rect.y + (rect.height - l.height) / 2;
    l.cells.forEach((cell, i) => {
      if (i === l.footerFrom && l.footerFrom < l.cells.length) {
        rules.push(y + 2);
        y += 4;
      }
      y += CELL_PADDING;
      for (const text of cell.lines) {
        const w = measure(text, cell.style);
        lines.push({ text, size: cell.style.size, bold: cell.style.bold, color: cell.color, x: rect.x + (rect.width - w) / 2, baseline: y + cell.style.size * ASCENT, width: w });
        y += cell.style.size * LINE;
      }
      y += CELL_PADDING;
    });
    return {
      id: l.box.id,
      rect,
      palette: l.box.palette,
      lines,
      rules,
      emphasis: l.box.emphasis,
      ...(l.box.dashed ? { dashed: true } : {}),
      classes: l.box.classes,
    };
  });

  const segments: DrawnSegment[] = layout.segments.map(([from, to]) => ({ from, to, color: SIZES.edge }));
  const rectOf = new Map(boxes.map((b) => [b.id, b.rect]));
  for (const edge of spec.edges) {
    if (edge.kind === 'tree') continue;
    const a = rectOf.get(edge.from);
    const b = rectOf.get(edge.to);
    if (a && b) segments.push({ ...link(a, b), color: edge.color ?? SIZES.edge, ...(edge.dashed ? { dashed: true } : {}) });
  }
  return {
    width: layout.width,
    height: layout.height,
    title: spec.title,
    ...(spec.subtitle !== undefined ? { subtitle: spec.subtitle } : {}),
    boxes,
    segments,
    legend: spec.legend.map((item) => ({ label: item.label, palette: item.palette, ...(item.dashed ? { dashed: true } : {}) })),
  };
}

/** A straight link between two boxes, from and to the middles of the edges that face each other. */
function link(a: Rect, b: Rect): Pick<DrawnSegment, 'from' | 'to'> {
  const centre = (r: Rect): { x: number; y: number } => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
  const ca = centre(a);
  const cb = centre(b);
  if (Math.abs(cb.y - ca.y) >= Math.abs(cb.x - ca.x)) {
    const down = cb.y > ca.y;
    return { from: { x: ca.x, y: down ? a.y + a.height : a.y }, to: { x: cb.x, y: down ? b.y : b.y + b.height } };
  }
  const right = cb.x > ca.x;
  return { from: { x: right ? a.x + a.width : a.x, y: ca.y }, to: { x: right ? b.x : b.x + b.width, y: cb.y } };
}

/** A book of one page: the whole chart. */
export function singlePageBook(spec: ChartSpec, measure: Measure): ChartBook {
  return { title: spec.title, pages: [{ kind: 'chart', trail: [], drawing: singleDrawing(spec, measure) }], outline: [] };
}

/** Where a page is cut: at most `page` long, moved back into the nearest gap between the spans, unless that wastes most of a page. */
function cuts(length: number, page: number, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let start = 0;
  while (length - start > 0.5) {
    if (start + page >= length) {
      out.push([start, length]);
      break;
    }
    let cut = start + page;
    for (let moved = true; moved; ) {
      moved = false;
      for (const [a, b] of sorted) {
        if (a - 4 < cut && cut < b + 4) {
          cut = a - 4;
          moved = true;
        }
      }
    }
    if (cut - start < page * 0.4) cut = start + page;
    out.push([start, cut]);
    start = cut;
  }
  return out;
}

/** The part of a segment inside a rectangle (Liang–Barsky), or nothing. */
function clip(from: Point, to: Point, r: { left: number; top: number; right: number; bottom: number }): [Point, Point] | undefined {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, from.x - r.left],
    [dx, r.right - from.x],
    [-dy, from.y - r.top],
    [dy, r.bottom - from.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  const at = (t: number): Point => ({ x: from.x + t * dx, y: from.y + t * dy });
  return [at(t0), at(t1)];
}

/**
 * The chart as pages of at most `area` (points) when drawn at `minScale`: one page when the whole
 * chart is readable at that scale, else tiles cut between boxes, each box on exactly one page
 * (the one holding its centre), each connector clipped to the pages it crosses.
 */
export function tiledBook(spec: ChartSpec, measure: Measure, area: { width: number; height: number }, minScale: number): ChartBook {
  const whole = singleDrawing(spec, measure);
  const fits = Math.min(area.width / Math.max(whole.width, 1), area.height / Math.max(whole.height, 1)) >= minScale;
  if (fits) return { title: spec.title, pages: [{ kind: 'chart', trail: [], drawing: whole }], outline: [] };
  const columns = cuts(whole.width, area.width / minScale, whole.boxes.map((b) => [b.rect.x, b.rect.x + b.rect.width]));
  const rows = cuts(whole.height, area.height / minScale, whole.boxes.map((b) => [b.rect.y, b.rect.y + b.rect.height]));
  const pages: ChartBook['pages'] = [];
  for (const [top, bottom] of rows) {
    for (const [left, right] of columns) {
      const inside = (p: Point): boolean => p.x >= left && p.x < right && p.y >= top && p.y < bottom;
      const shift = (p: Point): Point => ({ x: p.x - left, y: p.y - top });
      const boxes = whole.boxes
        .filter((b) => inside({ x: b.rect.x + b.rect.width / 2, y: b.rect.y + b.rect.height / 2 }))
        .map((b) => ({
          ...b,
          rect: { ...b.rect, x: b.rect.x - left, y: b.rect.y - top },
          lines: b.lines.map((l) => ({ ...l, x: l.x - left, baseline: l.baseline - top })),
          rules: b.rules.map((y) => y - top),
        }));
      const segments: DrawnSegment[] = [];
      for (const s of whole.segments) {
        const part = clip(s.from, s.to, { left, top, right, bottom });
        if (part && (part[0].x !== part[1].x || part[0].y !== part[1].y)) segments.push({ ...s, from: shift(part[0]), to: shift(part[1]) });
      }
      // A tile with nothing on it is not a page.
      if (boxes.length === 0 && segments.length === 0) continue;
      // A box the cut could not avoid (taller or wider than a page) widens its page rather than leave it.
      const width = Math.max(right - left, ...boxes.map((b) => b.rect.x + b.rect.width));
      const height = Math.max(bottom - top, ...boxes.map((b) => b.rect.y + b.rect.height));
      pages.push({ kind: 'chart', trail: [], drawing: { ...whole, width, height, boxes, segments } });
    }
  }
  return { title: spec.title, pages, outline: [] };
}
