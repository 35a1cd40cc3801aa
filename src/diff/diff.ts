/**
 * Compares two structures and lists what changed, matching units and functions by id only (never
 * by file name or position). Lineage decides which removed and added units and functions are one
 * story: a unit that was merged, split or given a new id appears only inside its `unit-replaced`
 * change, a duty reworded under a new id only inside its `function-replaced`; what lineage could
 * not decide goes to the review list. The result is sorted by change type, then id, so the same two
 * structures always give the same list.
 */
import { knownHeadcount, leadsOf, sumKnown, pickText, textsByLanguage, type OrgModel } from '../model/model.js';
import type { Act, Text } from '../model/types.js';
import { functionLineage, type FunctionLineage } from './function-lineage.js';
import { declaredReplacements, inferredReplacements, type Replacement } from './lineage.js';
import {
  CHANGE_TYPES,
  REPLACEMENT_KINDS,
  type Change,
  type ChangeType,
  type DiffNames,
  type DiffResult,
  type DiffSummary,
  type LocalText,
  type PositionChange,
  type Validity,
  type ReviewItem,
} from './types.js';

export interface DiffOptions {
  /** Guess replacements that `replaces` does not declare (default true). */
  infer?: boolean;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sameText(a: LocalText, b: LocalText): string[] {
  const changed: string[] = [];
  for (const lang of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[lang] !== b[lang]) changed.push(lang);
  return changed.sort(byCode);
}

/** Position counts by title (in the first language), duplicates summed. */
function positionCounts(model: OrgModel, id: string): Map<string, { title: LocalText; count: number }> {
  const out = new Map<string, { title: LocalText; count: number }>();
  for (const p of model.units.get(id)!.unit.positions ?? []) {
    const key = pickText(p.title, undefined, model.defaultLanguage);
    const known = out.get(key);
    if (known) known.count += p.count;
    else out.set(key, { title: textsByLanguage(p.title, model.defaultLanguage), count: p.count });
  }
  return out;
}

const validity = (p: { from?: string; until?: string }): Validity => ({ from: p.from ?? null, until: p.until ?? null });
const sameValidity = (a: { from?: string; until?: string }, b: { from?: string; until?: string }): boolean =>
  a.from === b.from && a.until === b.until;

/** A key equal for two acts exactly when they say the same (key order of the title aside). */
export function actKey(act: Act): string {
  const title =
    act.title === undefined
      ? ''
      : typeof act.title === 'string'
        ? act.title
        : JSON.stringify(Object.entries(act.title).sort(([x], [y]) => byCode(x, y)));
  return JSON.stringify([act.kind ?? '', String(act.number ?? ''), act.date ?? '', act.url ?? '', title]);
}

export function sameAct(a: Act | undefined, b: Act | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return actKey(a) === actKey(b);
}

/** The key that orders changes of one type: the id of what changed. */
function sortKey(c: Change): string {
  switch (c.type) {
    case 'unit-replaced':
      return `${c.to.join(' ')}>${c.from.join(' ')}`;
    case 'function-replaced':
      return `${c.to.join(' ')}>${c.from.join(' ')}`;
    case 'function-added':
    case 'function-removed':
    case 'function-renamed':
    case 'function-transferred':
    case 'function-validity-changed':
      return c.function;
    case 'assignment-added':
    case 'assignment-removed':
    case 'assignment-changed':
      return `${c.unit}\u0000${c.function}`;
    case 'unit-field-changed':
      return `${c.unit}\u0000${c.field}`;
    default:
      return c.unit;
  }
}

const TYPE_RANK = new Map<ChangeType, number>(CHANGE_TYPES.map((t, i) => [t, i]));

/** Sorts changes by type (in the order of CHANGE_TYPES), then by id; returns a new list. */
export function sortChanges(changes: readonly Change[]): Change[] {
  return changes
    .map((change) => ({ change, rank: TYPE_RANK.get(change.type)!, key: sortKey(change) }))
    .sort((a, b) => a.rank - b.rank || byCode(a.key, b.key))
    .map((x) => x.change);
}

// Headcounts as far as they are known: units listing no positions add nothing, and a side where
// none lists any has an unknown (null) headcount, not 0.
function sumHeadcount(model: OrgModel, ids: readonly string[]): number | null {
  return sumKnown(ids.map((id) => knownHeadcount(model.units.get(id)!.unit)));
}

function totalHeadcount(model: OrgModel): number | null {
  return sumKnown([...model.units.values()].map(({ unit }) => knownHeadcount(unit)));
}

/** Counts a list of changes; the totals of the two sides are passed through. */
function summarize(
  changes: readonly Change[],
  sides: Pick<DiffSummary, 'units' | 'functions' | 'headcount' | 'lostLead'>,
  review = 0,
): DiffSummary {
  const counts = Object.fromEntries(CHANGE_TYPES.map((t) => [t, 0])) as Record<ChangeType, number>;
  const replaced = Object.fromEntries(REPLACEMENT_KINDS.map((k) => [k, 0])) as DiffSummary['replaced'];
  let inferred = 0;
  let inferredFunctions = 0;
  for (const c of changes) {
    counts[c.type]++;
    if (c.type === 'unit-replaced') {
      replaced[c.kind]++;
      if (c.inferred) inferred++;
    }
    if (c.type === 'function-replaced' && c.inferred) inferredFunctions++;
  }
  return { changes: changes.length, counts, replaced, inferred, inferredFunctions, review, ...sides };
}

/**
 * Everything that changed between `before` and `after`, in a stable order, with a summary and the
 * names of everything mentioned.
 */
export function diffStructures(before: OrgModel, after: OrgModel, options: DiffOptions = {}): DiffResult {
  const infer = options.infer !== false;
  const fnLineage = functionLineage(before, after, infer);
  const matchName = functionMatchNames(fnLineage);
  const units = unitLineage(before, after, matchName, infer);
  const functions = functionChanges(before, after, fnLineage, units.replacements);
  const leads = leadChanges(before, after, functions, units.replacements);
  const changes: Change[] = [
    ...replacementChanges(before, after, units.replacements),
    ...unitsAddedAndRemoved(before, after, units),
    ...unitFieldChanges(before, after),
    ...functions.changes,
    ...leads.changes,
    ...assignmentChanges(before, after, matchName, functions, leads.transferred),
  ];
  return diffResult(before, after, changes, leads.lostLead, [...units.review, ...fnLineage.review]);
}

/** A function that went on under a new id gets one name for both ends, so either side's mention counts as the same. */
function functionMatchNames(fnLineage: FunctionLineage): Map<string, string> {
  const matchName = new Map<string, string>();
  for (const m of fnLineage.matches)
    for (const id of [...m.from, ...m.to]) matchName.set(id, `${m.from.join(' ')}>${m.to.join(' ')}`);
  return matchName;
}

interface UnitLineage {
  replacements: Replacement[];
  /** Units that some replacement accounts for: they are not reported as simply added or removed. */
  explained: Set<string>;
  removed: string[];
  added: string[];
  review: ReviewItem[];
}

/** Which units succeeded which: declared `replaces` first, then (unless turned off) the inferred matches. */
function unitLineage(before: OrgModel, after: OrgModel, matchName: Map<string, string>, infer: boolean): UnitLineage {
  const declared = declaredReplacements(before, after);
  const explained = new Set<string>();
  for (const r of declared) for (const id of [...r.from, ...r.to]) explained.add(id);
  const removed = [...before.units.keys()].filter((id) => !after.units.has(id) && !explained.has(id));
  const added = [...after.units.keys()].filter((id) => !before.units.has(id) && !explained.has(id));
  // A reworded duty counts as the same duty when units are matched.
  const mapFunction = (fn: string): readonly string[] => [matchName.get(fn) ?? fn];
  const inference = infer
    ? inferredReplacements(before, after, removed, added, mapFunction)
    : { replacements: [], review: [] };
  for (const r of inference.replacements) for (const id of [...r.from, ...r.to]) explained.add(id);
  return {
    replacements: [...declared, ...inference.replacements],
    explained,
    removed,
    added,
    review: inference.review,
  };
}

/** One `unit-replaced` change per merge, split or new id, with the headcounts of both ends. */
function replacementChanges(before: OrgModel, after: OrgModel, replacements: readonly Replacement[]): Change[] {
  return replacements.map((r) => ({
    type: 'unit-replaced' as const,
    kind: r.kind,
    from: r.from,
    to: r.to,
    headcount: { from: sumHeadcount(before, r.from), to: sumHeadcount(after, r.to) },
    ...(r.inferred
      ? {
          inferred: true as const,
          confidence: r.inferred.confidence,
          basis: r.inferred.basis,
          evidence: r.inferred.evidence,
        }
      : {}),
  }));
}

const textOf = (model: OrgModel, text: Text | undefined): LocalText => textsByLanguage(text, model.defaultLanguage);
const unitName = (model: OrgModel, id: string): LocalText => textOf(model, model.units.get(id)!.unit.name);

/** What a reader is told of a unit that appeared or disappeared. */
function unitFacts(model: OrgModel, id: string) {
  const unit = model.units.get(id)!.unit;
  return {
    unit: id,
    name: unitName(model, id),
    kind: unit.kind,
    parent: unit.parent ?? null,
    headcount: knownHeadcount(unit),
    functions: { ...(unit.functions ?? {}) },
  };
}

/** Units that left or arrived without any replacement accounting for them. */
function unitsAddedAndRemoved(before: OrgModel, after: OrgModel, lineage: UnitLineage): Change[] {
  const changes: Change[] = [];
  for (const id of lineage.removed)
    if (!lineage.explained.has(id)) changes.push({ type: 'unit-removed', ...unitFacts(before, id) });
  for (const id of lineage.added)
    if (!lineage.explained.has(id)) changes.push({ type: 'unit-added', ...unitFacts(after, id) });
  return changes;
}

/** For each unit on both sides: its name, place, kind, order, staff flag, positions, dates and legal basis. */
function unitFieldChanges(before: OrgModel, after: OrgModel): Change[] {
  const changes: Change[] = [];
  for (const [id, { unit: now }] of after.units) {
    const was = before.units.get(id)?.unit;
    if (!was) continue;
    const name = unitName(after, id);
    const oldName = unitName(before, id);
    const languages = sameText(oldName, name);
    if (languages.length > 0) changes.push({ type: 'unit-renamed', unit: id, from: oldName, to: name, languages });
    if ((was.parent ?? null) !== (now.parent ?? null)) {
      changes.push({ type: 'unit-moved', unit: id, name, from: was.parent ?? null, to: now.parent ?? null });
    }
    if (was.kind !== now.kind) {
      changes.push({ type: 'unit-kind-changed', unit: id, name, from: was.kind, to: now.kind });
    }
    const oldOrder = typeof was.order === 'number' ? was.order : null;
    const newOrder = typeof now.order === 'number' ? now.order : null;
    if (oldOrder !== newOrder)
      changes.push({ type: 'unit-field-changed', unit: id, name, field: 'order', from: oldOrder, to: newOrder });
    if ((was.staff === true) !== (now.staff === true))
      changes.push({
        type: 'unit-field-changed',
        unit: id,
        name,
        field: 'staff',
        from: was.staff === true,
        to: now.staff === true,
      });
    const positions = positionChanges(before, after, id);
    if (positions.length > 0)
      changes.push({
        type: 'headcount-changed',
        unit: id,
        name,
        from: knownHeadcount(was),
        to: knownHeadcount(now),
        positions,
      });
    if (!sameValidity(was, now))
      changes.push({ type: 'unit-validity-changed', unit: id, name, from: validity(was), to: validity(now) });
    if (!sameAct(was.basis, now.basis))
      changes.push({ type: 'unit-basis-changed', unit: id, name, from: was.basis ?? null, to: now.basis ?? null });
  }
  return changes;
}

/** The positions of one unit whose count changed, by title. */
function positionChanges(before: OrgModel, after: OrgModel, id: string): PositionChange[] {
  const oldPositions = positionCounts(before, id);
  const newPositions = positionCounts(after, id);
  const positions: PositionChange[] = [];
  for (const key of [...new Set([...oldPositions.keys(), ...newPositions.keys()])].sort(byCode)) {
    const earlier = oldPositions.get(key);
    const later = newPositions.get(key);
    if ((earlier?.count ?? 0) !== (later?.count ?? 0))
      positions.push({ title: later?.title ?? earlier!.title, from: earlier?.count ?? 0, to: later?.count ?? 0 });
  }
  return positions;
}

const leads = (model: OrgModel, fn: string): string[] => leadsOf(model, fn).sort(byCode);

interface FunctionChanges {
  changes: Change[];
  added: Set<string>;
  removed: Set<string>;
  /** Both ends of every function match. */
  replaced: Set<string>;
}

/** The function catalogue: duties reworded or moved under a new id, then those added, removed, renamed or re-dated. */
function functionChanges(
  before: OrgModel,
  after: OrgModel,
  fnLineage: FunctionLineage,
  replacements: readonly Replacement[],
): FunctionChanges {
  const replaced = new Set<string>();
  for (const m of fnLineage.matches) for (const id of [...m.from, ...m.to]) replaced.add(id);
  const out: FunctionChanges = {
    changes: functionReplacements(before, after, fnLineage, replacements),
    added: new Set(),
    removed: new Set(),
    replaced,
  };
  for (const [id, { fn }] of before.functions) {
    if (after.functions.has(id)) continue;
    out.removed.add(id);
    if (replaced.has(id)) continue;
    out.changes.push({
      type: 'function-removed',
      function: id,
      name: textOf(before, fn.name),
      lead: leads(before, id),
    });
  }
  for (const [id, { fn }] of after.functions) {
    const was = before.functions.get(id)?.fn;
    const name = textOf(after, fn.name);
    if (!was) {
      out.added.add(id);
      if (replaced.has(id)) continue;
      out.changes.push({ type: 'function-added', function: id, name, lead: leads(after, id) });
      continue;
    }
    const oldName = textOf(before, was.name);
    const languages = sameText(oldName, name);
    if (languages.length > 0)
      out.changes.push({ type: 'function-renamed', function: id, from: oldName, to: name, languages });
    if (!sameValidity(was, fn))
      out.changes.push({
        type: 'function-validity-changed',
        function: id,
        name,
        from: validity(was),
        to: validity(fn),
      });
  }
  return out;
}

/** One `function-replaced` per match: reworded when the same units (or their successors) lead it, else moved. */
function functionReplacements(
  before: OrgModel,
  after: OrgModel,
  fnLineage: FunctionLineage,
  replacements: readonly Replacement[],
): Change[] {
  // Where each earlier unit went: itself if it stays, its successors if it was replaced.
  const unitSuccessors = new Map<string, string[]>();
  for (const r of replacements) for (const id of r.from) unitSuccessors.set(id, r.to);
  const successorsOf = (id: string): string[] => unitSuccessors.get(id) ?? [id];
  return fnLineage.matches.map((m) => {
    const leadBefore = [...new Set(m.from.flatMap((id) => leads(before, id)))].sort(byCode);
    const leadAfter = [...new Set(m.to.flatMap((id) => leads(after, id)))].sort(byCode);
    // The same lead: every unit leading it before goes on among those leading it after, itself or
    // through its successors, and every unit leading it after is one of those or a successor.
    const mapped = new Set(leadBefore.flatMap(successorsOf));
    const same =
      leadBefore.every((id) => successorsOf(id).some((next) => leadAfter.includes(next))) &&
      leadAfter.every((id) => mapped.has(id));
    return {
      type: 'function-replaced' as const,
      kind: same ? ('reworded' as const) : ('moved' as const),
      from: m.from,
      to: m.to,
      lead: { from: leadBefore, to: leadAfter },
      ...(m.inferred
        ? { inferred: true as const, confidence: m.inferred.confidence, similarity: m.inferred.similarity }
        : {}),
    };
  });
}

/** Functions kept on both sides whose lead passed to other units, and those left with no lead at all. */
function leadChanges(
  before: OrgModel,
  after: OrgModel,
  functions: FunctionChanges,
  replacements: readonly Replacement[],
): { changes: Change[]; transferred: Set<string>; lostLead: DiffSummary['lostLead'] } {
  const newId = new Map<string, string>();
  for (const r of replacements) if (r.kind === 'rename-id') newId.set(r.from[0]!, r.to[0]!);
  const changes: Change[] = [];
  const transferred = new Set<string>();
  const lostLead: DiffSummary['lostLead'] = [];
  const knownAfter = (fn: string): boolean => after.functions.has(fn) || after.assignments.has(fn);
  for (const fn of new Set([...before.functions.keys(), ...before.assignments.keys()])) {
    if (!knownAfter(fn) || functions.added.has(fn) || functions.removed.has(fn)) continue;
    const from = leads(before, fn);
    const to = leads(after, fn);
    if (from.length > 0 && to.length === 0 && after.functions.has(fn)) lostLead.push({ function: fn, from });
    if (from.length === 0 || to.length === 0 || from.join(' ') === to.join(' ')) continue;
    // A unit that only got a new id still leads what it led: that is not a transfer.
    if (
      from
        .map((id) => newId.get(id) ?? id)
        .sort(byCode)
        .join(' ') === to.join(' ')
    )
      continue;
    transferred.add(fn);
    const entry = after.functions.get(fn) ?? before.functions.get(fn);
    changes.push({
      type: 'function-transferred',
      function: fn,
      name: entry ? textOf(after.functions.has(fn) ? after : before, entry.fn.name) : {},
      from,
      to,
    });
  }
  lostLead.sort((a, b) => byCode(a.function, b.function));
  return { changes, transferred, lostLead };
}

/**
 * Roles given or taken in units on both sides. A lead already told as a transfer, or as the lead
 * of a new or removed function, is not told again.
 */
function assignmentChanges(
  before: OrgModel,
  after: OrgModel,
  matchName: Map<string, string>,
  functions: FunctionChanges,
  transferred: Set<string>,
): Change[] {
  const changes: Change[] = [];
  // A function that went on under a new id, held in the same role, is not a change of assignment.
  const canon = (fn: string): string => matchName.get(fn) ?? fn;
  const keys = (roles: Record<string, string>): Set<string> =>
    new Set(Object.entries(roles).map(([fn, role]) => `${canon(fn)}\u0000${role}`));
  for (const [id, { unit: now }] of after.units) {
    const was = before.units.get(id)?.unit;
    if (!was) continue;
    const oldRoles = was.functions ?? {};
    const newRoles = now.functions ?? {};
    const oldKeys = keys(oldRoles);
    const newKeys = keys(newRoles);
    for (const [fn, role] of Object.entries(oldRoles)) {
      const next = Object.hasOwn(newRoles, fn) ? newRoles[fn] : undefined;
      if (next === role) continue;
      if (next === undefined && canon(fn) !== fn && newKeys.has(`${canon(fn)}\u0000${role}`)) continue;
      if (next !== undefined) {
        changes.push({ type: 'assignment-changed', unit: id, function: fn, from: role, to: next });
      } else if (!(
        role === 'lead' &&
        (transferred.has(fn) || functions.removed.has(fn) || functions.replaced.has(fn))
      )) {
        changes.push({ type: 'assignment-removed', unit: id, function: fn, role });
      }
    }
    for (const [fn, role] of Object.entries(newRoles)) {
      if (Object.hasOwn(oldRoles, fn)) continue;
      if (canon(fn) !== fn && oldKeys.has(`${canon(fn)}\u0000${role}`)) continue;
      if (role === 'lead' && (transferred.has(fn) || functions.added.has(fn) || functions.replaced.has(fn))) continue;
      changes.push({ type: 'assignment-added', unit: id, function: fn, role });
    }
  }
  return changes;
}

/** The changes in their stable order, the review list, the summary and the names of everything mentioned. */
function diffResult(
  before: OrgModel,
  after: OrgModel,
  changes: readonly Change[],
  lostLead: DiffSummary['lostLead'],
  reviewItems: ReviewItem[],
): DiffResult {
  const sorted = sortChanges(changes);
  const review = sortReview(reviewItems);
  const names = nameEverything(before, after, sorted, lostLead, review);
  const summary = summarize(
    sorted,
    {
      units: { from: before.units.size, to: after.units.size },
      functions: { from: before.functions.size, to: after.functions.size },
      headcount: { from: totalHeadcount(before), to: totalHeadcount(after) },
      lostLead,
    },
    review.length,
  );
  return { changes: sorted, review, summary, names, language: after.defaultLanguage };
}

/** Review items: units before functions, then by the ids involved. */
function sortReview(items: ReviewItem[]): ReviewItem[] {
  const key = (i: ReviewItem): string => `${i.subject === 'unit' ? 0 : 1}${i.from.join(' ')}>${i.to.join(' ')}`;
  return items.sort((a, b) => byCode(key(a), key(b)));
}

/** The ids each change refers to, by what they are. */
function referencedIds(c: Change): {
  units: Array<string | null>;
  functions: string[];
  kinds: string[];
  roles: string[];
} {
  switch (c.type) {
    case 'unit-added':
    case 'unit-removed':
      return {
        units: [c.unit, c.parent],
        functions: Object.keys(c.functions),
        kinds: [c.kind],
        roles: Object.values(c.functions),
      };
    case 'unit-replaced':
      return { units: [...c.from, ...c.to], functions: [], kinds: [], roles: [] };
    case 'unit-renamed':
    case 'unit-field-changed':
    case 'headcount-changed':
    case 'unit-validity-changed':
    case 'unit-basis-changed':
      return { units: [c.unit], functions: [], kinds: [], roles: [] };
    case 'unit-moved':
      return { units: [c.unit, c.from, c.to], functions: [], kinds: [], roles: [] };
    case 'unit-kind-changed':
      return { units: [c.unit], functions: [], kinds: [c.from, c.to], roles: [] };
    case 'function-added':
    case 'function-removed':
      return { units: c.lead, functions: [c.function], kinds: [], roles: [] };
    case 'function-renamed':
    case 'function-validity-changed':
      return { units: [], functions: [c.function], kinds: [], roles: [] };
    case 'function-replaced':
      return { units: [...c.lead.from, ...c.lead.to], functions: [...c.from, ...c.to], kinds: [], roles: [] };
    case 'function-transferred':
      return { units: [...c.from, ...c.to], functions: [c.function], kinds: [], roles: [] };
    case 'assignment-added':
    case 'assignment-removed':
      return { units: [c.unit], functions: [c.function], kinds: [], roles: [c.role] };
    case 'assignment-changed':
      return { units: [c.unit], functions: [c.function], kinds: [], roles: [c.from, c.to] };
  }
}

/**
 * Names of every id the changes mention, from the later side where the id exists there, else
 * from the earlier one; sorted by id. An id known on neither side (a dangling parent) gets no
 * names, and renderers show the bare id.
 */
function nameEverything(
  before: OrgModel,
  after: OrgModel,
  changes: readonly Change[],
  lostLead: DiffSummary['lostLead'],
  review: readonly ReviewItem[],
): DiffNames {
  const wanted = {
    units: new Set(lostLead.flatMap((l) => l.from)),
    functions: new Set(lostLead.map((l) => l.function)),
    kinds: new Set<string>(),
    roles: new Set<string>(),
  };
  for (const item of review)
    for (const id of [...item.from, ...item.to]) wanted[item.subject === 'unit' ? 'units' : 'functions'].add(id);
  for (const c of changes) {
    const ids = referencedIds(c);
    for (const id of ids.units) if (id !== null) wanted.units.add(id);
    for (const id of ids.functions) wanted.functions.add(id);
    for (const id of ids.kinds) wanted.kinds.add(id);
    for (const id of ids.roles) wanted.roles.add(id);
  }
  // Null-prototype records: an id such as `constructor` must not meet an inherited property.
  const table = (ids: Set<string>, lookup: (id: string) => LocalText | undefined): Record<string, LocalText> => {
    const out = Object.create(null) as Record<string, LocalText>;
    for (const id of [...ids].sort(byCode)) {
      const text = lookup(id);
      if (text !== undefined) out[id] = text;
    }
    return out;
  };
  const from = <T extends { id: string; name: Text }>(
    model: OrgModel,
    list: readonly T[],
    id: string,
  ): LocalText | undefined => {
    const found = list.find((x) => x.id === id);
    return found ? textsByLanguage(found.name, model.defaultLanguage) : undefined;
  };
  return {
    units: table(wanted.units, (id) => {
      const model = after.units.has(id) ? after : before.units.has(id) ? before : undefined;
      return model ? textsByLanguage(model.units.get(id)!.unit.name, model.defaultLanguage) : undefined;
    }),
    functions: table(wanted.functions, (id) => {
      const model = after.functions.has(id) ? after : before.functions.has(id) ? before : undefined;
      return model ? textsByLanguage(model.functions.get(id)!.fn.name, model.defaultLanguage) : undefined;
    }),
    kinds: table(
      wanted.kinds,
      (id) => from(after, after.organization.kinds, id) ?? from(before, before.organization.kinds, id),
    ),
    roles: table(wanted.roles, (id) => from(after, after.roles, id) ?? from(before, before.roles, id)),
  };
}
