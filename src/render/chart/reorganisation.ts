/**
 * The reorganisation chart: the later structure drawn as an org chart, with the changes of
 * `org diff` marked on it. Unchanged units are drawn plainly so that the changes stand out: added
 * units green, renamed, moved or re-kinded units amber with the old name or parent noted, removed
 * units dashed and grey where they used to hang, and units that replace others (merges, splits)
 * linked to their predecessors by arrows. A legend explains the marks. Pure: the diff, the later
 * model and the words come in, a chart description goes out.
 */
import type { DiffResult, LocalText } from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';
import { pickText, type OrgModel } from '../../model/model.js';
import type { ChartOptions } from './chart.js';
import { kindName, subtreeCounts, unitBox } from './chart.js';
import { writeDot, type Box, type BoxLine, type ChartSpec, type Edge, type LegendItem } from './dot.js';
import type { Palette } from './style.js';
import type { Measure } from './text.js';
import { truncate } from '../text-width.js';

/** Display columns of a name quoted in a mark: about one line of a box at the detail size. */
const MARK_NAME_WIDTH = 34;

const UNCHANGED: Palette = { fill: '#FFFFFF', border: '#8C8C8C', text: '#1A1A1A', muted: '#5A5A5A' };
const ADDED: Palette = { fill: '#DFF2E1', border: '#2E7D32', text: '#1A1A1A', muted: '#3B5E3D' };
const CHANGED: Palette = { fill: '#FFF1D6', border: '#D98E04', text: '#1A1A1A', muted: '#5C4A1F' };
const REMOVED: Palette = { fill: '#F4F4F4', border: '#9E9E9E', text: '#6B6B6B', muted: '#7A7A7A' };
const ROOT: Palette = { fill: '#4A4A4A', border: '#4A4A4A', text: '#FFFFFF', muted: '#EDEDED' };
/** Notes and arrows of changes. */
const NOTE = { added: '#2E7D32', changed: '#8A5A00', removed: '#6B6B6B', link: '#7B1FA2' };

export interface ReorganisationOptions extends ChartOptions {
  /** How the two sides are called (directory or revision), for the default date line. */
  fromLabel: string;
  toLabel: string;
}

