/**
 * A chart cut into a book for paper: page 1 is an overview of the top levels, as deep as fits
 * the page at a readable scale; each box there whose subtree is not whole says on which page it
 * continues. Then, in tree order, the pages of those subtrees, each headed by the trail of its
 * ancestors and cut the same way when it is still too large; a subtree whose first two levels do
 * not fit even so is spread over a few pages cut between boxes. Every unit is drawn in full on
 * exactly one page (elsewhere at most as a box that points there); no page is empty; the outline
 * mirrors the tree of pages. Pure: sizes come from the injected measure, words from `t`.
 */
import type { Translate } from '../../i18n/format.js';
import type { ChartBook, ChartDrawing, ChartPage, DrawnSegment, OutlineEntry, Rect } from './drawing.js';
import type { ChartSpec } from './dot.js';
import { drawPart, layoutHeading, layoutPart, prepareChart, type PartLayout, type PreparedChart } from './draw.js';
import type { Measure } from './text.js';

/** ISO 216 sizes in points, portrait. */
export const PAPER = {
  A4: { width: 595.28, height: 841.89 },
  A3: { width: 841.89, height: 1190.55 },
  A2: { width: 1190.55, height: 1683.78 },
} as const;

/** The largest page side PDF readers accept (Acrobat's limit, 200 inches). */
export const MAX_PAGE_SIDE = 14_400;

/** Page margins and the bands above and below a chart, shared by the planner and the writers. */
export const FRAME = {
  margin: 28,
  /** Detail pages: the book's title and the trail of ancestors. */
  detailHeader: 44,
  /** The gap between the overview's heading and its chart. */
  headingGap: 14,
  footer: 18,
} as const;

/** Smallest scale at which a chart counts as readable on paper (12 pt names print at 6.6 pt). */
const MIN_SCALE = 0.55;

export interface BookOptions {
  /** Paper in points, or `fit`: one page the size of the chart. */
  paper: { width: number; height: number } | 'fit';
  measure: Measure;
  /** The chart's words: "→ p. N", "part n of m". */
  t: Translate;
  minScale?: number;
  onProgress?: (pages: number) => void;
}

/** The area of a page a chart may use. */
export function chartArea(paper: { width: number; height: number }, headingHeight: number | undefined): Rect {
  const top = FRAME.margin + (headingHeight === undefined ? FRAME.detailHeader : headingHeight + FRAME.headingGap);
  return {
    x: FRAME.margin,
    y: top,
    width: paper.width - 2 * FRAME.margin,
    height: paper.height - top - FRAME.margin - FRAME.footer,
  };
}

/** The scale a drawing is drawn at in an area: as large as fits, never enlarged. */
export function fitScale(drawing: { width: number; height: number }, area: { width: number; height: number }): number {
  return Math.min(1, area.width / Math.max(drawing.width, 1), area.height / Math.max(drawing.height, 1));
}

interface Plan {
  roots: string[];
  overview: boolean;
  part: PartLayout;
  /** Slices of the part, when it is spread over several pages; with the scale they are drawn at. */
  tiles?: { rects: Rect[]; scale: number };
  firstPage: number;
  parentPlan: Plan | undefined;
}

/** Cuts [0, length] into slices of at most `page`, moving each cut back into a gap between the spans when it can. */
function cuts(length: number, page: number, spans: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let start = 0;
  while (length - start > 0.5) {
    let cut = start + page;
    if (cut >= length) {
      out.push([start, length]);
      break;
    }
    // Move the cut left while it falls inside a span, but keep at least 40% of a page.
    for (let moved = true; moved;) {
      moved = false;
      for (const [a, b] of sorted) {
        if (a - 3 < cut && cut < b + 3 && a - 3 - start >= page * 0.4) {
          cut = a - 3;
          moved = true;
        }
      }
    }
    out.push([start, cut]);
    start = cut;
  }
  return out;
}

