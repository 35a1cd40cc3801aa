/**
 * `org import csv`: from a spreadsheet of units to the files of a structure. The plan is made in
 * full before anything is written: every row is checked (ids, kinds, parents, the tree, numbers,
 * existing files), every problem is reported with its line, and the files to write are computed.
 * The command then writes all of them, or none when a row is bad (unless --partial).
 *
 * Where the spreadsheet is all there is (no organization.yaml yet), the plan also creates
 * organization.yaml — languages from the name columns, kinds ordered by where they sit in the
 * tree — and a stub file for each function a unit leads, so that the result passes
 * `org validate` at once. Unit files follow the layout of the sample structure: the root and its
 * direct subunits in units/, deeper units in a folder named after their top-level ancestor's
 * chain. Pure: text and raw files in, file texts out.
 */
import { posix } from 'node:path';
import { isMap, parseDocument, stringify } from 'yaml';
import { parseHeader, tableOf, TEXT_FIELDS, type Column, type Field, type Table } from '../export/columns.js';
import { formatStructureFile } from '../fmt/format.js';
import { PARSE_OPTIONS } from '../load/parse.js';
import { loadStructure, type LoadedStructure, type RawFile } from '../load/structure.js';
import { UsageError } from '../model/errors.js';
import type { MessageData } from '../model/finding.js';
import { headcount, textsByLanguage } from '../model/model.js';
import { ACT_KINDS, isCalendarDate } from '../model/validity.js';
import type { Act, OrgFunction, Position, Source, Text, Unit } from '../model/types.js';
import { DEFAULT_ROLES } from '../load/structure.js';
import type { CsvRow } from './csv-read.js';
import { IdMaker } from './ids.js';

/** One table as read from a CSV file, a sheet of a workbook or another source; the first non-blank row names the columns. */
export interface InputTable {
  /** How problems name it: `units.csv`, `structure.xlsx#units`. */
  file: string;
  rows: CsvRow[];
}

export interface ImportInput {
  /** Units, functions and assignments tables, in any order; which is which comes from the header. */
  tables: InputTable[];
  /** Files of the target structure when it already has organization.yaml. */
  existing?: RawFile[];
  schemaBase: string;
  force: boolean;
  partial: boolean;
}

export interface RowProblem {
  file: string;
  line: number;
  messageId: string;
  data: MessageData;
}

export interface PlannedFile {
  /** Path inside the structure directory, forward slashes. */
  rel: string;
  text: string;
  action: 'create' | 'update';
}

export interface ImportPlan {
  problems: RowProblem[];
  /** Empty when a row is bad and the import is not partial. */
  files: PlannedFile[];
  /** Header cells that are not columns of this format, by table file. */
  ignoredColumns: Array<{ file: string; columns: string[] }>;
  created: number;
  updated: number;
  organizationCreated: boolean;
  /** Function files made from the functions table. */
  functionsImported: number;
  /** Function files made with only an id, for functions no table describes. */
  functionsCreated: string[];
  /** Rows read, by table. */
  rows: Record<Table, number>;
}

interface Row {
  file: string;
  line: number;
  id: string;
  parent: string | undefined;
  kind: string;
  name: Record<string, string>;
  short: Record<string, string>;
  description: Record<string, string>;
  headcount: number | undefined;
  positions: Position[] | undefined;
  replaces: string[] | undefined;
  source: Source | undefined;
  leads: string[];
  /** A number; null for an empty cell (no order); undefined without the column. */
  order: number | null | undefined;
  /** Undefined without the column. */
  staff: boolean | undefined;
  /** Dates of validity; undefined for an empty cell or no column (which of the two: Present). */
  from: string | undefined;
  until: string | undefined;
  /** The act behind the unit; undefined for an empty cell or no column. */
  basis: Act | undefined;
  /** Roles from the assignments table, which is authoritative for the units it names. */
  roles: Map<string, string> | undefined;
}

interface FunctionRow {
  file: string;
  line: number;
  id: string;
  name: Record<string, string>;
  type: string | undefined;
  description: Record<string, string>;
  source: Source | undefined;
  replaces: string[] | undefined;
  from: string | undefined;
  until: string | undefined;
}

/** Positions from their cell: `title: count` lines, or JSON. */
function parsePositions(cell: string): Position[] | 'bad' {
  if (cell.startsWith('[')) {
    try {
      const value = JSON.parse(cell) as unknown;
      if (
        Array.isArray(value) &&
        value.every(
          (p) =>
            p &&
            typeof p === 'object' &&
            Number.isInteger((p as Position).count) &&
            (p as Position).count >= 0 &&
            (p as Position).title !== undefined,
        )
      )
        return value as Position[];
    } catch {
      /* reported below */
    }
    return 'bad';
  }
  const out: Position[] = [];
  for (const line of cell
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)) {
    const m = /^(.*\S)\s*:\s*(\d{1,7})$/.exec(line);
    if (!m) return 'bad';
    out.push({ title: m[1]!, count: Number(m[2]) });
  }
  return out;
}

