/**
 * SVG → PNG with resvg (Rust, prebuilt for each platform, no install scripts). resvg draws no
 * text at all when it has no fonts, so the faces of the font set (DejaVu Sans and any the user
 * named) are passed explicitly and system fonts are switched off: the picture is the same on every machine. The pixel size is capped, because
 * a wide chart at slide resolution would otherwise need gigabytes.
 */
import { defaultFontSet, type FontSet } from './fonts.js';
import { byFamily, splitTextRuns } from './svg-runs.js';

export interface PngOptions {
  /** Zoom over the SVG's CSS pixel size, 96 dpi (default 2: sharp on a slide). */
  scale?: number;
  /** Longest side allowed, in pixels (default 16,384); the scale shrinks to respect it. */
  maxSide?: number;
  /** Most pixels allowed in all (default 64 million). */
  maxPixels?: number;
  background?: string;
  /** The fonts the SVG's text was measured with (default: DejaVu Sans). */
  fonts?: FontSet;
}

export interface Png {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The scale actually used (smaller than asked when the cap applied). */
  scale: number;
}

const CSS_PIXELS: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };

/** The width and height of an SVG in CSS pixels, from its width and height (Graphviz writes points) or its viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const head = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const length = (name: string): number | undefined => {
    const m = new RegExp(`\\s${name}="([\\d.]+)(px|pt|pc|in|cm|mm)?"`).exec(head);
    return m ? Number(m[1]) * CSS_PIXELS[m[2] ?? '']! : undefined;
  };
  const width = length('width');
  const height = length('height');
  if (width !== undefined && height !== undefined) return { width, height };
  const viewBox = /viewBox="[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/.exec(head);
  return viewBox ? { width: Number(viewBox[1]), height: Number(viewBox[2]) } : { width: 0, height: 0 };
}

/** The scale to use: as asked, shrunk so neither side nor the pixel count passes its cap. */
export function cappedScale(size: { width: number; height: number }, options: PngOptions = {}): number {
  const asked = options.scale ?? 2;
  const maxSide = options.maxSide ?? 16_384;
  const maxPixels = options.maxPixels ?? 64_000_000;
  const longest = Math.max(size.width, size.height, 1);
  const bySide = maxSide / longest;
  const byArea = Math.sqrt(maxPixels / Math.max(size.width * size.height, 1));
  return Math.min(asked, bySide, byArea);
}

export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Png> {
  const { Resvg } = await import('@resvg/resvg-js');
  const scale = cappedScale(svgSize(svg), options);
  const fonts = options.fonts ?? defaultFontSet();
  const first = fonts.faces[0]!.family;
  // Every run names its face, so resvg draws each character with the face it was measured with.
  const resvg = new Resvg(splitTextRuns(svg, fonts, byFamily), {
    fitTo: { mode: 'zoom', value: scale },
    background: options.background ?? 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: fonts.faces.map((f) => f.path),
      defaultFontFamily: first,
      sansSerifFamily: first,
    },
    logLevel: 'off',
  });
  const image = resvg.render();
  return { bytes: image.asPng(), width: image.width, height: image.height, scale };
}
