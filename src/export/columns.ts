/**
 * The columns of the units spreadsheet, shared by `org export --format csv` (which writes them)
 * and `org import csv` (which reads them), so the two cannot drift apart. A header may be written
 * in English or Russian, in a few common spellings; names and short names carry their language:
 * `name (ru)`, `название (en)`, `name:ky`, `short_en`. A name column without a language is in
 * the organisation's default language.
 */

/**
 * The three tables of a structure: units, functions, and assignments (which unit takes which role
 * in which function). Each column is one Field; a new field of the file format becomes a column by
 * adding it here (WRITTEN, ACCEPTED, TABLE_FIELDS) and to the two places that fill and read it
 * (src/export/csv.ts tableRows, src/import/plan.ts).
 */
export type Table = 'units' | 'functions' | 'assignments';

export type Field =
  | 'id'
  | 'parent'
  | 'kind'
  | 'name'
  | 'short'
  | 'description'
  | 'headcount'
  | 'positions'
  | 'leads'
  | 'order'
  | 'staff'
  | 'from'
  | 'until'
  | 'basis'
  | 'replaces'
  | 'source'
  | 'type'
  | 'unit'
  | 'function'
  | 'role';

/** Fields with one column per language. */
export const TEXT_FIELDS: ReadonlySet<Field> = new Set(['name', 'short', 'description']);

/** Fields written only for a structure that records dates of validity, so other spreadsheets keep the columns they had. */
export const DATE_FIELDS: ReadonlySet<Field> = new Set(['from', 'until']);

/** The columns each table is written with, in order (text fields: one per language). */
export const TABLE_FIELDS: Readonly<Record<Table, readonly Field[]>> = {
  units: [
    'id',
    'parent',
    'kind',
    'name',
    'short',
    'description',
    'headcount',
    'positions',
    'leads',
    'replaces',
    'source',
    'order',
    'staff',
    'from',
    'until',
    'basis',
  ],
  functions: ['id', 'name', 'type', 'description', 'replaces', 'source', 'from', 'until'],
  assignments: ['unit', 'function', 'role'],
};

/** Which table a header row is: assignments name a unit and a function, units have a kind. */
export function tableOf(fields: ReadonlySet<Field>): Table {
  if (fields.has('unit') && fields.has('function')) return 'assignments';
  if (fields.has('kind') || fields.has('parent')) return 'units';
  return 'functions';
}

export interface Column {
  field: Field;
  /** Language of a name or short-name column; absent for the default language. */
  lang?: string;
}

/** The headers `org export` writes, by language of the tool's messages. */
const WRITTEN: Record<Field, { en: string; ru: string }> = {
  id: { en: 'id', ru: 'идентификатор' },
  parent: { en: 'parent', ru: 'вышестоящее' },
  kind: { en: 'kind', ru: 'вид' },
  name: { en: 'name', ru: 'название' },
  short: { en: 'short name', ru: 'краткое название' },
  headcount: { en: 'headcount', ru: 'численность' },
  leads: { en: 'functions led', ru: 'ведёт функции' },
  description: { en: 'description', ru: 'описание' },
  positions: { en: 'positions', ru: 'должности' },
  order: { en: 'order', ru: 'порядок' },
  staff: { en: 'staff unit', ru: 'штабное' },
  from: { en: 'in force from', ru: 'действует с' },
  until: { en: 'in force until', ru: 'действует до' },
  basis: { en: 'basis', ru: 'основание' },
  replaces: { en: 'replaces', ru: 'заменяет' },
  source: { en: 'source', ru: 'источник' },
  type: { en: 'type', ru: 'тип' },
  unit: { en: 'unit', ru: 'подразделение' },
  function: { en: 'function', ru: 'функция' },
  role: { en: 'role', ru: 'роль' },
};

/** Every spelling accepted on import, normalised (lower case, single spaces, ё as е). */
const ACCEPTED: Record<string, Field> = {};
const accept = (field: Field, ...names: string[]): void => {
  for (const name of names) ACCEPTED[normalise(name)] = field;
};
accept('id', 'id', 'unit id', 'идентификатор', 'ид', 'код');
accept('parent', 'parent', 'parent id', 'вышестоящее', 'вышестоящее подразделение', 'родитель', 'входит в');
accept('kind', 'kind', 'вид', 'вид подразделения', 'тип подразделения');
accept('name', 'name', 'full name', 'название', 'наименование', 'полное название', 'полное наименование');
accept(
  'short',
  'short',
  'short name',
  'краткое название',
  'краткое наименование',
  'сокращённое название',
  'сокращение',
);
accept('headcount', 'headcount', 'staff', 'численность', 'штатная численность', 'штат');
accept(
  'leads',
  'functions led',
  'leads',
  'lead functions',
  'ведёт функции',
  'отвечает за функции',
  'ответственный за функции',
);
accept('description', 'description', 'описание');
accept('positions', 'positions', 'posts', 'должности', 'штатное расписание');
// Not plain "staff": that word already means the headcount column.
accept('order', 'order', 'sort order', 'порядок', 'порядковый номер', 'номер по порядку');
accept(
  'staff',
  'staff unit',
  'advisory',
  'staff or line',
  'штабное',
  'штабное подразделение',
  'аппарат при руководителе',
);
accept('from', 'in force from', 'from', 'valid from', 'действует с', 'дата создания');
accept('until', 'in force until', 'until', 'valid until', 'действует до', 'дата упразднения');
accept('basis', 'basis', 'legal basis', 'основание', 'правовое основание');
accept('replaces', 'replaces', 'заменяет', 'преемник');
accept('source', 'source', 'источник');
accept('type', 'type', 'function type', 'тип', 'тип функции');
accept('unit', 'unit', 'подразделение');
accept('function', 'function', 'function id', 'функция');
accept('role', 'role', 'роль');

function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[_\s]+/g, ' ');
}

// The language tags the schemas accept (a BCP 47 subset: language, script, region, variants).
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$/;

/** The header text of a column, in the language of the tool's messages. */
export function headerText(column: Column, lang: 'en' | 'ru'): string {
  const base = WRITTEN[column.field][lang];
  return column.lang === undefined ? base : `${base} (${column.lang})`;
}

/** Reads a header cell; undefined for a column this spreadsheet format does not know. */
export function parseHeader(text: string): Column | undefined {
  const plain = ACCEPTED[normalise(text)];
  if (plain) return { field: plain };
  const m = /^(.+?)\s*(?:\(\s*([^()\s]+)\s*\)|\[\s*([^[\]\s]+)\s*\]|[:._\s]\s*([^:._\s]+))$/.exec(
    text.replace(/^\uFEFF/, '').trim(),
  );
  if (!m) return undefined;
  const field = ACCEPTED[normalise(m[1]!)];
  const lang = m[2] ?? m[3] ?? m[4] ?? '';
  if (field !== undefined && TEXT_FIELDS.has(field) && LANGUAGE.test(lang)) return { field, lang };
  return undefined;
}
