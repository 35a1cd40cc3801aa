/**
 * `org show <id>`: everything the structure says about one unit or one function, gathered from
 * every file that mentions it: its names in every language, where it sits in the tree, the roles
 * it plays or the units that play them, staff, lineage and sources. Built as a plain value (also
 * the JSON output), then rendered as aligned `label: value` text.
 */
import type { Translate } from '../../i18n/format.js';
import {
  ancestors,
  headcount,
  pickText,
  subtreeHeadcount,
  textsByLanguage,
  treeOrder,
  type OrgModel,
} from '../../model/model.js';
import type { Act, Source, Text } from '../../model/types.js';
import type { Validity } from '../../diff/types.js';
import { actLine, validityText } from '../act.js';
import { roleCode } from '../matrix/model.js';
import { wrapName } from '../matrix/table.js';
import { displayWidth, maxOf, padEnd } from '../text-width.js';

export interface Ref {
  id: string;
  name: string;
}

export interface RoleRef extends Ref {
  role: string;
  roleName: string;
  code: string;
}

export interface UnitDetails {
  type: 'unit';
  id: string;
  file: string;
  names: Record<string, string>;
  short: Record<string, string>;
  description: Record<string, string>;
  kind: { id: string; name: string };
  /** From the top of the structure down to the direct parent. */
  parents: Ref[];
  /** Set when `parent` names a unit that does not exist. */
  missingParent?: string;
  children: Array<Ref & { kind: string }>;
  functions: RoleRef[];
  positions: Array<{ title: string; count: number }>;
  /** `recorded` is false when no positions are listed in the unit or below it: the figures are then unknown. */
  headcount: { own: number; total: number; recorded: boolean };
  replaces: Ref[];
  replacedBy: Ref[];
  /** Present when the unit records `from` or `until`. */
  validity?: Validity;
  /** Present when the unit records the act behind it. */
  basis?: Act;
  source: Source | null;
}

export interface FunctionDetails {
  type: 'function';
  id: string;
  /** Null when units name the function but no file describes it. */
  file: string | null;
  names: Record<string, string>;
  description: Record<string, string>;
  functionType: { id: string; name: string } | null;
  units: RoleRef[];
  leads: string[];
  status: 'ok' | 'no-lead' | 'multiple-leads';
  validity?: Validity;
  source: Source | null;
}

export type Details = UnitDetails | FunctionDetails;

