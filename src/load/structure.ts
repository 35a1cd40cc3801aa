/**
 * Loads a structure from raw files (read from a directory or from a git revision): decodes and
 * parses each, validates it against its schema, and keeps what can be understood even from files
 * with errors, so that every command can work on a structure that is not yet valid. Pure: file
 * contents come in, values and findings go out.
 */
import type { FunctionEntry, LoadedStructure, UnitEntry } from '../model/loaded.js';
import { ACT_KINDS } from '../model/validity.js';
import type { FileFinding, Finding } from '../model/finding.js';
import type {
  Act,
  ActKind,
  FunctionType,
  Kind,
  OrgFunction,
  Organization,
  Position,
  Role,
  RuleSetting,
  Source,
  Text,
  Unit,
} from '../model/types.js';
import { validateValue, type FileKind } from '../schema/validate.js';
import { parseYaml, type ParseProblem } from './parse.js';
import { decode, scanText, type ScanProblem } from './scan.js';

/** A problem found while reading a file from disk, before its contents are known. */
export type ReadProblem =
  | { code: 'too-large'; size: number }
  | { code: 'symlink-outside'; target: string }
  | { code: 'symlink-loop' }
  | { code: 'not-regular' }
  | { code: 'unreadable'; reason: string };

export interface RawFile {
  /** Path inside the structure directory, forward slashes (`units/a.yaml`). */
  rel: string;
  /** Path as shown to the user. */
  file: string;
  bytes?: Uint8Array;
  problem?: ReadProblem;
}

export type { FunctionEntry, LoadedStructure, UnitEntry } from '../model/loaded.js';

export const DEFAULT_ROLES: Role[] = [
  { id: 'lead', name: { en: 'lead', ru: 'ответственный' }, code: { en: 'L', ru: 'О' } },
  { id: 'participant', name: { en: 'participant', ru: 'участвует' }, code: { en: 'P', ru: 'У' } },
  { id: 'approver', name: { en: 'approver', ru: 'согласует' }, code: { en: 'A', ru: 'С' } },
  { id: 'informed', name: { en: 'informed', ru: 'информируется' }, code: { en: 'I', ru: 'И' } },
];

export function fileKind(rel: string): FileKind | undefined {
  if (rel === 'organization.yaml' || rel === 'organization.yml') return 'organization';
  if (!/\.ya?ml$/i.test(rel)) return undefined;
  if (rel.startsWith('units/')) return 'unit';
  if (rel.startsWith('functions/')) return 'function';
  return undefined;
}

/** Everything the loader can find wrong with a file before its schema is checked: the `yaml-syntax` findings. */
export type LoadProblem = ScanProblem | ParseProblem | ReadProblem;

export type LoadProblemCode = LoadProblem['code'];

/** The data each problem's message receives, by code (src/rules/yaml-syntax.ts holds the messages). */
export type LoadProblemData = { [C in LoadProblemCode]: DataOfProblem<ProblemWith<C>> };
/** The problems that may carry code `C` (some kinds share their shape among several codes). */
type ProblemWith<C, P = LoadProblem> = P extends { code: infer K } ? (C extends K ? P : never) : never;
type DataOfProblem<P> = P extends { data: infer D } ? D : Omit<P, 'code' | 'range'>;

/** A problem as a `yaml-syntax` finding: its code is the message id, its other fields the data. */
function syntaxFinding(p: LoadProblem): FileFinding {
  const range = 'range' in p ? p.range : { line: 1, column: 1 };
  if ('data' in p) return { rule: 'yaml-syntax', messageId: p.code, data: p.data, range };
  const { code, ...rest } = p as { code: LoadProblemCode } & Record<string, unknown>;
  const data: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string' || typeof v === 'number') data[k] = v;
  return { rule: 'yaml-syntax', messageId: code, data, range };
}

function syntax(file: string, p: LoadProblem): Finding {
  return { ...syntaxFinding(p), file };
}

/** What reading one file yields, independent of where the file is: the cacheable part of loading. */
export interface FileResult {
  /** The parsed top-level mapping, when the file could be understood. */
  value?: Record<string, unknown>;
  /** `yaml-syntax` and `schema` findings, without the file (added when the result is used). */
  findings: FileFinding[];
}

