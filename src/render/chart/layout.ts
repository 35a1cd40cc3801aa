/**
 * Where each box of an org chart goes, and the connector lines between them. Org charts use
 * connectors Graphviz cannot draw (down from the parent, along a bar, down into each child), so
 * the chart is laid out here, as a compact tidy tree, in points with y downwards:
 *
 * - Children that have no children of their own hang in a column under a vertical line instead
 *   of widening the row; a long column is split into several side by side.
 * - A level too wide for its subtree's shape wraps into rows hung on a spine that runs down from
 *   the parent, half of each row left of it and half right, so a subtree stays close to the shape
 *   of a landscape page (`aspect`) instead of becoming a strip.
 * - Staff (advisory) units sit beside the parent's connector, on a dashed side branch, above the
 *   row of line units.
 * - Every box keeps the height its own text needs; siblings in one row are evened out only when
 *   that adds little, so no box becomes a large empty frame.
 *
 * Each subtree is laid out once into a block of relative coordinates, children before parents
 * (an explicit stack, never recursion: a 3,000-level chain is as safe as a flat list), then
 * every block is placed in one pass from the top. Linear in the number of boxes.
 */

import { maxOf } from '../text-width.js';
import type { Point, Rect } from './drawing.js';

export interface TreeInput {
  /** Top units, in order. */
  roots: string[];
  /** Children of each unit, in order (only units that are drawn). */
  children: Map<string, string[]>;
  /** Size of each box. */
  sizes: Map<string, { width: number; height: number }>;
  /** Staff units: drawn beside their parent's connector on a dashed line, not in the row of line units. */
  staff?: ReadonlySet<string>;
  direction: 'TB' | 'LR';
  /** Width over height each subtree aims at when a level wraps (default √2, A4 landscape). */
  aspect?: number;
  /** Called now and then with the number of boxes laid out so far. */
  onProgress?: (done: number) => void;
}

export interface TreeLayout {
  boxes: Map<string, Rect>;
  /** Straight, axis-parallel connector segments. */
  segments: Array<[Point, Point]>;
  /** The side branches to staff units, drawn dashed. */
  dashed: Array<[Point, Point]>;
  width: number;
  height: number;
}

/** Space between neighbouring subtrees. */
const GAP_CROSS = 18;
/** Space between levels; the bar runs in its middle. */
const GAP_MAIN = 36;
/** How far a column of leaves sits to the right of its vertical line, and the line from its parent's edge. */
const INDENT = 14;
/** Where the line of a column hanging from a box leaves its bottom edge, from the box's left (clear of the rounded corner). */
const HANG = 24;
/** Space between the boxes of a column. */
const GAP_COLUMN = 10;
/** Length of the dashed arm from a connector to a staff unit. */
const STAFF_ARM = 22;
/** Siblings in one row get the height of the tallest only when it adds at most this much. */
const EVEN_OUT = 24;
/** A column longer than this is split into several, each at least COLUMN_MIN long. */
const COLUMN_MAX = 8;
const COLUMN_MIN = 4;
/** A single row may be this much wider than the aimed shape before it wraps. */
const ROW_SLACK = 2;

/** A connector in block coordinates: cross and main of both ends, and whether it is dashed. */
type Seg = [number, number, number, number, boolean];

/**
 * A laid-out subtree in coordinates relative to itself: cross from its left (top in LR), main
 * below its root's bottom edge (so the root may still grow without moving anything below it).
 */
interface Block {
  cross: number;
  /** Main extent of the root box before growing. */
  own: number;
  grow: number;
  /** Main extent below the root's bottom edge. */
  below: number;
  /** Cross offset of the root box. */
  rootAt: number;
  /** Where a connector from above reaches this block (the root's centre). */
  anchor: number;
  kids: Array<{ id: string; cross: number; main: number }>;
  segs: Seg[];
}

type Element =
  { kind: 'tree'; id: string; block: Block } | { kind: 'column'; ids: string[]; width: number; main: number };

const mainOf = (b: Block): number => b.own + b.grow + b.below;

export function layoutTree(input: TreeInput): TreeLayout {
  const layouter = new TreeLayouter(input);
  const order = topDown(input);
  // Children before parents: each block is made from its children's.
  for (let i = order.length - 1; i >= 0; i--) {
    layouter.compose(order[i]!);
    if (input.onProgress && (order.length - i) % 500 === 0) input.onProgress(order.length - i);
  }
  return placeBlocks(layouter, input);
}

