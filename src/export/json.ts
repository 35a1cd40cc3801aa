/**
 * `org export --format json`: the resolved model for scripts. Unlike the YAML files it holds what
 * takes a whole structure to know — each unit's children, depth and headcount below it, each
 * function's assignments and leads — and every text is a language map, so a reader never has to
 * handle the string-or-map shorthand. Documented by schemas/export.schema.json.
 */
import {
  isStaff,
  knownHeadcount,
  leadsOf,
  subtreeHeadcounts,
  sumKnown,
  textsByLanguage,
  treeOrder,
  type OrgModel,
} from '../model/model.js';
import type { Act, Source, Text } from '../model/types.js';

/** The `$schema` of an export: where schemas/export.schema.json is published. */
const EXPORT_SCHEMA_ID = 'https://orgcode.dev/schemas/export.schema.json';

export type Texts = Record<string, string>;

/** A legal act with its title as a language map and its number as text, like every text of the export. */
export interface ExportAct {
  kind?: string;
  number?: string;
  date?: string;
  title?: Texts;
  url?: string;
}

function exportAct(act: Act, defaultLanguage: string): ExportAct {
  return {
    ...(act.kind === undefined ? {} : { kind: act.kind }),
    ...(act.number === undefined ? {} : { number: String(act.number) }),
    ...(act.date === undefined ? {} : { date: act.date }),
    ...(act.title === undefined ? {} : { title: textsByLanguage(act.title, defaultLanguage) }),
    ...(act.url === undefined ? {} : { url: act.url }),
  };
}

export interface ExportUnit {
  id: string;
  kind: string;
  name: Texts;
  short?: Texts;
  description?: Texts;
  /** Null for a root, or a unit whose parent does not exist. The chain above a unit is followed through `parent`. */
  parent: string | null;
  /** A staff (advisory) unit of its parent. */
  staff: boolean;
  /** Place among its siblings, when the file gives one. */
  order?: number;
  children: string[];
  /** 0 for a root (and for a unit caught in a cycle, which has none). */
  depth: number;
  functions: Array<{ function: string; role: string }>;
  positions: Array<{ title: Texts; count: number }>;
  /** Null when the unit lists no positions (unknown, not zero). */
  headcount: number | null;
  /** Null when no unit of the subtree lists positions. */
  subtreeHeadcount: number | null;
  replaces: string[];
  from?: string;
  until?: string;
  basis?: ExportAct;
  source?: Source;
  file: string;
}

export interface ExportFunction {
  id: string;
  name: Texts;
  type?: string;
  description?: Texts;
  /** Units taking part, in tree order of the units. */
  assignments: Array<{ unit: string; role: string }>;
  leads: string[];
  from?: string;
  until?: string;
  /** Functions this one continues under a new id, when its file declares them. */
  replaces?: string[];
  source?: Source;
  /** Null for an id that units refer to but no function file describes. */
  file: string | null;
}

export interface ExportDocument {
  $schema: string;
  organization: {
    id: string;
    name: Texts;
    short?: Texts;
    description?: Texts;
    date?: string;
    languages: string[];
    defaultLanguage: string;
    kinds: Array<{ id: string; name: Texts; functionTypes?: string[] }>;
    roles: Array<{ id: string; name: Texts; code?: Texts }>;
    functionTypes: Array<{ id: string; name: Texts; description?: Texts }>;
    basis?: ExportAct;
    source?: Source;
  };
  /** Roots of the tree, in display order. */
  roots: string[];
  /** Units in tree order (parents before children); units caught in a cycle come last, by id. */
  units: ExportUnit[];
  /** Functions by id; ids that units use without a function file are included with `file: null`. */
  functions: ExportFunction[];
  /** Null when no unit lists positions. */
  headcount: number | null;
}

