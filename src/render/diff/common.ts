/**
 * Pieces shared by the human renderers of a diff: names in the chosen language, the grouping of
 * changes into sections, and the one-line summary that closes the text output and opens the
 * Markdown one.
 */
import { pickText } from '../../model/model.js';
import {
  CHANGE_TYPES,
  type Change,
  type ChangeType,
  type DiffResult,
  type LocalText,
  type ReplacementKind,
  type ReviewItem,
  type ReviewMatch,
  type UnitEvidence,
} from '../../diff/types.js';
import type { Translate } from '../../i18n/format.js';

export interface Namer {
  /** The name of a unit in the chosen language; '' when the unit is unknown. */
  unit(id: string): string;
  fn(id: string): string;
  kind(id: string): string;
  role(id: string): string;
  text(text: LocalText): string;
}

/** Names collapse to one line: a YAML block scalar must not break a line of the report. */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function namer(diff: DiffResult, language: string | undefined): Namer {
  const text = (t: LocalText | undefined): string => oneLine(pickText(t, language, diff.language));
  const lookup = (table: Record<string, LocalText>, id: string): string =>
    Object.hasOwn(table, id) ? text(table[id]) : '';
  return {
    unit: (id) => lookup(diff.names.units, id),
    fn: (id) => lookup(diff.names.functions, id),
    kind: (id) => lookup(diff.names.kinds, id) || id,
    role: (id) => lookup(diff.names.roles, id) || id,
    text,
  };
}

/** The value of an `order` or `staff` field as a reader says it: a number, yes / no, or "(none)". */
export function fieldValue(t: Translate, value: number | boolean | null): string {
  if (value === null) return t('diff-none');
  if (typeof value === 'boolean') return t(value ? 'diff-yes' : 'diff-no');
  return String(value);
}

/** Changes grouped by type, in the order of CHANGE_TYPES; types without changes are left out. */
export function sections(changes: readonly Change[]): Array<[ChangeType, Change[]]> {
  const byType = new Map<ChangeType, Change[]>();
  for (const c of changes) {
    const list = byType.get(c.type);
    if (list) list.push(c);
    else byType.set(c.type, [c]);
  }
  return CHANGE_TYPES.filter((type) => byType.has(type)).map((type) => [type, byType.get(type)!]);
}

type Part = ChangeType | ReplacementKind;

/** Units that were merged (split, …): a merger of three units counts three, as readers count units. */
export function replacedUnits(diff: DiffResult, kind: ReplacementKind): number {
  let n = 0;
  for (const c of diff.changes) if (c.type === 'unit-replaced' && c.kind === kind) n += c.from.length;
  return n;
}

const GROUPS: Array<{ noun: string; parts: Part[] }> = [
  {
    noun: 'units',
    parts: [
      'unit-added',
      'unit-removed',
      'merge',
      'split',
      'rename-id',
      'restructure',
      'unit-renamed',
      'unit-moved',
      'unit-kind-changed',
      'unit-field-changed',
      'headcount-changed',
      'unit-validity-changed',
      'unit-basis-changed',
    ],
  },
  {
    noun: 'functions',
    parts: [
      'function-added',
      'function-removed',
      'function-replaced',
      'function-renamed',
      'function-transferred',
      'function-validity-changed',
    ],
  },
  { noun: 'assignments', parts: ['assignment-added', 'assignment-removed', 'assignment-changed'] },
];

/**
 * The groups of the summary line ("3 units added, 2 removed", "4 functions transferred",
 * "headcount 99 → 104"): counts that are not zero, the noun written once per group.
 */
function summaryParts(diff: DiffResult, t: Translate): string[] {
  const { summary } = diff;
  const count = (part: Part): number =>
    part in summary.counts ? summary.counts[part as ChangeType] : replacedUnits(diff, part as ReplacementKind);
  const groups: string[] = [];
  for (const group of GROUPS) {
    const parts: string[] = [];
    for (const part of group.parts) {
      const n = count(part);
      if (n === 0) continue;
      const verb = t(`diff-verb-${part}`);
      parts.push(
        parts.length === 0
          ? t(`diff-sum-first-${group.noun}`, { count: n, verb })
          : t('diff-sum-next', { count: n, verb }),
      );
    }
    if (parts.length > 0) groups.push(parts.join(', '));
  }
  if (summary.lostLead.length > 0) groups.push(t('diff-sum-lost-lead', { count: summary.lostLead.length }));
  if (diff.review.length > 0) groups.push(t('diff-sum-review', { count: diff.review.length }));
  const { from, to } = summary.headcount;
  // A structure that records no positions has no headcount to speak of.
  if (from !== to) groups.push(t('diff-sum-headcount', { from: from ?? '—', to: to ?? '—' }));
  else if (from !== null && from > 0) groups.push(t('diff-sum-headcount-same', { count: from }));
  return groups;
}

/** "Reorganisation: 3 units added, 2 removed, …", or the no-change sentence. */
export function summaryLine(diff: DiffResult, t: Translate): string {
  if (diff.changes.length === 0 && diff.review.length === 0) return t('diff-no-changes');
  return t('diff-summary', { parts: summaryParts(diff, t).join(t('diff-sum-group-separator')) });
}

const percent = (x: number | undefined): number => Math.round((x ?? 0) * 100);

/** What an inferred unit match shares, in words: "9 of 13 functions and 2 of 3 subordinate units, names 70% alike". */
function evidenceText(e: UnitEvidence | undefined, t: Translate): string {
  if (!e) return '';
  const parts: string[] = [];
  if (e.functions.shared > 0)
    parts.push(t('diff-evidence-functions', { shared: e.functions.shared, of: e.functions.from }));
  if (e.units.shared > 0) parts.push(t('diff-evidence-units', { shared: e.units.shared, of: e.units.from }));
  const shared = parts.join(t('diff-evidence-and'));
  const name = e.name !== undefined && e.name >= 0.5 ? t('diff-evidence-name', { percent: percent(e.name) }) : '';
  return [shared, name].filter(Boolean).join(', ');
}

/** The lineage note of a replaced unit or function: declared, or what the guess rests on. */
export function lineageNote(c: Extract<Change, { type: 'unit-replaced' | 'function-replaced' }>, t: Translate): string {
  if (!c.inferred) return t('diff-declared');
  const basis =
    c.type === 'unit-replaced'
      ? evidenceText(c.evidence, t) || t(`diff-basis-${c.basis ?? 'functions'}`)
      : t('diff-evidence-text', { percent: percent(c.similarity) });
  return t('diff-inferred-from', { basis, percent: percent(c.confidence) });
}

/** One possible match of a review item, in words (without the names of what it matches). */
export function reviewMatchNote(m: ReviewMatch, subject: ReviewItem['subject'], t: Translate): string {
  const basis = m.evidence
    ? evidenceText(m.evidence, t)
    : t(subject === 'unit' ? 'diff-evidence-name' : 'diff-evidence-text', { percent: percent(m.similarity) });
  return t('diff-review-match', { basis, percent: percent(m.confidence) });
}