/** Every unit reachable from the roots, parents before children, without recursion. */
function topDown(input: TreeInput): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const stack = [...input.roots].reverse();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    const list = input.children.get(id) ?? [];
    for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]!);
  }
  return order;
}

/** Lays out each subtree into a block of its own, from the blocks of its children. */
class TreeLayouter {
  readonly tb: boolean;
  readonly aspect: number;
  readonly blocks = new Map<string, Block>();

  constructor(readonly input: TreeInput) {
    this.tb = input.direction === 'TB';
    this.aspect = this.tb ? (input.aspect ?? Math.SQRT2) : 1 / (input.aspect ?? Math.SQRT2);
  }

  /** A box's size across (cross) and along (main) the direction of the tree. */
  size(id: string): { cross: number; main: number } {
    const s = this.input.sizes.get(id)!;
    return this.tb ? { cross: s.width, main: s.height } : { cross: s.height, main: s.width };
  }

  kids(id: string): string[] {
    return this.input.children.get(id) ?? [];
  }

  isStaff(id: string): boolean {
    return this.input.staff?.has(id) === true;
  }

  /** The block of one unit: its line units under it (in a row, rows on a spine, or a hanging column), its staff units beside the stem. */
  compose(id: string): void {
    const own = this.size(id);
    const list = this.kids(id).filter((k) => this.blocks.has(k));
    const staff = list.filter((k) => this.isStaff(k));
    const elements = this.lineElements(list.filter((k) => !this.isStaff(k)));
    const builder = new BlockBuilder(this);
    // The band of staff units under the root: where it starts and how tall it is.
    const bandTop = GAP_COLUMN + 2;
    const afterBand =
      staff.length > 0 ? bandTop + this.staffBandHeight(staff) + (elements.length > 0 ? GAP_MAIN / 2 : 0) : 0;
    const { centre, below } = builder.placeLineUnits(elements, own, staff.length > 0, afterBand);
    const bottom =
      staff.length > 0
        ? Math.max(below, builder.placeStaff(staff, centre, bandTop, elements.length, afterBand))
        : below;
    this.blocks.set(id, builder.finish(own, centre, bottom));
  }

  /** Line units as the elements of a row: subtrees, and leaves gathered into columns (top to bottom only). */
  private lineElements(line: string[]): Element[] {
    const leaves = this.tb ? line.filter((k) => this.kids(k).length === 0) : [];
    const elements: Element[] = [];
    const leafSet = new Set(leaves);
    for (const k of line)
      if (leaves.length < 2 || !leafSet.has(k)) elements.push({ kind: 'tree', id: k, block: this.blocks.get(k)! });
    if (leaves.length >= 2) for (const ids of this.columnsOf(leaves)) elements.push(this.columnElement(ids));
    return elements;
  }

  private staffBandHeight(staff: string[]): number {
    let height = 0;
    for (let r = 0; r * 2 < staff.length; r++) {
      const pair = staff.slice(r * 2, r * 2 + 2);
      height += maxOf(pair.map((s) => mainOf(this.blocks.get(s)!))) + (r > 0 ? GAP_COLUMN : 0);
    }
    return height;
  }

  /** Leaves cut into columns: a short column stays whole, a long one is split into several side by side. */
  private columnsOf(leaves: string[]): string[][] {
    const w = INDENT + maxOf(leaves.map((k) => this.size(k).cross)) + GAP_CROSS;
    const h = leaves.reduce((s, k) => s + this.size(k).main + GAP_COLUMN, 0) / leaves.length;
    // A short column stays whole, unless its boxes are so tall that it becomes a thin tower.
    if (leaves.length <= COLUMN_MIN || (leaves.length <= COLUMN_MAX && leaves.length * h <= 4 * w)) return [leaves];
    const count = Math.max(1, Math.round(Math.sqrt((leaves.length * h * this.aspect) / w)));
    const per = Math.max(COLUMN_MIN, Math.ceil(leaves.length / count));
    const out: string[][] = [];
    for (let i = 0; i < leaves.length; i += per) out.push(leaves.slice(i, i + per));
    return out;
  }