/**
 * A store of file results by content, so that a file already read in an earlier run need not be
 * parsed and validated again. The shell provides one (src/cli/cache.ts); the key must cover the
 * file's bytes, its kind and the build of the tool.
 */
export interface ParseCache {
  get(kind: FileKind, bytes: Uint8Array): FileResult | undefined;
  set(kind: FileKind, bytes: Uint8Array, result: FileResult): void;
}

export interface LoadOptions {
  organizationFile?: string;
  cache?: ParseCache;
}

/** Decodes the file's bytes as UTF-8 text without a byte-order mark, or says why it cannot. */
function textOf(bytes: Uint8Array): { text: string } | { problem: ScanProblem } {
  const decoded = decode(bytes);
  if ('problem' in decoded) return decoded;
  return { text: decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text };
}

/** Reads one file: checks, parses and validates it. Pure; never throws. */
export function readFile(kind: FileKind, bytes: Uint8Array): FileResult {
  return readDecoded(kind, textOf(bytes));
}

function readDecoded(kind: FileKind, decoded: { text: string } | { problem: ScanProblem }): FileResult {
  if ('problem' in decoded) return { findings: [syntaxFinding(decoded.problem)] };
  const scanned = scanText(decoded.text);
  if (scanned) return { findings: [syntaxFinding(scanned)] };
  const parsed = parseYaml(decoded.text);
  const findings = parsed.problems.map(syntaxFinding);
  if (!parsed.value) return { findings };
  findings.push(...validateValue(kind, parsed.value));
  return { value: parsed.value, findings };
}

/** Loads a structure from its raw files. Never throws. */
export function loadStructure(files: readonly RawFile[], options: LoadOptions = {}): LoadedStructure {
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  const units: UnitEntry[] = [];
  const functions: FunctionEntry[] = [];
  let organization: Organization | undefined;
  let orgFile = options.organizationFile ?? 'organization.yaml';

  for (const raw of files) {
    // A path the reader could not follow (a looping directory link) is reported whatever its name.
    if (raw.problem) {
      findings.push(syntax(raw.file, raw.problem));
      continue;
    }
    const kind = fileKind(raw.rel);
    if (!kind || !raw.bytes) continue;
    if (kind === 'organization') orgFile = raw.file;
    // The text is kept to locate findings later; decoding is cheap next to parsing, which a
    // cached result saves.
    const decoded = textOf(raw.bytes);
    let result = options.cache?.get(kind, raw.bytes);
    if (!result) {
      result = readDecoded(kind, decoded);
      options.cache?.set(kind, raw.bytes, result);
    }
    for (const f of result.findings) findings.push({ ...f, file: raw.file });
    const value = result.value;
    if (!value) continue;
    if ('text' in decoded) texts.set(raw.file, decoded.text);
    if (kind === 'organization') organization = coerceOrganization(value);
    else if (kind === 'unit') {
      const unit = coerceUnit(value);
      if (unit) units.push({ unit, file: raw.file });
    } else {
      const fn = coerceFunction(value);
      if (fn) functions.push({ fn, file: raw.file });
    }
  }
  return {
    organization: organization ?? {
      id: 'organization',
      name: 'organization',
      languages: ['en'],
      kinds: [],
      roles: DEFAULT_ROLES,
    },
    hasOrganization: organization !== undefined,
    organizationFile: orgFile,
    units,
    functions,
    findings,
    texts,
  };
}

// The coercions below keep only values of the right shape, so that code working on a structure
// with schema errors never meets a number where it expects a name.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function text(v: unknown): Text | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) if (typeof s === 'string' && s !== '') out[k] = s;
  return Object.keys(out).length > 0 ? out : undefined;
}

