/**
 * Validity in time: a unit or a function is in force from its `from` date (inclusive) until its
 * `until` date (exclusive: the day an abolition takes effect the unit is gone). Dates are ISO
 * calendar days, compared as strings, which orders them correctly. `structureAt` cuts a model
 * down to what was in force on one day, for every command's `--at DATE`.
 */
import type { FunctionEntry, LoadedStructure, UnitEntry } from './loaded.js';
import { buildModel, type OrgModel } from './model.js';
import type { ActKind } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The kinds of legal act the file format names (schemas/*.schema.json, `$defs/act`). */
export const ACT_KINDS: ReadonlySet<string> = new Set<ActKind>([
  'law',
  'decree',
  'resolution',
  'order',
  'directive',
  'decision',
  'protocol',
  'charter',
  'other',
]);

/** True for `YYYY-MM-DD` naming a day that exists (no 2024-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

export interface Period {
  from?: string;
  until?: string;
}

/** Whether something with this period is in force on `date`. */
export function inForce(period: Period, date: string): boolean {
  return (period.from === undefined || period.from <= date) && (period.until === undefined || date < period.until);
}

/** True when the structure records any date of validity at all: without one, `--at` changes nothing. */
export function hasValidity(model: OrgModel): boolean {
  for (const { unit } of model.units.values()) if (unit.from !== undefined || unit.until !== undefined) return true;
  for (const { fn } of model.functions.values()) if (fn.from !== undefined || fn.until !== undefined) return true;
  return false;
}

export interface StructureAt {
  /** The structure in force on the date. */
  model: OrgModel;
  date: string;
  /** Units in force themselves but left out because a unit above them is not (with everything below them). */
  orphaned: string[];
  /** Units and functions not in force on the date. */
  outOfForce: { units: number; functions: number };
}

/**
 * The structure in force on `date`: units and functions not yet created or already abolished
 * are left out. A unit in force whose parent is not is left out too, with its subtree, and listed
 * in `orphaned`: drawing it as a new top of the structure would show a chart that never existed.
 * Assignments to functions left out are dropped from the units that remain.
 */
export function structureAt(model: OrgModel, date: string): StructureAt {
  const keep = new Set<string>();
  let unitsOut = 0;
  for (const [id, { unit }] of model.units) {
    if (inForce(unit, date)) keep.add(id);
    else unitsOut++;
  }
  // Below a unit out of force everything goes: one walk from each such unit, never deeper than the tree.
  const orphaned: string[] = [];
  const stack: string[] = [];
  for (const id of model.units.keys()) if (!keep.has(id)) stack.push(id);
  const seen = new Set<string>(stack);
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const child of model.children.get(id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      if (keep.delete(child)) orphaned.push(child);
      stack.push(child);
    }
  }
  const functions: FunctionEntry[] = [];
  const gone = new Set<string>();
  for (const [id, entry] of model.functions) {
    if (inForce(entry.fn, date)) functions.push(entry);
    else gone.add(id);
  }
  const units: UnitEntry[] = [];
  for (const [id, entry] of model.units) {
    if (!keep.has(id)) continue;
    const roles = entry.unit.functions;
    if (roles === undefined || gone.size === 0 || !Object.keys(roles).some((fn) => gone.has(fn))) {
      units.push(entry);
      continue;
    }
    const kept: Record<string, string> = {};
    for (const [fn, role] of Object.entries(roles)) if (!gone.has(fn)) kept[fn] = role;
    units.push({ ...entry, unit: { ...entry.unit, functions: kept } });
  }
  const loaded: LoadedStructure = {
    // The structure is now the one of that day: charts and matrices say so in their date line.
    organization: { ...model.organization, date },
    hasOrganization: true,
    organizationFile: '',
    units,
    functions,
    findings: [],
    texts: new Map(),
  };
  return {
    model: buildModel(loaded),
    date,
    orphaned: orphaned.sort(),
    outOfForce: { units: unitsOut, functions: gone.size },
  };
}