  private columnElement(ids: string[]): Element {
    const main = ids.reduce((s, k) => s + this.size(k).main, 0) + GAP_COLUMN * (ids.length - 1);
    return { kind: 'column', ids, width: INDENT + maxOf(ids.map((k) => this.size(k).cross)), main };
  }

  /** The rows the elements go into: one when that is not much wider than the aimed shape, else the count closest to it. */
  chooseRows(elements: Element[], own: { main: number }, afterBand: number): Element[][] {
    const { aspect } = this;
    const total = elements.reduce((s, e) => s + extent(e), 0) + GAP_CROSS * (elements.length - 1);
    const single = own.main + afterBand + GAP_MAIN + maxOf(elements.map(depthOf));
    if (elements.length < 3 || total / single <= aspect * ROW_SLACK) return [elements];
    let best: Element[][] = [elements];
    let bestScore = Math.abs(Math.log(total / single / aspect));
    const most = Math.min(elements.length, 2 * Math.ceil(Math.sqrt(elements.length)) + 2);
    for (let count = 2; count <= most; count++) {
      const rows = partition(elements, count);
      let cross = 0;
      let main = own.main + afterBand;
      for (const row of rows) {
        const split = halves(row);
        const side = (part: Element[]): number =>
          part.reduce((s, e) => s + extent(e), 0) + GAP_CROSS * Math.max(0, part.length - 1);
        cross = Math.max(cross, 2 * Math.max(side(row.slice(0, split)), side(row.slice(split))) + GAP_CROSS);
        main += GAP_MAIN + maxOf(row.map(depthOf));
      }
      const score = Math.abs(Math.log(cross / main / aspect));
      if (score < bestScore) {
        best = rows;
        bestScore = score;
      }
    }
    return best;
  }
}

/** One block being made: the children placed in it and the connectors drawn, in block coordinates. */
class BlockBuilder {
  private readonly segs: Seg[] = [];
  private readonly placed: Block['kids'] = [];

  constructor(private readonly layouter: TreeLayouter) {}

  private seg(a: number, b: number, c: number, d: number, dashed = false): void {
    if (a !== c || b !== d) this.segs.push([a, b, c, d, dashed]);
  }

  /** A column of leaves hung on a vertical line at `lineAt`, from `from` down; returns its bottom. */
  private column(ids: string[], lineAt: number, from: number, top: number): number {
    let previous = from;
    let at = top;
    for (const leaf of ids) {
      const m = this.layouter.size(leaf).main;
      this.placed.push({ id: leaf, cross: lineAt + INDENT, main: at });
      const middle = at + m / 2;
      this.seg(lineAt, previous, lineAt, middle);
      this.seg(lineAt, middle, lineAt + INDENT, middle);
      previous = middle;
      at += m + GAP_COLUMN;
    }
    return at - GAP_COLUMN;
  }

  /** The line units: none, one hanging column, one row under a bar, or rows hung on a spine; returns the root's centre and the bottom reached. */
  placeLineUnits(
    elements: Element[],
    own: { cross: number; main: number },
    hasStaff: boolean,
    afterBand: number,
  ): { centre: number; below: number } {
    if (elements.length === 0) return { centre: own.cross / 2, below: 0 };
    const e = elements[0]!;
    if (elements.length === 1 && e.kind === 'column') {
      // With staff units, a hanging column hangs from the root's centre, below them.
      const lineAt = hasStaff ? own.cross / 2 : HANG;
      const below = this.column(e.ids, lineAt, afterBand, afterBand + (hasStaff ? GAP_MAIN / 2 : GAP_MAIN));
      return { centre: own.cross / 2, below };
    }
    const rows = this.layouter.chooseRows(elements, own, afterBand);
    return rows.length === 1 ? this.placeOneRow(rows[0]!, afterBand) : this.placeSpine(rows, afterBand);
  }

  /** One row under a bar, the root centred over it. */
  private placeOneRow(row: Element[], afterBand: number): { centre: number; below: number } {
    const widths = row.map(extent);
    const offsets: number[] = [];
    let end = 0;
    row.forEach((_, j) => {
      offsets.push(j === 0 ? 0 : end + GAP_CROSS);
      end = offsets[j]! + widths[j]!;
    });
    const joins = row.map((e, j) => offsets[j]! + join(e));
    const centre = (joins[0]! + joins[joins.length - 1]!) / 2;
    const below = this.placeRow(row, offsets, joins, afterBand + GAP_MAIN, centre, afterBand, true);
    return { centre, below };
  }

