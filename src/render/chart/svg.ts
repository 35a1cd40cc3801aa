/**
 * Finishing touches on the SVG that Graphviz writes for a chart. Graphviz's WASM build has no
 * fonts, so it places each line of an HTML-like label left-anchored at a position computed from
 * guessed widths: the lines are re-anchored at the centre of the box (or legend cell) they sit
 * in, where they stay centred whatever the real width. Graphviz needs a single font name to lay
 * out; the SVG gets a list that browsers without DejaVu Sans resolve to a narrower sans-serif,
 * so the text still fits. Works on Graphviz's line-per-element output; pure.
 */
import { FONT_NAME } from './style.js';

/** The font list written into the SVG: DejaVu Sans first (what the layout measured), then narrower fallbacks. */
export const SVG_FONT_FAMILY = `'${FONT_NAME}', Arial, Helvetica, sans-serif`;

interface Span {
  left: number;
  right: number;
}

function xSpan(line: string): Span | undefined {
  const source = /\s(?:points|d)="([^"]*)"/.exec(line)?.[1];
  let xs: number[];
  if (source !== undefined) {
    xs = [...source.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
  } else {
    const cx = /\scx="(-?[\d.]+)"/.exec(line)?.[1];
    const rx = /\srx="(-?[\d.]+)"/.exec(line)?.[1];
    xs = cx !== undefined && rx !== undefined ? [Number(cx) - Number(rx), Number(cx) + Number(rx)] : [];
  }
  if (xs.length === 0) return undefined;
  return { left: Math.min(...xs), right: Math.max(...xs) };
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface FinishOptions {
  /** Replaces the graph's `<title>` (its DOT name), which browsers show as the document title. */
  title?: string;
}

/** Re-centres label text, rewrites the font family and sets the document title. */
export function finishSvg(svg: string, options: FinishOptions = {}): string {
  const shapes: Span[][] = [[]];
  let titled = options.title === undefined;
  const out: string[] = [];
  for (let line of svg.split('\n')) {
    if (/^<g[\s>]/.test(line)) shapes.push([]);
    else if (line.startsWith('</g>') && shapes.length > 1) shapes.pop();
    else if (/^<(polygon|path|ellipse|polyline)\s/.test(line)) {
      const span = xSpan(line);
      if (span && !line.startsWith('<polyline')) shapes[shapes.length - 1]!.push(span);
    } else if (line.startsWith('<text') && line.includes('text-anchor="start"')) {
      const x = Number(/\sx="(-?[\d.]+)"/.exec(line)?.[1]);
      const group = shapes[shapes.length - 1]!;
      let container: Span | undefined;
      for (let i = group.length - 1; i >= 0 && container === undefined; i--) {
        const s = group[i]!;
        if (s.left <= x && x <= s.right) container = s;
      }
      // A label Graphviz guessed wider than its fixed-size box starts left of it: use the box.
      container ??= group[0];
      if (container) line = line.replace('text-anchor="start"', 'text-anchor="middle"').replace(/\sx="-?[\d.]+"/, ` x="${round((container.left + container.right) / 2)}"`);
    } else if (!titled && line.startsWith('<title>')) {
      line = `<title>${escapeXml(options.title!)}</title>`;
      titled = true;
    }
    out.push(line.replace(/font-family="[^"]*"/g, `font-family="${SVG_FONT_FAMILY}"`));
  }
  return out.join('\n');
}