function parseSource(cell: string): Source | 'bad' {
  if (!cell.startsWith('{')) return cell;
  try {
    const value = JSON.parse(cell) as unknown;
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === 'string')
    )
      return value as Source;
  } catch {
    /* reported below */
  }
  return 'bad';
}

/** An order cell: a number as written (a decimal comma too, as Russian spreadsheets show it), within the schema's range. */
function parseOrder(cell: string): number | null | 'bad' {
  if (cell === '') return null;
  const text = /^-?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell;
  if (!/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return 'bad';
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= 1_000_000 ? value : 'bad';
}

/** A staff-unit cell: the words people write for yes and no, in English and Russian; empty is no. */
function parseStaff(cell: string): boolean | 'bad' {
  const word = cell.toLowerCase();
  if (/^(|no|false|0|нет|-)$/.test(word)) return false;
  if (/^(yes|true|1|x|да|\+)$/.test(word)) return true;
  return 'bad';
}

/** An act from its cell: JSON as the export writes it, held to what the unit schema accepts. */
function parseBasis(cell: string): Act | 'bad' {
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch {
    return 'bad';
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'bad';
  const act = value as Record<string, unknown>;
  const isText = (t: unknown): boolean =>
    typeof t === 'string' ||
    (!!t && typeof t === 'object' && !Array.isArray(t) && Object.values(t).every((v) => typeof v === 'string'));
  const ok: Record<string, (v: unknown) => boolean> = {
    kind: (v) => typeof v === 'string' && ACT_KINDS.has(v),
    number: (v) => (typeof v === 'string' && v !== '') || Number.isInteger(v),
    date: (v) => typeof v === 'string' && isCalendarDate(v),
    title: isText,
    url: (v) => typeof v === 'string' && /^https?:\/\/\S+$/.test(v),
  };
  const keys = Object.keys(act);
  return keys.length > 0 && keys.every((k) => ok[k]?.(act[k]) === true) ? (act as Act) : 'bad';
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const STAFF_TITLE: Record<string, string> = { ru: 'Штатные единицы', en: 'Staff positions' };

function readHeader(
  cells: string[],
  defaultLanguage: (cyrillic: boolean) => string,
): { columns: Array<Column | undefined>; ignored: string[]; table: Table } {
  const cyrillic = cells.some((c) => /[а-яё]/i.test(c));
  const lang = defaultLanguage(cyrillic);
  const columns = cells.map((cell): Column | undefined => {
    const column = parseHeader(cell);
    if (!column) return undefined;
    return TEXT_FIELDS.has(column.field) ? { field: column.field, lang: column.lang ?? lang } : column;
  });
  const ignored = cells.filter((c, i) => columns[i] === undefined && c.trim() !== '');
  const seen = new Map<string, string>();
  columns.forEach((c, i) => {
    if (!c) return;
    const key = `${c.field}:${c.lang ?? ''}`;
    if (seen.has(key))
      throw new UsageError('import-duplicate-column', { column: cells[i]!.trim(), other: seen.get(key)! });
    seen.set(key, cells[i]!.trim());
  });
  const has = (f: Field): boolean => columns.some((c) => c?.field === f);
  const table = tableOf(new Set(columns.filter((c) => c !== undefined).map((c) => c!.field)));
  // An id may be left out: it is made from the name.
  const required: Record<Table, Field[]> = {
    units: ['kind', 'name'],
    functions: ['name'],
    assignments: ['unit', 'function', 'role'],
  };
  const missing = required[table].filter((f) => !has(f));
  if (missing.length > 0) throw new UsageError('import-missing-columns', { columns: missing.join(', ') });
  return { columns, ignored, table };
}

/** Orders kinds so that each ranks above the kinds found under it; ties by depth, then first use. */
function inferKinds(rows: Row[], byId: Map<string, Row>): string[] {
  const depth = (row: Row): number => {
    let d = 0;
    const seen = new Set<string>();
    for (let p = row.parent; p !== undefined && byId.has(p) && !seen.has(p); p = byId.get(p)!.parent) {
      seen.add(p);
      d++;
    }
    return d;
  };
  const kinds: string[] = [];
  const minDepth = new Map<string, number>();
  const below = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!kinds.includes(row.kind)) kinds.push(row.kind);
    minDepth.set(row.kind, Math.min(minDepth.get(row.kind) ?? Infinity, depth(row)));
    const parent = row.parent === undefined ? undefined : byId.get(row.parent);
    if (parent && parent.kind !== row.kind) below.set(parent.kind, (below.get(parent.kind) ?? new Set()).add(row.kind));
  }
  const ordered: string[] = [];
  const remaining = new Set(kinds);
  const better = (a: string, b: string): boolean =>
    minDepth.get(a)! < minDepth.get(b)! || (minDepth.get(a) === minDepth.get(b) && kinds.indexOf(a) < kinds.indexOf(b));
  while (remaining.size > 0) {
    const free = [...remaining].filter((k) => ![...remaining].some((other) => other !== k && below.get(other)?.has(k)));
    const pool = free.length > 0 ? free : [...remaining];
    const next = pool.reduce((a, b) => (better(b, a) ? b : a));
    ordered.push(next);
    remaining.delete(next);
  }
  return ordered;
}

function textOf(texts: Record<string, string>): Text | undefined {
  return Object.keys(texts).length === 0 ? undefined : texts;
}

/** The canonical file text (modeline, key order) of a value, or of an edited document. */
function canonical(text: string, kind: 'organization' | 'unit' | 'function', rel: string, schemaBase: string): string {
  const result = formatStructureFile(text, { kind, rel, schemaBase });
  if (!result.ok) throw new Error(`import: could not format ${rel}`);
  return result.text;
}

function staffPositions(count: number, defaultLanguage: string): NonNullable<Unit['positions']> {
  const title =
    STAFF_TITLE[defaultLanguage] !== undefined
      ? { [defaultLanguage]: STAFF_TITLE[defaultLanguage]! }
      : { en: STAFF_TITLE.en! };
  return [{ title, count }];
}

/** Which columns a units table has, so an update changes only what the spreadsheet carries. */
interface Present {
  name: string[];
  short: string[];
  description: string[];
  fields: Set<Field>;
}

/** A text of a file merged with a row's cells: the languages that have a column take the cell (or go when it is empty). */
function mergeText(
  old: Text | undefined,
  fresh: Record<string, string>,
  columns: string[],
  defaultLanguage: string,
): Text | undefined {
  const out: Record<string, string> = { ...textsByLanguage(old, defaultLanguage) };
  for (const lang of columns) {
    if (fresh[lang] !== undefined) out[lang] = fresh[lang]!;
    else delete out[lang];
  }
  return textOf(out);
}

/** Sets a key of a YAML document, or removes it for `undefined`; the rest of the text, comments too, stays. */
function setKey(doc: ReturnType<typeof parseDocument>, key: string, value: unknown): void {
  if (value === undefined) doc.delete(key);
  else doc.set(key, doc.createNode(value));
}

/** The file of an existing unit, updated from its row; everything the row does not carry is kept, comments too. */
function updatedUnitText(text: string, row: Row, defaultLanguage: string, present: Present): string {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const current = doc.toJS() as Unit;
  const merge = (old: Text | undefined, fresh: Record<string, string>, columns: string[]): Text | undefined =>
    mergeText(old, fresh, columns, defaultLanguage);
  const set = (key: string, value: unknown): void => setKey(doc, key, value);
  if (present.fields.has('kind')) set('kind', row.kind);
  if (present.fields.has('parent')) set('parent', row.parent);
  const name = merge(current.name, row.name, present.name);
  if (name !== undefined) set('name', name);
  if (present.short.length > 0) set('short', merge(current.short, row.short, present.short));
  if (present.description.length > 0)
    set('description', merge(current.description, row.description, present.description));
  const functions: Record<string, string> = {};
  if (row.roles) for (const [fn, role] of row.roles) functions[fn] = role;
  else
    for (const [fn, role] of Object.entries(current.functions ?? {}))
      if (role !== 'lead' || !present.fields.has('leads')) functions[fn] = role;
  for (const fn of row.leads) functions[fn] ??= 'lead';
  set('functions', Object.keys(functions).length > 0 ? functions : undefined);
  if (present.fields.has('positions'))
    set('positions', row.positions && row.positions.length > 0 ? row.positions : undefined);
  else if (row.headcount !== undefined && row.headcount !== headcount(current))
    set('positions', row.headcount > 0 ? staffPositions(row.headcount, defaultLanguage) : undefined);
  if (present.fields.has('replaces'))
    set('replaces', row.replaces && row.replaces.length > 0 ? row.replaces : undefined);
  if (present.fields.has('source')) set('source', row.source === '' ? undefined : row.source);
  if (present.fields.has('order')) set('order', row.order ?? undefined);
  if (present.fields.has('staff')) set('staff', row.staff === true ? true : undefined);
  // A date column that is there sets the date, and an empty cell removes it; without the column the file keeps its own.
  for (const key of ['from', 'until'] as const) if (present.fields.has(key)) set(key, row[key]);
  if (present.fields.has('basis')) set('basis', row.basis);
  if (!isMap(doc.contents)) throw new Error('import: unit file is not a mapping');
  return doc.toString();
}

/** The file of an existing function, updated from its row, keeping what the row does not carry. */
function updatedFunctionText(
  text: string,
  row: FunctionRow,
  defaultLanguage: string,
  nameColumns: string[],
  descriptionColumns: string[],
  fields: Set<Field>,
): string {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const current = doc.toJS() as OrgFunction;
  const merge = (old: Text | undefined, fresh: Record<string, string>, columns: string[]): Text | undefined =>
    mergeText(old, fresh, columns, defaultLanguage);
  const set = (key: string, value: unknown): void => setKey(doc, key, value);
  const name = merge(current.name, row.name, nameColumns);
  if (name !== undefined) set('name', name);
  if (fields.has('type')) set('type', row.type);
  if (descriptionColumns.length > 0)
    set('description', merge(current.description, row.description, descriptionColumns));
  if (fields.has('source')) set('source', row.source === '' ? undefined : row.source);
  if (fields.has('replaces')) set('replaces', row.replaces && row.replaces.length > 0 ? row.replaces : undefined);
  for (const key of ['from', 'until'] as const) if (fields.has(key)) set(key, row[key]);
  return doc.toString();
}

export function planImport(input: ImportInput): ImportPlan {
  const loaded: LoadedStructure | undefined = input.existing ? loadStructure(input.existing) : undefined;
  const hasOrganization = loaded?.hasOrganization ?? false;
  const organizationLanguage = hasOrganization ? loaded!.organization.languages[0] : undefined;

  const problems: RowProblem[] = [];
  const bad = new Set<string>();
  const key = (file: string, line: number): string => `${file}\u0000${line}`;
  const report = (file: string, line: number, messageId: string, data: MessageData = {}): void => {
    problems.push({ file, line, messageId, data });
    bad.add(key(file, line));
  };
  const isBad = (r: { file: string; line: number }): boolean => bad.has(key(r.file, r.line));

  // 0. The tables, each by its header.
  const read = input.tables.map((table) => {
    const nonBlank = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
    const header = nonBlank[0];
    if (!header) throw new UsageError('import-empty', {});
    const parsed = readHeader(header.cells, (cyrillic) => organizationLanguage ?? (cyrillic ? 'ru' : 'en'));
    return { ...parsed, file: table.file, body: nonBlank.slice(1) };
  });
  const unitsTables = read.filter((t) => t.table === 'units');
  const functionTables = read.filter((t) => t.table === 'functions');
  const assignmentTables = read.filter((t) => t.table === 'assignments');
  const firstName = [...unitsTables, ...functionTables].flatMap((t) => t.columns).find((c) => c?.field === 'name');
  const defaultLanguage = organizationLanguage ?? firstName?.lang ?? 'en';
  const langsOf = (field: Field): string[] => [
    ...new Set(unitsTables.flatMap((t) => t.columns.filter((c) => c?.field === field).map((c) => c!.lang!))),
  ];
  const present: Present = {
    name: langsOf('name'),
    short: langsOf('short'),
    description: langsOf('description'),
    fields: new Set(unitsTables.flatMap((t) => t.columns.filter((c) => c !== undefined).map((c) => c!.field))),
  };
  const roleIds = new Set(
    (hasOrganization && loaded!.organization.roles ? loaded!.organization.roles : DEFAULT_ROLES).map((r) => r.id),
  );

  const cellsOf = (t: (typeof read)[number], raw: CsvRow): Array<[Column, string]> => {
    if (raw.cells.length > t.columns.length && raw.cells.slice(t.columns.length).some((c) => c.trim() !== '')) {
      report(t.file, raw.line, 'import-extra-cells', { count: raw.cells.length, expected: t.columns.length });
    }
    return t.columns.flatMap((c, i): Array<[Column, string]> => (c ? [[c, (raw.cells[i] ?? '').trim()]] : []));
  };

  // 1. Each row on its own.
  const rows: Row[] = [];
  for (const t of unitsTables) {
    for (const raw of t.body) {
      const row: Row = {
        file: t.file,
        line: raw.line,
        id: '',
        parent: undefined,
        kind: '',
        name: {},
        short: {},
        description: {},
        headcount: undefined,
        positions: undefined,
        replaces: undefined,
        source: undefined,
        leads: [],
        order: undefined,
        staff: undefined,
        from: undefined,
        until: undefined,
        basis: undefined,
        roles: undefined,
      };
      for (const [c, value] of cellsOf(t, raw)) {
        switch (c.field) {
          case 'id':
            row.id = value;
            break;
          case 'parent':
            row.parent = value === '' ? undefined : value;
            break;
          case 'kind':
            row.kind = value;
            break;
          case 'name':
          case 'short':
          case 'description':
            if (value !== '') row[c.field][c.lang!] = value;
            break;
          case 'headcount': {
            const digits = value.replace(/[\s\u00a0\u202f]/g, '');
            if (digits === '') break;
            if (!/^\d{1,7}$/.test(digits) || Number(digits) > 1_000_000)
              report(t.file, raw.line, 'import-bad-headcount', { value });
            else row.headcount = Number(digits);
            break;
          }
          case 'positions': {
            const positions = value === '' ? [] : parsePositions(value);
            if (positions === 'bad') report(t.file, raw.line, 'import-bad-positions', { value });
            else row.positions = positions;
            break;
          }
          case 'replaces':
            row.replaces = value.split(/[\s,;]+/).filter(Boolean);
            for (const id of row.replaces) if (!ID.test(id)) report(t.file, raw.line, 'import-bad-id', { value: id });
            break;
          case 'source': {
            const source = parseSource(value);
            if (source === 'bad') report(t.file, raw.line, 'import-bad-source', { value });
            else row.source = source;
            break;
          }
          case 'leads':
            for (const fn of value.split(/[\s,;]+/).filter(Boolean)) {
              if (!ID.test(fn)) report(t.file, raw.line, 'import-bad-function', { value: fn });
              else if (!row.leads.includes(fn)) row.leads.push(fn);
            }
            break;
          case 'order': {
            const order = parseOrder(value);
            if (order === 'bad') report(t.file, raw.line, 'import-bad-order', { value });
            else row.order = order;
            break;
          }
          case 'staff': {
            const staff = parseStaff(value);
            if (staff === 'bad') report(t.file, raw.line, 'import-bad-staff', { value });
            else row.staff = staff;
            break;
          }
          case 'from':
          case 'until':
            if (value === '') break;
            if (!isCalendarDate(value)) report(t.file, raw.line, 'import-bad-date', { value });
            else row[c.field] = value;
            break;
          case 'basis': {
            if (value === '') break;
            const basis = parseBasis(value);
            if (basis === 'bad') report(t.file, raw.line, 'import-bad-basis', { value });
            else row.basis = basis;
            break;
          }
          default:
            break;
        }
      }
      if (row.id !== '' && !ID.test(row.id)) report(t.file, raw.line, 'import-bad-id', { value: row.id });
      if (row.kind === '') report(t.file, raw.line, 'import-missing', { column: 'kind' });
      else if (!ID.test(row.kind)) report(t.file, raw.line, 'import-bad-kind', { value: row.kind });
      if (row.parent !== undefined && !ID.test(row.parent))
        report(t.file, raw.line, 'import-bad-parent', { value: row.parent });
      if (Object.keys(row.name).length === 0) report(t.file, raw.line, 'import-no-name', {});
      rows.push(row);
    }
  }
  const fnRows: FunctionRow[] = [];
  for (const t of functionTables) {
    for (const raw of t.body) {
      const row: FunctionRow = {
        file: t.file,
        line: raw.line,
        id: '',
        name: {},
        type: undefined,
        description: {},
        source: undefined,
        replaces: undefined,
        from: undefined,
        until: undefined,
      };
      for (const [c, value] of cellsOf(t, raw)) {
        if (c.field === 'id') row.id = value;
        else if ((c.field === 'name' || c.field === 'description') && value !== '') row[c.field][c.lang!] = value;
        else if (c.field === 'type') row.type = value === '' ? undefined : value;
        else if (c.field === 'source') {
          const source = parseSource(value);
          if (source === 'bad') report(t.file, raw.line, 'import-bad-source', { value });
          else row.source = source;
        } else if (c.field === 'replaces') {
          row.replaces = value.split(/[\s,;]+/).filter(Boolean);
          for (const id of row.replaces)
            if (!ID.test(id)) report(t.file, raw.line, 'import-bad-function', { value: id });
        } else if ((c.field === 'from' || c.field === 'until') && value !== '') {
          if (!isCalendarDate(value)) report(t.file, raw.line, 'import-bad-date', { value });
          else row[c.field] = value;
        }
      }
      if (row.id !== '' && !ID.test(row.id)) report(t.file, raw.line, 'import-bad-function', { value: row.id });
      if (row.type !== undefined && !ID.test(row.type))
        report(t.file, raw.line, 'import-bad-type', { value: row.type });
      if (Object.keys(row.name).length === 0) report(t.file, raw.line, 'import-no-name', {});
      fnRows.push(row);
    }
  }

  // 2. Ids from names where the id cell is empty: never one a row or the structure already has.
  const nameFor = (texts: Record<string, string>): string => texts[defaultLanguage] ?? Object.values(texts)[0] ?? '';
  const existingUnitIds = (loaded?.units ?? []).map((u) => u.unit.id);
  const unitIds = new IdMaker([...existingUnitIds, ...rows.map((r) => r.id).filter(Boolean)]);
  for (const row of rows) if (row.id === '' && !isBad(row)) row.id = unitIds.make(nameFor(row.name), 'unit');
  const fnIds = new IdMaker([
    ...(loaded?.functions ?? []).map((f) => f.fn.id),
    ...fnRows.map((r) => r.id).filter(Boolean),
  ]);
  for (const row of fnRows) if (row.id === '' && !isBad(row)) row.id = fnIds.make(nameFor(row.name), 'function');

  // 3. Rows against each other and against the structure they go into.
  const byId = new Map<string, Row>();
  for (const row of rows) {
    if (row.id === '' || !ID.test(row.id)) continue;
    const first = byId.get(row.id);
    if (first) report(row.file, row.line, 'import-duplicate-id', { id: row.id, line: first.line });
    else byId.set(row.id, row);
  }
  const fnById = new Map<string, FunctionRow>();
  for (const row of fnRows) {
    if (row.id === '' || !ID.test(row.id)) continue;
    const first = fnById.get(row.id);
    if (first) report(row.file, row.line, 'import-duplicate-function', { id: row.id, line: first.line });
    else fnById.set(row.id, row);
  }
  const existingUnits = new Map<string, { unit: Unit; file: string; rel: string }>();
  const relOf = new Map((input.existing ?? []).map((f) => [f.file, f.rel]));
  for (const { unit, file } of loaded?.units ?? [])
    if (!existingUnits.has(unit.id)) existingUnits.set(unit.id, { unit, file, rel: relOf.get(file) ?? file });
  const existingFunctions = new Map<string, { fn: OrgFunction; file: string; rel: string }>();
  for (const { fn, file } of loaded?.functions ?? [])
    if (!existingFunctions.has(fn.id)) existingFunctions.set(fn.id, { fn, file, rel: relOf.get(file) ?? file });

  // Assignments: the roles of each unit they name, replacing what its row or file had.
  for (const t of assignmentTables) {
    for (const raw of t.body) {
      let unit = '';
      let fn = '';
      let role = '';
      for (const [c, value] of cellsOf(t, raw)) {
        if (c.field === 'unit') unit = value;
        else if (c.field === 'function') fn = value;
        else if (c.field === 'role') role = value;
      }
      if (!ID.test(unit)) report(t.file, raw.line, 'import-bad-parent', { value: unit });
      else if (!byId.has(unit))
        report(
          t.file,
          raw.line,
          existingUnits.has(unit) ? 'import-assignment-not-in-table' : 'import-assignment-unknown-unit',
          { unit },
        );
      if (!ID.test(fn)) report(t.file, raw.line, 'import-bad-function', { value: fn });
      if (!roleIds.has(role)) report(t.file, raw.line, 'import-unknown-role', { role, roles: [...roleIds].join(', ') });
      const row = byId.get(unit);
      if (row && !isBad({ file: t.file, line: raw.line })) (row.roles ??= new Map()).set(fn, role);
    }
  }

  const parentOf = (id: string): string | undefined =>
    byId.has(id) ? byId.get(id)!.parent : existingUnits.get(id)?.unit.parent;
  const kinds = hasOrganization ? loaded!.organization.kinds.map((k) => k.id) : inferKinds([...byId.values()], byId);
  // Kind ranking is refused only where organization.yaml makes kind-rank an error (its default).
  const rankSetting = hasOrganization ? loaded!.organization.rules?.['kind-rank'] : undefined;
  const rankSeverity = Array.isArray(rankSetting) ? rankSetting[0] : rankSetting;
  const checkRank = rankSeverity === undefined || rankSeverity === 'error';

  for (const row of byId.values()) {
    const existing = existingUnits.get(row.id);
    if (existing && !input.force) report(row.file, row.line, 'import-exists', { id: row.id, file: existing.file });
    if (row.parent !== undefined && ID.test(row.parent)) {
      if (!byId.has(row.parent) && !existingUnits.has(row.parent))
        report(row.file, row.line, 'import-unknown-parent', { parent: row.parent });
      else {
        // Walk up: a chain that comes back to this row is a loop.
        const chain = [row.id];
        for (
          let p: string | undefined = row.parent;
          p !== undefined && chain.length <= byId.size + existingUnits.size + 1;
          p = parentOf(p)
        ) {
          chain.push(p);
          if (p === row.id) {
            report(row.file, row.line, 'import-cycle', { chain: chain.join(' → ') });
            break;
          }
        }
      }
    }
    if (ID.test(row.kind)) {
      if (!kinds.includes(row.kind))
        report(row.file, row.line, 'import-unknown-kind', { kind: row.kind, kinds: kinds.join(', ') });
      const parentKind =
        row.parent === undefined ? undefined : (byId.get(row.parent)?.kind ?? existingUnits.get(row.parent)?.unit.kind);
      if (
        checkRank &&
        parentKind !== undefined &&
        kinds.includes(parentKind) &&
        kinds.includes(row.kind) &&
        kinds.indexOf(row.kind) <= kinds.indexOf(parentKind)
      ) {
        report(row.file, row.line, 'import-kind-rank', {
          kind: row.kind,
          parent: row.parent!,
          parentKind,
          order: kinds.join(' > '),
        });
      }
    }
  }
  for (const row of fnById.values()) {
    const existing = existingFunctions.get(row.id);
    if (existing && !input.force)
      report(row.file, row.line, 'import-function-exists', { id: row.id, file: existing.file });
  }
  // One root: the structure's own, or the first row without a parent.
  const existingRoot = [...existingUnits.values()].find((e) => e.unit.parent === undefined && !byId.has(e.unit.id))
    ?.unit.id;
  let root = existingRoot;
  for (const row of byId.values()) {
    if (row.parent !== undefined) continue;
    if (root === undefined) root = row.id;
    else if (root !== row.id) report(row.file, row.line, 'import-extra-root', { id: row.id, root });
  }

  // 4. Where each new unit's file goes, and files that are in the way. Iterative: a deep tree needs no deep stack.
  const relFor = new Map<string, string>();
  const knownRel = (id: string): string | undefined => relFor.get(id) ?? existingUnits.get(id)?.rel;
  const fileOf = (id: string): string => {
    const known = knownRel(id);
    if (known !== undefined) return known;
    // Up from the unit to the first ancestor whose file is known (its folder holds the chain), or to the root.
    const chain = [id];
    let dir = 'units';
    for (
      let p = parentOf(id);
      p !== undefined && p !== root && (byId.has(p) || existingUnits.has(p)) && chain.length < 64;
      p = parentOf(p)
    ) {
      const rel = knownRel(p);
      if (rel !== undefined) {
        dir = `${posix.dirname(rel)}/${p}`;
        break;
      }
      chain.push(p);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      relFor.set(chain[i]!, `${dir}/${chain[i]}.yaml`);
      dir = `${dir}/${chain[i]}`;
    }
    return relFor.get(id)!;
  };
  const existingFiles = new Set((input.existing ?? []).map((f) => f.rel));
  for (const row of byId.values()) {
    if (existingUnits.has(row.id) || isBad(row)) continue;
    const rel = fileOf(row.id);
    if (existingFiles.has(rel) && !input.force) report(row.file, row.line, 'import-file-exists', { file: rel });
  }

  // 5. With --partial, a good row under a bad one cannot be placed either.
  const badIds = new Map<string, number>();
  for (const row of rows) if (isBad(row) && row.id !== '') badIds.set(row.id, row.line);
  for (let changed = true; changed;) {
    changed = false;
    for (const row of byId.values()) {
      if (isBad(row) || row.parent === undefined || !badIds.has(row.parent)) continue;
      report(row.file, row.line, 'import-parent-bad', { parent: row.parent, line: badIds.get(row.parent)! });
      badIds.set(row.id, row.line);
      changed = true;
    }
  }

  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const plan: ImportPlan = {
    problems,
    files: [],
    ignoredColumns: read.filter((t) => t.ignored.length > 0).map((t) => ({ file: t.file, columns: t.ignored })),
    created: 0,
    updated: 0,
    organizationCreated: false,
    functionsImported: 0,
    functionsCreated: [],
    rows: {
      units: rows.length,
      functions: fnRows.length,
      assignments: assignmentTables.reduce((n, t) => n + t.body.length, 0),
    },
  };
  if (problems.length > 0 && !input.partial) return plan;

  // 6. The files.
  const good = [...byId.values()].filter((r) => !isBad(r));
  const goodFunctions = [...fnById.values()].filter((r) => !isBad(r));
  if (!hasOrganization) {
    const allLanguages = [...unitsTables, ...functionTables].flatMap((t) =>
      t.columns.filter((c) => c?.lang !== undefined).map((c) => c!.lang!),
    );
    const languages = [...new Set([defaultLanguage, ...allLanguages])];
    const rootRow = root !== undefined ? byId.get(root) : undefined;
    const organization = {
      id: rootRow?.id ?? 'organization',
      name: rootRow ? rootRow.name : { [defaultLanguage]: 'organization' },
      languages,
      kinds: kinds.map((id) => ({ id, name: { [defaultLanguage]: id } })),
    };
    const text = `${defaultLanguage === 'ru' ? '# Создано командой org import. Виды подразделений упорядочены по их месту в дереве;\n# дайте им настоящие названия. Роли матрицы функций — по умолчанию (lead, participant, approver, informed).\n' : '# Created by org import. The kinds are ordered by where they sit in the tree; give them\n# their real names. The roles of the function matrix are the defaults (lead, participant, approver, informed).\n'}${stringify(organization)}`;
    plan.files.push({
      rel: 'organization.yaml',
      text: canonical(text, 'organization', 'organization.yaml', input.schemaBase),
      action: 'create',
    });
    plan.organizationCreated = true;
  }

  const texts = loaded?.texts;
  const fnLangs = (field: Field): string[] => [
    ...new Set(functionTables.flatMap((t) => t.columns.filter((c) => c?.field === field).map((c) => c!.lang!))),
  ];
  const fnFields = new Set(
    functionTables.flatMap((t) => t.columns.filter((c) => c !== undefined).map((c) => c!.field)),
  );
  for (const row of goodFunctions) {
    const existing = existingFunctions.get(row.id);
    if (existing) {
      const original = texts?.get(existing.file);
      if (original === undefined) continue;
      plan.files.push({
        rel: existing.rel,
        text: canonical(
          updatedFunctionText(original, row, defaultLanguage, fnLangs('name'), fnLangs('description'), fnFields),
          'function',
          existing.rel,
          input.schemaBase,
        ),
        action: 'update',
      });
      plan.functionsImported++;
      continue;
    }
    const rel = `functions/${row.id}.yaml`;
    const fn: Record<string, unknown> = { id: row.id, name: row.name };
    if (row.type !== undefined) fn.type = row.type;
    if (Object.keys(row.description).length > 0) fn.description = row.description;
    if (row.source !== undefined && row.source !== '') fn.source = row.source;
    if (row.replaces !== undefined && row.replaces.length > 0) fn.replaces = row.replaces;
    if (row.from !== undefined) fn.from = row.from;
    if (row.until !== undefined) fn.until = row.until;
    plan.files.push({ rel, text: canonical(stringify(fn), 'function', rel, input.schemaBase), action: 'create' });
    plan.functionsImported++;
  }

  const knownFunctions = new Set([...existingFunctions.keys(), ...fnById.keys()]);
  for (const f of input.existing ?? [])
    if (/^functions\/.*\.ya?ml$/.test(f.rel)) knownFunctions.add(posix.basename(f.rel).replace(/\.ya?ml$/, ''));
  const referenced = good.flatMap((r) => [...r.leads, ...(r.roles?.keys() ?? [])]);
  const stubs = [...new Set(referenced)].filter((fn) => !knownFunctions.has(fn)).sort();
  for (const fn of stubs) {
    const rel = `functions/${fn}.yaml`;
    const note =
      defaultLanguage === 'ru'
        ? '# Создано командой org import: в таблице был только идентификатор функции.\n# Дайте ей настоящее название и описание.\n'
        : '# Created by org import: the spreadsheet gave only the function id.\n# Give it its real name and a description.\n';
    plan.files.push({
      rel,
      text: canonical(
        `${note}${stringify({ id: fn, name: { [defaultLanguage]: fn } })}`,
        'function',
        rel,
        input.schemaBase,
      ),
      action: 'create',
    });
    plan.functionsCreated.push(fn);
  }

  for (const row of good) {
    const existing = existingUnits.get(row.id);
    if (existing) {
      const original = texts?.get(existing.file);
      if (original === undefined) continue; // a file that did not parse cannot be merged into
      const text = canonical(
        updatedUnitText(original, row, defaultLanguage, present),
        'unit',
        existing.rel,
        input.schemaBase,
      );
      plan.files.push({ rel: existing.rel, text, action: 'update' });
      plan.updated++;
      continue;
    }
    const rel = fileOf(row.id);
    const unit: Record<string, unknown> = { id: row.id, kind: row.kind, name: row.name };
    if (Object.keys(row.short).length > 0) unit.short = row.short;
    if (Object.keys(row.description).length > 0) unit.description = row.description;
    if (row.parent !== undefined) unit.parent = row.parent;
    const functions: Record<string, string> = {};
    if (row.roles) for (const [fn, role] of row.roles) functions[fn] = role;
    for (const fn of row.leads) functions[fn] ??= 'lead';
    if (Object.keys(functions).length > 0) unit.functions = functions;
    if (row.positions !== undefined) {
      if (row.positions.length > 0) unit.positions = row.positions;
    } else if (row.headcount !== undefined && row.headcount > 0)
      unit.positions = staffPositions(row.headcount, defaultLanguage);
    if (row.replaces !== undefined && row.replaces.length > 0) unit.replaces = row.replaces;
    if (row.source !== undefined && row.source !== '') unit.source = row.source;
    if (typeof row.order === 'number') unit.order = row.order;
    if (row.staff === true) unit.staff = true;
    if (row.from !== undefined) unit.from = row.from;
    if (row.until !== undefined) unit.until = row.until;
    if (row.basis !== undefined) unit.basis = row.basis;
    plan.files.push({ rel, text: canonical(stringify(unit), 'unit', rel, input.schemaBase), action: 'create' });
    plan.created++;
  }
  return plan;
}
