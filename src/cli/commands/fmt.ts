/**
 * `org fmt [paths…]`: rewrites every structure file into its canonical form (src/fmt/format.ts), each
 * atomically and only when it changes. `--check` writes nothing and lists the files that would
 * change (exit 1), for CI and pre-commit. A file that does not parse is reported and left alone.
 *
 * Nothing the user has is lost: a file is replaced only if it still holds exactly the bytes that
 * were formatted (checked just before the rename, so an edit made while fmt runs is kept and
 * reported); the replaced file keeps its mode and owner; a symbolic link inside the structure
 * stays a link and its target is formatted once; nothing is written through a link leading out.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { baseFromRef, parseModeline, schemaKindOf } from '../../init/modeline.js';
import { formatStructureFile } from '../../fmt/format.js';
import { readStructureDir } from '../../load/read.js';
import { decode, scanText } from '../../load/scan.js';
import type { RawFile } from '../../load/structure.js';
import { WriteRefused, writeFileAtomic, yieldToSignals } from '../../output/write.js';
import { pathTargets, writeError, type PathTarget, type Registrar, type RunContext } from '../context.js';
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
  const ordered = [...files].sort(
    (a, b) => Number(schemaKindOf(b.rel) === 'organization') - Number(schemaKindOf(a.rel) === 'organization'),
  );
  for (const raw of ordered) {
    const ref = modelineOf(raw);
    const base = ref === undefined ? undefined : baseFromRef(ref, raw.rel);
    if (base !== undefined) return base;
  }
  return schemaBaseFor(absDir);
}

interface TargetResult {
  dir: string;
  root: string;
  changed: Array<{ raw: RawFile; text: string }>;
  untouched: number;
  total: number;
}

/** Formats, in memory, the files a target names (all of a structure, or the files pre-commit passed). */
function formatTarget(ctx: RunContext, target: PathTarget, options: Options): TargetResult {
  const dir = target.dir;
  const selected = (file: string): boolean =>
    target.whole || target.files.has(file) || target.folders.some((f) => file.startsWith(f));
  const files = readStructureDir(dir, ctx.io.cwd).filter((raw) => selected(raw.file));
  const absDir = resolve(ctx.io.cwd, dir);
  const root = realpathSync(absDir);
  const base = structureSchemaBase(files, absDir, options.schemas);
  const changed: Array<{ raw: RawFile; text: string }> = [];
  const seen = new Set<string>();
  let untouched = 0;
  let total = 0;
  for (const raw of files) {
    const kind = schemaKindOf(raw.rel);
    // A folder that could not be read (`units/` linked out of the structure) holds files that are
    // not formatted: that is reported, never counted as tidy.
    if (!kind && !raw.problem) continue;
    total++;
    const problem = (message: string): void => {
      untouched++;
      ctx.io.stderr(`${message}\n`);
    };
    const unreadable = (p: { code: string }): void => {
      const { code, ...data } = p as { code: string } & Record<string, string>;
      problem(ctx.t('fmt-unreadable', { file: raw.file, message: ctx.t(`yaml-syntax/${code}`, data) }));
    };
    if (raw.problem || !raw.bytes || !kind) {
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
      if (result.reason === 'parse')
        problem(
          ctx.t('fmt-unparseable', {
            file: raw.file,
            line: result.line,
            message: ctx.t(result.messageId, result.data),
          }),
        );
      else problem(ctx.t(result.detail === 'value' ? 'fmt-unsafe-value' : 'fmt-unsafe-comments', { file: raw.file }));
      continue;
    }
    // Compare bytes, not decoded text: a byte-order mark or CRLF line ends are changes too.
    if (Buffer.from(result.text, 'utf8').equals(Buffer.from(raw.bytes))) continue;
    // Two links to one file, or a link beside its target: the file is formatted once.
    let real: string;
    try {
      real = realpathSync(resolve(ctx.io.cwd, raw.file));
    } catch {
      real = resolve(ctx.io.cwd, raw.file);
    }
    if (seen.has(real)) continue;
    seen.add(real);
    changed.push({ raw, text: result.text });
  }

  return { dir, root, changed, untouched, total };
}

async function formatPaths(ctx: RunContext, paths: readonly string[], options: Options): Promise<number> {
  const results = pathTargets(ctx, paths).map((target) => formatTarget(ctx, target, options));
  const changed = results.flatMap((r) => r.changed.map((c) => ({ ...c, root: r.root, dir: r.dir })));
  let untouched = results.reduce((n, r) => n + r.untouched, 0);
  const total = results.reduce((n, r) => n + r.total, 0);
  const dir = results.map((r) => r.dir).join(', ');
  if (options.check) {
    for (const { raw } of changed) ctx.io.stdout(`${raw.file}\n`);
    const summary =
      changed.length > 0
        ? ctx.t('fmt-check-changes', { count: changed.length, dir })
        : untouched > 0
          ? ctx.t('fmt-check-incomplete', { count: total - untouched, left: untouched })
          : ctx.t('fmt-check-clean', { count: total - untouched });
    ctx.io.stderr(`${summary}\n`);
    return changed.length > 0 || untouched > 0 ? 1 : 0;
  }
  let written = 0;
  for (const { raw, text, root, dir: within } of changed) {
    // Each file is replaced on its own; between files a Ctrl-C can act (see src/output/write.ts).
    await yieldToSignals();
    try {
      writeFileAtomic(resolve(ctx.io.cwd, raw.file), text, { within: root, expect: raw.bytes! });
      written++;
    } catch (e) {
      if (e instanceof WriteRefused && e.reason === 'changed') {
        untouched++;
        ctx.io.stderr(`${ctx.t('fmt-changed', { file: raw.file })}\n`);
      } else throw writeError(e, raw.file, within);
    }
  }
  ctx.io.stdout(
    `${written > 0 ? ctx.t('fmt-formatted', { count: written, total: total - untouched }) : ctx.t('fmt-clean', { count: total - untouched })}\n`,
  );
  return untouched > 0 ? 1 : 0;
}

export const register: Registrar = (program, run) => {
  program
    .command('fmt')
    .description(
      'rewrite structure files in one canonical form (key order, quoting, indentation, modeline), keeping every comment',
    )
    .argument(
      '[paths...]',
      'structure directories, or files and folders inside structures (default: the structure found from the current directory)',
    )
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
