/**
 * Checks on the raw bytes and text of a file, made before the YAML parser sees it. Each guards
 * against an input that would otherwise crash, hang or silently change meaning: oversized files,
 * encodings other than UTF-8, control characters, bare CR line ends and deep nesting (a deeply
 * nested document can exhaust V8's stack inside the parser).
 */
import type { Range } from '../model/finding.js';

export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 32;

export type ScanProblem =
  | { code: 'too-large'; size: number }
  | { code: 'utf16' | 'utf32'; range: Range }
  | { code: 'invalid-utf8'; byte: string; range: Range }
  | { code: 'control-char'; char: string; range: Range }
  | { code: 'bare-cr'; range: Range }
  | { code: 'too-deep'; depth: number; range: Range };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** 1-based line and column (in UTF-16 code units + 1) of `offset` in `text`. */
function positionAt(text: string, offset: number): Range {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * A position finder for one text: offsets of line starts, searched by bisection. (The parser's own
 * line counter is not used: it can miss line breaks while recovering from a syntax error.)
 */
export function positions(text: string): (offset: number) => Range {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Line and column of byte `offset`: lines counted by LF bytes, columns in characters. */
function bytePosition(bytes: Uint8Array, offset: number): Range {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Count characters, not bytes: continuation bytes (10xxxxxx) do not start a character.
  let column = 1;
  for (let i = start; i < offset; i++) if (((bytes[i] ?? 0) & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Decodes UTF-8 strictly; returns the text (BOM removed) or the problem that prevents it. */
export function decode(bytes: Uint8Array): { text: string } | { problem: ScanProblem } {
  if (bytes.length > MAX_FILE_BYTES) return { problem: { code: 'too-large', size: bytes.length } };
  const start = { line: 1, column: 1 };
  if (
    (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00)
  )
    return { problem: { code: 'utf32', range: start } };
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
    return { problem: { code: 'utf16', range: start } };
  // UTF-16 without a BOM: ASCII text with every other byte zero.
  if (
    bytes.length >= 4 &&
    ((bytes[0] === 0 && bytes[1] !== 0) || (bytes[0] !== 0 && bytes[1] === 0)) &&
    bytes[2] !== undefined
  ) {
    const zeroAt = bytes[0] === 0 ? 0 : 1;
    if (bytes[zeroAt + 2] === 0) return { problem: { code: 'utf16', range: start } };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const offset = at < 0 ? 0 : at;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { problem: { code: 'invalid-utf8', byte: `0x${byte}`, range: bytePosition(bytes, offset) } };
  }
}

// C0 controls other than TAB and LF (CR is checked separately), DEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Checks the decoded text for control characters, bare CR and excessive nesting. */
export function scanText(text: string, maxDepth = MAX_DEPTH): ScanProblem | undefined {
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { code: 'control-char', char: `U+${code}`, range: positionAt(text, control.index) };
  }
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) return { code: 'bare-cr', range: positionAt(text, i) };
  }
  return scanDepth(text, maxDepth);
}

/**
 * An upper bound of the nesting depth, computed line by line without parsing: indentation,
 * compact block indicators (`- - x`, `? `) and open flow brackets outside quotes all count. It can
 * only overestimate, and legitimate structure files stay far below the limit.
 */
function scanDepth(text: string, maxDepth: number): ScanProblem | undefined {
  let flow = 0;
  let lineNo = 0;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    lineNo++;
    let i = pos;
    let depth = 0;
    while (i < end && text.charCodeAt(i) === 32) i++;
    depth += Math.ceil((i - pos) / 2);
    // compact indicators at the start of the line: "- - - x", "? - x", "-\tx"
    while (i < end) {
      const c = text[i];
      if ((c === '-' || c === '?' || c === ':') && (i + 1 === end || text[i + 1] === ' ' || text[i + 1] === '\t')) {
        depth++;
        i += 2;
        while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      } else break;
    }
    let quote = '';
    for (; i < end; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
        continue;
      }
      if (c === '#' && (i === pos || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && flow > 0) quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (depth + flow > maxDepth)
          return { code: 'too-deep', depth: maxDepth, range: { line: lineNo, column: i - pos + 1 } };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (depth + flow > maxDepth) return { code: 'too-deep', depth: maxDepth, range: { line: lineNo, column: 1 } };
    pos = end + 1;
  }
  return undefined;
}