/** Everything about `id`: a unit, a function, both (ids live in separate namespaces), or nothing. */
export function showDetails(model: OrgModel, id: string, lang: string): Details[] {
  const def = model.defaultLanguage;
  const text = (t: Text | undefined): string => pickText(t, lang, def);
  const unitRef = (u: string): Ref => ({ id: u, name: model.units.has(u) ? text(model.units.get(u)!.unit.name) : u });
  const fnName = (f: string): string => (model.functions.has(f) ? text(model.functions.get(f)!.fn.name) : f);
  const roleOrder = new Map(model.roles.map((r, i) => [r.id, i]));
  const roleInfo = (role: string): { roleName: string; code: string } => {
    const r = model.roles.find((x) => x.id === role);
    return r
      ? { roleName: text(r.name), code: roleCode(r, lang, def) }
      : { roleName: role, code: role.slice(0, 1).toUpperCase() };
  };
  const byRole = (a: RoleRef, b: RoleRef): number =>
    (roleOrder.get(a.role) ?? 99) - (roleOrder.get(b.role) ?? 99) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const out: Details[] = [];

  const entry = model.units.get(id);
  if (entry) {
    const u = entry.unit;
    const kind = model.organization.kinds.find((k) => k.id === u.kind);
    const details: UnitDetails = {
      type: 'unit',
      id,
      file: entry.file,
      names: textsByLanguage(u.name, def),
      short: textsByLanguage(u.short, def),
      description: textsByLanguage(u.description, def),
      kind: { id: u.kind, name: kind ? text(kind.name) : u.kind },
      parents: ancestors(model, id).reverse().map(unitRef),
      children: (model.children.get(id) ?? []).map((c) => ({ ...unitRef(c), kind: model.units.get(c)!.unit.kind })),
      functions: Object.entries(u.functions ?? {})
        .map(([f, role]) => ({ id: f, name: fnName(f), role, ...roleInfo(role) }))
        .sort(byRole),
      positions: (u.positions ?? []).map((p) => ({ title: text(p.title), count: p.count })),
      headcount: {
        own: headcount(u),
        total: subtreeHeadcount(model, id),
        recorded: treeOrder(model, id).some((x) => (model.units.get(x.id)!.unit.positions ?? []).length > 0),
      },
      replaces: (u.replaces ?? []).map(unitRef),
      replacedBy: [...model.units.values()].filter((e) => e.unit.replaces?.includes(id)).map((e) => unitRef(e.unit.id)),
      source: u.source ?? null,
    };
    if (u.parent !== undefined && !model.units.has(u.parent)) details.missingParent = u.parent;
    if (u.from !== undefined || u.until !== undefined)
      details.validity = { from: u.from ?? null, until: u.until ?? null };
    if (u.basis !== undefined) details.basis = u.basis;
    out.push(details);
  }

  const fnEntry = model.functions.get(id);
  const assignments = model.assignments.get(id);
  if (fnEntry || assignments) {
    const fn = fnEntry?.fn;
    const type =
      fn?.type !== undefined ? (model.organization.functionTypes ?? []).find((x) => x.id === fn.type) : undefined;
    const units = (assignments ?? [])
      .map((a) => ({ ...unitRef(a.unit), role: a.role, ...roleInfo(a.role) }))
      .sort(byRole);
    const leads = units.filter((x) => x.role === 'lead').map((x) => x.id);
    out.push({
      type: 'function',
      id,
      file: fnEntry?.file ?? null,
      names: fn ? textsByLanguage(fn.name, def) : {},
      description: textsByLanguage(fn?.description, def),
      functionType: fn?.type !== undefined ? { id: fn.type, name: type ? text(type.name) : fn.type } : null,
      units,
      leads,
      status: leads.length === 0 ? 'no-lead' : leads.length > 1 ? 'multiple-leads' : 'ok',
      ...(fn && (fn.from !== undefined || fn.until !== undefined)
        ? { validity: { from: fn.from ?? null, until: fn.until ?? null } }
        : {}),
      source: fn?.source ?? null,
    });
  }
  return out;
}

export interface ShowTextOptions {
  t: Translate;
  /** The organisation's first language, for the titles of acts (default: `lang`). */
  defaultLanguage?: string;
  /** Language whose name heads the output. */
  lang: string;
  /** Wrap values to this many columns (a terminal); no wrapping when absent. */
  width?: number;
}

function sourceLines(source: Source | null): string[] {
  if (source === null) return [];
  if (typeof source === 'string') return [source];
  return [source.title, source.url, source.date, source.note]
    .filter((s): s is string => s !== undefined)
    .map((s) => s.replace(/\s+/g, ' ').trim());
}

/** Parent levels shown as a staircase; deeper ones keep its last step and give their level (bounded line width in a deep chain). */
const PARENT_LEVELS = 32;

const ref = (r: Ref): string => (r.name === r.id ? r.id : `${r.name} (${r.id})`);

/** Aligned `label  value` lines; a list value continues on the following lines under the first. */
function section(pairs: Array<[string, string[]]>, total: number | undefined): string[] {
  const width = maxOf(pairs.map(([l]) => displayWidth(l)));
  const out: string[] = [];
  for (const [label, values] of pairs) {
    const given = values.length > 0 ? values : ['—'];
    const shown = total === undefined ? given : given.flatMap((v) => wrapValue(v, Math.max(20, total - width - 2)));
    shown.forEach((v, i) => out.push(`${i === 0 ? padEnd(label, width) : ' '.repeat(width)}  ${v}`.trimEnd()));
  }
  return out;
}

/** Wraps one value, keeping its own leading indentation on the continuation lines. */
function wrapValue(value: string, width: number): string[] {
  const indent = /^ */.exec(value)![0];
  return wrapName(value.slice(indent.length), width - indent.length).map(
    (l, i) => (i === 0 ? indent : `${indent}   `) + l,
  );
}