function tilesFor(part: PartLayout, area: Rect, minScale: number): { rects: Rect[]; scale: number } {
  const { width, height } = part.layout;
  const across = Math.ceil((width * minScale) / area.width);
  const down = Math.ceil((height * minScale) / area.height);
  const scale = Math.max(minScale, Math.min(1, (across * area.width) / width, (down * area.height) / height) * 0.93);
  const rects = [...part.layout.boxes.values()];
  const columns = cuts(
    width,
    area.width / scale,
    rects.map((r) => [r.x, r.x + r.width]),
  );
  const rows = cuts(
    height,
    area.height / scale,
    rects.map((r) => [r.y, r.y + r.height]),
  );
  const out: Rect[] = [];
  for (const [top, bottom] of rows)
    for (const [left, right] of columns) out.push({ x: left, y: top, width: right - left, height: bottom - top });
  // No empty page: a slice with no box in it is left out.
  return {
    rects: out.filter((t) =>
      rects.some((r) => r.x < t.x + t.width && r.x + r.width > t.x && r.y < t.y + t.height && r.y + r.height > t.y),
    ),
    scale,
  };
}

/** The part of a drawing inside `tile`, moved to the tile's origin. */
function cropDrawing(drawing: ChartDrawing, tile: Rect): ChartDrawing {
  const inside = (r: Rect): boolean =>
    r.x < tile.x + tile.width && r.x + r.width > tile.x && r.y < tile.y + tile.height && r.y + r.height > tile.y;
  const move = (p: { x: number; y: number }): { x: number; y: number } => ({ x: p.x - tile.x, y: p.y - tile.y });
  const clip = (s: DrawnSegment): DrawnSegment | undefined => {
    const x0 = Math.max(Math.min(s.from.x, s.to.x), tile.x);
    const x1 = Math.min(Math.max(s.from.x, s.to.x), tile.x + tile.width);
    const y0 = Math.max(Math.min(s.from.y, s.to.y), tile.y);
    const y1 = Math.min(Math.max(s.from.y, s.to.y), tile.y + tile.height);
    if (x0 > x1 || y0 > y1) return undefined;
    if (s.from.x !== s.to.x && s.from.y !== s.to.y)
      return x0 === Math.min(s.from.x, s.to.x) &&
        x1 === Math.max(s.from.x, s.to.x) &&
        y0 === Math.min(s.from.y, s.to.y) &&
        y1 === Math.max(s.from.y, s.to.y)
        ? { ...s, from: move(s.from), to: move(s.to) }
        : undefined;
    return { ...s, from: move({ x: x0, y: y0 }), to: move({ x: x1, y: y1 }) };
  };
  return {
    ...drawing,
    width: tile.width,
    height: tile.height,
    boxes: drawing.boxes
      .filter((b) => inside(b.rect))
      .map((b) => ({
        ...b,
        rect: { ...b.rect, x: b.rect.x - tile.x, y: b.rect.y - tile.y },
        lines: b.lines.map((l) => ({ ...l, x: l.x - tile.x, baseline: l.baseline - tile.y })),
        rules: b.rules.map((y) => y - tile.y),
      })),
    segments: drawing.segments.map(clip).filter((s): s is DrawnSegment => s !== undefined),
  };
}

/** The book of a chart: every page planned for `options.paper`. */
export function chartBook(spec: ChartSpec, options: BookOptions): ChartBook {
  return bookOf(prepareChart(spec, options.measure), options);
}

/** The book of an already prepared chart (several paper sizes can be tried on one preparation). */
export function bookOf(chart: PreparedChart, options: BookOptions): ChartBook {
  if (options.paper === 'fit') return fitBook(chart, options.measure);
  const paper = options.paper;
  const heading = layoutHeading(chart.spec, options.measure, paper.width - 2 * FRAME.margin);
  const planner = new Planner(
    chart,
    options.minScale ?? MIN_SCALE,
    chartArea(paper, heading.height),
    chartArea(paper, undefined),
  );
  const plans = planPages(planner, options.onProgress);
  const pages = bookPages(chart, plans, options.t);
  return { title: chart.spec.title, pages, outline: [outlineOf(chart, plans)], paper };
}

const nameIn = (chart: PreparedChart, id: string): string => chart.laid.get(id)!.box.name;

