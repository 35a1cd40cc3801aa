/**
 * The resolved model: units and functions indexed by id, the tree (children in a stable order),
 * and the assignments of units to functions. Every command reads the structure through it. It
 * tolerates broken input (unknown parents, cycles, duplicate ids): the first unit with an id wins,
 * and walks up or down the tree never loop.
 */
import type { FunctionEntry, LoadedStructure, UnitEntry } from './loaded.js';
import type { Organization, Role, Text, Unit } from './types.js';

export interface Assignment {
  unit: string;
  role: string;
}

export interface OrgModel {
  organization: Organization;
  /** The organisation's first language: a plain-string text is in this language. */
  defaultLanguage: string;
  roles: Role[];
  units: Map<string, UnitEntry>;
  functions: Map<string, FunctionEntry>;
  /** Children of each unit id, ordered by `order`, then by kind rank, then by name. */
  children: Map<string, string[]>;
  /** Units without a parent, or whose parent does not exist, in the same order. */
  roots: string[];
  /** Position of each kind id in `kinds` (0 = largest). */
  kindRank: Map<string, number>;
  /** Units taking part in each function id (including ids with no function file). */
  assignments: Map<string, Assignment[]>;
}

/** Picks the text in `lang`, falling back to the default language, then to any language. */
export function pickText(text: Text | undefined, lang: string | undefined, defaultLanguage: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (lang ? text[lang] : undefined) ?? text[defaultLanguage] ?? Object.values(text)[0] ?? '';
}

/** The texts of a Text by language (a plain string belongs to the default language). */
export function textsByLanguage(text: Text | undefined, defaultLanguage: string): Record<string, string> {
  if (text === undefined) return {};
  return typeof text === 'string' ? { [defaultLanguage]: text } : text;
}

export function buildModel(loaded: LoadedStructure): OrgModel {
  const organization = loaded.organization;
  const defaultLanguage = organization.languages[0] ?? 'en';
  const units = new Map<string, UnitEntry>();
  for (const entry of loaded.units) if (!units.has(entry.unit.id)) units.set(entry.unit.id, entry);
  const functions = new Map<string, FunctionEntry>();
  for (const entry of loaded.functions) if (!functions.has(entry.fn.id)) functions.set(entry.fn.id, entry);
  const kindRank = new Map<string, number>();
  organization.kinds.forEach((k, i) => {
    if (!kindRank.has(k.id)) kindRank.set(k.id, i);
  });

  // A fixed, locale-free order (code points after folding case and ё → е): the same on every
  // machine and ICU version, so charts and reports are byte-identical, and cheap to set up.
  const sortKey = new Map<string, string>();
  const keyOf = (u: Unit): string => {
    let key = sortKey.get(u.id);
    if (key === undefined)
      sortKey.set(u.id, (key = pickText(u.name, undefined, defaultLanguage).toLowerCase().replace(/ё/g, 'е')));
    return key;
  };
  const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const rank = (u: Unit): number => kindRank.get(u.kind) ?? Number.MAX_SAFE_INTEGER;
  // `order` is the document's own sequence; units without one follow the numbered ones.
  const place = (u: Unit): number =>
    typeof u.order === 'number' && Number.isFinite(u.order) ? u.order : Number.POSITIVE_INFINITY;
  const byPlace = (a: Unit, b: Unit): number => {
    const pa = place(a);
    const pb = place(b);
    return pa < pb ? -1 : pa > pb ? 1 : 0;
  };
  const order = (a: string, b: string): number => {
    const ua = units.get(a)!.unit;
    const ub = units.get(b)!.unit;
    return byPlace(ua, ub) || rank(ua) - rank(ub) || byKey(keyOf(ua), keyOf(ub)) || byKey(a, b);
  };
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const [id, { unit }] of units) {
    if (unit.parent !== undefined && units.has(unit.parent) && unit.parent !== id) {
      const list = children.get(unit.parent);
      if (list) list.push(id);
      else children.set(unit.parent, [id]);
    } else roots.push(id);
  }
  for (const list of children.values()) list.sort(order);
  roots.sort(order);

  const assignments = new Map<string, Assignment[]>();
  for (const [id, { unit }] of units) {
    for (const [fn, role] of Object.entries(unit.functions ?? {})) {
      const list = assignments.get(fn);
      if (list) list.push({ unit: id, role });
      else assignments.set(fn, [{ unit: id, role }]);
    }
  }
  return {
    organization,
    defaultLanguage,
    roles: organization.roles ?? [],
    units,
    functions,
    children,
    roots,
    kindRank,
    assignments,
  };
}

