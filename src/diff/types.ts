/**
 * The change model of `org diff`: what a reorganisation does to an organisation, as a list of
 * typed changes matched by id. The `type` strings and the fields below are part of the public
 * contract (`org diff --format json` prints them as they are), so a field is only ever added.
 * Every renderer works from these values alone, without the structures they came from.
 */

import type { Act } from '../model/types.js';
import type { Diagnostic } from '../model/finding.js';

/** A name in every language it is given in: language → text (a plain string belongs to the first language). */
export type LocalText = Record<string, string>;

/** How a group of units was succeeded by another: declared with `replaces`, or inferred. */
export type ReplacementKind = 'merge' | 'split' | 'rename-id' | 'restructure';

/** What an inferred replacement rests on: the units had the same functions, children, or both. */
export type InferenceBasis = 'functions' | 'children' | 'functions+children';

/**
 * What an inferred unit replacement shares: the functions (with
 * roles; the functions of a unit's whole subtree count for it, and a reworded function counts as
 * the same) and their subordinate units that continue on both sides. `name` is how alike the names
 * are (0–1), for a replacement of one unit by one.
 */
export interface UnitEvidence {
  /** Items in common, and how many the earlier (`from`) and the later (`to`) units hold. */
  functions: { shared: number; from: number; to: number };
  units: { shared: number; from: number; to: number };
  name?: number;
}

export interface UnitAdded {
  type: 'unit-added';
  unit: string;
  name: LocalText;
  kind: string;
  parent: string | null;
  /** Null when the unit lists no positions (unknown, not zero). */
  headcount: number | null;
  /** Function id → role id. */
  functions: Record<string, string>;
}

export interface UnitRemoved {
  type: 'unit-removed';
  unit: string;
  name: LocalText;
  kind: string;
  parent: string | null;
  /** Null when the unit lists no positions (unknown, not zero). */
  headcount: number | null;
  functions: Record<string, string>;
}

export interface UnitRenamed {
  type: 'unit-renamed';
  unit: string;
  /** Old and new names, language → text. */
  from: LocalText;
  to: LocalText;
  /** Languages whose text changed (appeared, disappeared or differs). */
  languages: string[];
}

export interface UnitMoved {
  type: 'unit-moved';
  unit: string;
  name: LocalText;
  /** Old and new parent ids; null for a unit at the top. */
  from: string | null;
  to: string | null;
}

export interface UnitKindChanged {
  type: 'unit-kind-changed';
  unit: string;
  name: LocalText;
  from: string;
  to: string;
}

/** The fields of a unit that `unit-field-changed` reports: its place among its siblings and its staff mark. */
export type UnitField = 'order' | 'staff';

export interface UnitFieldChanged {
  type: 'unit-field-changed';
  unit: string;
  name: LocalText;
  field: UnitField;
  /** The value before and after: `order` is a number or null when absent, `staff` true or false (absent = false). */
  from: number | boolean | null;
  to: number | boolean | null;
}

export interface PositionChange {
  title: LocalText;
  from: number;
  to: number;
}

export interface HeadcountChanged {
  type: 'headcount-changed';
  unit: string;
  name: LocalText;
  /** Null on the side where the unit lists no positions. */
  from: number | null;
  to: number | null;
  /** Positions whose count changed (a position that appeared or disappeared counts 0 on that side). */
  positions: PositionChange[];
}

/** When something is in force: from a day (inclusive) until a day (exclusive); null for an open end. */
export interface Validity {
  from: string | null;
  until: string | null;
}

export interface UnitValidityChanged {
  type: 'unit-validity-changed';
  unit: string;
  name: LocalText;
  from: Validity;
  to: Validity;
}

export interface UnitBasisChanged {
  type: 'unit-basis-changed';
  unit: string;
  name: LocalText;
  /** The legal act before and after; null where none is recorded. */
  from: Act | null;
  to: Act | null;
}

export interface UnitReplaced {
  type: 'unit-replaced';
  kind: ReplacementKind;
  /** Ids of the units before (a unit that continues appears on both sides). */
  from: string[];
  /** Ids of the units after. */
  to: string[];
  /** Headcount of the units before and after; null where none of them lists positions. */
  headcount: FromTo<number | null>;
  /** Present only on replacements that were not declared with `replaces`. */
  inferred?: true;
  /** For inferred replacements: how likely the match is not a coincidence, 0–1. */
  confidence?: number;
  basis?: InferenceBasis;
  /** For inferred replacements: what the units have in common. */
  evidence?: UnitEvidence;
}

export interface FunctionAdded {
  type: 'function-added';
  function: string;
  name: LocalText;
  /** Units that lead it. */
  lead: string[];
}

export interface FunctionRemoved {
  type: 'function-removed';
  function: string;
  name: LocalText;
  /** Units that led it. */
  lead: string[];
}

/**
 * A function that went on under another id: the same duty `reworded`, or `moved` when its lead
 * is no longer the same unit (a unit's successor counts as the same unit). Declared with
 * `replaces` in the later function's file, or inferred from nearly the same name.
 */
export interface FunctionReplaced {
  type: 'function-replaced';
  kind: 'reworded' | 'moved';
  /** Ids of the functions before and after. */
  from: string[];
  to: string[];
  /** Units that led them before and after. */
  lead: FromTo<string[]>;
  /** Present only on matches that were not declared with `replaces`. */
  inferred?: true;
  /** For inferred matches: how likely the match is right, 0–1. */
  confidence?: number;
  /** For inferred matches: how alike the names are, 0–1. */
  similarity?: number;
}

