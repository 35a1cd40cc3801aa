/**
 * A structure's history as analysts read it: one entry per commit that changed the structure,
 * with the diff it made and the legal acts it brought in (`org log`), and the story of one unit
 * through those commits, following its lineage back through `replaces` and inferred replacements
 * (`org show ID --history`). Pure: the commits and the structures at them come in, values go out.
 */
import { loadStructure } from '../load/structure.js';
import { buildModel, type OrgModel } from '../model/model.js';
import type { Act } from '../model/types.js';
import { actKey, diffStructures, sameAct } from './diff.js';
import type { Change, DiffResult } from './types.js';

export interface Revision {
  commit: string;
  /** Parent commits; the first is the one compared with. */
  parents: string[];
  /** Author date, ISO 8601 with offset. */
  date: string;
  author: string;
  subject: string;
}

export interface LogEntry {
  revision: Revision;
  /** What the commit did to the structure (against its first parent; against nothing for the first). */
  diff: DiffResult;
  /** True for the commit that brought the structure in: everything in it is "added". */
  created: boolean;
  /**
   * The legal acts this commit brought in: a new `basis` of the organisation, then new acts of
   * units, each once.
   */
  basis: Act[];
  /** Of those, the act of the organisation, when it is new. */
  organizationBasis: Act | null;
  /** Of those, the acts of units, by unit id. */
  unitBasis: Map<string, Act>;
}

/** An empty structure, the "before" of the commit that created the directory. */
function emptyModel(): OrgModel {
  return buildModel(loadStructure([]));
}

/** The acts that `after` records and `before` did not: the organisation's first, then units', in id order. */
function newActs(before: OrgModel, after: OrgModel): Pick<LogEntry, 'basis' | 'organizationBasis' | 'unitBasis'> {
  const basis: Act[] = [];
  const listed = new Set<string>();
  const add = (act: Act): void => {
    const key = actKey(act);
    if (!listed.has(key)) basis.push(act);
    listed.add(key);
  };
  const org = after.organization.basis;
  const organizationBasis = org !== undefined && !sameAct(before.organization.basis, org) ? org : null;
  if (organizationBasis) add(organizationBasis);
  // An act some unit already had before is not new: a unit that only got a new id keeps its act.
  const earlier = new Set<string>();
  for (const { unit } of before.units.values()) if (unit.basis !== undefined) earlier.add(actKey(unit.basis));
  const unitBasis = new Map<string, Act>();
  for (const id of [...after.units.keys()].sort()) {
    const act = after.units.get(id)!.unit.basis;
    if (act === undefined || sameAct(before.units.get(id)?.unit.basis, act) || earlier.has(actKey(act))) continue;
    unitBasis.set(id, act);
    add(act);
  }
  return { basis, organizationBasis, unitBasis };
}

/** One log entry: `before` is the structure at the first parent, or null when there was none. */
export function logEntry(revision: Revision, before: OrgModel | null, after: OrgModel): LogEntry {
  const earlier = before ?? emptyModel();
  return { revision, diff: diffStructures(earlier, after), created: before === null, ...newActs(earlier, after) };
}

export interface UnitStep {
  revision: Revision;
  /** The ids the unit had (or its predecessors had) that this commit touched. */
  ids: string[];
  /** The changes of the commit that concern them, in the diff's order. */
  changes: Change[];
  diff: DiffResult;
  basis: Act[];
}

/** The ids a change is about, as the unit it concerns, and the ids it leads back to (predecessors). */
function concerns(change: Change, ids: ReadonlySet<string>): { about: boolean; predecessors: string[] } {
  switch (change.type) {
    case 'unit-replaced': {
      const after = change.to.some((id) => ids.has(id));
      const before = change.from.some((id) => ids.has(id));
      return { about: after || before, predecessors: after ? change.from : [] };
    }
    case 'unit-added':
    case 'unit-removed':
    case 'unit-renamed':
    case 'unit-moved':
    case 'unit-kind-changed':
    case 'headcount-changed':
    case 'unit-validity-changed':
    case 'unit-basis-changed':
    case 'assignment-added':
    case 'assignment-removed':
    case 'assignment-changed':
      return { about: ids.has(change.unit), predecessors: [] };
    case 'function-transferred':
      return { about: change.from.some((id) => ids.has(id)) || change.to.some((id) => ids.has(id)), predecessors: [] };
    default:
      return { about: false, predecessors: [] };
  }
}

/**
 * The story of unit `id` through `entries` (newest first, as `org log` lists them): the commits
 * that changed it, newest first. Walking back, a commit where the unit resulted from others
 * (a merge, a split, a new id) adds those others to the story, so the older commits show what
 * happened to its predecessors.
 */
export function unitHistory(entries: readonly LogEntry[], id: string): UnitStep[] {
  const ids = new Set([id]);
  const out: UnitStep[] = [];
  for (const entry of entries) {
    const changes: Change[] = [];
    const touched = new Set<string>();
    const predecessors: string[] = [];
    for (const change of entry.diff.changes) {
      const { about, predecessors: earlier } = concerns(change, ids);
      if (!about) continue;
      changes.push(change);
      const mentioned =
        change.type === 'unit-replaced' || change.type === 'function-transferred'
          ? [...change.from, ...change.to]
          : 'unit' in change
            ? [change.unit]
            : [];
      for (const x of mentioned) if (ids.has(x)) touched.add(x);
      predecessors.push(...earlier);
    }
    if (changes.length === 0) continue;
    for (const p of predecessors) touched.add(p);
    // The act behind this step: the unit's own when the commit gave it one, else the structure's.
    const own = [...touched].sort().flatMap((x) => (entry.unitBasis.has(x) ? [entry.unitBasis.get(x)!] : []));
    const basis =
      own.length > 0
        ? [...new Map(own.map((a) => [actKey(a), a])).values()]
        : entry.organizationBasis
          ? [entry.organizationBasis]
          : [];
    out.push({ revision: entry.revision, ids: [...touched].sort(), changes, diff: entry.diff, basis });
    for (const p of predecessors) ids.add(p);
  }
  return out;
}
