/**
 * The function matrix as data, before any format: functions down the side (grouped by their lead
 * unit or by type), units across the top (in tree order, or aggregated to the units of one kind),
 * and in each cell the role a unit plays in a function. The two findings a functional review looks
 * for, a function nobody leads and a function led twice, are computed here from the real
 * assignments, so every renderer marks and lists the same rows.
 */
import { pickText, treeOrder, type OrgModel } from '../../model/model.js';
import type { Role, Text } from '../../model/types.js';
import { maxOf } from '../text-width.js';

export interface MatrixOptions {
  /** Language of names (one of the organisation's languages). */
  lang: string;
  /** Aggregate columns to the units of this kind. */
  by?: string;
  /** Limit the columns (and rows) to this unit and everything below it. */
  root?: string;
  groupBy?: 'lead' | 'type';
}

export interface MatrixRole {
  id: string;
  name: string;
  /** The short code shown in cells (О, У, С, И or L, P, A, I). */
  code: string;
  /** 0 = strongest: the order of `roles` in organization.yaml. */
  strength: number;
}

export interface MatrixUnitRef {
  id: string;
  name: string;
}

export interface MatrixColumn {
  id: string;
  /** Short name when the unit has one, else its name. */
  label: string;
  name: string;
  kind: string;
  kindName: string;
  /** Depth below the top of the columns (0 for the root of the shown tree). */
  depth: number;
  /** Id of the top-level branch this column belongs to, for visual grouping of columns. */
  branch: string;
}

export interface MatrixCell {
  role: string;
  /** The units whose role this cell shows (more than one only when aggregated with `by`). */
  units: string[];
}

export type RowStatus = 'ok' | 'no-lead' | 'multiple-leads';

export interface MatrixRow {
  id: string;
  name: string;
  type?: string;
  /** False when units name this function but it has no file of its own. */
  defined: boolean;
  /** Lead units anywhere in the structure (not only among the columns). */
  leads: MatrixUnitRef[];
  status: RowStatus;
  /** One entry per column; undefined where the unit has no role. */
  cells: Array<MatrixCell | undefined>;
}

export type GroupKind = 'unit' | 'type' | 'multiple-leads' | 'no-lead' | 'no-type';

export interface MatrixGroup {
  kind: GroupKind;
  /** Unit id or type id for `unit` and `type` groups. */
  id?: string;
  /** The unit's or type's name; empty for the other kinds, which renderers name in their own language. */
  name: string;
  rows: MatrixRow[];
}

export interface FunctionMatrix {
  lang: string;
  organization: string;
  by?: { id: string; name: string };
  root?: MatrixUnitRef;
  groupBy: 'lead' | 'type';
  columns: MatrixColumn[];
  groups: MatrixGroup[];
  /** Every role of the organisation, strongest first, then any unknown role met in the cells. */
  roles: MatrixRole[];
  noLead: MatrixRow[];
  multipleLeads: MatrixRow[];
}

const upperFirst = (s: string): string => {
  const first = [...s.trim()][0];
  return first === undefined ? '?' : first.toLocaleUpperCase();
};

/**
 * The code of a role in `lang`: its code in that language; failing that, the first letter of its
 * name in that language (so an English table never shows a Cyrillic letter when an English name
 * exists); failing that, the code in the default language, then the first letter of any name.
 */
export function roleCode(role: Role, lang: string, defaultLanguage: string): string {
  const { code, name } = role;
  if (typeof code === 'string') return code;
  if (code?.[lang]) return code[lang];
  if (typeof name === 'object' && name[lang]) return upperFirst(name[lang]);
  if (code) return pickText(code, lang, defaultLanguage);
  return upperFirst(pickText(name, lang, defaultLanguage));
}

