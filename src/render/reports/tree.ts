/**
 * `org tree`: the structure as an indented tree with box-drawing lines, one unit a line, with its
 * kind, headcount and the number of functions it leads in aligned columns; and the same tree as
 * JSON for scripts. The tree is built first (a plain value), then rendered.
 */
import type { Translate } from '../../i18n/format.js';
import { functionsLedBy, isStaff, knownHeadcount, pickText, treeOrder, type OrgModel } from '../../model/model.js';
import { displayWidth, maxOf, padEnd, padStart, truncate } from '../text-width.js';
import { jsonText } from '../json-text.js';

export interface TreeNode {
  id: string;
  name: string;
  kind: string;
  kindName: string;
  /** Headcount of the unit with everything below it; null when no positions are recorded there. */
  headcount: number | null;
  /** Functions this unit leads itself. */
  functionsLed: number;
  /** Units below this one that `depth` left out. */
  hidden: number;
  /** A staff (advisory) unit of its parent. */
  staff: boolean;
  children: TreeNode[];
}

export interface TreeOptions {
  lang: string;
  root?: string;
  /** Levels to show (1 = only the top); unlimited when absent. */
  depth?: number;
}

export function buildTree(model: OrgModel, options: TreeOptions): TreeNode[] {
  const text = (t: Parameters<typeof pickText>[0]): string => pickText(t, options.lang, model.defaultLanguage);
  const kindNames = new Map(model.organization.kinds.map((k) => [k.id, text(k.name)]));
  const maxDepth = options.depth ?? Number.POSITIVE_INFINITY;
  const tops = options.root !== undefined ? [options.root] : model.roots;
  // Parents before children (an explicit stack: a tree thousands of levels deep must not exhaust
  // the call stack); then, walking that order backwards, each subtree's totals are complete
  // before its parent adds them up.
  const order = tops.flatMap((id) => treeOrder(model, id));
  const nodes = new Map<string, TreeNode>();
  const units = new Map<string, number>();
  for (const { id } of order) {
    const unit = model.units.get(id)!.unit;
    nodes.set(id, {
      id,
      name: text(unit.name),
      kind: unit.kind,
      kindName: kindNames.get(unit.kind) ?? unit.kind,
      headcount: knownHeadcount(unit),
      functionsLed: functionsLedBy(unit).length,
      hidden: 0,
      staff: isStaff(model, id),
      children: [],
    });
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const { id, depth } = order[i]!;
    const node = nodes.get(id)!;
    let count = 1;
    for (const child of model.children.get(id) ?? []) {
      const sub = nodes.get(child);
      if (!sub) continue;
      count += units.get(child)!;
      if (sub.headcount !== null) node.headcount = (node.headcount ?? 0) + sub.headcount;
      if (depth + 1 < maxDepth) node.children.push(sub);
      else node.hidden += units.get(child)!;
    }
    units.set(id, count);
  }
  return tops.filter((id) => nodes.has(id)).map((id) => nodes.get(id)!);
}

export interface TreeTextOptions {
  t: Translate;
  /** Cut names so that lines fit this many columns (a terminal); no limit when absent. */
  width?: number;
}

interface Line {
  prefix: string;
  node: TreeNode;
}

/**
 * Levels drawn with tree lines. Deeper levels keep the indentation of the last drawn one and show
 * their level number instead, so a chain thousands of levels deep prints lines of bounded width
 * (and output linear in the number of units) rather than a triangle of spaces.
 */
const DRAWN_LEVELS = 32;

function flatten(nodes: TreeNode[]): Line[] {
  const out: Line[] = [];
  const stack: Array<{ node: TreeNode; lead: string; prefix: string; level: number }> = nodes
    .map((node) => ({ node, lead: '', prefix: '', level: 0 }))
    .reverse();
  while (stack.length > 0) {
    const { node, lead, prefix, level } = stack.pop()!;
    out.push({ prefix, node });
    const deep = level + 1 >= DRAWN_LEVELS;
    for (let i = node.children.length - 1; i >= 0; i--) {
      const last = i === node.children.length - 1;
      // A staff unit hangs on a dashed branch, as organograms draw it.
      const branch = node.children[i]!.staff ? (last ? '└╌╌ ' : '├╌╌ ') : last ? '└── ' : '├── ';
      stack.push({
        node: node.children[i]!,
        lead: deep ? lead : lead + (last ? '    ' : '│   '),
        prefix: deep ? `${lead}${branch}${level + 2}: ` : lead + branch,
        level: level + 1,
      });
    }
  }
  return out;
}

function totals(nodes: TreeNode[]): { units: number; headcount: number | string; functions: number } {
  let units = 0;
  let people = 0;
  let functions = 0;
  const stack = [...nodes];
  while (stack.length > 0) {
    const n = stack.pop()!;
    units += 1 + n.hidden;
    functions += n.functionsLed;
    for (const child of n.children) stack.push(child);
  }
  for (const n of nodes) people += n.headcount ?? 0;
  return { units, headcount: nodes.some((n) => n.headcount !== null) ? people : '—', functions };
}

export function renderTreeText(nodes: TreeNode[], { t, width }: TreeTextOptions): string {
  const lines = flatten(nodes);
  const note = (l: Line): string => {
    const notes = [
      ...(l.node.staff ? [t('tree-staff')] : []),
      ...(l.node.hidden > 0 ? [t('tree-hidden', { count: l.node.hidden })] : []),
    ];
    return notes.length > 0 ? `  (${notes.join(', ')})` : '';
  };
  const label = (l: Line): string => l.prefix + l.node.name + note(l);
  const heads = [t('tree-unit'), t('tree-kind'), t('tree-headcount'), t('tree-functions-led')];
  const kindWidth = maxOf(
    lines.map((l) => displayWidth(l.node.kindName)),
    displayWidth(heads[1]!),
  );
  const peopleWidth = maxOf(
    lines.map((l) => String(l.node.headcount ?? '—').length),
    displayWidth(heads[2]!),
  );
  const fnWidth = displayWidth(heads[3]!);
  const rest = 2 + kindWidth + 2 + peopleWidth + 2 + fnWidth;
  let nameWidth = maxOf(
    lines.map((l) => displayWidth(label(l))),
    displayWidth(heads[0]!),
  );
  if (width !== undefined) nameWidth = Math.max(20, Math.min(nameWidth, width - rest));
  const row = (name: string, kind: string, people: string, fns: string): string =>
    `${padEnd(truncate(name, nameWidth), nameWidth)}  ${padEnd(kind, kindWidth)}  ${padStart(people, peopleWidth)}  ${padStart(fns, fnWidth)}`.trimEnd();
  const out = [row(heads[0]!, heads[1]!, heads[2]!, heads[3]!)];
  // Cut the name, never the tree lines or the note of hidden units.
  const fitted = (l: Line): string =>
    l.prefix + truncate(l.node.name, Math.max(4, nameWidth - displayWidth(l.prefix) - displayWidth(note(l)))) + note(l);
  for (const l of lines)
    out.push(row(fitted(l), l.node.kindName, String(l.node.headcount ?? '—'), String(l.node.functionsLed)));
  out.push('', t('tree-summary', totals(nodes)));
  return `${out.join('\n')}\n`;
}

/** The tree as JSON: nested like the tree, written without recursion (json-text.ts). */
export function renderTreeJson(nodes: TreeNode[]): string {
  return `${jsonText(nodes)}\n`;
}
