/**
 * A fast path for locating findings in plain files. Most findings point at a key or at a one-line
 * value in block style (`parent: rot`, `functions:\n  f1: leader`), and finding them by indentation
 * is far cheaper than building the YAML document again. Whenever the file is anything but plain
 * block style along the path (flow collections, quoted keys, multi-line values, anchors...), this
 * answers `undefined` and the exact locator decides; a property test checks that the two agree
 * wherever this one answers.
 */
import type { Range, YamlPath } from '../model/finding.js';

interface Line {
  /** 0-based line number. */
  no: number;
  /** Column (0-based) where `text` starts. */
  indent: number;
  text: string;
}

const PLAIN_KEY = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):(?=\s|$)/;

/** Content lines (no blank or comment-only lines) of a text. */
function contentLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split('\n');
  for (let no = 0; no < raw.length; no++) {
    const line = raw[no]!.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    const rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#')) continue;
    if (/^(%|---|\.\.\.)/.test(rest)) return [];
    out.push({ no, indent, text: rest });
  }
  return out;
}

/** End column (0-based, exclusive) of a one-line scalar starting at `text`, or undefined. */
function scalarEnd(text: string): number | undefined {
  const first = text[0];
  if (first === '"') {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === '\\') i++;
      else if (text[i] === '"') return /^\s*(#.*)?$/.test(text.slice(i + 1)) ? i + 1 : undefined;
    }
    return undefined;
  }
  if (first === "'") {
    for (let i = 1; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") i++;
        else return /^\s*(#.*)?$/.test(text.slice(i + 1)) ? i + 1 : undefined;
      }
    }
    return undefined;
  }
  if (first === undefined || '[{|>&*!%@`-?:#,]}'.includes(first)) return undefined;
  const comment = text.search(/\s#/);
  const body = (comment >= 0 ? text.slice(0, comment) : text).trimEnd();
  if (/:\s|:$/.test(body)) return undefined;
  return body.length;
}

/** Locates a path in a plain block-style file, or returns undefined to let the exact locator decide. */
export function quickLocate(text: string, path: YamlPath, target: 'key' | 'value'): Range | undefined {
  let block = contentLines(text);
  if (block.length === 0) return undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    const indent = block[0]!.indent;
    const own = block.filter((l) => l.indent === indent);
    if (block.some((l) => l.indent < indent)) return undefined;
    let at: number;
    let valueText: string;
    let valueCol: number;
    if (typeof seg === 'number') {
      if (!own.every((l) => l.text === '-' || l.text.startsWith('- '))) return undefined;
      const item = own[seg];
      if (!item) return undefined;
      at = block.indexOf(item);
      const rest = item.text.slice(1);
      const pad = rest.length - rest.trimStart().length;
      valueText = rest.trimStart();
      valueCol = item.indent + 1 + pad;
      if (!last) {
        if (valueText === '' || !PLAIN_KEY.test(valueText)) return undefined;
        // "- title: x" opens a mapping whose first key sits on the dash's line.
        const next = block.slice(at + 1);
        const end = next.findIndex((l) => l.indent <= item.indent);
        block = [{ no: item.no, indent: valueCol, text: valueText }, ...(end < 0 ? next : next.slice(0, end))];
        continue;
      }
    } else {
      const key = own.find((l) => PLAIN_KEY.exec(l.text)?.[1] === seg);
      if (!key || own.some((l) => l !== key && PLAIN_KEY.exec(l.text)?.[1] === seg)) return undefined;
      if (!own.every((l) => PLAIN_KEY.test(l.text))) return undefined;
      at = block.indexOf(key);
      if (last && target === 'key') return { line: key.no + 1, column: key.indent + 1, endLine: key.no + 1, endColumn: key.indent + 1 + seg.length };
      const rest = key.text.slice(seg.length + 1);
      const pad = rest.length - rest.trimStart().length;
      valueText = rest.trimStart();
      valueCol = key.indent + seg.length + 1 + pad;
      if (!last) {
        if (valueText !== '' && !valueText.startsWith('#')) return undefined;
        const next = block.slice(at + 1);
        const end = next.findIndex((l) => l.indent <= key.indent);
        block = end < 0 ? next : next.slice(0, end);
        // Nothing indented below (e.g. a sequence at the key's own indentation): the exact locator decides.
        if (block.length === 0) return undefined;
        continue;
      }
    }
    if (valueText === '' || valueText.startsWith('#')) return undefined;
    const end = scalarEnd(valueText);
    if (end === undefined) return undefined;
    // A line below that belongs to this value means it continues (a multi-line scalar).
    const following = block[at + 1];
    if (following && following.indent > block[at]!.indent) return undefined;
    const line = block[at]!.no + 1;
    return { line, column: valueCol + 1, endLine: line, endColumn: valueCol + 1 + end };
  }
  return undefined;
}