/** Builds the matrix. Tolerates a broken structure: unknown roles, functions without a file, cycles. */
export function buildMatrix(model: OrgModel, options: MatrixOptions): FunctionMatrix {
  const names = namesIn(model, options.lang);
  const roles = new RoleTable(model, options.lang);
  const columns = matrixColumns(model, options, names);
  const rows = functionRows(model, options, names, roles, columns);
  const groupBy = options.groupBy ?? 'lead';
  const groups = groupBy === 'lead' ? groupsByLead(model, rows, names) : groupsByType(model, rows, names);
  const shown = groups.flatMap((g) => g.rows);
  const matrix: FunctionMatrix = {
    lang: options.lang,
    organization: names.text(model.organization.name),
    groupBy,
    columns: columns.list,
    groups,
    roles: roles.list,
    noLead: shown.filter((r) => r.status === 'no-lead'),
    multipleLeads: shown.filter((r) => r.status === 'multiple-leads'),
  };
  if (options.by !== undefined) matrix.by = { id: options.by, name: names.kind(options.by) };
  if (options.root !== undefined) matrix.root = { id: options.root, name: names.unit(options.root) };
  return matrix;
}

interface Names {
  text: (t: Text | undefined) => string;
  /** A unit's name, or its id when there is no such unit. */
  unit: (id: string) => string;
  /** A kind's name, or its id when organization.yaml does not declare it. */
  kind: (id: string) => string;
}

/** How the matrix names texts, units and kinds in its language. */
function namesIn(model: OrgModel, lang: string): Names {
  const text = (t: Text | undefined): string => pickText(t, lang, model.defaultLanguage);
  const kinds = new Map<string, Text>();
  for (const k of model.organization.kinds) if (!kinds.has(k.id)) kinds.set(k.id, k.name);
  return {
    text,
    unit: (id) => {
      const u = model.units.get(id)?.unit;
      return u ? text(u.name) : id;
    },
    kind: (id) => (kinds.has(id) ? text(kinds.get(id)) : id),
  };
}

/** The roles a cell can show: the declared ones in order of strength, then unknown ones as met (weakest). */
class RoleTable {
  readonly list: MatrixRole[];
  private readonly byId: Map<string, MatrixRole>;

  constructor(model: OrgModel, lang: string) {
    this.list = model.roles.map((r, i) => ({
      id: r.id,
      name: pickText(r.name, lang, model.defaultLanguage),
      code: roleCode(r, lang, model.defaultLanguage),
      strength: i,
    }));
    this.byId = new Map(this.list.map((r) => [r.id, r]));
  }

  /** 0 for the strongest; an unknown role is weaker than every role met before it. */
  strength(role: string): number {
    return this.byId.get(role)?.strength ?? this.list.length;
  }

  /** Adds a role no organization.yaml declares, named by its id. */
  note(role: string): void {
    if (this.byId.has(role)) return;
    const r: MatrixRole = { id: role, name: role, code: upperFirst(role), strength: this.list.length };
    this.list.push(r);
    this.byId.set(role, r);
  }
}

interface Columns {
  list: MatrixColumn[];
  /** The units shown (the tree below the root), in tree order. */
  inScope: Set<string>;
  scopeIndex: Map<string, number>;
  /** The column each unit's roles go to, by unit id. */
  target: Map<string, string>;
  columnIndex: Map<string, number>;
}

/** The units across the top, in tree order: every unit, or with `by` those of that kind and the units outside them that play a role. */
function matrixColumns(model: OrgModel, options: MatrixOptions, names: Names): Columns {
  const scope = treeOrder(model, options.root);
  const inScope = new Set(scope.map((s) => s.id));
  const depthOf = new Map(scope.map((s) => [s.id, s.depth]));
  const parentOf = (id: string): string | undefined => {
    const p = model.units.get(id)?.unit.parent;
    return p !== undefined && inScope.has(p) && p !== id ? p : undefined;
  };
  const target = columnTargets(model, scope, parentOf, options.by);
  const hasRoles = (id: string): boolean => Object.keys(model.units.get(id)!.unit.functions ?? {}).length > 0;
  const columnIds = scope
    .map((s) => s.id)
    .filter(
      (id) =>
        options.by === undefined ||
        model.units.get(id)!.unit.kind === options.by ||
        (target.get(id) === id && hasRoles(id)),
    );
  const branchOf = branches(scope, parentOf);
  const minDepth = -maxOf(columnIds.map((id) => -depthOf.get(id)!));
  const list: MatrixColumn[] = columnIds.map((id) => {
    const u = model.units.get(id)!.unit;
    return {
      id,
      label: names.text(u.short ?? u.name),
      name: names.text(u.name),
      kind: u.kind,
      kindName: names.kind(u.kind),
      depth: depthOf.get(id)! - minDepth,
      branch: branchOf(id),
    };
  });
  return {
    list,
    inScope,
    scopeIndex: new Map(scope.map((s, i) => [s.id, i])),
    target,
    columnIndex: new Map(columnIds.map((id, i) => [id, i])),
  };
}

