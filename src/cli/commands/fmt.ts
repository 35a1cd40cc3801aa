/**
 * `org fmt [paths…]`: rewrites every structure file into its canonical form (src/fmt/format.ts), each
 * atomically and only when it changes. `--check` writes nothing and lists the files that would
 * change (exit 1), for CI and pre-commit. A file that does not parse is reported and left alone.
 */
import { resolve } from 'node:path';
import { baseFromRef, parseModeline, schemaKindOf } from '../../init/modeline.js';
import { formatStructureFile } from '../../fmt/format.js';
import { readStructureDir } from '../../load/read.js';
import { decode, scanText } from '../../load/scan.js';
import type { RawFile } from '../../load/structure.js';
import { writeFileAtomic } from '../../output/write.js';
import { UsageError } from '../../model/errors.js';
import { pathTargets, type PathTarget, type Registrar, type RunContext } from '../context.js';
import { schemaBaseFor } from './init.js';

interface Options {
  check?: boolean;
  schemas?: string;
}

/** The first line of a file that is a modeline, as its schema reference. */
function modelineOf(raw: RawFile): string | undefined {
  if (!raw.bytes) return undefined;
  const head = Buffer.from(raw.bytes.subarray(0, 4096)).toString('utf8');
  for (const line of head.split(/\r?\n/)) {
    const ref = parseModeline(line);
    if (ref !== undefined) return ref;
  }
  return undefined;
}

/**
 * Where the structure's modelines point: as organization.yaml says, else as the first other
 * file says, else where `org init` would point them.
 */
function structureSchemaBase(files: RawFile[], absDir: string, explicit: string | undefined): string {
  if (explicit !== undefined) return explicit;
  const ordered = [...files].sort((a, b) => Number(schemaKindOf(b.rel) === 'organization') - Number(schemaKindOf(a.rel) === 'organization'));
  for (const raw of ordered) {
    const ref = modelineOf(raw);
    const base = ref === undefined ? undefined : baseFromRef(ref, raw.rel);
    if (base !== undefined) return base;
  }
  return schemaBaseFor(absDir);
}

/** Formats the files a target names (all of a structure, or the files pre-commit passed). */
function formatTarget(ctx: RunContext, target: PathTarget, options: Options): { changed: string[]; untouched: number; total: number } {
  const dir = target.dir;
  const selected = (file: string): boolean => target.whole || target.files.has(file) || target.folders.some((f) => file.startsWith(f));
  const files = readStructureDir(dir, ctx.io.cwd).filter((raw) => selected(raw.file));
  const absDir = resolve(ctx.io.cwd, dir);
  const base = structureSchemaBase(files, absDir, options.schemas);
  const changed: string[] = [];
  let untouched = 0;
  let total = 0;
  for (const raw of files) {
    const kind = schemaKindOf(raw.rel);
    if (!kind) continue;
    total++;
    const problem = (message: string): void => {
      untouched++;
      ctx.io.stderr(`${message}\n`);
    };
    const unreadable = (p: { code: string }): void => {
      const { code, ...data } = p as { code: string } & Record<string, string>;
      problem(ctx.t('fmt-unreadable', { file: raw.file, message: ctx.t(`yaml-syntax/${code}`, data) }));
    };
    if (raw.problem || !raw.bytes) {
      unreadable(raw.problem ?? ({ code: 'unreadable', reason: 'no content' } as { code: string }));
      continue;
    }
    const decoded = decode(raw.bytes);
    if ('problem' in decoded) {
      unreadable(decoded.problem);
      continue;
    }
    const scanned = scanText(decoded.text.replace(/^\uFEFF/, ''));
    if (scanned) {
      unreadable(scanned);
      continue;
    }
    const result = formatStructureFile(decoded.text, { kind, rel: raw.rel, schemaBase: base });
    if (!result.ok) {
      if (result.reason === 'parse') problem(ctx.t('fmt-unparseable', { file: raw.file, line: result.line, message: ctx.t(result.messageId, result.data) }));
      else problem(ctx.t(result.detail === 'value' ? 'fmt-unsafe-value' : 'fmt-unsafe-comments', { file: raw.file }));
      continue;
    }
    // Compare bytes, not decoded text: a byte-order mark or CRLF line ends are changes too.
    if (Buffer.from(result.text, 'utf8').equals(Buffer.from(raw.bytes))) continue;
    changed.push(raw.file);
    if (options.check) continue;
    try {
      writeFileAtomic(resolve(ctx.io.cwd, raw.file), result.text);
    } catch (e) {
      throw new UsageError('write-failed', { file: raw.file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  }

  return { changed, untouched, total };
}

function formatPaths(ctx: RunContext, paths: readonly string[], options: Options): number {
  const targets = pathTargets(ctx, paths);
  const changed: string[] = [];
  let untouched = 0;
  let total = 0;
  for (const target of targets) {
    const result = formatTarget(ctx, target, options);
    changed.push(...result.changed);
    untouched += result.untouched;
    total += result.total;
  }
  const dir = targets.map((t) => t.dir).join(', ');
  if (options.check) {
    for (const file of changed) ctx.io.stdout(`${file}\n`);
    const summary =
      changed.length > 0 ? ctx.t('fmt-check-changes', { count: changed.length, dir }) : ctx.t('fmt-check-clean', { count: total - untouched });
    ctx.io.stderr(`${summary}\n`);
    return changed.length > 0 || untouched > 0 ? 1 : 0;
  }
  ctx.io.stdout(`${changed.length > 0 ? ctx.t('fmt-formatted', { count: changed.length, total: total - untouched }) : ctx.t('fmt-clean', { count: total - untouched })}\n`);
  return untouched > 0 ? 1 : 0;
}

export const register: Registrar = (program, run) => {
  program
    .command('fmt')
    .description('rewrite structure files in one canonical form (key order, quoting, indentation, modeline), keeping every comment')
    .argument('[paths...]', 'structure directories, or files and folders inside structures (default: the structure found from the current directory)')
    .option('--check', 'write nothing; list the files that would change and exit with 1 if any')
    .option('--schemas <path-or-url>', 'where modelines point (default: as organization.yaml says)')
    .addHelpText(
      'after',
      `
Exit codes: 0 all files formatted (or, with --check, already tidy); 1 some file would change
(--check) or could not be formatted; 2 could not run.

Examples:
  org fmt                               tidy ./structure in place
  org fmt --check                       in CI: list untidy files
  org fmt --check structure/units/a.yaml  only these files (as pre-commit passes them)
  org fmt path/to/structure --schemas ../node_modules/orgcode/schemas`,
    )
    .action((paths: string[], options: Options) => run((ctx) => formatPaths(ctx, paths, options)));
};
