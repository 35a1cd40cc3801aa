/**
 * The change model of `org diff`: what a reorganisation does to an organisation, as a list of
 * typed changes matched by id. The `type` strings and the fields below are part of the public
 * contract (`org diff --format json` prints them as they are), so a field is only ever added.
 * Every renderer works from these values alone, without the structures they came from.
 */

/** A name in every language it is given in: language → text (a plain string belongs to the first language). */
export type LocalText = Record<string, string>;

/** How a group of units was succeeded by another: declared with `replaces`, or inferred. */
export type ReplacementKind = 'merge' | 'split' | 'rename-id' | 'restructure';

/** What an inferred replacement rests on: the units had the same functions, children, or both. */
export type InferenceBasis = 'functions' | 'children' | 'functions+children';

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
  | HeadcountChanged
  | FunctionAdded
  | FunctionRemoved
  | FunctionRenamed
  | FunctionTransferred
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
  'headcount-changed',
  'function-added',
  'function-removed',
  'function-renamed',
  'function-transferred',
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

export interface DiffResult {
  changes: Change[];
  summary: DiffSummary;
  names: DiffNames;
  /** The first language of the later organisation: names are shown in it unless asked otherwise. */
  language: string;
}
