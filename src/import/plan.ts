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
  const depths = rowDepths(byId);
  const depth = (row: Row): number => depths.get(row.id) ?? 0;
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

/**
 * How many distinct rows are above each row, following parents among the rows; a loop counts
 * each of its rows once (a row in one counts itself too). One walk up from each row that stops
 * where depths are known, so each row is visited once however deep the tree.
 */
function rowDepths(byId: Map<string, Row>): Map<string, number> {
  const depths = new Map<string, number>();
  const inLoop = new Set<string>();
  for (const start of byId.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | undefined = start;
    while (at !== undefined && byId.has(at) && !depths.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = byId.get(at)!.parent;
    }
    let end = path.length;
    const loopStart = at === undefined ? undefined : onPath.get(at);
    if (loopStart !== undefined) {
      for (let i = loopStart; i < path.length; i++) {
        depths.set(path[i]!, path.length - loopStart);
        inLoop.add(path[i]!);
      }
      end = loopStart;
    }
    // Below a row of a loop, the loop is all there is above: its length, not one more.
    let below = at === undefined || !byId.has(at) ? -1 : depths.get(at)! - (inLoop.has(at) ? 1 : 0);
    for (let i = end - 1; i >= 0; i--) depths.set(path[i]!, ++below);
  }
  return depths;
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

/**
 * The plan of an import: every row checked against the others and the structure it goes into,
 * and, unless a row is bad (and the import not partial), the texts of the files to write.
 */
export function planImport(input: ImportInput): ImportPlan {
  const target = targetOf(input);
  const problems = new Problems();
  const tables = readTables(input.tables, target);
  const rows = tables.units.flatMap((t) => t.body.map((raw) => unitRow(t, raw, problems)));
  const fnRows = tables.functions.flatMap((t) => t.body.map((raw) => functionRow(t, raw, problems)));
  makeIds(rows, fnRows, target, tables.defaultLanguage, problems);
  const index = indexRows(rows, fnRows, problems);
  readAssignments(tables.assignments, index, target, problems);
  const kinds = kindsOf(target, index);
  checkUnits(index, target, kinds, input.force, problems);
  checkFunctions(index, target, input.force, problems);
  const root = rootOf(index, target, problems);
  const fileOf = unitFiles(index, target, root);
  checkFilesInTheWay(index, target, fileOf, input.force, problems);
  refuseUnderBadParents(rows, index, problems);
  const plan = emptyPlan(problems, tables, rows.length, fnRows.length);
  if (plan.problems.length > 0 && !input.partial) return plan;
  const context: WriteContext = { input, target, tables, index, problems, kinds, root, fileOf };
  if (!target.hasOrganization) addOrganizationFile(plan, context);
  addFunctionFiles(plan, context);
  addStubFunctionFiles(plan, context);
  addUnitFiles(plan, context);
  return plan;
}

/** A file of the target structure, with its path inside the structure. */
interface Existing<T> {
  value: T;
  file: string;
  rel: string;
}

/** The structure imported into: what it already has, and what it says of roles and kinds. */
interface Target {
  loaded: LoadedStructure | undefined;
  hasOrganization: boolean;
  /** The first language of its organization.yaml, when it has one. */
  language: string | undefined;
  units: Map<string, Existing<Unit>>;
  functions: Map<string, Existing<OrgFunction>>;
  roleIds: Set<string>;
  /** The paths of its files. */
  rels: Set<string>;
}

/** What the structure the rows go into already holds: its units, functions and roles, by id. */
function targetOf(input: ImportInput): Target {
  const loaded: LoadedStructure | undefined = input.existing ? loadStructure(input.existing) : undefined;
  const hasOrganization = loaded?.hasOrganization ?? false;
  const relOf = new Map((input.existing ?? []).map((f) => [f.file, f.rel]));
  const units = new Map<string, Existing<Unit>>();
  for (const { unit, file } of loaded?.units ?? [])
    if (!units.has(unit.id)) units.set(unit.id, { value: unit, file, rel: relOf.get(file) ?? file });
  const functions = new Map<string, Existing<OrgFunction>>();
  for (const { fn, file } of loaded?.functions ?? [])
    if (!functions.has(fn.id)) functions.set(fn.id, { value: fn, file, rel: relOf.get(file) ?? file });
  const roles = hasOrganization && loaded!.organization.roles ? loaded!.organization.roles : DEFAULT_ROLES;
  return {
    loaded,
    hasOrganization,
    language: hasOrganization ? loaded!.organization.languages[0] : undefined,
    units,
    functions,
    roleIds: new Set(roles.map((r) => r.id)),
    rels: new Set((input.existing ?? []).map((f) => f.rel)),
  };
}

/** The problems found so far, and which rows (by file and line) have one. */
class Problems {
  readonly list: RowProblem[] = [];
  private readonly bad = new Set<string>();

  report(file: string, line: number, messageId: string, data: MessageData = {}): void {
    this.list.push({ file, line, messageId, data });
    this.bad.add(`${file}\u0000${line}`);
  }

  isBad(r: { file: string; line: number }): boolean {
    return this.bad.has(`${r.file}\u0000${r.line}`);
  }
}

type ReadTable = ReturnType<typeof readHeader> & { file: string; body: CsvRow[] };

interface Tables {
  all: ReadTable[];
  units: ReadTable[];
  functions: ReadTable[];
  assignments: ReadTable[];
  /** The language of names without one: the structure's, else that of the first name column. */
  defaultLanguage: string;
  /** Which columns the units tables have, so an update changes only what they carry. */
  present: Present;
}

/** Each table by its header: which kind of table it is, its columns, and its rows that are not blank. */
function readTables(input: readonly InputTable[], target: Target): Tables {
  const all = input.map((table) => {
    const nonBlank = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
    const header = nonBlank[0];
    if (!header) throw new UsageError('import-empty', {});
    const parsed = readHeader(header.cells, (cyrillic) => target.language ?? (cyrillic ? 'ru' : 'en'));
    return { ...parsed, file: table.file, body: nonBlank.slice(1) };
  });
  const units = all.filter((t) => t.table === 'units');
  const functions = all.filter((t) => t.table === 'functions');
  const firstName = [...units, ...functions].flatMap((t) => t.columns).find((c) => c?.field === 'name');
  return {
    all,
    units,
    functions,
    assignments: all.filter((t) => t.table === 'assignments'),
    defaultLanguage: target.language ?? firstName?.lang ?? 'en',
    present: {
      name: languagesOf(units, 'name'),
      short: languagesOf(units, 'short'),
      description: languagesOf(units, 'description'),
      fields: fieldsOf(units),
    },
  };
}

/** The languages of a text field's columns across tables, in the order they first appear. */
const languagesOf = (tables: readonly ReadTable[], field: Field): string[] => [
  ...new Set(tables.flatMap((t) => t.columns.filter((c) => c?.field === field).map((c) => c!.lang!))),
];

const fieldsOf = (tables: readonly ReadTable[]): Set<Field> =>
  new Set(tables.flatMap((t) => t.columns.filter((c) => c !== undefined).map((c) => c!.field)));

/** The cells of a row under their columns, trimmed; cells beyond the header are a problem. */
function cellsOf(t: ReadTable, raw: CsvRow, problems: Problems): Array<[Column, string]> {
  if (raw.cells.length > t.columns.length && raw.cells.slice(t.columns.length).some((c) => c.trim() !== '')) {
    problems.report(t.file, raw.line, 'import-extra-cells', { count: raw.cells.length, expected: t.columns.length });
  }
  return t.columns.flatMap((c, i): Array<[Column, string]> => (c ? [[c, (raw.cells[i] ?? '').trim()]] : []));
}

/** One row of a units table on its own: every cell read, and what a cell cannot hold reported. */
function unitRow(t: ReadTable, raw: CsvRow, problems: Problems): Row {
  const report = (messageId: string, data: MessageData = {}): void =>
    problems.report(t.file, raw.line, messageId, data);
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
  for (const [c, value] of cellsOf(t, raw, problems)) {
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
        if (!/^\d{1,7}$/.test(digits) || Number(digits) > 1_000_000) report('import-bad-headcount', { value });
        else row.headcount = Number(digits);
        break;
      }
      case 'positions': {
        const positions = value === '' ? [] : parsePositions(value);
        if (positions === 'bad') report('import-bad-positions', { value });
        else row.positions = positions;
        break;
      }
      case 'replaces':
        row.replaces = value.split(/[\s,;]+/).filter(Boolean);
        for (const id of row.replaces) if (!ID.test(id)) report('import-bad-id', { value: id });
        break;
      case 'source': {
        const source = parseSource(value);
        if (source === 'bad') report('import-bad-source', { value });
        else row.source = source;
        break;
      }
      case 'leads':
        for (const fn of value.split(/[\s,;]+/).filter(Boolean)) {
          if (!ID.test(fn)) report('import-bad-function', { value: fn });
          else if (!row.leads.includes(fn)) row.leads.push(fn);
        }
        break;
      case 'order': {
        const order = parseOrder(value);
        if (order === 'bad') report('import-bad-order', { value });
        else row.order = order;
        break;
      }
      case 'staff': {
        const staff = parseStaff(value);
        if (staff === 'bad') report('import-bad-staff', { value });
        else row.staff = staff;
        break;
      }
      case 'from':
      case 'until':
        if (value === '') break;
        if (!isCalendarDate(value)) report('import-bad-date', { value });
        else row[c.field] = value;
        break;
      case 'basis': {
        if (value === '') break;
        const basis = parseBasis(value);
        if (basis === 'bad') report('import-bad-basis', { value });
        else row.basis = basis;
        break;
      }
      default:
        break;
    }
  }
  if (row.id !== '' && !ID.test(row.id)) report('import-bad-id', { value: row.id });
  if (row.kind === '') report('import-missing', { column: 'kind' });
  else if (!ID.test(row.kind)) report('import-bad-kind', { value: row.kind });
  if (row.parent !== undefined && !ID.test(row.parent)) report('import-bad-parent', { value: row.parent });
  if (Object.keys(row.name).length === 0) report('import-no-name', {});
  return row;
}

