/**
 * The org chart of a structure: which units are drawn (all, a subtree, a number of levels) and
 * what each box says (name, kind, headcount, the functions the unit leads), as a chart
 * description for dot.ts. Pure: words come from the injected translator, widths from the
 * injected measure.
 */
import type { Translate } from '../../i18n/format.js';
import { headcount, pickText, treeOrder, functionsLedBy, type OrgModel } from '../../model/model.js';
import { writeDot, type Box, type ChartSpec, type Edge, type LegendItem } from './dot.js';
import { kindPalette, rootPalette } from './style.js';
import type { Measure } from './text.js';

export type Direction = 'TB' | 'LR';

export interface ChartOptions {
  /** Language of the names (one of the organisation's languages; others fall back). */
  lang: string;
  /** Translator for the chart's own words (headcount, "more below", the date line). */
  t: Translate;
  /** Draw only this unit and what is below it. */
  root?: string;
  /** Number of levels to draw (1 = the root only). */
  depth?: number;
  direction: Direction;
  headcount: boolean;
  functions: boolean;
  /** Replaces the default title (the organisation's name) and the date line. */
  title?: string;
}

/** Units the chart draws, in tree order, with their level. */
function chartUnits(
  model: OrgModel,
  options: Pick<ChartOptions, 'root' | 'depth'>,
): Array<{ id: string; depth: number }> {
  return treeOrder(model, options.root, options.depth ?? Number.POSITIVE_INFINITY);
}

/** The kind's name in `lang`, or its id when the kind is not declared. */
export function kindName(model: OrgModel, kind: string, lang: string): string {
  const declared = model.organization.kinds.find((k) => k.id === kind);
  return declared ? pickText(declared.name, lang, model.defaultLanguage) : kind;
}

/** Title and date line: the organisation's name and the date of the structure, unless replaced. */
function chartHeading(
  model: OrgModel,
  options: Pick<ChartOptions, 'lang' | 't' | 'title'>,
): { title: string; subtitle?: string } {
  if (options.title !== undefined) return { title: options.title };
  const title = pickText(model.organization.name, options.lang, model.defaultLanguage);
  const date = model.organization.date;
  return date ? { title, subtitle: options.t('chart-as-of', { date }) } : { title };
}

/** Legend entries for the kinds that appear among `unitIds`, in the order of `organization.yaml`. */
function kindLegend(model: OrgModel, unitIds: Iterable<string>, lang: string): LegendItem[] {
  const present = new Set<string>();
  for (const id of unitIds) {
    const unit = model.units.get(id)?.unit;
    if (unit) present.add(unit.kind);
  }
  const items: LegendItem[] = [];
  for (const kind of model.organization.kinds) {
    if (present.delete(kind.id))
      items.push({ label: kindName(model, kind.id, lang), palette: kindPalette(model.kindRank.get(kind.id)) });
  }
  for (const kind of [...present].sort()) items.push({ label: kind, palette: kindPalette(undefined) });
  return items;
}

/** What is below each unit of the tree from `root` (or every root), found in one pass from the bottom up. */
export interface SubtreeCounts {
  /** How many units are below each unit. */
  below: ReadonlyMap<string, number>;
  /** The headcount of each unit and everything below it. */
  totals: ReadonlyMap<string, number>;
}

/** Units and headcount below each unit, counted once from the bottom up (not one walk per unit). */
export function subtreeCounts(model: OrgModel, root?: string): SubtreeCounts {
  const all = treeOrder(model, root);
  const below = new Map<string, number>();
  const totals = new Map<string, number>();
  for (let i = all.length - 1; i >= 0; i--) {
    const id = all[i]!.id;
    let count = 0;
    let total = headcount(model.units.get(id)!.unit);
    for (const child of model.children.get(id) ?? []) {
      count += 1 + (below.get(child) ?? 0);
      total += totals.get(child) ?? 0;
    }
    below.set(id, count);
    totals.set(id, total);
  }
  return { below, totals };
}

/** The box of one unit as the org chart draws it; `totals` are the subtree headcounts of subtreeCounts. */
export function unitBox(
  model: OrgModel,
  id: string,
  level: number,
  options: ChartOptions,
  isRoot: boolean,
  hiddenBelow: number,
  totals: ReadonlyMap<string, number>,
): Box {
  const unit = model.units.get(id)!.unit;
  const kindColours = kindPalette(model.kindRank.get(unit.kind));
  const box: Box = {
    id,
    level,
    name: pickText(unit.name, options.lang, model.defaultLanguage) || id,
    lines: [{ text: kindName(model, unit.kind, options.lang), style: 'detail' }],
    footer: [],
    palette: isRoot ? rootPalette(kindColours) : kindColours,
    classes: [`kind-${unit.kind}`],
    emphasis: isRoot ? 'root' : 'normal',
    // Read loosely: the file format may not carry the flag yet, and a chart never requires it.
    ...((unit as { staff?: unknown }).staff === true && !isRoot ? { staff: true } : {}),
  };
  if (options.headcount) {
    const own = headcount(unit);
    const total = totals.get(id) ?? own;
    const hasPositions = (unit.positions ?? []).length > 0;
    let text: string;
    if (!hasPositions && total === 0) text = options.t('chart-headcount-unknown');
    else if (total !== own) text = options.t('chart-headcount-total', { count: own, total });
    else text = options.t('chart-headcount', { count: own });
    box.lines.push({ text, style: 'detail' });
  }
  if (hiddenBelow > 0) box.lines.push({ text: options.t('chart-more-below', { count: hiddenBelow }), style: 'detail' });
  if (options.functions) {
    box.footer = functionsLedBy(unit).map((fn) => {
      const entry = model.functions.get(fn);
      return entry ? pickText(entry.fn.name, options.lang, model.defaultLanguage) || fn : fn;
    });
  }
  return box;
}

/** The chart description of a structure (exported for the reorganisation chart, which adds marks to it). */
export function chartSpec(model: OrgModel, options: ChartOptions): ChartSpec {
  const drawn = chartUnits(model, options);
  const shown = new Set(drawn.map((d) => d.id));
  const boxes: Box[] = [];
  const edges: Edge[] = [];
  const { below: belowCount, totals } = subtreeCounts(model, options.root);
  for (const { id, depth } of drawn) {
    const below = belowCount.get(id) ?? 0;
    const shownBelow = (model.children.get(id) ?? []).filter((c) => shown.has(c)).length;
    const hidden = shownBelow === 0 && below > 0 ? below : 0;
    boxes.push(unitBox(model, id, depth, options, depth === 0, hidden, totals));
    for (const child of model.children.get(id) ?? [])
      if (shown.has(child)) edges.push({ from: id, to: child, kind: 'tree' });
  }
  return {
    ...chartHeading(model, options),
    legend: kindLegend(model, shown, options.lang),
    boxes,
    edges,
    direction: options.direction,
  };
}

/** The org chart as DOT. */
export function chartDot(model: OrgModel, options: ChartOptions, measure: Measure): string {
  return writeDot(chartSpec(model, options), measure);
}