export function renderShowText(list: Details[], options: ShowTextOptions): string {
  const { t, lang } = options;
  const blocks = list.map((d) => {
    const title = d.names[lang] ?? Object.values(d.names)[0] ?? d.id;
    const fields = d.type === 'unit' ? unitFields(d, options) : functionFields(d, options);
    return [
      `${title} — ${t(d.type === 'unit' ? 'show-unit' : 'show-function')}`,
      '',
      ...section(fields, options.width),
    ].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

type Field = [string, string[]];

/** A text in each language, one line each. */
const langs = (texts: Record<string, string>): string[] =>
  Object.entries(texts).map(([l, s]) => `${l}: ${s.replace(/\s+/g, ' ').trim()}`);

/** Dates and the act only where the structure records them: older outputs stay as they were. */
function datedFields(d: Details, { t, lang, defaultLanguage }: ShowTextOptions): Field[] {
  return [
    ...(d.validity ? [[t('show-validity'), [validityText(d.validity, t)]] as Field] : []),
    ...(d.type === 'unit' && d.basis
      ? [[t('show-basis'), [actLine(d.basis, t, lang, defaultLanguage ?? lang)]] as Field]
      : []),
  ];
}

/** What is shown of a unit: names, kind, parents up to the root, children, functions, positions, lineage, dates, file. */
function unitFields(d: UnitDetails, options: ShowTextOptions): Field[] {
  const { t } = options;
  const parents = d.parents.map(ref);
  if (d.missingParent !== undefined) parents.push(`${d.missingParent} (?)`);
  return [
    [t('show-id'), [d.id]],
    [t('show-names'), langs(d.names)],
    [t('show-short'), langs(d.short)],
    [t('show-kind'), [d.kind.name === d.kind.id ? d.kind.id : `${d.kind.name} (${d.kind.id})`]],
    [
      t('show-parents'),
      parents.length > 0
        ? parents.map((p, i) =>
            i < PARENT_LEVELS ? `${'  '.repeat(i)}${p}` : `${'  '.repeat(PARENT_LEVELS)}${i + 1}: ${p}`,
          )
        : [t('show-root')],
    ],
    [t('show-children'), d.children.map(ref)],
    [t('show-functions'), d.functions.map((f) => `${f.code}  ${f.roleName}: ${ref(f)}`)],
    [t('show-positions'), d.positions.map((p) => `${p.count} × ${p.title}`)],
    [
      t('show-headcount'),
      d.headcount.recorded ? [t('show-headcount-value', { own: d.headcount.own, total: d.headcount.total })] : [],
    ],
    [t('show-replaces'), d.replaces.map(ref)],
    [t('show-replaced-by'), d.replacedBy.map(ref)],
    ...datedFields(d, options),
    [t('show-description'), langs(d.description)],
    [t('show-source'), sourceLines(d.source)],
    [t('show-file'), [d.file]],
  ];
}

/** What is shown of a function: names, type, the units with their roles (and a warning about its lead), dates, file. */
function functionFields(d: FunctionDetails, options: ShowTextOptions): Field[] {
  const { t } = options;
  const status =
    d.status === 'no-lead'
      ? [`⚠ ${t('show-no-lead')}`]
      : d.status === 'multiple-leads'
        ? [`⚠ ${t('show-multiple-leads', { count: d.leads.length })}`]
        : [];
  return [
    [t('show-id'), [d.id]],
    [t('show-names'), langs(d.names)],
    [
      t('show-type'),
      d.functionType
        ? [
            d.functionType.name === d.functionType.id
              ? d.functionType.id
              : `${d.functionType.name} (${d.functionType.id})`,
          ]
        : [],
    ],
    [t('show-units'), [...d.units.map((u) => `${u.code}  ${u.roleName}: ${ref(u)}`), ...status]],
    ...datedFields(d, options),
    [t('show-description'), langs(d.description)],
    [t('show-source'), sourceLines(d.source)],
    [t('show-file'), [d.file ?? t('show-missing-file')]],
  ];
}

/** Always the same shape for scripts: the unit and the function with this id, either may be null. */
export function renderShowJson(id: string, list: Details[]): string {
  const unit = list.find((d) => d.type === 'unit') ?? null;
  const fn = list.find((d) => d.type === 'function') ?? null;
  return `${JSON.stringify({ id, unit, function: fn }, null, 2)}\n`;
}