/** The whole chart on one page of its own size, scaled down only past the largest page a viewer opens. */
function fitBook(chart: PreparedChart, measure: Measure): ChartBook {
  const spec = chart.spec;
  const part = layoutPart(chart, chart.roots, 'all');
  const drawing = drawPart(chart, part);
  const heading = layoutHeading(drawing, measure, drawing.width);
  const chrome = { x: 2 * FRAME.margin, y: 2 * FRAME.margin + heading.height + FRAME.headingGap + FRAME.footer };
  const scale = Math.min(
    1,
    (MAX_PAGE_SIDE - chrome.x) / Math.max(1, heading.width, drawing.width),
    (MAX_PAGE_SIDE - chrome.y) / Math.max(1, drawing.height),
  );
  const paper = {
    width: Math.ceil(Math.max(drawing.width, heading.width) * scale + chrome.x),
    height: Math.ceil(drawing.height * scale + chrome.y),
  };
  return {
    title: spec.title,
    pages: [{ kind: 'chart', trail: [], drawing, scale }],
    outline: [{ title: spec.title, page: 1, children: [] }],
    paper,
    fit: true,
  };
}

/** Finds how much of the chart each page holds: the overview under the heading, detail pages below it. */
class Planner {
  constructor(
    readonly chart: PreparedChart,
    readonly minScale: number,
    readonly overviewArea: Rect,
    readonly detailArea: Rect,
  ) {}

  fits(part: PartLayout, area: Rect): boolean {
    return fitScale(part.layout, area) >= this.minScale;
  }

  /**
   * The most of `roots` that fits `area`: level by level, a whole level at once when it fits,
   * else its units one by one in order, for as long as they fit. `fits: false` when not even the
   * starting cut does (the roots alone for the overview, a unit and its children for a detail page).
   */
  deepest(roots: string[], overview: boolean, area: Rect): { part: PartLayout; fits: boolean } {
    const { chart } = this;
    const open = new Set<string>(overview ? [] : roots);
    // Each page's subtrees aim at the shape of the page's own chart area.
    const shape = { aspect: area.width / area.height };
    let best = layoutPart(chart, roots, open, shape);
    if (!this.fits(best, area)) return { part: best, fits: false };
    let trials = 0;
    while (best.frontier.length > 0 && trials < 60) {
      const level = best.frontier;
      const all = layoutPart(chart, roots, new Set([...open, ...level]), shape);
      trials++;
      if (this.fits(all, area)) {
        for (const id of level) open.add(id);
        best = all;
        continue;
      }
      let failures = 0;
      for (const id of level) {
        if (failures >= 6 || trials >= 60) break;
        open.add(id);
        const next = layoutPart(chart, roots, open, shape);
        trials++;
        if (this.fits(next, area)) best = next;
        else {
          open.delete(id);
          failures++;
        }
      }
      break;
    }
    return { part: best, fits: true };
  }
}

/**
 * The plan of every page, in tree order: each subtree's pages follow the page it continues from,
 * before the next subtree's; small sibling subtrees share a page.
 */
