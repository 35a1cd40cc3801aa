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
  const { lang } = options;
  const def = model.defaultLanguage;
  const text = (t: Text | undefined): string => pickText(t, lang, def);
  const unitName = (id: string): string => {
    const u = model.units.get(id)?.unit;
    return u ? text(u.name) : id;
  };
  const kindName = (kind: string): string => {
    const k = model.organization.kinds.find((x) => x.id === kind);
    return k ? text(k.name) : kind;
  };

  // Roles: the declared ones in order of strength, unknown ones after them (weakest).
  const roles: MatrixRole[] = model.roles.map((r, i) => ({
    id: r.id,
    name: text(r.name),
    code: roleCode(r, lang, def),
    strength: i,
  }));
  const roleIndex = new Map(roles.map((r) => [r.id, r]));
  const strength = (role: string): number => roleIndex.get(role)?.strength ?? roles.length;
  const noteRole = (role: string): void => {
    if (!roleIndex.has(role)) {
      const r: MatrixRole = { id: role, name: role, code: upperFirst(role), strength: roles.length };
      roles.push(r);
      roleIndex.set(role, r);
    }
  };

  // Columns.
  const scope = treeOrder(model, options.root);
  const inScope = new Set(scope.map((s) => s.id));
  const depthOf = new Map(scope.map((s) => [s.id, s.depth]));
  const scopeIndex = new Map(scope.map((s, i) => [s.id, i]));
  const parentOf = (id: string): string | undefined => {
    const p = model.units.get(id)?.unit.parent;
    return p !== undefined && inScope.has(p) && p !== id ? p : undefined;
  };
  // The column each unit's roles go to: itself, or with `by` its nearest ancestor-or-self of that
  // kind; a unit outside every unit of the kind keeps its own column (only if it plays any role).
  const target = new Map<string, string>();
  for (const { id } of scope) {
    if (options.by === undefined) {
      target.set(id, id);
      continue;
    }
    let current: string | undefined = id;
    const seen = new Set<string>();
    while (current !== undefined && !seen.has(current) && model.units.get(current)!.unit.kind !== options.by) {
      seen.add(current);
      current = parentOf(current);
    }
    target.set(id, current !== undefined && !seen.has(current) ? current : id);
  }
  const hasRoles = (id: string): boolean => Object.keys(model.units.get(id)!.unit.functions ?? {}).length > 0;
  const columnIds = scope
    .map((s) => s.id)
    .filter(
      (id) =>
        options.by === undefined ||
        model.units.get(id)!.unit.kind === options.by ||
        (target.get(id) === id && hasRoles(id)),
    );
  // The branch is the ancestor-or-self just below the top of the shown tree: renderers draw a
  // heavier line between branches so that a department's columns read as one block.
  const branchOf = (id: string): string => {
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
  const minDepth = -maxOf(columnIds.map((id) => -depthOf.get(id)!));
  const columns: MatrixColumn[] = columnIds.map((id) => {
    const u = model.units.get(id)!.unit;
    return {
      id,
      label: text(u.short ?? u.name),
      name: text(u.name),
      kind: u.kind,
      kindName: kindName(u.kind),
      depth: depthOf.get(id)! - minDepth,
      branch: branchOf(id),
    };
  });
  const columnIndex = new Map(columnIds.map((id, i) => [id, i]));

  // Rows: every function with a file, and every id units name without one.
  const fnIds = new Set<string>([...model.functions.keys(), ...model.assignments.keys()]);
  const collator = collatorFor(lang);
  const rows: MatrixRow[] = [];
  for (const id of fnIds) {
    const fn = model.functions.get(id)?.fn;
    const assignments = model.assignments.get(id) ?? [];
    const leads = assignments.filter((a) => a.role === 'lead').map((a) => ({ id: a.unit, name: unitName(a.unit) }));
    const cells: Array<MatrixCell | undefined> = columns.map(() => undefined);
    let touches = false;
    for (const a of assignments) {
      noteRole(a.role);
      if (!inScope.has(a.unit)) continue;
      touches = true;
      const col = columnIndex.get(target.get(a.unit)!);
      if (col === undefined) continue;
      const cell = cells[col];
      if (!cell || strength(a.role) < strength(cell.role)) cells[col] = { role: a.role, units: [a.unit] };
      else if (cell.role === a.role) cell.units.push(a.unit);
    }
    if (options.root !== undefined && !touches) continue;
    for (const cell of cells) cell?.units.sort((a, b) => scopeIndex.get(a)! - scopeIndex.get(b)!);
    const row: MatrixRow = {
      id,
      name: fn ? text(fn.name) : id,
      defined: fn !== undefined,
      leads,
      status: leads.length === 0 ? 'no-lead' : leads.length > 1 ? 'multiple-leads' : 'ok',
      cells,
    };
    if (fn?.type !== undefined) row.type = fn.type;
    rows.push(row);
  }
  rows.sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const groupBy = options.groupBy ?? 'lead';
  const groups: MatrixGroup[] = [];
  if (groupBy === 'lead') {
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
      groups.push({ kind: 'unit', id, name: unitName(id), rows: byUnit.get(id)! });
    }
    const multiple = rows.filter((r) => r.status === 'multiple-leads');
    if (multiple.length > 0) groups.push({ kind: 'multiple-leads', name: '', rows: multiple });
    const none = rows.filter((r) => r.status === 'no-lead');
    if (none.length > 0) groups.push({ kind: 'no-lead', name: '', rows: none });
  } else {
    const types = model.organization.functionTypes ?? [];
    for (const type of types) {
      const list = rows.filter((r) => r.type === type.id);
      if (list.length > 0) groups.push({ kind: 'type', id: type.id, name: text(type.name), rows: list });
    }
    const known = new Set(types.map((t) => t.id));
    // A type that organization.yaml does not declare still gets its own group, named by its id.
    const unknown = [
      ...new Set(rows.map((r) => r.type).filter((t): t is string => t !== undefined && !known.has(t))),
    ].sort();
    for (const type of unknown)
      groups.push({ kind: 'type', id: type, name: type, rows: rows.filter((r) => r.type === type) });
    const untyped = rows.filter((r) => r.type === undefined);
    if (untyped.length > 0) groups.push({ kind: 'no-type', name: '', rows: untyped });
  }

  const matrix: FunctionMatrix = {
    lang,
    organization: text(model.organization.name),
    groupBy,
    columns,
    groups,
    roles,
    noLead: groups.flatMap((g) => g.rows).filter((r) => r.status === 'no-lead'),
    multipleLeads: groups.flatMap((g) => g.rows).filter((r) => r.status === 'multiple-leads'),
  };
  if (options.by !== undefined) matrix.by = { id: options.by, name: kindName(options.by) };
  if (options.root !== undefined) matrix.root = { id: options.root, name: unitName(options.root) };
  return matrix;
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
