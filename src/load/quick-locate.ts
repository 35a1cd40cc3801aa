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

/** A block: `first` (a line of the file, or the mapping that starts after a dash), then lines[start..end). */
interface Block {
  first: Line;
  start: number;
  end: number;
}

/** What one block is made of, computed once per block however many findings point into it. */
interface BlockInfo {
  indent: number;
  /** Some line sits left of the block's indentation: not plain block style. */
  lower: boolean;
  /** Lines at the block's indentation, with their index in the file's content lines. */
  own: Array<{ line: Line; at: number }>;
  allKeys: boolean;
  allDashes: boolean;
  /** Key → index into `own`; -1 for a key that occurs twice. */
  keys: Map<string, number>;
}

/**
 * A quick locator for one file: the file is split into lines once, and each block's keys are
 * indexed once, so locating thousands of findings in one file costs time linear in the file and
 * the findings rather than a rescan for each finding.
 */
export function quickLocator(text: string): (path: YamlPath, target: 'key' | 'value') => Range | undefined {
  const lines = contentLines(text);
  const infos = new Map<string, BlockInfo>();
  const lineAt = (b: Block, at: number): Line => (at === b.start - 1 ? b.first : lines[at]!);
  const info = (b: Block): BlockInfo => {
    const cacheKey = `${b.first.no}:${b.first.indent}:${b.start}:${b.end}`;
    let found = infos.get(cacheKey);
    if (found) return found;
    const indent = b.first.indent;
    found = { indent, lower: false, own: [], allKeys: true, allDashes: true, keys: new Map() };
    for (let at = b.start - 1; at < b.end; at++) {
      const line = lineAt(b, at);
      if (line.indent < indent) found.lower = true;
      if (line.indent !== indent) continue;
      const key = PLAIN_KEY.exec(line.text)?.[1];
      if (key === undefined) found.allKeys = false;
      else found.keys.set(key, found.keys.has(key) ? -1 : found.own.length);
      if (!(line.text === '-' || line.text.startsWith('- '))) found.allDashes = false;
      found.own.push({ line, at });
    }
    infos.set(cacheKey, found);
    return found;
  };

  return (path, target) => {
    if (lines.length === 0) return undefined;
    let block: Block = { first: lines[0]!, start: 1, end: lines.length };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      const b = info(block);
      if (b.lower) return undefined;
      let item: { line: Line; at: number };
      let index: number;
      let valueText: string;
      let valueCol: number;
      if (typeof seg === 'number') {
        if (!b.allDashes) return undefined;
        const found = b.own[seg];
        if (!found) return undefined;
        item = found;
        index = seg;
        const rest = item.line.text.slice(1);
        const pad = rest.length - rest.trimStart().length;
        valueText = rest.trimStart();
        valueCol = item.line.indent + 1 + pad;
        if (!last) {
          if (valueText === '' || !PLAIN_KEY.test(valueText)) return undefined;
          // "- title: x" opens a mapping whose first key sits on the dash's line.
          const end = b.own[index + 1]?.at ?? block.end;
          block = { first: { no: item.line.no, indent: valueCol, text: valueText }, start: item.at + 1, end };
          continue;
        }
      } else {
        const at = b.keys.get(seg);
        if (at === undefined || at < 0 || !b.allKeys) return undefined;
        item = b.own[at]!;
        index = at;
        const key = item.line;
        if (last && target === 'key')
          return {
            line: key.no + 1,
            column: key.indent + 1,
            endLine: key.no + 1,
            endColumn: key.indent + 1 + seg.length,
          };
        const rest = key.text.slice(seg.length + 1);
        const pad = rest.length - rest.trimStart().length;
        valueText = rest.trimStart();
        valueCol = key.indent + seg.length + 1 + pad;
        if (!last) {
          if (valueText !== '' && !valueText.startsWith('#')) return undefined;
          const end = b.own[index + 1]?.at ?? block.end;
          // Nothing indented below (e.g. a sequence at the key's own indentation): the exact locator decides.
          if (item.at + 1 >= end) return undefined;
          block = { first: lines[item.at + 1]!, start: item.at + 2, end };
          continue;
        }
      }
      if (valueText === '' || valueText.startsWith('#')) return undefined;
      const end = scalarEnd(valueText);
      if (end === undefined) return undefined;
      // A line below that belongs to this value means it continues (a multi-line scalar).
      const following = item.at + 1 < block.end ? lines[item.at + 1] : undefined;
      if (following && following.indent > b.indent) return undefined;
      const line = item.line.no + 1;
      return { line, column: valueCol + 1, endLine: line, endColumn: valueCol + 1 + end };
    }
    return undefined;
  };
}

/** Locates a path in a plain block-style file, or returns undefined to let the exact locator decide. */
export function quickLocate(text: string, path: YamlPath, target: 'key' | 'value'): Range | undefined {
  return quickLocator(text)(path, target);
}
