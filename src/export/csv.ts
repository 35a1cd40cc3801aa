/**
 * `org export --format csv`: one row per unit in tree order, with exactly the columns
 * `org import csv` reads (see columns.ts), so a spreadsheet can go out, be edited and come back.
 * UTF-8 with a byte-order mark and CRLF line ends, which spreadsheet programs need to open
 * Cyrillic text correctly; the separator is `,` or `;` (what Excel expects in Russian locales).
 * Cells a spreadsheet would run as formulas are neutralised as in every CSV org writes (render/csv.ts).
 */
import { knownHeadcount, textsByLanguage, functionsLedBy, type OrgModel } from '../model/model.js';
import type { Text } from '../model/types.js';
import { headerText, type Column } from './columns.js';
import { unitOrder } from './json.js';
import { csvField } from '../render/csv.js';

export interface CsvOptions {
  /** Language of the header row. */
  lang: 'en' | 'ru';
  separator: ',' | ';' | '\t';
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
            // Unknown (no positions listed) is an empty cell, which import reads as "not given".
            return String(knownHeadcount(unit) ?? '');
          case 'leads':
            return functionsLedBy(unit).join(', ');
        }
      }),
    );
  }
  return `\uFEFF${rows.map((r) => r.map((v) => csvField(v, sep)).join(sep)).join('\r\n')}\r\n`;
}
