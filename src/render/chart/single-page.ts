/**
 * A one-page `ChartBook` from a chart description: the whole chart as one drawing, laid out by
 * layout.ts with the box sizes writeDot gives (the same wrapping, the same equal widths), so the
 * PPTX slide shows what the SVG and PDF show. It stands in for the paged book until the chart is
 * cut into pages; the picture writers only ever see the `ChartBook`, so replacing this module
 * changes nothing downstream. Pure: widths come from the caller's `measure`.
 */
import type { Box, ChartSpec } from './dot.js';
import type { ChartBook, ChartDrawing, DrawnBox, DrawnLine, DrawnSegment } from './drawing.js';
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