function local(text: LocalText | undefined, lang: string, fallback: string): string {
  if (!text) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/**
 * The chart description of a reorganisation. `before` places the units that are gone (removed,
 * or replaced by a merge or split) under their old parent, with their old names.
 */
export function reorganisationSpec(
  after: OrgModel,
  diff: DiffResult,
  options: ReorganisationOptions,
  before?: OrgModel,
): ChartSpec {
  const names = unitNames(after, diff, options.lang, before);
  const marks = new Marks(after);
  markUnitChanges(marks, diff, after, names, options);
  const links = markReplacements(marks, diff, after, names, options.t, before);
  markFunctionCounts(marks, options.t);
  const notes = boxNotes(marks, options.t);
  const tree = treeWithRemoved(after, marks.removed);
  const order = shownOrder(tree, options);
  const shown = new Set(order.map((o) => o.id));
  const shownLinks = links.filter((e) => shown.has(e.from) && shown.has(e.to));
  const totals = subtreeCounts(after, options.root).totals;
  const { t, lang } = options;
  return {
    title:
      options.title ?? t('chart-diff-title', { name: pickText(after.organization.name, lang, after.defaultLanguage) }),
    ...(options.title === undefined
      ? { subtitle: t('chart-diff-subtitle', { from: options.fromLabel, to: options.toLabel }) }
      : {}),
    legend: reorganisationLegend(t, shownLinks.length > 0),
    boxes: order.map((o) => reorganisationBox(o, { after, marks, notes, tree, shown, names, options, totals })),
    edges: [...treeEdges(order, tree, shown), ...shownLinks],
    direction: options.direction,
  };
}

interface UnitNames {
  /** A unit's name now, or as it was when it is gone. */
  name: (id: string) => string;
  /** A unit's name in the earlier structure. */
  oldName: (id: string) => string;
}

/** How the chart names units: from the later structure, else the earlier one, else the names the diff carries. */
function unitNames(after: OrgModel, diff: DiffResult, lang: string, before: OrgModel | undefined): UnitNames {
  const name = (id: string): string => {
    const unit = after.units.get(id)?.unit ?? before?.units.get(id)?.unit;
    return (
      (unit ? pickText(unit.name, lang, after.defaultLanguage) : local(diff.names.units[id], lang, diff.language)) || id
    );
  };
  const oldName = (id: string): string => {
    const unit = before?.units.get(id)?.unit;
    return unit ? pickText(unit.name, lang, before!.defaultLanguage) || id : name(id);
  };
  return { name, oldName };
}

type MarkState = 'added' | 'changed' | 'removed';

/** What the chart says of each unit: its state (the colour of its box), its notes, and the units that are gone. */
class Marks {
  /** Each box gets at most one short mark line; everything it leaves out is in the change table that follows the chart. */
  readonly notes = new Map<string, Array<{ text: string; color: string }>>();
  readonly state = new Map<string, MarkState>();
  /** Lead functions gained and lost by each unit of the later structure. */
  readonly functions = new Map<string, { gained: number; lost: number }>();
  /** Units that are gone, with where and what they were. */
  readonly removed = new Map<string, { parent: string | null; kind: string }>();

  constructor(private readonly after: OrgModel) {}

  note(id: string, text: string, color: string): void {
    const list = this.notes.get(id) ?? [];
    list.push({ text, color });
    this.notes.set(id, list);
  }

  /** A note that goes before the others. */
  noteFirst(id: string, text: string, color: string): void {
    const list = this.notes.get(id) ?? [];
    list.unshift({ text, color });
    this.notes.set(id, list);
  }

  /** Sets a state, except over added or removed, which say more. */
  set(id: string, value: MarkState): void {
    if (this.state.get(id) !== 'added' && this.state.get(id) !== 'removed') this.state.set(id, value);
  }

  countFunction(unit: string, delta: 'gained' | 'lost'): void {
    if (!this.after.units.has(unit)) return;
    const entry = this.functions.get(unit) ?? { gained: 0, lost: 0 };
    entry[delta]++;
    this.functions.set(unit, entry);
  }
}

/** A name quoted in a mark is cut, so the mark stays short; the table has it in full. */
const quoted = (text: string): string => truncate(text.replace(/\s+/g, ' ').trim(), MARK_NAME_WIDTH);

/** Marks the units added, removed, renamed, moved, re-kinded, reordered or re-staffed, and counts the lead functions each gained or lost. */
function markUnitChanges(
  marks: Marks,
  diff: DiffResult,
  after: OrgModel,
  names: UnitNames,
  { t, lang }: ReorganisationOptions,
): void {
  for (const change of diff.changes) {
    switch (change.type) {
      case 'unit-added':
        marks.state.set(change.unit, 'added');
        marks.note(change.unit, t('chart-diff-added'), NOTE.added);
        break;
      case 'unit-removed':
        marks.removed.set(change.unit, { parent: change.parent, kind: change.kind });
        marks.state.set(change.unit, 'removed');
        marks.note(change.unit, t('chart-diff-removed'), NOTE.removed);
        break;
      case 'unit-renamed':
        marks.set(change.unit, 'changed');
        marks.note(
          change.unit,
          t('chart-diff-renamed', { name: quoted(local(change.from, lang, diff.language)) }),
          NOTE.changed,
        );
        break;
      case 'unit-moved':
        marks.set(change.unit, 'changed');
        marks.note(
          change.unit,
          change.from === null
            ? t('chart-diff-moved-top')
            : t('chart-diff-moved', { parent: quoted(names.oldName(change.from)) }),
          NOTE.changed,
        );
        break;
      case 'unit-kind-changed':
        marks.set(change.unit, 'changed');
        marks.note(
          change.unit,
          t('chart-diff-kind', { kind: quoted(kindName(after, change.from, lang)) }),
          NOTE.changed,
        );
        break;
      case 'unit-field-changed':
        marks.set(change.unit, 'changed');
        marks.note(
          change.unit,
          t(
            change.field === 'staff'
              ? change.to === true
                ? 'chart-diff-now-staff'
                : 'chart-diff-now-line'
              : 'chart-diff-reordered',
          ),
          NOTE.changed,
        );
        break;
      case 'headcount-changed':
        marks.set(change.unit, 'changed');
        marks.note(
          change.unit,
          t('chart-diff-headcount', { from: change.from ?? '—', to: change.to ?? '—' }),
          NOTE.changed,
        );
        break;
      case 'function-transferred':
        for (const unit of change.to) marks.countFunction(unit, 'gained');
        for (const unit of change.from) marks.countFunction(unit, 'lost');
        break;
      case 'function-added':
        for (const unit of change.lead) marks.countFunction(unit, 'gained');
        break;
      case 'function-removed':
        for (const unit of change.lead) marks.countFunction(unit, 'lost');
        break;
      case 'assignment-added':
        if (change.role === 'lead') marks.countFunction(change.unit, 'gained');
        break;
      case 'assignment-removed':
        if (change.role === 'lead') marks.countFunction(change.unit, 'lost');
        break;
      case 'assignment-changed':
        if (change.to === 'lead') marks.countFunction(change.unit, 'gained');
        else if (change.from === 'lead') marks.countFunction(change.unit, 'lost');
        break;
      default:
        break;
    }
  }
}

/**
 * Merges, splits and new ids: each unit that is gone comes back under its old parent, noting what
 * replaced it; each successor notes what it replaced. Returns the arrows from predecessors to successors.
 */
function markReplacements(
  marks: Marks,
  diff: DiffResult,
  after: OrgModel,
  names: UnitNames,
  t: Translate,
  before: OrgModel | undefined,
): Edge[] {
  const edges: Edge[] = [];
  for (const r of diff.changes) {
    if (r.type !== 'unit-replaced') continue;
    for (const gone of r.from) {
      const old = before?.units.get(gone)?.unit;
      if (after.units.has(gone) || !old) continue;
      marks.removed.set(gone, {
        parent: old.parent !== undefined && before!.units.has(old.parent) ? old.parent : null,
        kind: old.kind,
      });
      marks.state.set(gone, 'removed');
      const successors = r.to.filter((u) => u !== gone);
      marks.note(
        gone,
        successors.length === 1
          ? t('chart-diff-replaced-by', { units: quoted(names.name(successors[0]!)) })
          : t('chart-diff-replaced-by-many', { count: successors.length }),
        NOTE.link,
      );
    }
    for (const successor of r.to) {
      const predecessors = r.from.filter((f) => f !== successor);
      if (predecessors.length === 0) continue;
      const text =
        predecessors.length === 1
          ? t(`chart-diff-${r.kind}`, { units: quoted(names.oldName(predecessors[0]!)) })
          : t(`chart-diff-${r.kind}-many`, { count: predecessors.length });
      // Lineage says most about a successor: it goes first.
      marks.noteFirst(successor, `${text}${r.inferred ? t('chart-diff-inferred') : ''}`, NOTE.link);
      if (marks.state.get(successor) !== 'added') marks.set(successor, 'changed');
      for (const p of predecessors)
        edges.push({ from: p, to: successor, kind: 'link', color: NOTE.link, dashed: true });
    }
  }
  return edges;
}

/** A note of how many lead functions each unit gained and lost, last among its notes. */
function markFunctionCounts(marks: Marks, t: Translate): void {
  for (const [unit, { gained, lost }] of marks.functions) {
    if (marks.state.get(unit) === undefined) marks.set(unit, 'changed');
    const parts = [...(gained > 0 ? [`+${gained}`] : []), ...(lost > 0 ? [`−${lost}`] : [])].join(' / ');
    marks.note(unit, t('chart-diff-functions', { change: parts }), NOTE.changed);
  }
}

/** The one line a box carries: its first mark, the change of its functions, and how many more marks the table has. */
function boxNotes(marks: Marks, t: Translate): Map<string, BoxLine[]> {
  const notes = new Map<string, BoxLine[]>();
  for (const [id, list] of marks.notes) {
    const fnMark = marks.functions.has(id) ? list[list.length - 1]! : undefined;
    const others = fnMark ? list.slice(0, -1) : list;
    const shown = [...others.slice(0, 1), ...(fnMark ? [fnMark] : [])];
    let text = shown.map((m) => m.text).join(' · ');
    if (others.length > 1) text += ` · ${t('chart-diff-more', { count: others.length - 1 })}`;
    notes.set(id, [{ text, style: 'note', color: shown[0]!.color }]);
  }
  return notes;
}

interface Tree {
  children: Map<string, string[]>;
  roots: string[];
}

/** The tree drawn: the later structure, with each removed unit back under its old parent. */
function treeWithRemoved(after: OrgModel, removed: Marks['removed']): Tree {
  const children = new Map<string, string[]>();
  for (const [id, list] of after.children) children.set(id, [...list]);
  const roots = [...after.roots];
  for (const [id, change] of [...removed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (after.units.has(id)) continue;
    const parent = change.parent;
    if (parent !== null && (after.units.has(parent) || removed.has(parent))) {
      const list = children.get(parent);
      if (list) list.push(id);
      else children.set(parent, [id]);
    } else roots.push(id);
  }
  return { children, roots };
}

/** The units shown, depth first from the root asked for (or every root), down to the depth asked for. */
function shownOrder(tree: Tree, options: ReorganisationOptions): Array<{ id: string; depth: number }> {
  const order: Array<{ id: string; depth: number }> = [];
  const seen = new Set<string>();
  const maxDepth = options.depth ?? Number.POSITIVE_INFINITY;
  // Depth first with an explicit stack, so a very deep tree cannot exhaust the call stack.
  const stack = (options.root !== undefined ? [options.root] : tree.roots).map((id) => ({ id, depth: 0 })).reverse();
  while (stack.length > 0) {
    const { id, depth } = stack.pop()!;
    if (seen.has(id) || depth >= maxDepth) continue;
    seen.add(id);
    order.push({ id, depth });
    const kids = tree.children.get(id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i]!, depth: depth + 1 });
  }
  return order;
}

