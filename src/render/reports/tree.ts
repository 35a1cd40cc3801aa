/**
 * `org tree`: the structure as an indented tree with box-drawing lines, one unit a line, with its
 * kind, headcount and the number of functions it leads in aligned columns; and the same tree as
 * JSON for scripts. The tree is built first (a plain value), then rendered.
 */
import type { Translate } from '../../i18n/format.js';
import { functionsLedBy, headcount, isStaff, pickText, type OrgModel } from '../../model/model.js';
import { displayWidth, padEnd, padStart, truncate } from '../text-width.js';

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
  const seen = new Set<string>();

  // Returns the node and, separately, totals of the whole subtree (shown or not).
  const visit = (id: string, level: number): { node: TreeNode; units: number; people: number | null } => {
    seen.add(id);
    const unit = model.units.get(id)!.unit;
    const node: TreeNode = { id, name: text(unit.name), kind: unit.kind, kindName: kindNames.get(unit.kind) ?? unit.kind, headcount: null, functionsLed: functionsLedBy(unit).length, hidden: 0, staff: isStaff(model, id), children: [] };
    let people: number | null = unit.positions !== undefined && unit.positions.length > 0 ? headcount(unit) : null;
    let units = 1;
    for (const child of model.children.get(id) ?? []) {
      if (seen.has(child)) continue;
      const sub = visit(child, level + 1);
      units += sub.units;
      if (sub.people !== null) people = (people ?? 0) + sub.people;
      if (level + 1 < maxDepth) node.children.push(sub.node);
      else node.hidden += sub.units;
    }
    node.headcount = people;
    return { node, units, people };
  };
  const tops = options.root !== undefined ? [options.root] : model.roots;
  return tops.filter((id) => model.units.has(id)).map((id) => visit(id, 0).node);
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

function flatten(nodes: TreeNode[]): Line[] {
  const out: Line[] = [];
  const walk = (node: TreeNode, lead: string, prefix: string): void => {
    out.push({ prefix, node });
    node.children.forEach((child, i) => {
      const last = i === node.children.length - 1;
      // A staff unit hangs on a dashed branch, as organograms draw it.
      const branch = child.staff ? (last ? '└╌╌ ' : '├╌╌ ') : last ? '└── ' : '├── ';
      walk(child, lead + (last ? '    ' : '│   '), lead + branch);
    });
  };
  for (const n of nodes) walk(n, '', '');
  return out;
}

function totals(nodes: TreeNode[]): { units: number; headcount: number | string; functions: number } {
  let units = 0;
  let people = 0;
  let functions = 0;
  const walk = (n: TreeNode): void => {
    units += 1 + n.hidden;
    functions += n.functionsLed;
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  for (const n of nodes) people += n.headcount ?? 0;
  return { units, headcount: nodes.some((n) => n.headcount !== null) ? people : '—', functions };
}

export function renderTreeText(nodes: TreeNode[], { t, width }: TreeTextOptions): string {
  const lines = flatten(nodes);
  const note = (l: Line): string => {
    const notes = [...(l.node.staff ? [t('tree-staff')] : []), ...(l.node.hidden > 0 ? [t('tree-hidden', { count: l.node.hidden })] : [])];
    return notes.length > 0 ? `  (${notes.join(', ')})` : '';
  };
  const label = (l: Line): string => l.prefix + l.node.name + note(l);
  const heads = [t('tree-unit'), t('tree-kind'), t('tree-headcount'), t('tree-functions-led')];
  const kindWidth = Math.max(displayWidth(heads[1]!), ...lines.map((l) => displayWidth(l.node.kindName)));
  const peopleWidth = Math.max(displayWidth(heads[2]!), ...lines.map((l) => String(l.node.headcount ?? '—').length));
  const fnWidth = displayWidth(heads[3]!);
  const rest = 2 + kindWidth + 2 + peopleWidth + 2 + fnWidth;
  let nameWidth = Math.max(displayWidth(heads[0]!), ...lines.map((l) => displayWidth(label(l))));
  if (width !== undefined) nameWidth = Math.max(20, Math.min(nameWidth, width - rest));
  const row = (name: string, kind: string, people: string, fns: string): string =>
    `${padEnd(truncate(name, nameWidth), nameWidth)}  ${padEnd(kind, kindWidth)}  ${padStart(people, peopleWidth)}  ${padStart(fns, fnWidth)}`.trimEnd();
  const out = [row(heads[0]!, heads[1]!, heads[2]!, heads[3]!)];
  // Cut the name, never the tree lines or the note of hidden units.
  const fitted = (l: Line): string => l.prefix + truncate(l.node.name, Math.max(4, nameWidth - displayWidth(l.prefix) - displayWidth(note(l)))) + note(l);
  for (const l of lines) out.push(row(fitted(l), l.node.kindName, String(l.node.headcount ?? '—'), String(l.node.functionsLed)));
  out.push('', t('tree-summary', totals(nodes)));
  return `${out.join('\n')}\n`;
}

export function renderTreeJson(nodes: TreeNode[]): string {
  return `${JSON.stringify(nodes, null, 2)}\n`;
}