function planPages(planner: Planner, onProgress: ((pages: number) => void) | undefined): Plan[] {
  const { chart, detailArea } = planner;
  const plans: Plan[] = [];
  let pages = 0;
  const add = (roots: string[], overview: boolean, parentPlan: Plan | undefined): Plan => {
    const area = overview ? planner.overviewArea : detailArea;
    let found = planner.deepest(roots, overview, area);
    // An overview of one box says nothing: the top unit and its children open the book instead.
    if (overview && roots.length === 1 && found.part.frontier.length === 1) found = planner.deepest(roots, false, area);
    const plan: Plan = { roots, overview, part: found.part, firstPage: pages + 1, parentPlan };
    // A page that does not fit even so is spread over a few, cut between boxes.
    if (!found.fits) plan.tiles = tilesFor(found.part, area, planner.minScale);
    pages += plan.tiles ? plan.tiles.rects.length : 1;
    plans.push(plan);
    onProgress?.(pages);
    return plan;
  };
  const stack: Array<{ root: string; from: Plan }> = [];
  const overview = add(chart.roots, true, undefined);
  for (let i = overview.part.frontier.length - 1; i >= 0; i--)
    stack.push({ root: overview.part.frontier[i]!, from: overview });
  while (stack.length > 0) {
    const { root, from } = stack.pop()!;
    const plan = add([root], false, from);
    if (plan.part.frontier.length === 0 && !plan.tiles) {
      // A small subtree, whole on its page, shares it with the next ones of its siblings that fit too.
      let roots = [root];
      for (let tries = 0; tries < 24 && stack.length > 0; tries++) {
        const next = stack[stack.length - 1]!;
        if (next.from !== from || chart.parent.get(next.root) !== chart.parent.get(root)) break;
        const candidate = [...roots, next.root];
        const part = layoutPart(chart, candidate, 'all', { aspect: detailArea.width / detailArea.height });
        if (!planner.fits(part, detailArea)) break;
        stack.pop();
        roots = candidate;
        plan.roots = roots;
        plan.part = part;
      }
    }
    for (let i = plan.part.frontier.length - 1; i >= 0; i--) stack.push({ root: plan.part.frontier[i]!, from: plan });
  }
  return plans;
}

/** The pages drawn from their plans: "continued on page N" under each cut box, the trail of units above, tiles where a page is spread over several. */
function bookPages(chart: PreparedChart, plans: readonly Plan[], t: Translate): ChartPage[] {
  const name = (id: string): string => nameIn(chart, id);
  // Where each unit is drawn in full, and where each continued subtree starts.
  const startOf = new Map<string, number>();
  const home = new Map<string, number>();
  for (const plan of plans) if (!plan.overview) for (const root of plan.roots) startOf.set(root, plan.firstPage);
  for (const plan of plans) {
    const cut = new Set(plan.part.frontier);
    for (const id of plan.part.units) if (!cut.has(id)) home.set(id, plan.firstPage);
    for (const id of plan.part.frontier) home.set(id, startOf.get(id)!);
  }
  const out: ChartPage[] = [];
  for (const plan of plans) {
    const continues = new Map<string, { text: string; page: number }>();
    for (const id of plan.part.frontier) {
      const page = startOf.get(id)!;
      continues.set(id, { text: t('chart-continues', { page }), page });
    }
    const trail: ChartPage['trail'] = [];
    if (!plan.overview) {
      const chain: string[] = [];
      for (let p = chart.parent.get(plan.roots[0]!); p !== undefined; p = chart.parent.get(p)) chain.push(p);
      for (const id of chain.reverse()) trail.push({ id, name: name(id), page: home.get(id) ?? 1 });
    }
    const drawing = drawPart(chart, plan.part, {
      continues,
      ...(plan.overview ? {} : { title: plan.roots.map(name).join(', ') }),
    });
    if (plan.tiles) {
      const count = plan.tiles.rects.length;
      plan.tiles.rects.forEach((tile, i) => {
        const piece = cropDrawing(drawing, tile);
        out.push({
          kind: 'chart',
          trail,
          drawing:
            count > 1
              ? { ...piece, title: t('chart-part', { name: drawing.title, part: i + 1, parts: count }) }
              : piece,
          scale: plan.tiles!.scale,
        });
      });
    } else out.push({ kind: 'chart', trail, drawing });
  }
  return out;
}

/** The book's outline: the overview, each page's units under the page they continue from. */
function outlineOf(chart: PreparedChart, plans: readonly Plan[]): OutlineEntry {
  // Plans are in tree order, so a plan's parent has its entry before it.
  const entries = new Map<Plan, OutlineEntry>();
  for (const plan of plans) {
    // Siblings sharing a page each get their entry; pages continuing from the page hang under the first.
    const own = plan.overview
      ? [{ title: chart.spec.title, page: plan.firstPage, children: [] }]
      : plan.roots.map((r): OutlineEntry => ({ title: nameIn(chart, r), page: plan.firstPage, children: [] }));
    entries.set(plan, own[0]!);
    if (plan.parentPlan) entries.get(plan.parentPlan)!.children.push(...own);
  }
  return entries.get(plans[0]!)!;
}
