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
import { parseHeader, type Column, type Field } from '../export/columns.js';
import { formatStructureFile } from '../fmt/format.js';
import { PARSE_OPTIONS } from '../load/parse.js';
import { loadStructure, type LoadedStructure, type RawFile } from '../load/structure.js';
import { UsageError } from '../model/errors.js';
import type { MessageData } from '../model/finding.js';
import { headcount, textsByLanguage } from '../model/model.js';
import { isCalendarDate } from '../model/validity.js';
import type { Text, Unit } from '../model/types.js';
import { readCsv, type Separator } from './csv-read.js';

export interface ImportInput {
  /** The spreadsheet's text, decoded (a byte-order mark is allowed). */
  csv: string;
  /** Files of the target structure when it already has organization.yaml. */
  existing?: RawFile[];
  schemaBase: string;
  force: boolean;
  partial: boolean;
}

export interface RowProblem {
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
  separator: Separator;
  problems: RowProblem[];
  /** Empty when a row is bad and the import is not partial. */
  files: PlannedFile[];
  /** Header cells that are not columns of this format. */
  ignoredColumns: string[];
  created: number;
  updated: number;
  organizationCreated: boolean;
  functionsCreated: string[];
}

interface Row {
  line: number;
  id: string;
  parent: string | undefined;
  kind: string;
  name: Record<string, string>;
  short: Record<string, string>;
  headcount: number | undefined;
  leads: string[];
  /** Undefined without an order column; null for an empty cell. */
  order?: number | null;
  /** Undefined without a staff column. */
  staff?: boolean;
  from?: string;
  until?: string;
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const STAFF_TITLE: Record<string, string> = { ru: 'Штатные единицы', en: 'Staff positions' };

function readHeader(cells: string[], defaultLanguage: (cyrillic: boolean) => string): { columns: Array<Column | undefined>; ignored: string[] } {
  const cyrillic = cells.some((c) => /[а-яё]/i.test(c));
  const lang = defaultLanguage(cyrillic);
  const columns = cells.map((cell): Column | undefined => {
    const column = parseHeader(cell);
    if (!column) return undefined;
    return column.field === 'name' || column.field === 'short' ? { field: column.field, lang: column.lang ?? lang } : column;
  });
  const ignored = cells.filter((c, i) => columns[i] === undefined && c.trim() !== '');
  const seen = new Map<string, string>();
  columns.forEach((c, i) => {
    if (!c) return;
    const key = `${c.field}:${c.lang ?? ''}`;
    if (seen.has(key)) throw new UsageError('import-duplicate-column', { column: cells[i]!.trim(), other: seen.get(key)! });
    seen.set(key, cells[i]!.trim());
  });
  const has = (f: Field): boolean => columns.some((c) => c?.field === f);
  const missing = (['id', 'kind', 'name'] as const).filter((f) => !has(f));
  if (missing.length > 0) throw new UsageError('import-missing-columns', { columns: missing.join(', ') });
  return { columns, ignored };
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
  const better = (a: string, b: string): boolean => minDepth.get(a)! < minDepth.get(b)! || (minDepth.get(a) === minDepth.get(b) && kinds.indexOf(a) < kinds.indexOf(b));
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
  const title = STAFF_TITLE[defaultLanguage] !== undefined ? { [defaultLanguage]: STAFF_TITLE[defaultLanguage]! } : { en: STAFF_TITLE.en! };
  return [{ title, count }];
}

/** The file of an existing unit, updated from its row; everything the row does not carry is kept, comments too. */
function updatedUnitText(text: string, row: Row, defaultLanguage: string, nameColumns: string[], shortColumns: string[], dateColumns: readonly string[] = []): string {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const current = doc.toJS() as Unit;
  const merge = (old: Text | undefined, fresh: Record<string, string>, columns: string[]): Text | undefined => {
    const out: Record<string, string> = { ...textsByLanguage(old, defaultLanguage) };
    for (const lang of columns) {
      if (fresh[lang] !== undefined) out[lang] = fresh[lang]!;
      else delete out[lang];
    }
    return textOf(out);
  };
  const set = (key: string, value: unknown): void => {
    if (value === undefined) doc.delete(key);
    else doc.set(key, doc.createNode(value));
  };
  set('kind', row.kind);
  set('parent', row.parent);
  const name = merge(current.name, row.name, nameColumns);
  if (name !== undefined) set('name', name);
  set('short', merge(current.short, row.short, shortColumns));
  const functions: Record<string, string> = {};
  for (const [fn, role] of Object.entries(current.functions ?? {})) if (role !== 'lead') functions[fn] = role;
  for (const fn of row.leads) functions[fn] = 'lead';
  set('functions', Object.keys(functions).length > 0 ? functions : undefined);
  if (row.order !== undefined) set('order', row.order ?? undefined);
  if (row.staff !== undefined) set('staff', row.staff ? true : undefined);
  // A date column that is there sets the date, and an empty cell removes it; without the column the file keeps its own.
  for (const key of ['from', 'until'] as const) if (dateColumns.includes(key)) set(key, row[key]);
  if (row.headcount !== undefined && row.headcount !== headcount(current)) set('positions', row.headcount > 0 ? staffPositions(row.headcount, defaultLanguage) : undefined);
  if (!isMap(doc.contents)) throw new Error('import: unit file is not a mapping');
  return doc.toString();
}

export function planImport(input: ImportInput): ImportPlan {
  const table = readCsv(input.csv);
  if (table.unclosedQuote !== undefined) throw new UsageError('import-unclosed-quote', { line: table.unclosedQuote });
  const nonBlank = table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = nonBlank[0];
  if (!header) throw new UsageError('import-empty', {});

  const loaded: LoadedStructure | undefined = input.existing ? loadStructure(input.existing) : undefined;
  const hasOrganization = loaded?.hasOrganization ?? false;
  const organizationLanguage = hasOrganization ? loaded!.organization.languages[0] : undefined;
  const { columns, ignored } = readHeader(header.cells, (cyrillic) => organizationLanguage ?? (cyrillic ? 'ru' : 'en'));
  const defaultLanguage = organizationLanguage ?? columns.find((c) => c?.field === 'name')!.lang!;
  const nameColumns = columns.filter((c) => c?.field === 'name').map((c) => c!.lang!);
  const shortColumns = columns.filter((c) => c?.field === 'short').map((c) => c!.lang!);
  const dateColumns = columns.flatMap((c) => (c?.field === 'from' || c?.field === 'until' ? [c.field] : []));

  const problems: RowProblem[] = [];
  const bad = new Set<number>();
  const report = (line: number, messageId: string, data: MessageData = {}): void => {
    problems.push({ line, messageId, data });
    bad.add(line);
  };

  // 1. Each row on its own.
  const rows: Row[] = [];
  for (const raw of nonBlank.slice(1)) {
    const cell = (i: number): string => (raw.cells[i] ?? '').trim();
    if (raw.cells.length > columns.length && raw.cells.slice(columns.length).some((c) => c.trim() !== '')) {
      report(raw.line, 'import-extra-cells', { count: raw.cells.length, expected: columns.length });
    }
    const row: Row = { line: raw.line, id: '', parent: undefined, kind: '', name: {}, short: {}, headcount: undefined, leads: [] };
    columns.forEach((c, i) => {
      if (!c) return;
      const value = cell(i);
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
          if (value !== '') row.name[c.lang!] = value;
          break;
        case 'short':
          if (value !== '') row.short[c.lang!] = value;
          break;
        case 'headcount': {
          const digits = value.replace(/[\s\u00a0\u202f]/g, '');
          if (digits === '') break;
          if (!/^\d{1,7}$/.test(digits) || Number(digits) > 1_000_000) report(raw.line, 'import-bad-headcount', { value });
          else row.headcount = Number(digits);
          break;
        }
        case 'order': {
          if (value === '') row.order = null;
          else if (!/^-?\d{1,7}(\.\d+)?$/.test(value)) report(raw.line, 'import-bad-order', { value });
          else row.order = Number(value);
          break;
        }
        case 'staff': {
          const word = value.toLowerCase();
          if (/^(|no|false|0|нет|-)$/.test(word)) row.staff = false;
          else if (/^(yes|true|1|x|да|\+)$/.test(word)) row.staff = true;
          else report(raw.line, 'import-bad-staff', { value });
          break;
        }
        case 'from':
        case 'until':
          if (value === '') break;
          if (!isCalendarDate(value)) report(raw.line, 'import-bad-date', { value });
          else row[c.field] = value;
          break;
        case 'leads':
          for (const fn of value.split(/[\s,;]+/).filter(Boolean)) {
            if (!ID.test(fn)) report(raw.line, 'import-bad-function', { value: fn });
            else if (!row.leads.includes(fn)) row.leads.push(fn);
          }
          break;
      }
    });
    if (row.id === '') report(raw.line, 'import-missing', { column: 'id' });
    else if (!ID.test(row.id)) report(raw.line, 'import-bad-id', { value: row.id });
    if (row.kind === '') report(raw.line, 'import-missing', { column: 'kind' });
    else if (!ID.test(row.kind)) report(raw.line, 'import-bad-kind', { value: row.kind });
    if (row.parent !== undefined && !ID.test(row.parent)) report(raw.line, 'import-bad-parent', { value: row.parent });
    if (Object.keys(row.name).length === 0) report(raw.line, 'import-no-name', {});
    rows.push(row);
  }