/** What the boxes are drawn from. */
interface BoxContext {
  after: OrgModel;
  marks: Marks;
  notes: Map<string, BoxLine[]>;
  tree: Tree;
  shown: Set<string>;
  names: UnitNames;
  options: ReorganisationOptions;
  /** Subtree headcounts of the later structure, counted once. */
  totals: ReadonlyMap<string, number>;
}

/** One unit's box in the colour of its state, with its mark line: a unit that is gone dashed and grey, with its old name. */
function reorganisationBox(
  { id, depth }: { id: string; depth: number },
  { after, marks, notes, tree, shown, names, options, totals }: BoxContext,
): Box {
  const state = marks.state.get(id);
  const change = marks.removed.get(id);
  let box: Box;
  if (change && !after.units.has(id)) {
    box = {
      id,
      level: depth,
      name: names.oldName(id),
      lines: [{ text: kindName(after, change.kind, options.lang), style: 'detail' }],
      footer: [],
      palette: REMOVED,
      classes: [`kind-${change.kind}`],
      emphasis: 'normal',
      dashed: true,
    };
  } else {
    const kids = tree.children.get(id) ?? [];
    const below = kids.filter((c) => shown.has(c)).length;
    const hidden = below === 0 ? kids.length : 0;
    box = unitBox(after, id, depth, options, depth === 0, hidden, totals);
    box.palette =
      depth === 0 && state === undefined ? ROOT : state === 'added' ? ADDED : state === 'changed' ? CHANGED : UNCHANGED;
  }
  box.lines = [...box.lines, ...(notes.get(id) ?? [])];
  box.classes = [...box.classes, `change-${state ?? 'none'}`];
  return box;
}

