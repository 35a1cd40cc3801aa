/**
 * Writes a chart description (boxes, edges, title, legend) as Graphviz DOT. Both the org chart
 * and the reorganisation chart are described this way, so they share one look. Every label is
 * an HTML-like table whose lines were wrapped and measured here with the real font: Graphviz's
 * WASM build has no font files and guesses text widths, so each box gets a measured minimum
 * width, and src/render/chart/svg.ts re-centres the lines afterwards.
 */
import { FONT_NAME, SIZES, type Palette } from './style.js';
import type { Point } from './drawing.js';
import { layoutTree, type TreeInput } from './layout.js';
import { dotString, escapeHtmlLabel, wrapText, type Measure, type TextStyle } from './text.js';

/** A line under a box's name. */
export interface BoxLine {
  text: string;
  /** `detail` is small and muted; `note` is small and in the given colour (the marks of a reorganisation). */
  style: 'detail' | 'note';
  color?: string;
}

export interface Box {
  /** The unit id: the DOT node id and the SVG element id. */
  id: string;
  /** Level in the drawn tree (0 = top); boxes of one level get one height. */
  level: number;
  name: string;
  lines: BoxLine[];
  /** Shown under a rule at the bottom of the box (the functions a unit leads). */
  footer: string[];
  palette: Palette;
  /** Extra CSS classes for the SVG group, e.g. the kind id. */
  classes: string[];
  emphasis: 'root' | 'normal';
  dashed?: boolean;
  /** A staff (advisory) unit: drawn beside its parent's connector, on a dashed side branch. */
  staff?: boolean;
}

export interface Edge {
  from: string;
  to: string;
  /** `tree` links a parent to its child; `link` is a relation drawn across the tree. */
  kind: 'tree' | 'link';
  color?: string;
  dashed?: boolean;
}

export interface LegendItem {
  label: string;
  palette: Palette;
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  subtitle?: string;
  legend: LegendItem[];
  boxes: Box[];
  edges: Edge[];
  direction: 'TB' | 'LR';
}

const NAME: TextStyle = { bold: true, size: SIZES.name };
const DETAIL: TextStyle = { bold: false, size: SIZES.detail };
// Graphviz sets lines 1.2 font sizes apart; the padding figures match the table attributes below.
const LINE = 1.2;
const CELL_PADDING = 2;
const NODE_MARGIN_X = 10;
const NODE_MARGIN_Y = 7;

interface LaidBox {
  box: Box;
  name: string[];
  lines: Array<{ text: string; line: BoxLine }>;
  footer: string[][];
  width: number;
  height: number;
}

