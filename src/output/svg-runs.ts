/**
 * Puts the font set's choice of face into an SVG's text, for the converters that cannot fall back
 * from font to font themselves as a browser does: svg-to-pdfkit (PDF) sets a whole `<text>` in one
 * font, and resvg (PNG) would pick its own fallback. Each `<text>` whose characters need more than
 * one face becomes one `<tspan>` per run, and every run names its face explicitly, so PDF and PNG
 * draw each character with the face it was measured with. Works on the one-element-per-line text
 * that Graphviz and the matrix writer produce; pure.
 */
import type { FontFace, FontSet } from './fonts.js';

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex !== undefined
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec !== undefined
        ? String.fromCodePoint(Number(dec))
        : NAMED[name!.toLowerCase()]!,
  );
}

function encode(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** How a face is named in the rewritten SVG: the attributes that make the converter pick exactly it. */
export type FaceAttributes = (face: FontFace, index: number) => string;

/** `font-family` and `font-weight` naming the face by its family, for resvg (which loads every face of the set). */
export const byFamily: FaceAttributes = (face) =>
  `font-family="'${encode(face.family).replace(/"/g, '&quot;').replace(/'/g, '')}'" font-weight="${face.bold ? 'bold' : 'normal'}"`;

/** Prefix of the private family names that stand for the faces in the SVG handed to svg-to-pdfkit. */
export const FACE_PREFIX = 'org-face-';

/** A private family name per face, which the PDF writer's font callback maps back to the face. */
export const byIndex: FaceAttributes = (_face, index) => `font-family="${FACE_PREFIX}${index}"`;

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const LEFT_TO_RIGHT = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F\u1100-\u11FF\u3040-\u9FFF\uAC00-\uD7AF]/u;

/**
 * pdfkit shapes a right-to-left word correctly but sets the words of a line in their logical
 * order, left to right, so "وزارة المالية" would read backwards, and it moves the space between
 * them to the front. For a run wholly in a right-to-left script (digits and punctuation allowed),
 * the words and the spaces between them are handed over as separate pieces in visual order.
 * Mixed-direction runs are left as they are.
 */
export function visualPieces(text: string): string[] {
  if (!RIGHT_TO_LEFT.test(text) || LEFT_TO_RIGHT.test(text) || !/\s/.test(text.trim())) return [text];
  return text
    .split(/(\s+)/)
    .filter((p) => p !== '')
    .reverse();
}

/** The SVG with every text element's runs set in their faces (`visual`: right-to-left words reordered for pdfkit). */
export function splitTextRuns(svg: string, fonts: FontSet, attributes: FaceAttributes, visual = false): string {
  const index = new Map(fonts.faces.map((f, i) => [f, i]));
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (whole, attrs: string, content: string) => {
    const text = decode(content);
    if (text.trim() === '') return whole;
    const bold = /\sfont-weight="(?:bold|[6-9]00)"/.test(attrs);
    const runs = fonts.runs(text, bold);
    const plain = attrs.replace(/\sfont-(?:family|weight)="[^"]*"/g, '');
    const pieces = (t: string): string[] => (visual ? visualPieces(t) : [t]);
    if (runs.length === 1 && pieces(text).length === 1)
      return `<text${plain} ${attributes(runs[0]!.face, index.get(runs[0]!.face)!)}>${content}</text>`;
    const spans = runs.flatMap((run) =>
      pieces(run.text).map((piece) => `<tspan ${attributes(run.face, index.get(run.face)!)}>${encode(piece)}</tspan>`),
    );
    return `<text${plain}>${spans.join('')}</text>`;
  });
}

/** The text content of every `<text>` element, decoded: what the picture will draw. */
export function svgTexts(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) out.push(decode(m[1]!.replace(/<[^>]*>/g, '')));
  return out;
}
