/**
 * `org stats`: the figures a functional review starts from: how many units of each kind, how deep
 * the tree is, how wide each manager's span of control is against the configured limit, where the
 * staff are, how functions are typed and covered (gaps, double leads, units leading nothing) and
 * which units replace earlier ones. Computed as a plain value (the JSON output), then rendered.
 */
import type { Translate } from '../../i18n/format.js';
import {
  headcount,
  isStaff,
  leadsOf,
  pickText,
  subtreeHeadcount,
  treeOrder,
  type OrgModel,
} from '../../model/model.js';
import type { Text } from '../../model/types.js';
import { displayWidth, maxOf, padEnd, padStart } from '../text-width.js';

export interface Ref {
  id: string;
  name: string;
}

export interface StructureStats {
  organization: string;
  units: {
    total: number;
    byKind: Array<{ kind: string; name: string; count: number }>;
    /** Staff (advisory) units, counted apart from the line units, in tree order, with the unit each advises. */
    staff: Array<Ref & { parent: Ref }>;
  };
  /** Layers of the tree: 1 for a single unit. */
  depth: number;
  span: {
    /** Units that have at least one direct subunit: the managers the span is measured over. */
    units: number;
    min: number | null;
    median: number | null;
    max: number | null;
    limit: number;
    over: Array<Ref & { count: number }>;
  };
  headcount: {
    total: number;
    /** False when no unit lists positions: the figures are then unknown, not zero. */
    recorded: boolean;
    /** Null for a unit with no positions listed in it or below it. */
    byTopLevel: Array<Ref & { headcount: number | null; own?: true }>;
  };
  functions: {
    total: number;
    byType: Array<{ type: string | null; name: string; count: number }>;
    noLead: Ref[];
    multipleLeads: Array<Ref & { leads: string[] }>;
    unitsLeadingNone: Ref[];
  };
  lineage: Array<Ref & { replaces: string[] }>;
}