  /** Rows hung on a spine down from the root, half of each row on either side. */
  private placeSpine(rows: Element[][], afterBand: number): { centre: number; below: number } {
    const centre = 0;
    let top = afterBand + GAP_MAIN;
    let lastBar = 0;
    let below = 0;
    for (const row of rows) {
      const split = halves(row);
      const left = row.slice(0, split);
      const right = row.slice(split);
      const offsets: number[] = [];
      let at = -GAP_CROSS / 2 - left.reduce((s, e) => s + extent(e), 0) - GAP_CROSS * Math.max(0, left.length - 1);
      for (const e of left) {
        offsets.push(at);
        at += extent(e) + GAP_CROSS;
      }
      at = GAP_CROSS / 2;
      for (const e of right) {
        offsets.push(at);
        at += extent(e) + GAP_CROSS;
      }
      const joins = row.map((e, j) => offsets[j]! + join(e));
      const bottom = this.placeRow(row, offsets, joins, top, centre, -1, false);
      lastBar = top - GAP_MAIN / 2;
      top = bottom + GAP_MAIN;
      below = bottom;
    }
    this.seg(centre, afterBand, centre, lastBar);
    return { centre, below };
  }

  /** Places one row of elements with tops at `top`; the bar above them; returns the row's bottom. */
  private placeRow(
    row: Element[],
    offsets: number[],
    joins: number[],
    top: number,
    stem: number,
    from: number,
    withStem: boolean,
  ): number {
    const bar = top - GAP_MAIN / 2;
    evenOut(row);
    const straight = withStem && row.length === 1 && Math.abs(joins[0]! - stem) < 0.01;
    if (straight) this.seg(stem, from, stem, top);
    else {
      if (withStem) this.seg(stem, from, stem, bar);
      const stops = [...new Set([stem, ...joins])].sort((a, b) => a - b);
      this.seg(stops[0]!, bar, stops[stops.length - 1]!, bar);
    }
    let bottom = top;
    row.forEach((e, j) => {
      if (e.kind === 'tree') {
        if (!straight) this.seg(joins[j]!, bar, joins[j]!, top);
        this.placed.push({ id: e.id, cross: offsets[j]!, main: top });
        bottom = Math.max(bottom, top + mainOf(e.block));
      } else bottom = Math.max(bottom, this.column(e.ids, offsets[j]!, bar, top));
    });
    return bottom;
  }

  /** Staff units beside the stem, right then left, row by row, on dashed arms; returns the bottom reached. */
  placeStaff(staff: string[], centre: number, bandTop: number, lineElements: number, afterBand: number): number {
    const { blocks } = this.layouter;
    let top = bandTop;
    let lastMiddle = 0;
    for (let r = 0; r < Math.ceil(staff.length / 2); r++) {
      const pair = staff.slice(r * 2, r * 2 + 2);
      let rowMain = 0;
      pair.forEach((s, j) => {
        const b = blocks.get(s)!;
        const middle = top + (b.own + b.grow) / 2;
        const origin = j === 0 ? centre + STAFF_ARM : centre - STAFF_ARM - b.cross;
        this.placed.push({ id: s, cross: origin, main: top });
        const edge = j === 0 ? origin + b.rootAt : origin + b.rootAt + this.layouter.size(s).cross;
        this.seg(centre, middle, edge, middle, true);
        lastMiddle = Math.max(lastMiddle, middle);
        rowMain = Math.max(rowMain, mainOf(b));
      });
      top += rowMain + GAP_COLUMN;
    }
    // The stem runs past the staff units; with line units below, the rows' connectors continue it.
    this.seg(centre, 0, centre, lineElements === 0 ? lastMiddle : afterBand);
    return top - GAP_COLUMN;
  }

  /** The block, shifted so that nothing starts left of it. */
  finish(own: { cross: number; main: number }, centre: number, below: number): Block {
    const { blocks } = this.layouter;
    const rootAt = centre - own.cross / 2;
    let min = rootAt;
    let max = rootAt + own.cross;
    for (const p of this.placed) {
      const b = blocks.get(p.id)!;
      min = Math.min(min, p.cross);
      max = Math.max(max, p.cross + b.cross);
    }
    for (const s of this.segs) {
      min = Math.min(min, s[0], s[2]);
      max = Math.max(max, s[0], s[2]);
    }
    const shift = -min;
    return {
      cross: max - min,
      own: own.main,
      grow: 0,
      below,
      rootAt: rootAt + shift,
      anchor: rootAt + shift + own.cross / 2,
      kids: this.placed.map((p) => ({ ...p, cross: p.cross + shift })),
      segs: this.segs.map(([a, b, c, d, e]) => [a + shift, b, c + shift, d, e]),
    };
  }
}

