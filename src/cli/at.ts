/**
 * `--at DATE` for the commands that look at one structure (tree, show, stats, render chart,
 * render matrix): the structure as it was in force on that day. `today` is read from the clock
 * here, in the shell, so the core stays a function of its arguments.
 */
import { UsageError } from '../model/errors.js';
import type { OrgModel } from '../model/model.js';
import { isCalendarDate, structureAt } from '../model/validity.js';
import type { RunContext } from './context.js';

export const AT_OPTION = [
  '--at <date>',
  'the structure in force on this day (YYYY-MM-DD or today): units and functions not yet created or already abolished are left out',
] as const;

/** The day `--at` names, as YYYY-MM-DD; `today` is the local calendar day. */
export function parseAt(value: string, now: Date = new Date()): string {
  if (value === 'today') {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  if (!isCalendarDate(value))
    throw new UsageError('at-bad-date', { value: value.replace(/[\u0000-\u001f\u007f]/g, ' ') });
  return value;
}

/**
 * The model cut to `--at`, or the model itself without it. Units in force whose parent is not are
 * left out with their subtrees; standard error says which, so the reader knows the chart is short.
 */
export function applyAt(ctx: RunContext, model: OrgModel, at: string | undefined): OrgModel {
  if (at === undefined) return model;
  const cut = structureAt(model, parseAt(at));
  if (cut.orphaned.length > 0) {
    const shown = cut.orphaned.slice(0, 5).join(', ') + (cut.orphaned.length > 5 ? ', …' : '');
    ctx.io.stderr(`${ctx.t('at-orphaned', { count: cut.orphaned.length, date: cut.date, ids: shown })}\n`);
  }
  return cut.model;
}
