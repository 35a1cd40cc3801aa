/**
 * Finishing touches on the SVG that Graphviz writes for a chart. Graphviz's WASM build has no
 * fonts, so it places each line of an HTML-like label left-anchored at a position computed from
 * guessed widths: the lines are re-anchored at the centre of the box (or legend cell) they sit
 * in, where they stay centred whatever the real width. Graphviz needs a single font name to lay
 * out; the SVG gets a list that browsers without DejaVu Sans resolve to a narrower sans-serif,
 * so the text still fits. Works on Graphviz's line-per-element output; pure.
 */
import { FONT_NAME } from './style.js';
import type { Measure } from './text.js';

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
  /** The CSS font-family list to write (the font set's `cssFamily`; default DejaVu Sans first). */
  fontFamily?: string;
}

/** Re-centres label text, rewrites the font family and sets the document title. */
export function finishSvg(svg: string, options: FinishOptions = {}): string {
  const shapes: Span[][] = [[]];
  let titled = options.title === undefined;
  const family = (options.fontFamily ?? SVG_FONT_FAMILY).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
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
    out.push(line.replace(/font-family="[^"]*"/g, `font-family="${family}"`));
  }
  return out.join('\n');
}

/** A rectangle in the SVG's viewBox units (points, for Graphviz). */
export interface Extent {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** A line of text outside the boxes: cut it only when no gap between boxes is found. */
  soft?: boolean;
}

/**
 * The rectangles that must not be cut when a chart is spread over pages: each box, and each line
 * of text outside the boxes (the title, the legend), whose width is measured with `measure`.
 */
export function keepTogether(svg: string, measure: Measure): Extent[] {
  const translate = /<g id="graph0"[^>]*translate\((-?[\d.]+)[ ,](-?[\d.]+)\)/.exec(svg);
  const dx = Number(translate?.[1] ?? 0);
  const dy = Number(translate?.[2] ?? 0);
  const out: Extent[] = [];
  let depth = 0;
  let inNode = false;
  let nodeDone = false;
  for (const line of svg.split('\n')) {
    if (/^<g[\s>]/.test(line)) {
      depth++;
      inNode = /class="node/.test(line);
      nodeDone = false;
    } else if (line.startsWith('</g>')) {
      depth--;
      inNode = false;
    } else if (inNode && !nodeDone && /^<(polygon|path)\s/.test(line)) {
      const source = /\s(?:points|d)="([^"]*)"/.exec(line)?.[1] ?? '';
      const pairs = [...source.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      if (pairs.length > 0) {
        out.push({
          left: Math.min(...pairs.map((p) => p[0])) + dx,
          right: Math.max(...pairs.map((p) => p[0])) + dx,
          top: Math.min(...pairs.map((p) => p[1])) + dy,
          bottom: Math.max(...pairs.map((p) => p[1])) + dy,
        });
        nodeDone = true;
      }
    } else if (depth === 1 && line.startsWith('<text')) {
      const x = Number(/\sx="(-?[\d.]+)"/.exec(line)?.[1]);
      const y = Number(/\sy="(-?[\d.]+)"/.exec(line)?.[1]);
      const size = Number(/font-size="([\d.]+)"/.exec(line)?.[1] ?? 14);
      const text = (/>([^<]*)<\/text>/.exec(line)?.[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      const width = measure(text, { bold: line.includes('font-weight="bold"'), size });
      const anchor = /text-anchor="(\w+)"/.exec(line)?.[1];
      const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
      out.push({ left: left + dx, right: left + width + dx, top: y - size + dy, bottom: y + size * 0.3 + dy, soft: true });
    }
  }
  return out;
}
