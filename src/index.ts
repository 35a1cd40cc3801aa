/**
 * The library: what `import … from 'orgcode'` gives. The same functions the `org` command runs —
 * load a structure (from a directory or from files in memory), validate it, compare two, and
 * render diagnostics, a diff, an org chart (DOT or SVG) or a function matrix as a string. Nothing
 * here prints, exits or reads the environment; the only I/O is `readStructure`, which reads the
 * directory it is given, and `renderChart` with `format: 'svg'`, which loads Graphviz (WebAssembly).
 */
import { diffStructures } from './diff/diff.js';
import type { DiffResult } from './diff/types.js';
import { translator, wordsLanguage, type Language } from './i18n/format.js';
import { readStructureDir } from './load/read.js';
import { loadStructure, type LoadedStructure, type ParseCache, type RawFile } from './load/structure.js';
import { buildModel, textsByLanguage, type OrgModel } from './model/model.js';
import { formatters } from './render/diagnostics/index.js';
import { diffRenderers } from './render/diff/index.js';
import type { DiffSide } from './diff/types.js';
import { buildMatrix } from './render/matrix/model.js';
import { renderMatrixCsv } from './render/matrix/csv.js';
import { renderMatrixHtml } from './render/matrix/html.js';
import { renderMatrixJson } from './render/matrix/json.js';
import { renderMatrixMarkdown } from './render/matrix/markdown.js';
import { renderMatrixTable } from './render/matrix/table.js';
import { validateStructure, type ValidationResult } from './rules/run.js';

declare const ORG_VERSION: string | undefined;
/** Version of orgcode. */
export const VERSION: string = typeof ORG_VERSION === 'string' ? ORG_VERSION : '0.0.0-dev';

export type { DiffResult, Change, DiffSummary } from './diff/types.js';
export type { Diagnostic, DiagnosticSeverity } from './model/finding.js';
export type { OrgModel, Assignment } from './model/model.js';
export type { Organization, Unit, OrgFunction, Text, Kind, Role } from './model/types.js';
export type { ValidationResult, ValidationSummary } from './rules/run.js';
export type { LoadedStructure, RawFile } from './load/structure.js';
export type { Language } from './i18n/format.js';

/** A structure as read: its files parsed, not yet validated. */
export type Structure = LoadedStructure;

export interface ReadOptions {
  /** Directory that the paths in findings are relative to (default: the process's working directory). */
  cwd?: string;
  /** Reuse what parsing each file gave, keyed by content (the CLI keeps one between runs). */
  cache?: ParseCache;
}

/**
 * Reads a structure directory (organization.yaml, units/, functions/) from disk. Throws a
 * `UsageError` (with `messageId` such as `no-such-dir` or `no-organization`) when it is not one.
 */
export function readStructure(dir: string, options: ReadOptions = {}): Structure {
  const cwd = options.cwd ?? process.cwd();
  return loadStructure(readStructureDir(dir, cwd), options.cache ? { cache: options.cache } : {});
}

/**
 * A structure from files in memory: paths inside the structure (`organization.yaml`,
 * `units/city.yaml`, `functions/budget.yaml`) to their text or bytes. `prefix` is put in front of
 * each path in findings (default: none).
 */
export function structureFromFiles(
  files: Readonly<Record<string, string | Uint8Array>>,
  options: { prefix?: string } = {},
): Structure {
  const encoder = new TextEncoder();
  const raw: RawFile[] = Object.keys(files)
    .sort()
    .map((rel) => {
      const content = files[rel]!;
      return {
        rel,
        file: options.prefix ? `${options.prefix.replace(/\/+$/, '')}/${rel}` : rel,
        bytes: typeof content === 'string' ? encoder.encode(content) : content,
      };
    });
  return loadStructure(raw);
}

export interface ValidateOptions {
  /** Language of the messages (default English). */
  lang?: Language;
  /** Only errors are located and reported (faster on a large structure). */
  errorsOnly?: boolean;
}

/** Every problem of a structure, with the rules configured as its organization.yaml says. */
export function validate(structure: Structure, options: ValidateOptions = {}): ValidationResult {
  return validateStructure(structure, translator(options.lang ?? 'en'), options.errorsOnly ? { errorsOnly: true } : {});
}

/** The resolved model (units and functions by id, children, assignments) of a structure. */
export function model(structure: Structure): OrgModel {
  return buildModel(structure);
}

/** The model of what a caller passed: a structure as read, or a model it already built. */
const modelOf = (input: Structure | OrgModel): OrgModel =>
  input.units instanceof Map ? (input as OrgModel) : buildModel(input as Structure);

/** What a reorganisation changes from `before` to `after`: typed changes matched by id and declared or inferred lineage. */
export function diff(
  before: Structure | OrgModel,
  after: Structure | OrgModel,
  options: { infer?: boolean } = {},
): DiffResult {
  return diffStructures(modelOf(before), modelOf(after), options);
}

