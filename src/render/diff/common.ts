/**
 * Pieces shared by the human renderers of a diff: names in the chosen language, the grouping of
 * changes into sections, and the one-line summary that closes the text output and opens the
 * Markdown one.
 */
import { pickText } from '../../model/model.js';
import { CHANGE_TYPES, type Change, type ChangeType, type DiffResult, type LocalText, type ReplacementKind } from '../../diff/types.js';
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
  const lookup = (table: Record<string, LocalText>, id: string): string => (Object.hasOwn(table, id) ? text(table[id]) : '');
  return {
    unit: (id) => lookup(diff.names.units, id),
    fn: (id) => lookup(diff.names.functions, id),
    kind: (id) => lookup(diff.names.kinds, id) || id,
    role: (id) => lookup(diff.names.roles, id) || id,
    text,
  };
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
  { noun: 'units', parts: ['unit-added', 'unit-removed', 'merge', 'split', 'rename-id', 'restructure', 'unit-renamed', 'unit-moved', 'unit-kind-changed', 'headcount-changed'] },
  { noun: 'functions', parts: ['function-added', 'function-removed', 'function-renamed', 'function-transferred'] },
  { noun: 'assignments', parts: ['assignment-added', 'assignment-removed', 'assignment-changed'] },
];

/**
 * The groups of the summary line ("3 units added, 2 removed", "4 functions transferred",
 * "headcount 99 → 104"): counts that are not zero, the noun written once per group.
 */
export function summaryParts(diff: DiffResult, t: Translate): string[] {
  const { summary } = diff;
  const count = (part: Part): number => (part in summary.counts ? summary.counts[part as ChangeType] : replacedUnits(diff, part as ReplacementKind));
  const groups: string[] = [];
  for (const group of GROUPS) {
    const parts: string[] = [];
    for (const part of group.parts) {
      const n = count(part);
      if (n === 0) continue;
      const verb = t(`diff-verb-${part}`);
      parts.push(parts.length === 0 ? t(`diff-sum-first-${group.noun}`, { count: n, verb }) : t('diff-sum-next', { count: n, verb }));
    }
    if (parts.length > 0) groups.push(parts.join(', '));
  }
  if (summary.lostLead.length > 0) groups.push(t('diff-sum-lost-lead', { count: summary.lostLead.length }));
  const { from, to } = summary.headcount;
  // A structure that records no positions has no headcount to speak of.
  if (from !== to) groups.push(t('diff-sum-headcount', { from: from ?? '—', to: to ?? '—' }));
  else if (from !== null && from > 0) groups.push(t('diff-sum-headcount-same', { count: from }));
  return groups;
}

/** "Reorganisation: 3 units added, 2 removed, …", or the no-change sentence. */
export function summaryLine(diff: DiffResult, t: Translate): string {
  if (diff.changes.length === 0) return t('diff-no-changes');
  return t('diff-summary', { parts: summaryParts(diff, t).join(t('diff-sum-group-separator')) });
}
