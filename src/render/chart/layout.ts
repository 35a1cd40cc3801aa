/**
 * Where each box of an org chart goes, and the connector lines between them. Graphviz's `dot`
 * ranks a tree well but cannot draw the connectors org charts use (down from the parent, along a
 * bar, down into each child) and reorders siblings when asked to; so the chart is laid out here,
 * as a tidy tree, and Graphviz draws it with every position pinned. Top to bottom, children that
 * have no children of their own hang in a column under a vertical line instead of widening the
 * row, which keeps a real structure readable on a page. Pure arithmetic in points, y downwards.
 */

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
}

export interface TreeInput {
  /** Top units, in order. */
  roots: string[];
  /** Children of each unit, in order (only units that are drawn). */
  children: Map<string, string[]>;
  /** Size of each box. */
  sizes: Map<string, { width: number; height: number }>;
  /** Level of each box (0 = top); boxes of one level line up. */
  levels: Map<string, number>;
  direction: 'TB' | 'LR';
}

export interface TreeLayout {
  boxes: Map<string, Rect>;
  /** Straight, axis-parallel connector segments. */
  segments: Array<[Point, Point]>;
  width: number;
  height: number;
}

/** Space between neighbouring subtrees. */
export const GAP_CROSS = 18;
/** Space between levels; the bar runs in its middle. */
export const GAP_MAIN = 36;
/** How far a column of leaves sits to the right of its vertical line, and the line from its parent's edge. */
export const INDENT = 14;
/** Where the line of a column hanging from a box leaves its bottom edge, from the box's left (clear of the rounded corner). */
export const HANG = 24;
/** Space between the boxes of a column. */
export const GAP_COLUMN = 10;

type Element = { kind: 'tree'; id: string; block: Block } | { kind: 'column'; ids: string[]; width: number };

interface Block {
  /** Extent across the direction of the tree. */
  width: number;
  /** Where the connector from above reaches this block (its root's centre), from the block's start. */
  anchor: number;
  /** Start of the root's box, from the block's start. */
  rootStart: number;
  elements: Element[];
  offsets: number[];
  /** True when the only element is a column hanging from the root's edge. */
  hanging: boolean;
}