export type DiagnosticsFormat = 'stylish' | 'json' | 'github' | 'sarif' | 'codequality' | 'junit';

/** A validation result as `org validate --format` writes it. */
export function formatDiagnostics(
  result: Pick<ValidationResult, 'diagnostics' | 'summary'>,
  format: DiagnosticsFormat = 'stylish',
  options: { lang?: Language } = {},
): string {
  const formatter = formatters[format];
  if (!formatter) throw new Error(`unknown diagnostics format: ${format}`);
  return formatter(result, { color: false, t: translator(options.lang ?? 'en'), version: VERSION });
}

/** A diff as `org diff --format` writes it; `labels` name the two sides (default "before" and "after"). */
export function formatDiff(
  result: DiffResult,
  format: 'text' | 'markdown' | 'json' = 'text',
  options: { lang?: Language; labels?: [string, string]; before?: OrgModel; after?: OrgModel } = {},
): string {
  const renderer = diffRenderers[format];
  if (!renderer) throw new Error(`unknown diff format: ${format}`);
  const side = (label: string, m: OrgModel | undefined): DiffSide => ({
    label,
    source: { type: 'directory', path: label },
    organization: m
      ? { id: m.organization.id, name: textsByLanguage(m.organization.name, m.defaultLanguage) }
      : { id: label, name: {} },
    errors: [],
  });
  const [from, to] = options.labels ?? ['before', 'after'];
  return renderer(
    { from: side(from, options.before), to: side(to, options.after), diff: result },
    { t: translator(options.lang ?? 'en') },
  );
}

export interface ChartOptions {
  format?: 'dot' | 'svg';
  /** Language of the names (default: the organisation's first language). */
  lang?: string;
  root?: string;
  depth?: number;
  direction?: 'TB' | 'LR';
  headcount?: boolean;
  functions?: boolean;
  title?: string;
}

/** The org chart as DOT (for Graphviz) or as SVG, the same as `org render chart`. */
export async function renderChart(structure: Structure | OrgModel, options: ChartOptions = {}): Promise<string> {
  const m = modelOf(structure);
  const lang = options.lang ?? m.defaultLanguage;
  const [{ chartSpec }, { measure }] = await Promise.all([
    import('./render/chart/chart.js'),
    import('./output/measure.js'),
  ]);
  const chartOptions = {
    lang,
    t: translator(wordsLanguage(lang)),
    direction: options.direction ?? 'TB',
    headcount: options.headcount === true,
    functions: options.functions === true,
    ...(options.root !== undefined ? { root: options.root } : {}),
    ...(options.depth !== undefined ? { depth: options.depth } : {}),
    ...(options.title !== undefined ? { title: options.title } : {}),
  };
  const spec = chartSpec(m, chartOptions);
  if ((options.format ?? 'svg') === 'dot') {
    const { writeDot } = await import('./render/chart/dot.js');
    return writeDot(spec, measure);
  }
  // The same drawing every picture format of the command starts from.
  const [{ chartDrawing }, { drawingSvg }, { defaultFontSet }] = await Promise.all([
    import('./render/chart/draw.js'),
    import('./render/chart/svg.js'),
    import('./output/fonts.js'),
  ]);
  return drawingSvg(chartDrawing(spec, measure), { measure, fontFamily: defaultFontSet().cssFamily });
}

export interface MatrixOptions {
  format?: 'table' | 'md' | 'csv' | 'html' | 'json';
  /** Language of the names and role codes (default: the organisation's first language). */
  lang?: string;
  /** One column per unit of this kind. */
  by?: string;
  root?: string;
  groupBy?: 'lead' | 'type';
  /** Width of the text table in columns (default 120). */
  width?: number;
}

/** The function matrix as text, Markdown, CSV, HTML or JSON, the same as `org render matrix`. */
export function renderMatrix(structure: Structure | OrgModel, options: MatrixOptions = {}): string {
  const m = modelOf(structure);
  const lang = options.lang ?? m.defaultLanguage;
  const matrix = buildMatrix(m, {
    lang,
    groupBy: options.groupBy ?? 'lead',
    ...(options.by !== undefined ? { by: options.by } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
  });
  const t = translator(wordsLanguage(lang));
  switch (options.format ?? 'table') {
    case 'md':
      return renderMatrixMarkdown(matrix, { t });
    case 'csv':
      return renderMatrixCsv(matrix, { t });
    case 'html':
      return renderMatrixHtml(matrix, { t });
    case 'json':
      return renderMatrixJson(matrix);
    default:
      return renderMatrixTable(matrix, { t, width: options.width ?? 120, color: false });
  }
}
