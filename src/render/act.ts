/**
 * A legal act as a reader cites it: "Decree No 12 of 2024-02-20 «On the structure …»
 * https://…", in the language of the messages, with the title in the language of the names.
 * Shared by `org diff`, `org log` and `org show` so that an act reads the same everywhere.
 */
import type { Translate } from '../i18n/format.js';
import { pickText } from '../model/model.js';
import type { Act } from '../model/types.js';
import type { Validity } from '../diff/types.js';

export interface ActParts {
  /** "Decree No 12 of 2024-02-20". */
  head: string;
  title: string;
  url: string;
}

/**
 * Text from a structure file on one line, with no control or bidirectional formatting character
 * left: a block scalar must not break a line of a report, nor an escape sequence reach a terminal.
 */

const oneLine = (s: string): string =>
  s
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export function actParts(act: Act, t: Translate, lang: string | undefined, defaultLanguage: string): ActParts {
  const words = [t(`act-kind-${act.kind ?? 'other'}`)];
  if (act.number !== undefined) words.push(t('act-number', { number: oneLine(String(act.number)) }));
  if (act.date !== undefined) words.push(t('act-date', { date: act.date }));
  return { head: words.join(' '), title: oneLine(pickText(act.title, lang, defaultLanguage)), url: act.url ?? '' };
}

/** The act on one line of plain text. */
export function actLine(act: Act, t: Translate, lang: string | undefined, defaultLanguage: string): string {
  const { head, title, url } = actParts(act, t, lang, defaultLanguage);
  return [head, title ? t('act-title', { title }) : '', url].filter((s) => s !== '').join(' ');
}

/** "2024-01-01 – 2025-01-01", "since 2024-01-01", "until 2025-01-01" or "always". */
export function validityText(v: Validity, t: Translate): string {
  if (v.from !== null && v.until !== null) return t('validity-between', { from: v.from, until: v.until });
  if (v.from !== null) return t('validity-since', { from: v.from });
  if (v.until !== null) return t('validity-until', { until: v.until });
  return t('validity-always');
}