/** One row of a functions table on its own. */
function functionRow(t: ReadTable, raw: CsvRow, problems: Problems): FunctionRow {
  const report = (messageId: string, data: MessageData = {}): void =>
    problems.report(t.file, raw.line, messageId, data);
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
  for (const [c, value] of cellsOf(t, raw, problems)) {
    if (c.field === 'id') row.id = value;
    else if ((c.field === 'name' || c.field === 'description') && value !== '') row[c.field][c.lang!] = value;
    else if (c.field === 'type') row.type = value === '' ? undefined : value;
    else if (c.field === 'source') {
      const source = parseSource(value);
      if (source === 'bad') report('import-bad-source', { value });
      else row.source = source;
    } else if (c.field === 'replaces') {
      row.replaces = value.split(/[\s,;]+/).filter(Boolean);
      for (const id of row.replaces) if (!ID.test(id)) report('import-bad-function', { value: id });
    } else if ((c.field === 'from' || c.field === 'until') && value !== '') {
      if (!isCalendarDate(value)) report('import-bad-date', { value });
      else row[c.field] = value;
    }
  }
  if (row.id !== '' && !ID.test(row.id)) report('import-bad-function', { value: row.id });
  if (row.type !== undefined && !ID.test(row.type)) report('import-bad-type', { value: row.type });
  if (Object.keys(row.name).length === 0) report('import-no-name', {});
  return row;
}