/** Units in tree order, then any the tree walk cannot reach (cycles), by id. */
export function unitOrder(model: OrgModel): string[] {
  const ordered = treeOrder(model).map((e) => e.id);
  const seen = new Set(ordered);
  return [...ordered, ...[...model.units.keys()].filter((id) => !seen.has(id)).sort()];
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function exportDocument(model: OrgModel): ExportDocument {
  const texts = textsIn(model.defaultLanguage);
  const order = unitOrder(model);
  const units = exportUnits(model, order, texts);
  return {
    $schema: EXPORT_SCHEMA_ID,
    organization: exportOrganization(model, texts),
    roots: [...model.roots],
    units,
    functions: exportFunctions(model, order, texts),
    headcount: sumKnown(units.map((u) => u.headcount)),
  };
}

interface TextsIn {
  (t: Text): Texts;
  /** `{ key: texts }`, or nothing when the text is absent. */
  optional<K extends string>(key: K, t: Text | undefined): { [k in K]?: Texts };
}

/** Texts by language, the default language filling in for a plain string. */
function textsIn(lang: string): TextsIn {
  const texts = ((t: Text): Texts => textsByLanguage(t, lang)) as TextsIn;
  texts.optional = <K extends string>(key: K, t: Text | undefined): { [k in K]?: Texts } =>
    t === undefined ? {} : ({ [key]: texts(t) } as { [k in K]: Texts });
  return texts;
}

/** The organisation: names, date, languages, kinds, roles, function types, act and source. */
function exportOrganization(model: OrgModel, texts: TextsIn): ExportDocument['organization'] {
  const org = model.organization;
  const lang = model.defaultLanguage;
  return {
    id: org.id,
    name: texts(org.name),
    ...texts.optional('short', org.short),
    ...texts.optional('description', org.description),
    ...(org.date === undefined ? {} : { date: org.date }),
    languages: [...org.languages],
    defaultLanguage: lang,
    kinds: org.kinds.map((k) => ({
      id: k.id,
      name: texts(k.name),
      ...(k.functionTypes ? { functionTypes: [...k.functionTypes] } : {}),
    })),
    roles: model.roles.map((r) => ({ id: r.id, name: texts(r.name), ...texts.optional('code', r.code) })),
    functionTypes: (org.functionTypes ?? []).map((f) => ({
      id: f.id,
      name: texts(f.name),
      ...texts.optional('description', f.description),
    })),
    ...(org.basis === undefined ? {} : { basis: exportAct(org.basis, lang) }),
    ...(org.source === undefined ? {} : { source: org.source }),
  };
}

/** Every unit in tree order, with its place, depth, functions, positions and headcounts. */
function exportUnits(model: OrgModel, order: readonly string[], texts: TextsIn): ExportUnit[] {
  const lang = model.defaultLanguage;
  // Depth and subtree headcounts in one pass each: per-unit walks would make a deep chain quadratic.
  const depthOf = new Map<string, number>();
  for (const { id, depth } of treeOrder(model)) depthOf.set(id, depth);
  const below = subtreeHeadcounts(model);
  return order.map((id): ExportUnit => {
    const { unit, file } = model.units.get(id)!;
    const parent = unit.parent !== undefined && model.units.has(unit.parent) && unit.parent !== id ? unit.parent : null;
    return {
      id,
      kind: unit.kind,
      name: texts(unit.name),
      ...texts.optional('short', unit.short),
      ...texts.optional('description', unit.description),
      parent,
      staff: isStaff(model, id),
      ...(typeof unit.order === 'number' ? { order: unit.order } : {}),
      children: [...(model.children.get(id) ?? [])],
      depth: depthOf.get(id) ?? 0,
      functions: Object.entries(unit.functions ?? {}).map(([fn, role]) => ({ function: fn, role })),
      positions: (unit.positions ?? []).map((p) => ({ title: texts(p.title), count: p.count })),
      headcount: knownHeadcount(unit),
      subtreeHeadcount: below.get(id) ?? null,
      replaces: [...(unit.replaces ?? [])],
      ...(unit.from === undefined ? {} : { from: unit.from }),
      ...(unit.until === undefined ? {} : { until: unit.until }),
      ...(unit.basis === undefined ? {} : { basis: exportAct(unit.basis, lang) }),
      ...(unit.source === undefined ? {} : { source: unit.source }),
      file,
    };
  });
}

/** Every function, with a file or only named by units, by id: its assignments and leads in tree order. */
function exportFunctions(model: OrgModel, order: readonly string[], texts: TextsIn): ExportFunction[] {
  const lang = model.defaultLanguage;
  const position = new Map(order.map((id, i) => [id, i]));
  const fnIds = [...new Set([...model.functions.keys(), ...model.assignments.keys()])].sort(byId);
  return fnIds.map((id): ExportFunction => {
    const entry = model.functions.get(id);
    const assignments = [...(model.assignments.get(id) ?? [])].sort(
      (a, b) => (position.get(a.unit) ?? 0) - (position.get(b.unit) ?? 0),
    );
    return {
      id,
      name: entry ? texts(entry.fn.name) : { [lang]: id },
      ...(entry?.fn.type === undefined ? {} : { type: entry.fn.type }),
      ...texts.optional('description', entry?.fn.description),
      assignments,
      leads: leadsOf(model, id).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)),
      ...(entry?.fn.from === undefined ? {} : { from: entry.fn.from }),
      ...(entry?.fn.until === undefined ? {} : { until: entry.fn.until }),
      ...(entry?.fn.replaces === undefined ? {} : { replaces: [...entry.fn.replaces] }),
      ...(entry?.fn.source === undefined ? {} : { source: entry.fn.source }),
      file: entry?.file ?? null,
    };
  });
}

/** The export as pretty-printed JSON with a final newline. */
export function renderJson(model: OrgModel): string {
  return `${JSON.stringify(exportDocument(model), null, 2)}\n`;
}
