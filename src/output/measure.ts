/**
 * Text measurement with the real font, so that labels are wrapped and boxes sized for the
 * letters that will be drawn (Graphviz's own guess underestimates Cyrillic capitals by up to
 * 13%). Uses fontkit, which comes with pdfkit: it is loaded through pdfkit's own dependency
 * rather than declared again.
 */
import { createRequire } from 'node:module';
import type { Measure, TextStyle } from '../render/chart/text.js';
import { fontBytes } from './fonts.js';

/** The little of fontkit's API used here. */
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}
interface Fontkit {
  create(data: Buffer): FontkitFont;
}

let fonts: { regular: FontkitFont; bold: FontkitFont } | undefined;
const cache = new Map<string, number>();

function load(): { regular: FontkitFont; bold: FontkitFont } {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const fromPdfkit = createRequire(require.resolve('pdfkit'));
    const fontkit = fromPdfkit('fontkit') as Fontkit;
    fonts = { regular: fontkit.create(fontBytes(false)), bold: fontkit.create(fontBytes(true)) };
  }
  return fonts;
}

/** Width in points of `text` in DejaVu Sans of the given weight and size (kerning included). */
export function measureText(text: string, style: TextStyle): number {
  const key = `${style.bold ? 'b' : 'r'}${text}`;
  let units = cache.get(key);
  if (units === undefined) {
    const font = style.bold ? load().bold : load().regular;
    units = font.layout(text).advanceWidth / font.unitsPerEm;
    cache.set(key, units);
  }
  return units * style.size;
}

/** The measure function the chart renderers take. */
export const measure: Measure = measureText;
