/**
 * Text measurement with the real font, so that labels are wrapped and boxes sized for the
 * letters that will be drawn (Graphviz's own guess underestimates Cyrillic capitals by up to
 * 13%). The measuring lives with the fonts (fonts.ts, `FontSet.measure`); this is the bundled
 * DejaVu set's, for callers that draw without user fonts.
 */
import type { Measure, TextStyle } from '../render/chart/text.js';
import { defaultFontSet } from './fonts.js';

/** Width in points of `text` in DejaVu Sans of the given weight and size (kerning included). */
export function measureText(text: string, style: TextStyle): number {
  return defaultFontSet().measure(text, style);
}

/** The measure function the chart renderers take. */
export const measure: Measure = measureText;
