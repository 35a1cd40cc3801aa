/**
 * A drawn chart as SVG: the heading (title, date line, legend), the connectors, and one group per
 * unit with its rounded box and its lines of text. Written directly from the `ChartDrawing`, so
 * the SVG is the layout and nothing needs re-parsing. Each line of text is anchored at the centre
 * of its box: a browser that substitutes another font still keeps it centred. Every name is
 * XML-escaped; ids and classes are reduced to safe characters. Byte-identical for the same input.
 */
import type { ChartDrawing, DrawnLine, DrawnSegment } from './drawing.js';
import { arrowHead, layoutHeading } from './draw.js';
import { cleanText, type Measure } from './text.js';

export interface SvgOptions {
  measure: Measure;
  /** The CSS font-family list (FontSet.cssFamily). */
  fontFamily: string;
  /** The document title (shown by browsers); default: the drawing's title. */
  documentTitle?: string;
}

/** Margin around the picture, and the space between the heading and the chart. */
const PAD = 22;
const BELOW_HEADING = 18;

function escapeXml(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const n = (value: number): string => String(Math.round(value * 100) / 100);

function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N}_-]/gu, '_');
}

function text(line: DrawnLine, dx: number, dy: number): string {
  const weight = line.bold ? ' font-weight="bold"' : '';
  return `<text x="${n(line.x + line.width / 2 + dx)}" y="${n(line.baseline + dy)}" text-anchor="middle" font-size="${line.size}"${weight} fill="${line.color}">${escapeXml(line.text)}</text>`;
}

function path(segments: DrawnSegment[], dx: number, dy: number): string {
  return segments.map((s) => `M${n(s.from.x + dx)},${n(s.from.y + dy)}L${n(s.to.x + dx)},${n(s.to.y + dy)}`).join('');
}

/** The chart as an SVG document, sized in points. */
export function drawingSvg(drawing: ChartDrawing, options: SvgOptions): string {
  const heading = layoutHeading(drawing, options.measure, drawing.width);
  const width = Math.max(drawing.width, heading.width) + 2 * PAD;
  const chartTop = PAD + heading.height + BELOW_HEADING;
  const height = chartTop + drawing.height + PAD;
  const hx = (width - heading.width) / 2;
  const cx = (width - drawing.width) / 2;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}pt" height="${n(height)}pt" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(options.fontFamily)}">`,
  );
  out.push(`<title>${escapeXml(options.documentTitle ?? drawing.title)}</title>`);
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push('<g class="heading">');
  for (const item of heading.items) {
    if (item.kind === 'chip') {
      const dash = item.dashed ? ' stroke-dasharray="4 3"' : '';
      out.push(
        `<rect x="${n(item.rect.x + hx)}" y="${n(item.rect.y + PAD)}" width="${n(item.rect.width)}" height="${n(item.rect.height)}" rx="5" fill="${item.palette.fill}" stroke="${item.palette.border}"${dash}/>`,
      );
    }
    out.push(text(item.line, hx, PAD));
  }
  out.push('</g>');
  const solid = drawing.segments.filter((s) => !s.dashed && !s.arrow);
  const dashed = drawing.segments.filter((s) => s.dashed && !s.arrow);
  out.push('<g class="connectors" fill="none" stroke-width="1.2">');
  if (solid.length > 0) out.push(`<path stroke="${solid[0]!.color}" d="${path(solid, cx, chartTop)}"/>`);
  if (dashed.length > 0)
    out.push(`<path stroke="${dashed[0]!.color}" stroke-dasharray="5 3" d="${path(dashed, cx, chartTop)}"/>`);
  for (const s of drawing.segments.filter((x) => x.arrow)) {
    out.push(
      `<path class="link" stroke="${s.color}"${s.dashed ? ' stroke-dasharray="5 3"' : ''} d="${path([s], cx, chartTop)}"/>`,
    );
    const head = arrowHead(s);
    out.push(
      `<path fill="${s.color}" stroke="none" d="M${head.map((p) => `${n(p.x + cx)},${n(p.y + chartTop)}`).join('L')}z"/>`,
    );
  }
  out.push('</g>');
  for (const box of drawing.boxes) {
    const r = box.rect;
    const stroke = box.emphasis === 'root' ? 2.4 : 1.2;
    const dash = box.dashed ? ' stroke-dasharray="5 3"' : '';
    out.push(`<g id="unit-${safeName(box.id)}" class="${['unit', ...box.classes].map(safeName).join(' ')}">`);
    out.push(
      `<rect x="${n(r.x + cx)}" y="${n(r.y + chartTop)}" width="${n(r.width)}" height="${n(r.height)}" rx="8" fill="${box.palette.fill}" stroke="${box.palette.border}" stroke-width="${stroke}"${dash}/>`,
    );
    for (const y of box.rules)
      out.push(
        `<path stroke="${box.palette.border}" stroke-width="0.8" d="M${n(r.x + cx + 8)},${n(y + chartTop)}H${n(r.x + cx + r.width - 8)}"/>`,
      );
    for (const line of box.lines) out.push(text(line, cx, chartTop));
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