/** The lines of the tree between the units shown. */
function treeEdges(order: ReadonlyArray<{ id: string }>, tree: Tree, shown: Set<string>): Edge[] {
  const edges: Edge[] = [];
  for (const { id } of order)
    for (const child of tree.children.get(id) ?? [])
      if (shown.has(child)) edges.push({ from: id, to: child, kind: 'tree' });
  return edges;
}

/** What the colours mean, and the arrows when some are drawn. */
function reorganisationLegend(t: Translate, links: boolean): LegendItem[] {
  const legend: LegendItem[] = [
    { label: t('chart-diff-legend-unchanged'), palette: UNCHANGED },
    { label: t('chart-diff-legend-added'), palette: ADDED },
    { label: t('chart-diff-legend-changed'), palette: CHANGED },
    { label: t('chart-diff-legend-removed'), palette: REMOVED, dashed: true },
  ];
  if (links)
    legend.push({ label: t('chart-diff-legend-link'), palette: { ...UNCHANGED, border: NOTE.link, text: NOTE.link } });
  return legend;
}

/** The reorganisation chart as DOT. */
export function reorganisationDot(
  after: OrgModel,
  diff: DiffResult,
  options: ReorganisationOptions,
  measure: Measure,
  before?: OrgModel,
): string {
  return writeDot(reorganisationSpec(after, diff, options, before), measure);
}
