/**
 * Turns a path into a document (`['functions', 'pravo', 0]`) into a 1-based line and column.
 * Positions are only needed for files that have a finding, so the file is parsed again here
 * instead of keeping every parsed document in memory during the run — and for the common plain
 * file, found by indentation without parsing at all (quick-locate.ts). Either way the file is
 * read once however many findings it has: one line index, one key index per mapping.
 */
import { parseDocument, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Range, YamlPath } from '../model/finding.js';
import { PARSE_OPTIONS } from './parse.js';
import { quickLocator } from './quick-locate.js';
import { positions } from './scan.js';

export interface Locator {
  (path: YamlPath | undefined, target?: 'key' | 'value'): Range;
}

/** Builds a locator for one file's text: the quick path where it can answer, else the exact one. */
export function locator(text: string): Locator {
  let exact: Locator | undefined;
  let quick: ReturnType<typeof quickLocator> | undefined;
  return (path, target = 'value') => {
    if (!path || path.length === 0) return { line: 1, column: 1 };
    return (quick ??= quickLocator(text))(path, target) ?? (exact ??= exactLocator(text))(path, target);
  };
}

/** Locates through the YAML document model: exact for every file the parser accepts. */
export function exactLocator(text: string): Locator {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const at = positions(text);
  // Each mapping's keys are indexed the first time a path goes through it (the first pair with a
  // key wins, as a search would find it): thousands of findings in one mapping stay linear.
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, seg: string | number): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items)
        if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
      indexes.set(map, index);
    }
    return index.get(String(seg));
  };
  const range = (node: Node | null | undefined): Range | undefined => {
    if (!node?.range) return undefined;
    const start = at(node.range[0]);
    const end = at(node.range[1]);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
  return (path, target = 'value') => {
    const top: Range = { line: 1, column: 1 };
    let node = doc.contents as Node | null;
    let best = range(node) ?? top;
    if (!path) return top;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = pairOf(node, seg!);
        if (!pair) return best;
        if (last && target === 'key') return range(pair.key as Node) ?? best;
        node = pair.value as Node | null;
        // An empty value (`parent:`) has no node of its own: point at its key.
        best = range(node) ?? range(pair.key as Node) ?? best;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) return best;
        node = item;
        best = range(node) ?? best;
      } else return best;
    }
    return best;
  };
}