/** Ids from names where the id cell is empty: never one a row or the structure already has. */
function makeIds(
  rows: readonly Row[],
  fnRows: readonly FunctionRow[],
  target: Target,
  defaultLanguage: string,
  problems: Problems,
): void {
  const nameFor = (texts: Record<string, string>): string => texts[defaultLanguage] ?? Object.values(texts)[0] ?? '';
  const existingUnitIds = (target.loaded?.units ?? []).map((u) => u.unit.id);
  const unitIds = new IdMaker([...existingUnitIds, ...rows.map((r) => r.id).filter(Boolean)]);
  for (const row of rows) if (row.id === '' && !problems.isBad(row)) row.id = unitIds.make(nameFor(row.name), 'unit');
  const fnIds = new IdMaker([
    ...(target.loaded?.functions ?? []).map((f) => f.fn.id),
    ...fnRows.map((r) => r.id).filter(Boolean),
  ]);
  for (const row of fnRows)
    if (row.id === '' && !problems.isBad(row)) row.id = fnIds.make(nameFor(row.name), 'function');
}

/** The rows by id: the first row of an id counts, a later one is a problem. */
interface RowIndex {
  byId: Map<string, Row>;
  fnById: Map<string, FunctionRow>;
}

/** Indexes the rows by id, reporting an id given twice. */
function indexRows(rows: readonly Row[], fnRows: readonly FunctionRow[], problems: Problems): RowIndex {
  const byId = firstById(rows, problems, 'import-duplicate-id');
  const fnById = firstById(fnRows, problems, 'import-duplicate-function');
  return { byId, fnById };
}

