/**
 * The look of a chart: one colour pair per kind of unit, chosen by the kind's place in
 * `organization.yaml` so the same kind has the same colour on every chart of the organisation,
 * and the sizes of the text. Colours are muted fills with a darker border of the same hue, which
 * print well in colour and stay distinct in greyscale by lightness.
 */

export interface Palette {
  fill: string;
  border: string;
  /** Text colour on the fill. */
  text: string;
  /** Colour of the secondary lines (kind, headcount, functions). */
  muted: string;
}

const KIND_PALETTES: Palette[] = [
  { fill: '#DCE6F2', border: '#2F5597', text: '#1A1A1A', muted: '#4A4A4A' },
  { fill: '#E2EFDA', border: '#4E7A31', text: '#1A1A1A', muted: '#4A4A4A' },
  { fill: '#FFF2CC', border: '#B08600', text: '#1A1A1A', muted: '#4A4A4A' },
  { fill: '#FBE4D5', border: '#C0560F', text: '#1A1A1A', muted: '#4A4A4A' },
  { fill: '#EDE7F6', border: '#5E35B1', text: '#1A1A1A', muted: '#4A4A4A' },
  { fill: '#E0F2F1', border: '#00796B', text: '#1A1A1A', muted: '#4A4A4A' },
];
const OTHER_KIND: Palette = { fill: '#F2F2F2', border: '#7F7F7F', text: '#1A1A1A', muted: '#4A4A4A' };

/** The palette of a kind, by its rank (0 = the largest kind in `organization.yaml`). */
export function kindPalette(rank: number | undefined): Palette {
  return rank === undefined ? OTHER_KIND : (KIND_PALETTES[rank] ?? OTHER_KIND);
}

/** The root of a chart stands out: its kind's border colour becomes the fill, with white text. */
export function rootPalette(kind: Palette): Palette {
  return { fill: kind.border, border: kind.border, text: '#FFFFFF', muted: '#F0F0F0' };
}

/** The one font Graphviz lays out with; it must be a single name, or Graphviz falls back to Times widths. */
export const FONT_NAME = 'DejaVu Sans';

export const SIZES = {
  title: 20,
  subtitle: 11,
  name: 12,
  detail: 9,
  legend: 9,
  /** Widest a name may run before it wraps, in points. */
  nameWidth: 180,
  edge: '#5A5A5A',
} as const;