function extent(e: Element): number {
  return e.kind === 'tree' ? e.block.cross : e.width;
}
function join(e: Element): number {
  return e.kind === 'tree' ? e.block.anchor : 0;
}
function depthOf(e: Element): number {
  return e.kind === 'tree' ? mainOf(e.block) : e.main;
}

/** Gives the root boxes of a row the height of the tallest, where that adds little. */
function evenOut(row: Element[]): void {
  const trees = row.filter((e): e is Extract<Element, { kind: 'tree' }> => e.kind === 'tree');
  // Each box grows to the tallest neighbour that is at most EVEN_OUT taller than itself.
  const heights = trees.map((e) => e.block.own).sort((a, b) => a - b);
  let j = 0;
  for (const e of [...trees].sort((a, b) => a.block.own - b.block.own)) {
    while (j + 1 < heights.length && heights[j + 1]! - e.block.own <= EVEN_OUT) j++;
    e.block.grow = Math.max(0, heights[j]! - e.block.own);
  }
}

/** Cuts the elements, in order, into `count` rows of about equal width. */
function partition(elements: Element[], count: number): Element[][] {
  const total = elements.reduce((s, e) => s + extent(e) + GAP_CROSS, 0);
  const target = total / count;
  const rows: Element[][] = [[]];
  let filled = 0;
  for (const e of elements) {
    const w = extent(e) + GAP_CROSS;
    const row = rows[rows.length - 1]!;
    if (row.length > 0 && filled + w / 2 > target && rows.length < count) {
      rows.push([e]);
      filled = w;
    } else {
      row.push(e);
      filled += w;
    }
  }
  return rows.filter((r) => r.length > 0);
}

/** Where a row splits around the spine: the index that best balances the two sides. */
function halves(row: Element[]): number {
  const total = row.reduce((s, e) => s + extent(e), 0);
  let best = 0;
  let bestDiff = Number.POSITIVE_INFINITY;
  let left = 0;
  for (let i = 0; i <= row.length; i++) {
    const diff = Math.abs(total - 2 * left);
    if (diff < bestDiff) {
      bestDiff = diff;
      best = i;
    }
    if (i < row.length) left += extent(row[i]!);
  }
  return best;
}

/** Places every block from the top, in one pass: boxes, connectors and the size of the whole. */
function placeBlocks(layouter: TreeLayouter, input: TreeInput): TreeLayout {
  const { blocks, tb } = layouter;
  const boxes = new Map<string, Rect>();
  const segments: Array<[Point, Point]> = [];
  const dashed: Array<[Point, Point]> = [];
  const point = (cross: number, main: number): Point => (tb ? { x: cross, y: main } : { x: main, y: cross });
  const work: Array<{ id: string; cross: number; main: number }> = [];
  let start = 0;
  for (const root of input.roots) {
    const block = blocks.get(root);
    if (!block) continue;
    work.push({ id: root, cross: start, main: 0 });
    start += block.cross + GAP_CROSS * 2;
  }
  while (work.length > 0) {
    const { id, cross, main } = work.pop()!;
    const block = blocks.get(id)!;
    const s = layouter.size(id);
    const height = block.own + block.grow;
    boxes.set(
      id,
      tb
        ? { x: cross + block.rootAt, y: main, width: s.cross, height }
        : { x: main, y: cross + block.rootAt, width: height, height: s.cross },
    );
    const base = main + height;
    for (const [a, b, c, d, isDashed] of block.segs)
      (isDashed ? dashed : segments).push([point(cross + a, base + b), point(cross + c, base + d)]);
    for (const k of block.kids) work.push({ id: k.id, cross: cross + k.cross, main: base + k.main });
  }
  let width = 0;
  let height = 0;
  for (const r of boxes.values()) {
    width = Math.max(width, r.x + r.width);
    height = Math.max(height, r.y + r.height);
  }
  return { boxes, segments, dashed, width, height };
}
