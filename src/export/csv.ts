/**
 * `org export --format csv`: the structure as the three tables `org import` reads (columns.ts):
 * units (one row per unit in tree order), functions, and assignments (unit, function, role), so a
 * structure can go out to a spreadsheet, be edited and come back with nothing lost. UTF-8 with a
 * byte-order mark and CRLF line ends, which spreadsheet programs need to open Cyrillic text
 * correctly; the separator is `,` or `;` (what Excel expects in Russian locales).
 *
 * Cells that hold more than a word: positions are `title: count` lines (JSON when a title has
 * several languages or a line break), a structured source is JSON, replaces are ids separated by
 * commas, a staff unit is `yes` / `да` in the language of the headers, the dates of validity
 * (only for a structure that records any) are `YYYY-MM-DD`, the act behind a unit is JSON (a
 * column only where some unit has one). Cells a spreadsheet would run as
 * formulas are neutralised as in every CSV org writes (render/csv.ts).
 */
import { knownHeadcount, textsByLanguage, functionsLedBy, type OrgModel } from '../model/model.js';
import type { Position, Source, Text } from '../model/types.js';
import { hasValidity } from '../model/validity.js';
import { DATE_FIELDS, headerText, TABLE_FIELDS, TEXT_FIELDS, type Column, type Table } from './columns.js';
import { unitOrder } from './json.js';
import { csvField } from '../render/csv.js';

export interface CsvOptions {
  /** Language of the header row. */
  lang: 'en' | 'ru';
  separator: ',' | ';' | '\t';
  /** Which table (default: units). */
  table?: Table;
}

/** The staff mark is a word, not true/false: the spreadsheet is read by people in their own language. */
const STAFF_YES = { en: 'yes', ru: 'да' } as const;

/** Languages of the text columns: the organisation's, then any others the structure uses, sorted. */
function languages(model: OrgModel, texts: Iterable<Text | undefined>): string[] {
  const out = [...model.organization.languages];
  const extra = new Set<string>();
  for (const text of texts)
    for (const lang of Object.keys(textsByLanguage(text, model.defaultLanguage)))
      if (!out.includes(lang)) extra.add(lang);
  return [...out, ...[...extra].sort()];
}

function positionsCell(positions: readonly Position[] | undefined, defaultLanguage: string): string {
  if (!positions || positions.length === 0) return '';
  const plain = positions.map((p) => {
    const title = textsByLanguage(p.title, defaultLanguage);
    const langs = Object.keys(title);
    return langs.length === 1 && langs[0] === defaultLanguage && !/[\r\n]/.test(title[defaultLanguage]!)
      ? `${title[defaultLanguage]}: ${p.count}`
      : undefined;
  });
  return plain.every((p) => p !== undefined) ? plain.join('\n') : JSON.stringify(positions);
}

function sourceCell(source: Source | undefined): string {
  if (source === undefined) return '';
  return typeof source === 'string' && !source.startsWith('{') ? source : JSON.stringify(source);
}

/** The rows of one table, header first, as strings. */
export function tableRows(model: OrgModel, table: Table, lang: 'en' | 'ru'): string[][] {
  const units = unitOrder(model).map((id) => model.units.get(id)!.unit);
  const functions = [...model.functions.values()]
    .map((f) => f.fn)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const textSources =
    table === 'units'
      ? units.flatMap((u) => [u.name, u.short, u.description])
      : functions.flatMap((f) => [f.name, f.description]);
  const langs = languages(model, textSources);
  // Dates and acts only for a structure that records them: other spreadsheets keep the columns they had.
  const dated = hasValidity(model);
  const acts = table === 'units' && units.some((u) => u.basis !== undefined);
  const columns: Column[] = TABLE_FIELDS[table]
    .filter((field) => (DATE_FIELDS.has(field) ? dated : field === 'basis' ? acts : true))
    .flatMap((field): Column[] => (TEXT_FIELDS.has(field) ? langs.map((l) => ({ field, lang: l })) : [{ field }]));
  const text = (t: Text | undefined, l: string): string => textsByLanguage(t, model.defaultLanguage)[l] ?? '';
  const rows = [columns.map((c) => headerText(c, lang))];
  if (table === 'units') {
    for (const unit of units) {
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
            case 'short':
            case 'description':
              return text(unit[c.field], c.lang!);
            case 'headcount':
              // Unknown (no positions listed) is an empty cell, which import reads as "not given".
              return String(knownHeadcount(unit) ?? '');
            case 'positions':
              return positionsCell(unit.positions, model.defaultLanguage);
            case 'leads':
              return functionsLedBy(unit).join(', ');
            case 'replaces':
              return (unit.replaces ?? []).join(', ');
            case 'source':
              return sourceCell(unit.source);
            case 'order':
              return typeof unit.order === 'number' ? String(unit.order) : '';
            case 'staff':
              return unit.staff === true ? STAFF_YES[lang] : '';
            case 'from':
            case 'until':
              return unit[c.field] ?? '';
            case 'basis':
              return unit.basis === undefined ? '' : JSON.stringify(unit.basis);
            default:
              return '';
          }
        }),
      );
    }
  } else if (table === 'functions') {
    for (const fn of functions) {
      rows.push(
        columns.map((c) => {
          if (c.field === 'id') return fn.id;
          if (c.field === 'name' || c.field === 'description') return text(fn[c.field], c.lang!);
          if (c.field === 'type') return fn.type ?? '';
          if (c.field === 'source') return sourceCell(fn.source);
          if (c.field === 'replaces') return (fn.replaces ?? []).join(', ');
          if (c.field === 'from' || c.field === 'until') return fn[c.field] ?? '';
          return '';
        }),
      );
    }
  } else {
    for (const unit of units)
      for (const [fn, role] of Object.entries(unit.functions ?? {})) rows.push([unit.id, fn, role]);
  }
  return rows;
}

export function renderCsv(model: OrgModel, options: CsvOptions): string {
  const sep = options.separator;
  const rows = tableRows(model, options.table ?? 'units', options.lang);
  return `\uFEFF${rows.map((r) => r.map((v) => csvField(v, sep)).join(sep)).join('\r\n')}\r\n`;
}