  // 2. Rows against each other and against the structure they go into.
  const byId = new Map<string, Row>();
  for (const row of rows) {
    if (row.id === '' || !ID.test(row.id)) continue;
    const first = byId.get(row.id);
    if (first) report(row.line, 'import-duplicate-id', { id: row.id, line: first.line });
    else byId.set(row.id, row);
  }
  const existingUnits = new Map<string, { unit: Unit; file: string; rel: string }>();
  const relOf = new Map((input.existing ?? []).map((f) => [f.file, f.rel]));
  for (const { unit, file } of loaded?.units ?? []) if (!existingUnits.has(unit.id)) existingUnits.set(unit.id, { unit, file, rel: relOf.get(file) ?? file });
  const parentOf = (id: string): string | undefined => (byId.has(id) ? byId.get(id)!.parent : existingUnits.get(id)?.unit.parent);
  const kinds = hasOrganization ? loaded!.organization.kinds.map((k) => k.id) : inferKinds([...byId.values()], byId);

  for (const row of byId.values()) {
    const existing = existingUnits.get(row.id);
    if (existing && !input.force) report(row.line, 'import-exists', { id: row.id, file: existing.file });
    if (row.parent !== undefined && ID.test(row.parent)) {
      if (!byId.has(row.parent) && !existingUnits.has(row.parent)) report(row.line, 'import-unknown-parent', { parent: row.parent });
      else {
        // Walk up: a chain that comes back to this row is a loop.
        const chain = [row.id];
        for (let p: string | undefined = row.parent; p !== undefined && chain.length <= byId.size + existingUnits.size + 1; p = parentOf(p)) {
          chain.push(p);
          if (p === row.id) {
            report(row.line, 'import-cycle', { chain: chain.join(' → ') });
            break;
          }
        }
      }
    }
    if (ID.test(row.kind)) {
      if (!kinds.includes(row.kind)) report(row.line, 'import-unknown-kind', { kind: row.kind, kinds: kinds.join(', ') });
      const parentKind = row.parent === undefined ? undefined : (byId.get(row.parent)?.kind ?? existingUnits.get(row.parent)?.unit.kind);
      if (parentKind !== undefined && kinds.includes(parentKind) && kinds.includes(row.kind) && kinds.indexOf(row.kind) <= kinds.indexOf(parentKind)) {
        report(row.line, 'import-kind-rank', { kind: row.kind, parent: row.parent!, parentKind, order: kinds.join(' > ') });
      }
    }
  }
  // One root: the structure's own, or the first row without a parent.
  const existingRoot = [...existingUnits.values()].find((e) => e.unit.parent === undefined && !byId.has(e.unit.id))?.unit.id;
  let root = existingRoot;
  for (const row of byId.values()) {
    if (row.parent !== undefined) continue;
    if (root === undefined) root = row.id;
    else if (root !== row.id) report(row.line, 'import-extra-root', { id: row.id, root });
  }

