/**
 * `org validate [paths…]`: every problem of a structure at once, in the format the reader needs.
 * Paths are taken as linters take them: a structure directory is checked whole; a file or folder
 * inside a structure checks the structure it belongs to (a unit is only valid among the others)
 * and reports the findings in those files, and the errors elsewhere that name what they define
 * (a child whose parent the commit removed, an id that now appears twice). Several structures
 * can be given at once; the report covers all of them.
 */
import type { Diagnostic } from '../../model/finding.js';
import { formatters } from '../../render/diagnostics/index.js';
import type { ValidationResult, ValidationSummary } from '../../rules/run.js';
import { validateStructure } from '../../rules/run.js';
import {
  checkFormat,
  emit,
  loadDir,
  outputTarget,
  parseCount,
  pathTargets,
  type PathTarget,
  type Registrar,
} from '../context.js';

interface Options {
  format: string;
  quiet?: boolean;
  maxWarnings?: string;
  output?: string;
}

/** Rules whose errors in one file are caused by what another file defines. */
const CROSS_FILE_RULES = new Set([
  'duplicate-id',
  'parent-exists',
  'no-cycles',
  'single-root',
  'function-exists',
  'kind-rank',
]);

function isIn(target: PathTarget, file: string): boolean {
  return target.whole || target.files.has(file) || target.folders.some((f) => file.startsWith(f));
}
/** The findings of the selected files, and the cross-file errors elsewhere that name an id those files define. */
function selected(result: ValidationResult, target: PathTarget): Diagnostic[] {
  if (target.whole) return result.diagnostics;
  const ids = new Set<string>();
  for (const { unit, file } of result.model.units.values()) if (isIn(target, file)) ids.add(unit.id);
  for (const { fn, file } of result.model.functions.values()) if (isIn(target, file)) ids.add(fn.id);
  const names = (message: string): boolean =>
    [...message.matchAll(/[a-z0-9]+(?:-[a-z0-9]+)*/g)].some((m) => ids.has(m[0]));
  return result.diagnostics.filter(
    (d) => isIn(target, d.file) || (d.severity === 'error' && CROSS_FILE_RULES.has(d.rule) && names(d.message)),
  );
}

function summaryOf(diagnostics: readonly Diagnostic[], results: readonly ValidationResult[]): ValidationSummary {
  const count = (s: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === s).length;
  const sum = (key: 'units' | 'functions' | 'files'): number => results.reduce((n, r) => n + r.summary[key], 0);
  return {
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    units: sum('units'),
    functions: sum('functions'),
    files: sum('files'),
  };
}

export const register: Registrar = (program, run) => {
  program
    .command('validate')
    .description('check a structure: schemas, references, the tree and the function matrix')
    .argument(
      '[paths...]',
      'structure directories, or files and folders inside structures (default: the structure found from the current directory)',
    )
    .option('-f, --format <format>', 'stylish, json, github, sarif, codequality or junit', 'stylish')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this')
    .option('-o, --output <file>', 'write the report to a file (atomically)')
    .addHelpText(
      'after',
      `
Without a path, the structure is the nearest folder with organization.yaml at or above the
current directory (or a structure/ folder beside one on the way up).

Examples:
  org validate                          check the structure found from here
  org validate path/to/structure --format json
  org validate structure/units/a.yaml   findings of one file (the whole structure is loaded)
  org validate old new                  two structures, one report
  org validate --format github          annotations in GitHub Actions
  org validate --format sarif -o org.sarif
  org validate --format codequality -o gl-code-quality-report.json
  org validate --format junit -o org-junit.xml
  org validate --max-warnings 0         fail on warnings too`,
    )
    .action((paths: string[], options: Options) =>
      run((ctx) => {
        const format = checkFormat(options.format, Object.keys(formatters));
        const maxWarnings =
          options.maxWarnings === undefined ? undefined : parseCount('--max-warnings', options.maxWarnings);
        const results: ValidationResult[] = [];
        const all: Diagnostic[] = [];
        const files: string[] = [];
        // --quiet shows errors only: unless --max-warnings must count them, warnings and notes are
        // dropped before they are located and worded.
        const errorsOnly = options.quiet === true && maxWarnings === undefined;
        for (const target of pathTargets(ctx, paths)) {
          const loaded = loadDir(ctx, target.dir);
          const result = validateStructure(loaded, ctx.t, { errorsOnly });
          results.push(result);
          const shown = selected(result, target);
          all.push(...shown);
          const checked = [
            loaded.organizationFile,
            ...loaded.units.map((u) => u.file),
            ...loaded.functions.map((f) => f.file),
            ...shown.map((d) => d.file),
          ];
          files.push(...new Set(checked.filter((file) => isIn(target, file) || shown.some((d) => d.file === file))));
        }
        const full = summaryOf(all, results);
        const diagnostics = options.quiet ? all.filter((d) => d.severity === 'error') : all;
        const summary = options.quiet ? { ...full, warnings: 0, infos: 0 } : full;
        const color = format === 'stylish' && outputTarget(ctx, options.output).color;
        emit(
          ctx,
          formatters[format]!({ diagnostics, summary, files }, { color, t: ctx.t, version: ctx.version }),
          options.output,
          format === 'stylish' ? 'text' : format === 'github' ? 'annotations' : 'data',
        );
        if (full.errors > 0) return 1;
        if (maxWarnings !== undefined && full.warnings > maxWarnings) {
          ctx.io.stderr(`${ctx.t('max-warnings', { count: full.warnings, max: maxWarnings })}\n`);
          return 1;
        }
        return 0;
      }),
    );
};