function firstById<R extends { id: string; file: string; line: number }>(
  rows: readonly R[],
  problems: Problems,
  messageId: string,
): Map<string, R> {
  const byId = new Map<string, R>();
  for (const row of rows) {
    if (row.id === '' || !ID.test(row.id)) continue;
    const first = byId.get(row.id);
    if (first) problems.report(row.file, row.line, messageId, { id: row.id, line: first.line });
    else byId.set(row.id, row);
  }
  return byId;
}

/** The assignments tables: the roles of each unit they name, replacing what its row or file had. */
function readAssignments(tables: readonly ReadTable[], index: RowIndex, target: Target, problems: Problems): void {
  for (const t of tables) {
    for (const raw of t.body) {
      const report = (messageId: string, data: MessageData): void => problems.report(t.file, raw.line, messageId, data);
      let unit = '';
      let fn = '';
      let role = '';
      for (const [c, value] of cellsOf(t, raw, problems)) {
        if (c.field === 'unit') unit = value;
        else if (c.field === 'function') fn = value;
        else if (c.field === 'role') role = value;
      }
      if (!ID.test(unit)) report('import-bad-parent', { value: unit });
      else if (!index.byId.has(unit))
        report(target.units.has(unit) ? 'import-assignment-not-in-table' : 'import-assignment-unknown-unit', { unit });
      if (!ID.test(fn)) report('import-bad-function', { value: fn });
      if (!target.roleIds.has(role)) report('import-unknown-role', { role, roles: [...target.roleIds].join(', ') });
      const row = index.byId.get(unit);
      if (row && !problems.isBad({ file: t.file, line: raw.line })) (row.roles ??= new Map()).set(fn, role);
    }
  }
}

interface Kinds {
  /** Highest rank first. */
  ids: string[];
  /** Kind ranking is refused only where organization.yaml makes kind-rank an error (its default). */
  checkRank: boolean;
}

/** The kinds units may have: the structure's, or those the rows use, ordered by where they sit in the tree. */
function kindsOf(target: Target, index: RowIndex): Kinds {
  const organization = target.hasOrganization ? target.loaded!.organization : undefined;
  const rankSetting = organization?.rules?.['kind-rank'];
  const rankSeverity = Array.isArray(rankSetting) ? rankSetting[0] : rankSetting;
  return {
    ids: organization ? organization.kinds.map((k) => k.id) : inferKinds([...index.byId.values()], index.byId),
    checkRank: rankSeverity === undefined || rankSeverity === 'error',
  };
}

/** Each unit row against the structure: a unit that exists, a parent unknown or in a loop, a kind unknown or out of rank. */
function checkUnits(index: RowIndex, target: Target, kinds: Kinds, force: boolean, problems: Problems): void {
  const { byId } = index;
  const parentOf = (id: string): string | undefined =>
    byId.has(id) ? byId.get(id)!.parent : target.units.get(id)?.value.parent;
  const cycles = cyclesThrough(byId.keys(), parentOf, (id) => byId.has(id) || target.units.has(id));
  for (const row of byId.values()) {
    const report = (messageId: string, data: MessageData): void => problems.report(row.file, row.line, messageId, data);
    const existing = target.units.get(row.id);
    if (existing && !force) report('import-exists', { id: row.id, file: existing.file });
    if (row.parent !== undefined && ID.test(row.parent)) {
      if (!byId.has(row.parent) && !target.units.has(row.parent))
        report('import-unknown-parent', { parent: row.parent });
      else {
        const cycle = cycles.get(row.id);
        if (cycle !== undefined) report('import-cycle', { chain: [...cycle, row.id].join(' → ') });
      }
    }
    if (ID.test(row.kind)) {
      if (!kinds.ids.includes(row.kind)) report('import-unknown-kind', { kind: row.kind, kinds: kinds.ids.join(', ') });
      const parentKind =
        row.parent === undefined ? undefined : (byId.get(row.parent)?.kind ?? target.units.get(row.parent)?.value.kind);
      if (
        kinds.checkRank &&
        parentKind !== undefined &&
        kinds.ids.includes(parentKind) &&
        kinds.ids.includes(row.kind) &&
        kinds.ids.indexOf(row.kind) <= kinds.ids.indexOf(parentKind)
      ) {
        report('import-kind-rank', { kind: row.kind, parent: row.parent!, parentKind, order: kinds.ids.join(' > ') });
      }
    }
  }
}

/**
 * The loops of parents: for each id on one, the loop read upwards from it. One walk up from each
 * start that stops at an id already walked, so every id is visited once however deep the tree.
 */