export interface StatsOptions {
  lang: string;
  /** The span-of-control limit configured for the `span-of-control` rule. */
  spanLimit: number;
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function computeStats(model: OrgModel, { lang, spanLimit }: StatsOptions): StructureStats {
  const names = statsNames(model, lang);
  const order = treeOrder(model);
  const ids = order.map((o) => o.id);
  const spans = ids.map((id) => ({ id, count: (model.children.get(id) ?? []).length })).filter((s) => s.count > 0);
  const sortedSpans = spans.map((s) => s.count).sort((a, b) => a - b);
  return {
    organization: names.text(model.organization.name),
    units: {
      total: ids.length,
      byKind: unitsByKind(model, ids, names),
      staff: ids
        .filter((id) => isStaff(model, id))
        .map((id) => ({ ...names.unit(id), parent: names.unit(model.units.get(id)!.unit.parent!) })),
    },
    depth: ids.length === 0 ? 0 : maxOf(order.map((o) => o.depth)) + 1,
    span: {
      units: spans.length,
      min: sortedSpans[0] ?? null,
      median: median(sortedSpans),
      max: sortedSpans.at(-1) ?? null,
      limit: spanLimit,
      over: spans.filter((s) => s.count > spanLimit).map((s) => ({ ...names.unit(s.id), count: s.count })),
    },
    headcount: headcountStats(model, ids, names),
    functions: functionStats(model, ids, names),
    lineage: ids
      .filter((id) => (model.units.get(id)!.unit.replaces ?? []).length > 0)
      .map((id) => ({ ...names.unit(id), replaces: model.units.get(id)!.unit.replaces! })),
  };
}

interface StatsNames {
  text: (t: Text | undefined) => string;
  unit: (id: string) => Ref;
  fn: (id: string) => Ref;
}

/** How the figures name texts, units and functions in the language asked for (an unknown id by itself). */
function statsNames(model: OrgModel, lang: string): StatsNames {
  const text = (t: Text | undefined): string => pickText(t, lang, model.defaultLanguage);
  return {
    text,
    unit: (id) => ({ id, name: model.units.has(id) ? text(model.units.get(id)!.unit.name) : id }),
    fn: (id) => ({ id, name: model.functions.has(id) ? text(model.functions.get(id)!.fn.name) : id }),
  };
}

/** Units of each kind: the declared kinds in their order, then undeclared ones by id. */
function unitsByKind(model: OrgModel, ids: readonly string[], names: StatsNames): StructureStats['units']['byKind'] {
  const kindCounts = new Map<string, number>();
  for (const id of ids) {
    const kind = model.units.get(id)!.unit.kind;
    kindCounts.set(kind, (kindCounts.get(kind) ?? 0) + 1);
  }
  const declared = new Set(model.organization.kinds.map((k) => k.id));
  const listed = new Set<string>();
  return [
    // A kind declared twice (a duplicate-id error) is counted once, where it is first declared.
    ...model.organization.kinds
      .filter((k) => !listed.has(k.id) && Boolean(listed.add(k.id)))
      .map((k) => ({ kind: k.id, name: names.text(k.name), count: kindCounts.get(k.id) ?? 0 })),
    ...[...kindCounts.keys()]
      .filter((k) => !declared.has(k))
      .sort()
      .map((k) => ({ kind: k, name: k, count: kindCounts.get(k)! })),
  ];
}

/** The staff in all, and under each top-level unit (the root's own apart); unknown where no positions are listed. */
function headcountStats(model: OrgModel, ids: readonly string[], names: StatsNames): StructureStats['headcount'] {
  const listsPositions = (id: string): boolean => (model.units.get(id)!.unit.positions ?? []).length > 0;
  // Called for top-level units only, whose subtrees do not overlap: one walk over the tree in all.
  const subtreePeople = (id: string): number | null =>
    treeOrder(model, id).some((x) => listsPositions(x.id)) ? subtreeHeadcount(model, id) : null;
  const byTopLevel: StructureStats['headcount']['byTopLevel'] = [];
  if (model.roots.length === 1) {
    const root = model.roots[0]!;
    const own = headcount(model.units.get(root)!.unit);
    if (own > 0) byTopLevel.push({ ...names.unit(root), headcount: own, own: true });
    for (const child of model.children.get(root) ?? [])
      byTopLevel.push({ ...names.unit(child), headcount: subtreePeople(child) });
  } else for (const root of model.roots) byTopLevel.push({ ...names.unit(root), headcount: subtreePeople(root) });
  return {
    total: ids.reduce((sum, id) => sum + headcount(model.units.get(id)!.unit), 0),
    recorded: ids.some(listsPositions),
    byTopLevel,
  };
}

/** Functions by type, those nobody leads or several lead, and the units that lead none. */
function functionStats(model: OrgModel, ids: readonly string[], names: StatsNames): StructureStats['functions'] {
  const fnIds = [...new Set([...model.functions.keys(), ...model.assignments.keys()])].sort();
  const leading = new Set(fnIds.flatMap((f) => leadsOf(model, f)));
  const position = new Map(ids.map((id, i) => [id, i]));
  const leadsInTreeOrder = (f: string): string[] =>
    leadsOf(model, f).sort((a, b) => (position.get(a) ?? ids.length) - (position.get(b) ?? ids.length));
  return {
    total: fnIds.length,
    byType: functionsByType(model, fnIds, names),
    noLead: fnIds.filter((f) => leadsOf(model, f).length === 0).map(names.fn),
    multipleLeads: fnIds
      .filter((f) => leadsOf(model, f).length > 1)
      .map((f) => ({ ...names.fn(f), leads: leadsInTreeOrder(f) })),
    unitsLeadingNone: ids.filter((id) => !leading.has(id)).map(names.unit),
  };
}

/** Functions of each type: the declared types in their order, then undeclared ones, then those without a type. */
function functionsByType(
  model: OrgModel,
  fnIds: readonly string[],
  names: StatsNames,
): StructureStats['functions']['byType'] {
  const typeCounts = new Map<string | null, number>();
  for (const id of fnIds) {
    const type = model.functions.get(id)?.fn.type ?? null;
    typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
  }
  const types = model.organization.functionTypes ?? [];
  const declared = new Set(types.map((ty) => ty.id));
  const byType: StructureStats['functions']['byType'] = types.map((ty) => ({
    type: ty.id,
    name: names.text(ty.name),
    count: typeCounts.get(ty.id) ?? 0,
  }));
  for (const [type, count] of [...typeCounts].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
    if (type !== null && !declared.has(type)) byType.push({ type, name: type, count });
  }
  if (typeCounts.has(null)) byType.push({ type: null, name: '', count: typeCounts.get(null)! });
  return byType;
}

export interface StatsTextOptions {
  t: Translate;
}

export function renderStatsText(s: StructureStats, { t }: StatsTextOptions): string {
  const out: string[] = [t('stats-title', { organization: s.organization }), ''];
  const none = t('stats-none');
  /** A heading with a figure, then indented `name  count` lines with the counts aligned. */
  const table = (heading: string, figure: string | number, rows: Array<[string, string | number]>): void => {
    out.push(`${heading}: ${figure}`);
    const width = maxOf(
      rows.map(([n]) => displayWidth(n)),
      0,
    );
    const numWidth = maxOf(
      rows.map(([, v]) => String(v).length),
      0,
    );
    for (const [name, value] of rows) out.push(`  ${padEnd(name, width)}  ${padStart(String(value), numWidth)}`);
  };
  const list = (heading: string, items: string[]): void => {
    out.push(`${heading}: ${items.length === 0 ? none : items.length}`);
    for (const item of items) out.push(`  ${item}`);
  };
  const named = (r: Ref): string => (r.name === r.id ? r.id : `${r.name} (${r.id})`);

  table(
    t('stats-units'),
    s.units.total,
    s.units.byKind.map((k) => [k.name === k.kind ? k.kind : `${k.name} (${k.kind})`, k.count]),
  );
  // Only a structure that marks staff units says so: the others have nothing to count apart.
  if (s.units.staff.length > 0) {
    out.push(
      `  ${t('stats-units-line-staff', { line: s.units.total - s.units.staff.length, staff: s.units.staff.length })}`,
    );
    for (const u of s.units.staff) out.push(`    ${named(u)} → ${named(u.parent)}`);
  }
  out.push(`${t('stats-depth')}: ${s.depth}`, '');

  out.push(`${t('stats-span')}:`);
  if (s.span.min === null) out.push(`  ${none}`);
  else
    out.push(
      `  ${t('stats-span-values', { min: s.span.min, median: s.span.median!, max: s.span.max!, limit: s.span.limit })}`,
    );
  out.push(
    `  ${t('stats-span-over')}: ${s.span.over.length === 0 ? none : s.span.over.map((o) => `${named(o)} — ${o.count}`).join('; ')}`,
    '',
  );

  if (s.headcount.recorded)
    table(
      t('stats-headcount'),
      s.headcount.total,
      s.headcount.byTopLevel.map((u) => [
        u.own ? t('stats-headcount-own', { unit: u.name }) : u.name,
        u.headcount ?? '—',
      ]),
    );
  else out.push(`${t('stats-headcount')}: ${t('stats-headcount-unrecorded')}`);
  out.push('');

  out.push(`${t('stats-functions')}: ${s.functions.total}`);
  const typeWidth = Math.max(
    0,
    ...s.functions.byType.map((ty) => displayWidth(ty.type === null ? t('stats-no-type') : ty.name)),
  );
  const countWidth = Math.max(0, ...s.functions.byType.map((ty) => String(ty.count).length));
  out.push(`  ${t('stats-by-type')}:`);
  for (const ty of s.functions.byType)
    out.push(
      `    ${padEnd(ty.type === null ? t('stats-no-type') : ty.name, typeWidth)}  ${padStart(String(ty.count), countWidth)}`,
    );
  const indent = (before: number): void => {
    for (let i = before; i < out.length; i++) out[i] = `  ${out[i]}`;
  };
  const at = out.length;
  list(t('stats-no-lead'), s.functions.noLead.map(named));
  list(
    t('stats-multiple-leads'),
    s.functions.multipleLeads.map((f) => `${named(f)}: ${f.leads.join(', ')}`),
  );
  list(t('stats-leading-none'), s.functions.unitsLeadingNone.map(named));
  indent(at);
  out.push('');
  list(
    t('stats-lineage'),
    s.lineage.map((l) => `${named(l)} ← ${l.replaces.join(', ')}`),
  );
  return `${out.join('\n')}\n`;
}

export function renderStatsJson(s: StructureStats): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
