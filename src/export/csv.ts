/**
 * `org export --format csv`: one row per unit in tree order, with exactly the columns
 * `org import csv` reads (see columns.ts), so a spreadsheet can go out, be edited and come back.
 * UTF-8 with a byte-order mark and CRLF line ends, which spreadsheet programs need to open
 * Cyrillic text correctly; the separator is `,` or `;` (what Excel expects in Russian locales).
 */
import { headcount, textsByLanguage, functionsLedBy, type OrgModel } from '../model/model.js';
import { hasValidity } from '../model/validity.js';
import type { Text } from '../model/types.js';
import { headerText, type Column } from './columns.js';
import { unitOrder } from './json.js';

export interface CsvOptions {
  /** Language of the header row. */
  lang: 'en' | 'ru';
  separator: ',' | ';' | '\t';
}

/** A field as CSV (RFC 4180): quoted when it holds the separator, a quote, a line break or edge spaces. */
const STAFF_YES = { en: 'yes', ru: 'да' } as const;

export function csvField(value: string, separator: string): string {
  if (value === '' || (!value.includes(separator) && !/["\r\n]/.test(value) && value.trim() === value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
}

/** Languages of the name columns: the organisation's, then any others the units use, sorted. */
function languages(model: OrgModel): string[] {
  const out = [...model.organization.languages];
  const extra = new Set<string>();
  for (const { unit } of model.units.values()) {
    for (const text of [unit.name, unit.short]) for (const lang of Object.keys(textsByLanguage(text, model.defaultLanguage))) if (!out.includes(lang)) extra.add(lang);
  }
  return [...out, ...[...extra].sort()];
}

export function renderCsv(model: OrgModel, options: CsvOptions): string {
  const langs = languages(model);
  const columns: Column[] = [
    { field: 'id' },
    { field: 'parent' },
    { field: 'kind' },
    ...langs.map((lang): Column => ({ field: 'name', lang })),
    ...langs.map((lang): Column => ({ field: 'short', lang })),
    { field: 'headcount' },
    { field: 'leads' },
    { field: 'order' },
    { field: 'staff' },
    // Dates only for a structure that records them: other spreadsheets keep the columns they had.
    ...(hasValidity(model) ? [{ field: 'from' } as Column, { field: 'until' } as Column] : []),
  ];
  const sep = options.separator;
  const text = (t: Text | undefined, lang: string): string => textsByLanguage(t, model.defaultLanguage)[lang] ?? '';
  const rows = [columns.map((c) => headerText(c, options.lang))];
  for (const id of unitOrder(model)) {
    const { unit } = model.units.get(id)!;
    rows.push(
      columns.map((c) => {
        switch (c.field) {
          case 'id':
            return unit.id;
          case 'parent':
            return unit.parent ?? '';
          case 'kind':
            return unit.kind;
          case 'name':
            return text(unit.name, c.lang!);
          case 'short':
            return text(unit.short, c.lang!);
          case 'headcount':
            return String(headcount(unit));
          case 'leads':
            return functionsLedBy(unit).join(', ');
          case 'order':
            return typeof unit.order === 'number' ? String(unit.order) : '';
          case 'staff':
            // A word, not true/false: the spreadsheet is read by people in their own language.
            return unit.staff === true ? STAFF_YES[options.lang] : '';
          case 'from':
            return unit.from ?? '';
          case 'until':
            return unit.until ?? '';
        }
      }),
    );
  }
  return `\uFEFF${rows.map((r) => r.map((v) => csvField(v, sep)).join(sep)).join('\r\n')}\r\n`;
}