function source(v: unknown): Source | undefined {
  if (typeof v === 'string') return v || undefined;
  if (!isObj(v)) return undefined;
  const out: Exclude<Source, string> = {};
  for (const k of ['title', 'url', 'date', 'note'] as const) {
    const s = v[k];
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}

/** A date of the ISO shape; a day that does not exist (2024-02-30) is kept for `valid-dates` to report. */
const date = (v: unknown): string | undefined =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;

function act(v: unknown): Act | undefined {
  if (!isObj(v)) return undefined;
  const out: Act = {};
  if (typeof v.kind === 'string' && ACT_KINDS.has(v.kind)) out.kind = v.kind as ActKind;
  if ((typeof v.number === 'string' && v.number !== '') || (typeof v.number === 'number' && Number.isFinite(v.number)))
    out.number = v.number;
  put(out, 'date', date(v.date));
  put(out, 'title', text(v.title));
  // Only a web address: a `javascript:` or `file:` link must never reach an HTML or Markdown output.
  if (typeof v.url === 'string' && /^https?:\/\/[^\s]+$/i.test(v.url)) out.url = v.url;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Assigns only defined values, as `exactOptionalPropertyTypes` requires. */
function put<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

function named<T extends { id: string; name: Text }>(v: unknown, extra: (o: Obj, t: T) => void): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const item of v) {
    if (!isObj(item)) continue;
    const id = str(item.id);
    if (!id) continue;
    const t = { id, name: text(item.name) ?? id } as T;
    extra(item, t);
    out.push(t);
  }
  return out;
}

function coerceOrganization(v: Obj): Organization {
  const languages = strings(v.languages)?.filter((l) => l !== '') ?? [];
  const org: Organization = {
    id: str(v.id) ?? 'organization',
    name: text(v.name) ?? str(v.id) ?? 'organization',
    languages: languages.length > 0 ? languages : ['en'],
    kinds: named<Kind>(v.kinds, (o, k) => put(k, 'functionTypes', strings(o.functionTypes))),
  };
  put(org, 'short', text(v.short));
  put(org, 'description', text(v.description));
  put(org, 'date', str(v.date));
  put(
    org,
    'fonts',
    strings(v.fonts)?.filter((f) => f !== ''),
  );
  const roles = named<Role>(v.roles, (o, r) => put(r, 'code', text(o.code)));
  org.roles = roles.length > 0 ? roles : DEFAULT_ROLES;
  if (v.functionTypes !== undefined)
    org.functionTypes = named<FunctionType>(v.functionTypes, (o, t) => put(t, 'description', text(o.description)));
  if (isObj(v.rules)) {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(v.rules)) {
      if (typeof setting === 'string') rules[id] = setting as RuleSetting;
      else if (Array.isArray(setting) && typeof setting[0] === 'string')
        rules[id] = (isObj(setting[1]) ? [setting[0], setting[1]] : [setting[0]]) as RuleSetting;
    }
    org.rules = rules;
  }
  put(org, 'basis', act(v.basis));
  put(org, 'source', source(v.source));
  return org;
}

function coerceUnit(v: Obj): Unit | undefined {
  const id = str(v.id);
  if (!id) return undefined;
  const unit: Unit = { id, kind: str(v.kind) ?? '', name: text(v.name) ?? id };
  put(unit, 'short', text(v.short));
  put(unit, 'parent', str(v.parent));
  put(unit, 'staff', typeof v.staff === 'boolean' ? v.staff : undefined);
  put(unit, 'order', typeof v.order === 'number' && Number.isFinite(v.order) ? v.order : undefined);
  put(unit, 'description', text(v.description));
  if (isObj(v.functions)) {
    const fns: Record<string, string> = {};
    for (const [f, role] of Object.entries(v.functions)) if (typeof role === 'string') fns[f] = role;
    unit.functions = fns;
  }
  if (Array.isArray(v.positions)) {
    const positions: Position[] = [];
    for (const p of v.positions) {
      if (!isObj(p)) continue;
      const count = typeof p.count === 'number' && Number.isInteger(p.count) && p.count >= 0 ? p.count : 0;
      positions.push({ title: text(p.title) ?? '', count });
    }
    unit.positions = positions;
  }
  put(unit, 'replaces', strings(v.replaces));
  put(unit, 'from', date(v.from));
  put(unit, 'until', date(v.until));
  put(unit, 'basis', act(v.basis));
  put(unit, 'source', source(v.source));
  return unit;
}

function coerceFunction(v: Obj): OrgFunction | undefined {
  const id = str(v.id);
  if (!id) return undefined;
  const fn: OrgFunction = { id, name: text(v.name) ?? id };
  put(fn, 'type', str(v.type));
  put(fn, 'description', text(v.description));
  put(fn, 'from', date(v.from));
  put(fn, 'until', date(v.until));
  put(fn, 'replaces', strings(v.replaces));
  put(fn, 'source', source(v.source));
  return fn;
}