function number(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

function font(style: TextStyle, color: string, content: string): string {
  const inner = style.bold ? `<B>${content}</B>` : content;
  return `<FONT POINT-SIZE="${style.size}" COLOR="${color}">${inner}</FONT>`;
}

function cell(lines: string[], style: TextStyle, color: string, width: number): string {
  const content = lines.map(escapeHtmlLabel).join('<BR/>');
  return `<TR><TD WIDTH="${number(width)}">${font(style, color, content)}</TD></TR>`;
}

function layBox(box: Box, measure: Measure): LaidBox {
  const name = wrapText(box.name, SIZES.nameWidth, NAME, measure);
  const nameWidth = Math.max(0, ...name.map((l) => measure(l, NAME)));
  const detailWidth = Math.max(SIZES.nameWidth, nameWidth);
  const lines = box.lines.flatMap((line) =>
    wrapText(line.text, detailWidth, DETAIL, measure).map((text) => ({ text, line })),
  );
  const footer = box.footer.map((f) => wrapText(f, detailWidth, DETAIL, measure));
  const widths = [
    nameWidth,
    ...lines.map((l) => measure(l.text, DETAIL)),
    ...footer.flat().map((l) => measure(l, DETAIL)),
  ];
  const rows = 1 + lines.length + footer.length;
  const textHeight = name.length * NAME.size * LINE + (lines.length + footer.flat().length) * DETAIL.size * LINE;
  return {
    box,
    name,
    lines,
    footer,
    width: Math.max(...widths),
    height: textHeight + rows * 2 * CELL_PADDING + (footer.length > 0 ? 4 : 0),
  };
}

function boxLabel(laid: LaidBox, width: number): string {
  const { box } = laid;
  const rows = [cell(laid.name, NAME, box.palette.text, width)];
  for (const { text, line } of laid.lines)
    rows.push(
      cell([text], DETAIL, line.style === 'note' ? (line.color ?? box.palette.text) : box.palette.muted, width),
    );
  if (laid.footer.length > 0) {
    rows.push('<HR/>');
    for (const f of laid.footer) rows.push(cell(f, DETAIL, box.palette.text, width));
  }
  return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="${CELL_PADDING}">${rows.join('')}</TABLE>>`;
}

function titleLabel(spec: ChartSpec, measure: Measure): string {
  const title: TextStyle = { bold: true, size: SIZES.title };
  const subtitle: TextStyle = { bold: false, size: SIZES.subtitle };
  const legend: TextStyle = { bold: false, size: SIZES.legend };
  const rows = [
    `<TR><TD WIDTH="${number(measure(spec.title, title))}">${font(title, '#1A1A1A', escapeHtmlLabel(spec.title))}</TD></TR>`,
  ];
  if (spec.subtitle)
    rows.push(
      `<TR><TD WIDTH="${number(measure(spec.subtitle, subtitle))}">${font(subtitle, '#4A4A4A', escapeHtmlLabel(spec.subtitle))}</TD></TR>`,
    );
  if (spec.legend.length > 0) {
    const items = spec.legend.map((item) => {
      const style = item.dashed ? ' STYLE="dashed"' : ' STYLE="rounded"';
      const width = number(measure(item.label, legend) + 12);
      return `<TD BGCOLOR="${item.palette.fill}" COLOR="${item.palette.border}" BORDER="1"${style} WIDTH="${width}" CELLPADDING="4">${font(legend, item.palette.text, escapeHtmlLabel(item.label))}</TD>`;
    });
    rows.push(`<TR><TD><TABLE BORDER="0" CELLBORDER="0" CELLSPACING="6"><TR>${items.join('')}</TR></TABLE></TD></TR>`);
  }
  return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3">${rows.join('')}</TABLE>>`;
}

function classes(box: Box): string {
  return ['unit', ...box.classes].map((c) => c.replace(/[^\p{L}\p{N}_-]/gu, '_')).join(' ');
}

function treeInput(spec: ChartSpec, laid: LaidBox[], width: number): TreeInput {
  const children = new Map<string, string[]>();
  const hasParent = new Set<string>();
  for (const edge of spec.edges) {
    if (edge.kind !== 'tree') continue;
    const list = children.get(edge.from);
    if (list) list.push(edge.to);
    else children.set(edge.from, [edge.to]);
    hasParent.add(edge.to);
  }
  const sizes = new Map(
    laid.map((l) => [l.box.id, { width: width + 2 * NODE_MARGIN_X, height: l.height + 2 * NODE_MARGIN_Y }]),
  );
  return {
    roots: spec.boxes.filter((b) => !hasParent.has(b.id)).map((b) => b.id),
    children,
    sizes,
    staff: new Set(spec.boxes.filter((b) => b.staff === true).map((b) => b.id)),
    direction: spec.direction,
  };
}

/**
 * The DOT text of a chart, with every position computed by layout.ts and pinned, for Graphviz's
 * `neato` (named in the graph, so `dot -Tsvg` on the file gives the same picture). `maxiter=0`
 * skips neato's own optimisation, which would not move pinned nodes but takes quadratic time. Connectors are
 * straight edges between invisible junction points. Deterministic: the same spec and fonts give
 * the same bytes.
 */
export function writeDot(spec: ChartSpec, measure: Measure): string {
  const laid = spec.boxes.map((box) => layBox(box, measure));
  // One width for every box: a chart of equal boxes reads as a structure, not as a word cloud.
  const width = Math.max(0, ...laid.map((l) => l.width));
  const layout = layoutTree(treeInput(spec, laid, width));
  // Graphviz's y axis points up.
  const pos = (p: Point): string => `"${number(p.x)},${number(layout.height - p.y)}!"`;

  const out: string[] = [];
  out.push('digraph chart {');
  out.push(
    `  graph [layout=neato, maxiter=0, inputscale=72, notranslate=true, splines=line, outputorder=edgesfirst, pad=0.3, bgcolor="white", fontname=${dotString(FONT_NAME)}, labelloc=t, label=${titleLabel(spec, measure)}];`,
  );
  out.push(`  node [shape=point, style=invis, width=0, height=0, label=""];`);
  out.push(`  edge [arrowhead=none, color="${SIZES.edge}", penwidth=1.2];`);
  const junctions = new Map<string, string>();
  const junction = (p: Point): string => {
    const key = pos(p);
    let name = junctions.get(key);
    if (name === undefined) {
      name = `+j${junctions.size + 1}`;
      junctions.set(key, name);
      out.push(`  ${dotString(name)} [pos=${key}];`);
    }
    return name;
  };
  for (const [a, b] of layout.segments) {
    const from = junction(a);
    const to = junction(b);
    out.push(`  ${dotString(from)} -> ${dotString(to)};`);
  }
  for (const [a, b] of layout.dashed)
    out.push(`  ${dotString(junction(a))} -> ${dotString(junction(b))} [style=dashed];`);
  out.push(
    `  node [shape=box, style="rounded,filled", fontname=${dotString(FONT_NAME)}, fontsize=${SIZES.name}, margin="${number(NODE_MARGIN_X / 72)},${number(NODE_MARGIN_Y / 72)}", penwidth=1.2];`,
  );
  for (const l of laid) {
    const { box } = l;
    const rect = layout.boxes.get(box.id)!;
    const attrs = [
      `id=${dotString(`unit-${box.id}`)}`,
      `class=${dotString(classes(box))}`,
      `pos=${pos({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 })}`,
      'fixedsize=true',
      `width=${number(rect.width / 72)}`,
      `height=${number(rect.height / 72)}`,
      `fillcolor="${box.palette.fill}"`,
      `color="${box.palette.border}"`,
      ...(box.dashed ? ['style="rounded,filled,dashed"'] : []),
      ...(box.emphasis === 'root' ? ['penwidth=2.4'] : []),
      `label=${boxLabel(l, width)}`,
    ];
    out.push(`  ${dotString(box.id)} [${attrs.join(', ')}];`);
  }
  for (const edge of spec.edges) {
    if (edge.kind === 'tree') continue;
    const attrs = ['arrowhead=normal', 'arrowsize=0.7', 'splines=curved'];
    if (edge.color) attrs.push(`color="${edge.color}"`);
    if (edge.dashed) attrs.push('style=dashed');
    out.push(`  ${dotString(edge.from)} -> ${dotString(edge.to)} [${attrs.join(', ')}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