function cyclesThrough(
  starts: Iterable<string>,
  parentOf: (id: string) => string | undefined,
  known: (id: string) => boolean,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walked = new Set<string>();
  for (const start of starts) {
    const path = new Map<string, number>();
    const order: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && known(at) && !walked.has(at)) {
      walked.add(at);
      path.set(at, order.length);
      order.push(at);
      at = parentOf(at);
    }
    const from = at === undefined ? undefined : path.get(at);
    if (from === undefined) continue;
    const loop = order.slice(from);
    loop.forEach((id, i) => out.set(id, [...loop.slice(i), ...loop.slice(0, i)]));
  }
  return out;
}

/** Function rows against the structure: a function that exists already, unless --force. */
function checkFunctions(index: RowIndex, target: Target, force: boolean, problems: Problems): void {
  for (const row of index.fnById.values()) {
    const existing = target.functions.get(row.id);
    if (existing && !force)
      problems.report(row.file, row.line, 'import-function-exists', { id: row.id, file: existing.file });
  }
}

/** The one root: the structure's own, or the first row without a parent; another row without one is a problem. */
function rootOf(index: RowIndex, target: Target, problems: Problems): string | undefined {
  let root = [...target.units.values()].find((e) => e.value.parent === undefined && !index.byId.has(e.value.id))?.value
    .id;
  for (const row of index.byId.values()) {
    if (row.parent !== undefined) continue;
    if (root === undefined) root = row.id;
    else if (root !== row.id) problems.report(row.file, row.line, 'import-extra-root', { id: row.id, root });
  }
  return root;
}

/**
 * Where each unit's file goes: the root and its direct subunits in units/, deeper units in the
 * folder of their chain. Each path is found once and kept, so a deep tree costs no more than a flat one.
 */
function unitFiles(index: RowIndex, target: Target, root: string | undefined): (id: string) => string {
  const { byId } = index;
  const parentOf = (id: string): string | undefined =>
    byId.has(id) ? byId.get(id)!.parent : target.units.get(id)?.value.parent;
  const relFor = new Map<string, string>();
  const knownRel = (id: string): string | undefined => relFor.get(id) ?? target.units.get(id)?.rel;
  return (id) => {
    const known = knownRel(id);
    if (known !== undefined) return known;
    // Up from the unit to the first ancestor whose file is known (its folder holds the chain), or to the root.
    const chain = [id];
    let dir = 'units';
    for (
      let p = parentOf(id);
      p !== undefined && p !== root && (byId.has(p) || target.units.has(p)) && chain.length < 64;
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
}

/** A new unit whose file would land on one the structure already has, unless --force. */
function checkFilesInTheWay(
  index: RowIndex,
  target: Target,
  fileOf: (id: string) => string,
  force: boolean,
  problems: Problems,
): void {
  for (const row of index.byId.values()) {
    if (target.units.has(row.id) || problems.isBad(row)) continue;
    const rel = fileOf(row.id);
    if (target.rels.has(rel) && !force) problems.report(row.file, row.line, 'import-file-exists', { file: rel });
  }
}

/** With --partial, a good row under a bad one cannot be placed either: it is reported, and so is the subtree below it. */
function refuseUnderBadParents(rows: readonly Row[], index: RowIndex, problems: Problems): void {
  const badIds = new Map<string, number>();
  for (const row of rows) if (problems.isBad(row) && row.id !== '') badIds.set(row.id, row.line);
  const children = new Map<string, Row[]>();
  for (const row of index.byId.values())
    if (row.parent !== undefined) {
      const list = children.get(row.parent);
      if (list) list.push(row);
      else children.set(row.parent, [row]);
    }
  const queue = [...badIds.keys()];
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i]!;
    for (const row of children.get(parent) ?? []) {
      if (problems.isBad(row)) continue;
      problems.report(row.file, row.line, 'import-parent-bad', { parent, line: badIds.get(parent)! });
      badIds.set(row.id, row.line);
      queue.push(row.id);
    }
  }
}

/** The plan without its files: the problems in file and line order, and what was read. */
function emptyPlan(problems: Problems, tables: Tables, units: number, functions: number): ImportPlan {
  const list = problems.list.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return {
    problems: list,
    files: [],
    ignoredColumns: tables.all.filter((t) => t.ignored.length > 0).map((t) => ({ file: t.file, columns: t.ignored })),
    created: 0,
    updated: 0,
    organizationCreated: false,
    functionsImported: 0,
    functionsCreated: [],
    rows: { units, functions, assignments: tables.assignments.reduce((n, t) => n + t.body.length, 0) },
  };
}