/**
 * The column each unit's roles go to: itself, or with `by` its nearest ancestor-or-self of that
 * kind; a unit outside every unit of the kind (or in a loop without one) keeps its own column.
 * Each unit is walked once: a walk stops at a unit whose answer is known.
 */
function columnTargets(
  model: OrgModel,
  scope: ReadonlyArray<{ id: string }>,
  parentOf: (id: string) => string | undefined,
  by: string | undefined,
): Map<string, string> {
  const target = new Map<string, string>();
  if (by === undefined) {
    for (const { id } of scope) target.set(id, id);
    return target;
  }
  const isKind = (id: string): boolean => model.units.get(id)!.unit.kind === by;
  // The nearest unit of the kind at or above each unit walked, or null for none.
  const nearest = new Map<string, string | null>();
  for (const { id } of scope) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = id;
    while (current !== undefined && !nearest.has(current) && !onPath.has(current) && !isKind(current)) {
      onPath.add(current);
      path.push(current);
      current = parentOf(current);
    }
    let found: string | null;
    if (current === undefined || onPath.has(current)) found = null;
    else if (nearest.has(current)) found = nearest.get(current)!;
    else {
      found = current;
      nearest.set(current, current);
    }
    for (const walked of path) nearest.set(walked, found);
    target.set(id, nearest.get(id) ?? id);
  }
  return target;
}

/**
 * The branch of each unit: its ancestor-or-self just below the top of the shown tree. Renderers
 * draw a heavier line between branches so that a department's columns read as one block. Found
 * in tree order from the parent's, so once per unit.
 */
function branches(
  scope: ReadonlyArray<{ id: string; depth: number }>,
  parentOf: (id: string) => string | undefined,
): (id: string) => string {
  const depthOf = new Map(scope.map((s) => [s.id, s.depth]));
  // A walk up, for a unit whose parent comes later in tree order (only where parents loop).
  const walk = (id: string): string => {
    let current = id;
    const seen = new Set<string>();
    while (depthOf.get(current)! > 1 && !seen.has(current)) {
      seen.add(current);
      const p = parentOf(current);
      if (p === undefined) break;
      current = p;
    }
    return current;
  };
  const branch = new Map<string, string>();
  for (const { id, depth } of scope) {
    const p = depth > 1 ? parentOf(id) : undefined;
    branch.set(id, depth <= 1 || p === undefined ? id : (branch.get(p) ?? walk(id)));
  }
  return (id) => branch.get(id)!;
}