  // 3. Where each new unit's file goes, and files that are in the way.
  const relFor = new Map<string, string>();
  const fileOf = (id: string, depth = 0): string => {
    const known = relFor.get(id) ?? existingUnits.get(id)?.rel;
    if (known !== undefined) return known;
    const parent = parentOf(id);
    let dir = 'units';
    if (parent !== undefined && parent !== root && depth < 64 && (byId.has(parent) || existingUnits.has(parent))) {
      const parentFile = fileOf(parent, depth + 1);
      dir = `${posix.dirname(parentFile)}/${parent}`;
    }
    const rel = `${dir}/${id}.yaml`;
    relFor.set(id, rel);
    return rel;
  };
  const existingFiles = new Set((input.existing ?? []).map((f) => f.rel));
  for (const row of byId.values()) {
    if (existingUnits.has(row.id) || bad.has(row.line)) continue;
    const rel = fileOf(row.id);
    if (existingFiles.has(rel) && !input.force) report(row.line, 'import-file-exists', { file: rel });
  }

  // 4. With --partial, a good row under a bad one cannot be placed either.
  const badIds = new Map<string, number>();
  for (const row of rows) if (bad.has(row.line) && row.id !== '') badIds.set(row.id, row.line);
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of byId.values()) {
      if (bad.has(row.line) || row.parent === undefined || !badIds.has(row.parent)) continue;
      report(row.line, 'import-parent-bad', { parent: row.parent, line: badIds.get(row.parent)! });
      badIds.set(row.id, row.line);
      changed = true;
    }
  }

  problems.sort((a, b) => a.line - b.line);
  const plan: ImportPlan = { separator: table.separator, problems, files: [], ignoredColumns: ignored, created: 0, updated: 0, organizationCreated: false, functionsCreated: [] };
  if (problems.length > 0 && !input.partial) return plan;

  // 5. The files.
  const good = [...byId.values()].filter((r) => !bad.has(r.line));
  if (!hasOrganization) {
    const languages = [...new Set([defaultLanguage, ...nameColumns, ...shortColumns])];
    const rootRow = root !== undefined ? byId.get(root) : undefined;
    const organization = {
      id: rootRow?.id ?? 'organization',
      name: rootRow ? rootRow.name : { [defaultLanguage]: 'organization' },
      languages,
      kinds: kinds.map((id) => ({ id, name: { [defaultLanguage]: id } })),
    };
    const text = `${defaultLanguage === 'ru' ? '# Создано командой org import csv. Виды подразделений упорядочены по их месту в дереве;\n# дайте им настоящие названия. Роли матрицы функций — по умолчанию (lead, participant, approver, informed).\n' : '# Created by org import csv. The kinds are ordered by where they sit in the tree; give them\n# their real names. The roles of the function matrix are the defaults (lead, participant, approver, informed).\n'}${stringify(organization)}`;
    plan.files.push({ rel: 'organization.yaml', text: canonical(text, 'organization', 'organization.yaml', input.schemaBase), action: 'create' });
    plan.organizationCreated = true;
  }

  const knownFunctions = new Set((loaded?.functions ?? []).map((f) => f.fn.id));
  for (const f of input.existing ?? []) if (/^functions\/.*\.ya?ml$/.test(f.rel)) knownFunctions.add(posix.basename(f.rel).replace(/\.ya?ml$/, ''));
  const stubs = [...new Set(good.flatMap((r) => r.leads))].filter((fn) => !knownFunctions.has(fn)).sort();
  for (const fn of stubs) {
    const rel = `functions/${fn}.yaml`;
    const note =
      defaultLanguage === 'ru'
        ? '# Создано командой org import csv: в таблице был только идентификатор функции.\n# Дайте ей настоящее название и описание.\n'
        : '# Created by org import csv: the spreadsheet gave only the function id.\n# Give it its real name and a description.\n';
    plan.files.push({ rel, text: canonical(`${note}${stringify({ id: fn, name: { [defaultLanguage]: fn } })}`, 'function', rel, input.schemaBase), action: 'create' });
    plan.functionsCreated.push(fn);
  }

  const texts = loaded?.texts;
  for (const row of good) {
    const existing = existingUnits.get(row.id);
    if (existing) {
      const original = texts?.get(existing.file);
      if (original === undefined) continue; // a file that did not parse cannot be merged into
      const text = canonical(updatedUnitText(original, row, defaultLanguage, nameColumns, shortColumns, dateColumns), 'unit', existing.rel, input.schemaBase);
      plan.files.push({ rel: existing.rel, text, action: 'update' });
      plan.updated++;
      continue;
    }
    const rel = fileOf(row.id);
    const unit: Record<string, unknown> = { id: row.id, kind: row.kind, name: row.name };
    if (Object.keys(row.short).length > 0) unit.short = row.short;
    if (row.parent !== undefined) unit.parent = row.parent;
    if (row.staff === true) unit.staff = true;
    if (typeof row.order === 'number') unit.order = row.order;
    if (row.leads.length > 0) unit.functions = Object.fromEntries(row.leads.map((fn) => [fn, 'lead']));
    if (row.headcount !== undefined && row.headcount > 0) unit.positions = staffPositions(row.headcount, defaultLanguage);
    if (row.from !== undefined) unit.from = row.from;
    if (row.until !== undefined) unit.until = row.until;
    plan.files.push({ rel, text: canonical(stringify(unit), 'unit', rel, input.schemaBase), action: 'create' });
    plan.created++;
  }
  return plan;
}