/** Everything the files are made from. */
interface WriteContext {
  input: ImportInput;
  target: Target;
  tables: Tables;
  index: RowIndex;
  problems: Problems;
  kinds: Kinds;
  root: string | undefined;
  fileOf: (id: string) => string;
}

/** organization.yaml for a structure that has none: languages from the name columns, kinds in tree order. */
function addOrganizationFile(plan: ImportPlan, { input, tables, index, kinds, root }: WriteContext): void {
  const { defaultLanguage } = tables;
  const allLanguages = [...tables.units, ...tables.functions].flatMap((t) =>
    t.columns.filter((c) => c?.lang !== undefined).map((c) => c!.lang!),
  );
  const languages = [...new Set([defaultLanguage, ...allLanguages])];
  const rootRow = root !== undefined ? index.byId.get(root) : undefined;
  const organization = {
    id: rootRow?.id ?? 'organization',
    name: rootRow ? rootRow.name : { [defaultLanguage]: 'organization' },
    languages,
    kinds: kinds.ids.map((id) => ({ id, name: { [defaultLanguage]: id } })),
  };
  const text = `${defaultLanguage === 'ru' ? '# Создано командой org import. Виды подразделений упорядочены по их месту в дереве;\n# дайте им настоящие названия. Роли матрицы функций — по умолчанию (lead, participant, approver, informed).\n' : '# Created by org import. The kinds are ordered by where they sit in the tree; give them\n# their real names. The roles of the function matrix are the defaults (lead, participant, approver, informed).\n'}${stringify(organization)}`;
  plan.files.push({
    rel: 'organization.yaml',
    text: canonical(text, 'organization', 'organization.yaml', input.schemaBase),
    action: 'create',
  });
  plan.organizationCreated = true;
}

/** A file for each good row of the functions tables: new, or the existing file with the row's cells merged in. */
function addFunctionFiles(plan: ImportPlan, { input, target, tables, index, problems }: WriteContext): void {
  const texts = target.loaded?.texts;
  const names = languagesOf(tables.functions, 'name');
  const descriptions = languagesOf(tables.functions, 'description');
  const fields = fieldsOf(tables.functions);
  for (const row of index.fnById.values()) {
    if (problems.isBad(row)) continue;
    const existing = target.functions.get(row.id);
    if (existing) {
      const original = texts?.get(existing.file);
      if (original === undefined) continue;
      plan.files.push({
        rel: existing.rel,
        text: canonical(
          updatedFunctionText(original, row, tables.defaultLanguage, names, descriptions, fields),
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
}

/** A file with only an id and a name for each function a unit names that neither a table nor the structure describes. */
function addStubFunctionFiles(plan: ImportPlan, { input, target, tables, index, problems }: WriteContext): void {
  const { defaultLanguage } = tables;
  const knownFunctions = new Set([...target.functions.keys(), ...index.fnById.keys()]);
  for (const f of input.existing ?? [])
    if (/^functions\/.*\.ya?ml$/.test(f.rel)) knownFunctions.add(posix.basename(f.rel).replace(/\.ya?ml$/, ''));
  const referenced = [...index.byId.values()]
    .filter((r) => !problems.isBad(r))
    .flatMap((r) => [...r.leads, ...(r.roles?.keys() ?? [])]);
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
}

/** A file for each good unit row: new, in its place in the tree, or the existing file with the row's cells merged in. */
function addUnitFiles(plan: ImportPlan, { input, target, tables, index, problems, fileOf }: WriteContext): void {
  const texts = target.loaded?.texts;
  const { defaultLanguage } = tables;
  for (const row of index.byId.values()) {
    if (problems.isBad(row)) continue;
    const existing = target.units.get(row.id);
    if (existing) {
      const original = texts?.get(existing.file);
      if (original === undefined) continue; // a file that did not parse cannot be merged into
      const text = canonical(
        updatedUnitText(original, row, defaultLanguage, tables.present),
        'unit',
        existing.rel,
        input.schemaBase,
      );
      plan.files.push({ rel: existing.rel, text, action: 'update' });
      plan.updated++;
      continue;
    }
    const rel = fileOf(row.id);
    plan.files.push({
      rel,
      text: canonical(stringify(newUnit(row, defaultLanguage)), 'unit', rel, input.schemaBase),
      action: 'create',
    });
    plan.created++;
  }
}

/** The content of a new unit's file, from its row. */
function newUnit(row: Row, defaultLanguage: string): Record<string, unknown> {
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
  return unit;
}
