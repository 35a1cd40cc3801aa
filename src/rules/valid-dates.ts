/**
 * Dates of validity that cannot mean what they say: a day that does not exist (2024-02-30 passes
 * the schema's pattern), an `until` that is not after `from` (the unit would never be in force),
 * and a unit in force on days its parent is not (on those days it would hang in the air, and
 * `--at` leaves it out).
 */
import type { YamlPath } from '../model/finding.js';
import { isCalendarDate, type Period } from '../model/validity.js';
import { defineRule } from './rule.js';

/** `2024-01-01 – 2025-01-01`, with an open end shown as `…`. */
const period = (p: Period): string => `${p.from ?? '…'} – ${p.until ?? '…'}`;

export default defineRule({
  id: 'valid-dates',
  meta: {
    description:
      'Dates of validity and of legal acts are real days, `until` is after `from`, and a unit is in force only while its parent is.',
    defaultSeverity: 'error',
    messages: {
      'not-a-day': '{{field}} "{{value}}" is not a day of the calendar.',
      'until-not-after-from':
        '`until` {{until}} is not after `from` {{from}}: the period is empty, not a single day in force.',
      'outside-parent':
        'In force {{period}}, but its parent "{{parent}}" only {{parentPeriod}}: on the days between it has no parent.',
    },
  },
  check({ model, loaded, report }) {
    // The loader keeps any date of the right shape; the days that do not exist are found here.
    const day = (file: string, path: YamlPath, value: string | undefined): boolean => {
      if (value === undefined || isCalendarDate(value)) return true;
      report({ messageId: 'not-a-day', data: { field: path.join('.'), value }, file, path });
      return false;
    };
    const checkPeriod = (file: string, p: Period): void => {
      const ok = day(file, ['from'], p.from) && day(file, ['until'], p.until);
      if (ok && p.from !== undefined && p.until !== undefined && p.until <= p.from)
        report({ messageId: 'until-not-after-from', data: { from: p.from, until: p.until }, file, path: ['until'] });
    };
    day(loaded.organizationFile, ['basis', 'date'], model.organization.basis?.date);
    for (const { unit, file } of model.units.values()) {
      checkPeriod(file, unit);
      day(file, ['basis', 'date'], unit.basis?.date);
      const parent =
        unit.parent !== undefined && unit.parent !== unit.id ? model.units.get(unit.parent)?.unit : undefined;
      if (!parent || (parent.from === undefined && parent.until === undefined)) continue;
      const startsBefore = parent.from !== undefined && (unit.from === undefined || unit.from < parent.from);
      const endsAfter = parent.until !== undefined && (unit.until === undefined || unit.until > parent.until);
      if (!startsBefore && !endsAfter) continue;
      const at = startsBefore
        ? unit.from !== undefined
          ? 'from'
          : 'parent'
        : unit.until !== undefined
          ? 'until'
          : 'parent';
      report({
        messageId: 'outside-parent',
        data: { period: period(unit), parent: parent.id, parentPeriod: period(parent) },
        file,
        path: [at],
      });
    }
    for (const { fn, file } of model.functions.values()) checkPeriod(file, fn);
  },
});