/** Parent chain of a unit, nearest first, stopping at a missing parent or a loop. */
export function ancestors(model: OrgModel, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let current = model.units.get(id)?.unit.parent;
  while (current !== undefined && model.units.has(current) && !seen.has(current)) {
    out.push(current);
    seen.add(current);
    current = model.units.get(current)?.unit.parent;
  }
  return out;
}

/** Unit ids in tree order (depth first, parents before children) below `root` or all roots. */
export function treeOrder(
  model: OrgModel,
  root?: string,
  maxDepth = Number.POSITIVE_INFINITY,
): Array<{ id: string; depth: number }> {
  const out: Array<{ id: string; depth: number }> = [];
  const seen = new Set<string>();
  const stack: Array<{ id: string; depth: number }> = (root !== undefined ? [root] : model.roots)
    .map((id) => ({ id, depth: 0 }))
    .reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next.id) || !model.units.has(next.id)) continue;
    seen.add(next.id);
    out.push(next);
    if (next.depth + 1 >= maxDepth) continue;
    const kids = model.children.get(next.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ id: kids[i]!, depth: next.depth + 1 });
  }
  return out;
}

/** Headcount of one unit: the sum of its positions. */
export function headcount(unit: Unit): number {
  let sum = 0;
  for (const p of unit.positions ?? []) sum += p.count;
  return sum;
}

/** Headcount of a unit and everything below it. */
export function subtreeHeadcount(model: OrgModel, id: string): number {
  let sum = 0;
  for (const { id: u } of treeOrder(model, id)) sum += headcount(model.units.get(u)!.unit);
  return sum;
}

/**
 * Headcount as far as it is known: null when the unit lists no positions. A unit without
 * positions has an unknown headcount, not a headcount of 0, and every output says so (an empty
 * cell, `null`, no triple, "—") rather than adding a zero that nobody counted.
 */
export function knownHeadcount(unit: Unit): number | null {
  return unit.positions !== undefined && unit.positions.length > 0 ? headcount(unit) : null;
}

/** Sum of known headcounts; null when none is known. */
export function sumKnown(values: Iterable<number | null>): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

/**
 * The known headcount of every unit with everything below it, in one pass from the leaves up
 * (linear, where asking subtreeHeadcount for each unit would be quadratic in a deep tree). Null
 * where no unit of the subtree lists positions. Units caught in a cycle count only themselves.
 */
export function subtreeHeadcounts(model: OrgModel): Map<string, number | null> {
  const order = treeOrder(model);
  const out = new Map<string, number | null>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!.id;
    let sum = knownHeadcount(model.units.get(id)!.unit);
    for (const child of model.children.get(id) ?? []) {
      const below = out.get(child);
      if (below !== undefined && below !== null) sum = (sum ?? 0) + below;
    }
    out.set(id, sum);
  }
  for (const [id, { unit }] of model.units) if (!out.has(id)) out.set(id, knownHeadcount(unit));
  return out;
}

/** Units that lead a function (role `lead`). */
export function leadsOf(model: OrgModel, fn: string): string[] {
  return (model.assignments.get(fn) ?? []).filter((a) => a.role === 'lead').map((a) => a.unit);
}

/** Functions a unit leads. */
export function functionsLedBy(unit: Unit): string[] {
  return Object.entries(unit.functions ?? {})
    .filter(([, role]) => role === 'lead')
    .map(([fn]) => fn);
}

/** A staff (advisory) unit of its parent: marked `staff: true` and hung under a unit that exists. */
export function isStaff(model: OrgModel, id: string): boolean {
  const unit = model.units.get(id)?.unit;
  return unit?.staff === true && unit.parent !== undefined && unit.parent !== id && model.units.has(unit.parent);
}
