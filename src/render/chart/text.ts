/**
 * Text for chart labels: escaping for DOT and for Graphviz HTML-like labels, and wrapping names
 * into lines that fit a box, measured with the real font. The measuring function comes from the
 * caller (the font set of src/output/fonts.ts, read with fontkit), so this module stays pure and
 * tests can use the same measurements as the command.
 */

/** Style of a run of label text: the one font family, regular or bold, at a size in points. */
export interface TextStyle {
  bold: boolean;
  size: number;
}

/** Width in points of `text` set in `style`. */
export type Measure = (text: string, style: TextStyle) => number;

// Control characters (other than none we keep) would end up as invalid XML in the SVG.

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** Collapses whitespace and drops control characters, so a name is one line of plain text. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Escapes text for the inside of an HTML-like label. Graphviz decodes entities and XML-escapes
 * the result again when it writes SVG, so `<`, `>` and `&` must not reach it raw; quotes are
 * escaped too because the same function serves attribute values. Backslashes are doubled:
 * Graphviz expands `\N` (the node's name) even inside HTML-like labels, and reads `\\` as one.
 */
export function escapeHtmlLabel(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\\/g, '\\\\');
}

/**
 * A DOT double-quoted string. Only `"` and `\` need care: a backslash is escaped so that
 * Graphviz's escString sequences (`\N`, `\n`, `\l`) cannot be smuggled in through an id.
 */
export function dotString(text: string): string {
  return `"${cleanText(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Pieces a line may break after: spaces, and hyphens inside compound words ("организационно-контрольной"). */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const word of cleanText(text).split(' ')) {
    if (word === '') continue;
    const parts = word.split(/(?<=[^\s-]-)(?=[^\s-])/);
    parts.forEach((part, i) => out.push(i < parts.length - 1 ? part : `${part} `));
  }
  if (out.length > 0) out[out.length - 1] = out[out.length - 1]!.trimEnd();
  return out;
}

/** Greedy fill: line widths add up from the widths of their pieces (each measured once). */
function greedy(pieces: string[], widths: number[], trimmed: number[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  pieces.forEach((piece, i) => {
    if (line !== '' && used + trimmed[i]! > width) {
      lines.push(line.trimEnd());
      line = piece;
      used = widths[i]!;
    } else {
      line += piece;
      used += widths[i]!;
    }
  });
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * Wraps `text` into lines no wider than `maxWidth` points where words allow, with balanced line
 * lengths: first the fewest lines a greedy fill needs, then the narrowest width that still gives
 * that many lines, so a name does not end in a lonely short word. A word wider than `maxWidth`
 * gets a line of its own and is never cut: every name reaches the picture intact. Each piece is
 * measured once and lines add their pieces up (kerning across a space is below what shows), so
 * wrapping stays cheap for thousands of boxes.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, measure: Measure): string[] {
  const pieces = tokens(text);
  if (pieces.length === 0) return [];
  const widths = pieces.map((p) => measure(p, style));
  const trimmed = pieces.map((p, i) => (p.endsWith(' ') ? measure(p.trimEnd(), style) : widths[i]!));
  const lines = greedy(pieces, widths, trimmed, maxWidth);
  if (lines.length <= 1) return lines;
  let low = Math.max(...trimmed);
  let high = maxWidth;
  let best = lines;
  // Half-point precision is far below what the eye sees and keeps this to a dozen passes.
  while (high - low > 0.5) {
    const mid = (low + high) / 2;
    const attempt = greedy(pieces, widths, trimmed, mid);
    if (attempt.length <= lines.length) {
      best = attempt;
      high = mid;
    } else low = mid;
  }
  return best;
}