export function layoutTree(input: TreeInput): TreeLayout {
  const tb = input.direction === 'TB';
  const size = (id: string): { cross: number; main: number } => {
    const s = input.sizes.get(id)!;
    return tb ? { cross: s.width, main: s.height } : { cross: s.height, main: s.width };
  };
  const level = (id: string): number => input.levels.get(id) ?? 0;
  const kids = (id: string): string[] => input.children.get(id) ?? [];

  const measure = (id: string): Block => {
    const own = size(id).cross;
    const list = kids(id);
    if (list.length === 0) return { width: own, anchor: own / 2, rootStart: 0, elements: [], offsets: [], hanging: false };
    const leaves = tb ? list.filter((k) => kids(k).length === 0) : [];
    const elements: Element[] = [];
    for (const k of list) if (leaves.length < 2 || !leaves.includes(k)) elements.push({ kind: 'tree', id: k, block: measure(k) });
    if (leaves.length >= 2) elements.push({ kind: 'column', ids: leaves, width: INDENT + Math.max(...leaves.map((k) => size(k).cross)) });
    const offsets: number[] = [];
    let end = 0;
    const anchors = elements.map((e, i) => {
      const at = i === 0 ? 0 : end + GAP_CROSS;
      offsets.push(at);
      end = at + (e.kind === 'tree' ? e.block.width : e.width);
      return at + (e.kind === 'tree' ? e.block.anchor : 0);
    });
    const hanging = elements.length === 1 && elements[0]!.kind === 'column';
    const rootStart = hanging ? anchors[0]! - HANG : (anchors[0]! + anchors[anchors.length - 1]!) / 2 - own / 2;
    const shift = Math.max(0, -rootStart);
    return {
      width: Math.max(rootStart + own, end) + shift,
      anchor: rootStart + shift + own / 2,
      rootStart: rootStart + shift,
      elements,
      offsets: offsets.map((o) => o + shift),
      hanging,
    };
  };

  const blocks = input.roots.map(measure);
  // Boxes in rows share their extent along the tree with the rest of their level, so rows line
  // up; boxes in a column keep their own, so a column is no taller than it needs to be.
  const inColumn = new Set<string>();
  const collect = (block: Block): void => {
    for (const e of block.elements) {
      if (e.kind === 'column') for (const id of e.ids) inColumn.add(id);
      else collect(e.block);
    }
  };
  blocks.forEach(collect);
  const levelMain = new Map<number, number>();
  for (const [id, l] of input.levels) if (!inColumn.has(id)) levelMain.set(l, Math.max(levelMain.get(l) ?? 0, size(id).main));
  const levelStart = new Map<number, number>();
  const maxLevel = Math.max(-1, ...input.levels.values());
  for (let l = 0, at = 0; l <= maxLevel; l++) {
    levelStart.set(l, at);
    at += (levelMain.get(l) ?? 0) + GAP_MAIN;
  }
  const mainOf = (id: string): number => (inColumn.has(id) ? size(id).main : (levelMain.get(level(id)) ?? size(id).main));

  const boxes = new Map<string, Rect>();
  const segments: Array<[Point, Point]> = [];
  const point = (cross: number, main: number): Point => (tb ? { x: cross, y: main } : { x: main, y: cross });
  const line = (a: [number, number], b: [number, number]): void => {
    if (a[0] !== b[0] || a[1] !== b[1]) segments.push([point(...a), point(...b)]);
  };
  const putBox = (id: string, crossStart: number, mainStart: number): void => {
    const s = size(id);
    const main = mainOf(id);
    boxes.set(id, tb ? { x: crossStart, y: mainStart, width: s.cross, height: main } : { x: mainStart, y: crossStart, width: main, height: s.cross });
  };

  const column = (ids: string[], lineAt: number, from: number): void => {
    let top = levelStart.get(level(ids[0]!)) ?? 0;
    let previous = from;
    for (const id of ids) {
      const main = mainOf(id);
      putBox(id, lineAt + INDENT, top);
      const middle = top + main / 2;
      line([lineAt, previous], [lineAt, middle]);
      line([lineAt, middle], [lineAt + INDENT, middle]);
      previous = middle;
      top += main + GAP_COLUMN;
    }
  };

  const place = (id: string, block: Block, start: number): void => {
    const rootMain = levelStart.get(level(id)) ?? 0;
    putBox(id, start + block.rootStart, rootMain);
    if (block.elements.length === 0) return;
    const rootEnd = rootMain + mainOf(id);
    const centre = start + block.anchor;
    if (block.hanging) {
      const e = block.elements[0] as Extract<Element, { kind: 'column' }>;
      column(e.ids, start + block.offsets[0]!, rootEnd);
      return;
    }
    const bar = rootEnd + GAP_MAIN / 2;
    const joins = block.elements.map((e, i) => start + block.offsets[i]! + (e.kind === 'tree' ? e.block.anchor : 0));
    const straight = block.elements.length === 1 && Math.abs(joins[0]! - centre) < 0.01;
    if (straight) {
      line([centre, rootEnd], [centre, levelStart.get(level(id) + 1) ?? bar]);
    } else {
      line([centre, rootEnd], [centre, bar]);
      const stops = [...new Set([centre, ...joins])].sort((a, b) => a - b);
      for (let i = 0; i + 1 < stops.length; i++) line([stops[i]!, bar], [stops[i + 1]!, bar]);
    }
    block.elements.forEach((e, i) => {
      const at = start + block.offsets[i]!;
      if (e.kind === 'tree') {
        const childStart = levelStart.get(level(e.id)) ?? 0;
        if (!straight) line([joins[i]!, bar], [joins[i]!, childStart]);
        place(e.id, e.block, at);
      } else column(e.ids, at, bar);
    });
  };

  let start = 0;
  for (const [i, root] of input.roots.entries()) {
    const block = blocks[i]!;
    place(root, block, start);
    start += block.width + GAP_CROSS * 2;
  }
  let width = 0;
  let height = 0;
  for (const r of boxes.values()) {
    width = Math.max(width, r.x + r.width);
    height = Math.max(height, r.y + r.height);
  }
  return { boxes, segments, width, height };
}