/** The rows: every function with a file and every id units name without one, by name; with a root, only those it touches. */
function functionRows(
  model: OrgModel,
  options: MatrixOptions,
  names: Names,
  roles: RoleTable,
  columns: Columns,
): MatrixRow[] {
  const fnIds = new Set<string>([...model.functions.keys(), ...model.assignments.keys()]);
  const rows: MatrixRow[] = [];
  for (const id of fnIds) {
    const fn = model.functions.get(id)?.fn;
    const assignments = model.assignments.get(id) ?? [];
    const leads = assignments.filter((a) => a.role === 'lead').map((a) => ({ id: a.unit, name: names.unit(a.unit) }));
    const cells: Array<MatrixCell | undefined> = columns.list.map(() => undefined);
    let touches = false;
    for (const a of assignments) {
      roles.note(a.role);
      if (!columns.inScope.has(a.unit)) continue;
      touches = true;
      const col = columns.columnIndex.get(columns.target.get(a.unit)!);
      if (col === undefined) continue;
      const cell = cells[col];
      if (!cell || roles.strength(a.role) < roles.strength(cell.role)) cells[col] = { role: a.role, units: [a.unit] };
      else if (cell.role === a.role) cell.units.push(a.unit);
    }
    if (options.root !== undefined && !touches) continue;
    for (const cell of cells) cell?.units.sort((a, b) => columns.scopeIndex.get(a)! - columns.scopeIndex.get(b)!);
    const row: MatrixRow = {
      id,
      name: fn ? names.text(fn.name) : id,
      defined: fn !== undefined,
      leads,
      status: leads.length === 0 ? 'no-lead' : leads.length > 1 ? 'multiple-leads' : 'ok',
      cells,
    };
    if (fn?.type !== undefined) row.type = fn.type;
    rows.push(row);
  }
  const collator = collatorFor(options.lang);
  return rows.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Rows under their one lead unit (units in tree order), then those led twice, then those nobody leads. */
function groupsByLead(model: OrgModel, rows: readonly MatrixRow[], names: Names): MatrixGroup[] {
  const groups: MatrixGroup[] = [];
  const unitOrder = new Map(treeOrder(model).map((s, i) => [s.id, i]));
  const byUnit = new Map<string, MatrixRow[]>();
  for (const row of rows.filter((r) => r.status === 'ok')) {
    const lead = row.leads[0]!.id;
    const list = byUnit.get(lead);
    if (list) list.push(row);
    else byUnit.set(lead, [row]);
  }
  const order = (id: string): number => unitOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  for (const id of [...byUnit.keys()].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))) {
    groups.push({ kind: 'unit', id, name: names.unit(id), rows: byUnit.get(id)! });
  }
  const multiple = rows.filter((r) => r.status === 'multiple-leads');
  if (multiple.length > 0) groups.push({ kind: 'multiple-leads', name: '', rows: multiple });
  const none = rows.filter((r) => r.status === 'no-lead');
  if (none.length > 0) groups.push({ kind: 'no-lead', name: '', rows: none });
  return groups;
}

/** Rows under their type: the declared types in their order, then undeclared ones by id, then rows without a type. */
function groupsByType(model: OrgModel, rows: readonly MatrixRow[], names: Names): MatrixGroup[] {
  const groups: MatrixGroup[] = [];
  const byType = new Map<string, MatrixRow[]>();
  const untyped: MatrixRow[] = [];
  for (const row of rows) {
    if (row.type === undefined) {
      untyped.push(row);
      continue;
    }
    const list = byType.get(row.type);
    if (list) list.push(row);
    else byType.set(row.type, [row]);
  }
  const types = model.organization.functionTypes ?? [];
  for (const type of types) {
    const list = byType.get(type.id);
    if (list) groups.push({ kind: 'type', id: type.id, name: names.text(type.name), rows: [...list] });
  }
  const known = new Set(types.map((t) => t.id));
  // A type that organization.yaml does not declare still gets its own group, named by its id.
  for (const type of [...byType.keys()].filter((t) => !known.has(t)).sort())
    groups.push({ kind: 'type', id: type, name: type, rows: byType.get(type)! });
  if (untyped.length > 0) groups.push({ kind: 'no-type', name: '', rows: untyped });
  return groups;
}

/** All rows in the order they are shown. */
export function matrixRows(matrix: FunctionMatrix): MatrixRow[] {
  return matrix.groups.flatMap((g) => g.rows);
}

/**
 * A collator for the names' language. A tag Intl does not know (the schema reports a malformed
 * one, but a structure with errors is still shown) falls back to the root collation rather than
 * stopping the command.
 */
function collatorFor(lang: string): Intl.Collator {
  try {
    return new Intl.Collator(lang);
  } catch {
    return new Intl.Collator('und');
  }
}