export interface FunctionRenamed {
  type: 'function-renamed';
  function: string;
  from: LocalText;
  to: LocalText;
  languages: string[];
}

export interface FunctionTransferred {
  type: 'function-transferred';
  function: string;
  name: LocalText;
  /** Units that led it before and after (usually one each). */
  from: string[];
  to: string[];
}

export interface FunctionValidityChanged {
  type: 'function-validity-changed';
  function: string;
  name: LocalText;
  from: Validity;
  to: Validity;
}

export interface AssignmentAdded {
  type: 'assignment-added';
  unit: string;
  function: string;
  role: string;
}

export interface AssignmentRemoved {
  type: 'assignment-removed';
  unit: string;
  function: string;
  role: string;
}

export interface AssignmentChanged {
  type: 'assignment-changed';
  unit: string;
  function: string;
  from: string;
  to: string;
}

export type Change =
  | UnitAdded
  | UnitRemoved
  | UnitReplaced
  | UnitRenamed
  | UnitMoved
  | UnitKindChanged
  | UnitFieldChanged
  | HeadcountChanged
  | UnitValidityChanged
  | UnitBasisChanged
  | FunctionAdded
  | FunctionRemoved
  | FunctionReplaced
  | FunctionRenamed
  | FunctionTransferred
  | FunctionValidityChanged
  | AssignmentAdded
  | AssignmentRemoved
  | AssignmentChanged;

export type ChangeType = Change['type'];

/** The order in which change types are listed: units, then functions, then assignments. */
export const CHANGE_TYPES: readonly ChangeType[] = [
  'unit-added',
  'unit-removed',
  'unit-replaced',
  'unit-renamed',
  'unit-moved',
  'unit-kind-changed',
  'unit-field-changed',
  'headcount-changed',
  'unit-validity-changed',
  'unit-basis-changed',
  'function-added',
  'function-removed',
  'function-replaced',
  'function-renamed',
  'function-transferred',
  'function-validity-changed',
  'assignment-added',
  'assignment-removed',
  'assignment-changed',
];

export const REPLACEMENT_KINDS: readonly ReplacementKind[] = ['merge', 'split', 'rename-id', 'restructure'];

export interface FromTo<T> {
  from: T;
  to: T;
}

export interface DiffSummary {
  /** Number of changes. */
  changes: number;
  /** Changes of each type (every type present, zero included). */
  counts: Record<ChangeType, number>;
  /** `unit-replaced` changes by kind. */
  replaced: Record<ReplacementKind, number>;
  /** `unit-replaced` changes that were inferred rather than declared. */
  inferred: number;
  /** `function-replaced` changes that were inferred rather than declared. */
  inferredFunctions: number;
  /** Possible matches left for a person to decide (see `DiffResult.review`). */
  review: number;
  units: FromTo<number>;
  functions: FromTo<number>;
  /** Null on a side where no unit lists positions. */
  headcount: FromTo<number | null>;
  /** Functions that had a lead before and have none after, with the units that led them. */
  lostLead: Array<{ function: string; from: string[] }>;
}

/**
 * Names of everything the changes mention, by id, language → text; taken from the later side when
 * the id exists there, so that a removed unit still has its name.
 */
export interface DiffNames {
  units: Record<string, LocalText>;
  functions: Record<string, LocalText>;
  kinds: Record<string, LocalText>;
  roles: Record<string, LocalText>;
}

/** One possible match within a review item. */
export interface ReviewMatch {
  from: string[];
  to: string[];
  confidence: number;
  /** Functions, and units matched by name alone: how alike the names are, 0–1. */
  similarity?: number;
  evidence?: UnitEvidence;
}

/**
 * Lineage that was not guessed because it is doubtful: several candidates about equally good
 * (`ambiguous`), or one whose evidence is thin (`weak`), or units that share nothing but a
 * similar name (`names`). The units and functions involved are reported as removed and added;
 * a person decides, and records the answer with `replaces` (`org diff --accept`).
 */
export interface ReviewItem {
  subject: 'unit' | 'function';
  reason: 'ambiguous' | 'weak' | 'names';
  /** Everything involved, before and after. */
  from: string[];
  to: string[];
  /** The possible matches, most likely first. */
  matches: ReviewMatch[];
}

export interface DiffResult {
  changes: Change[];
  /** Matches to review, units first, then functions, by id. */
  review: ReviewItem[];
  summary: DiffSummary;
  names: DiffNames;
  /** The first language of the later organisation: names are shown in it unless asked otherwise. */
  language: string;
}

/** Where one side of a diff was read from. */
export type SideSource =
  { type: 'directory'; path: string } | { type: 'git'; revision: string; commit: string; path: string };

export interface DiffSide {
  /** As the user named it: a directory, or `REV:path`. */
  label: string;
  source: SideSource;
  organization: { id: string; name: LocalText };
  /** Errors found when validating this side (the diff is made from what could be understood). */
  errors: Diagnostic[];
  /** The legal act that approved this side's structure (`basis` in organization.yaml), when recorded. */
  basis?: Act;
  /** The day this side was cut to (`SIDE@YYYY-MM-DD`), when it was. */
  at?: string;
}
