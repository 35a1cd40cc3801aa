/**
 * `org diff <from> [<to>]`: what a reorganisation does to the organisation. Each side is a
 * structure directory when one exists at that path, otherwise a git revision (`main`, `HEAD~1`,
 * `REV:path`) read at the structure directory's path; `<to>` defaults to the working tree. Both
 * sides go through the same loader and rules; a side with errors is still compared, and its
 * errors are shown above the diff.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { diffStructures } from '../../diff/diff.js';
import { displayPath, readStructureDir } from '../../load/read.js';
import { loadStructure, type RawFile } from '../../load/structure.js';
import { UsageError } from '../../model/errors.js';
import { textsByLanguage, type OrgModel } from '../../model/model.js';
import { diffRenderers, renderSideErrors, type DiffSide, type SideSource } from '../../render/diff/index.js';
import { validateStructure } from '../../rules/run.js';
import { checkFormat, DEFAULT_DIR, emit, type Registrar, type RunContext } from '../context.js';
import { checkRevision, readRevision, repositoryPath, repositoryRoot } from '../git.js';
import { useColor } from '../io.js';

interface Options {
  dir: string;
  format: string;
  exitCode?: boolean;
  output?: string;
}

/** A side as the user wrote it, before anything is read. */
type SideSpec = { type: 'directory'; path: string } | { type: 'git'; revision: string; path: string | undefined; given: string };

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

function parseSide(ctx: RunContext, given: string): SideSpec {
  if (given !== '' && isDirectory(resolve(ctx.io.cwd, given))) return { type: 'directory', path: given };
  const colon = given.indexOf(':');
  const revision = colon < 0 ? given : given.slice(0, colon);
  checkRevision(revision);
  if (revision === '') throw new UsageError('diff-empty-revision', { side: given });
  return { type: 'git', revision, path: colon < 0 ? undefined : given.slice(colon + 1), given };
}

function readSide(ctx: RunContext, spec: SideSpec, dir: string): { files: RawFile[]; label: string; source: SideSource } {
  const { cwd, env } = ctx.io;
  if (spec.type === 'directory') {
    const files = readStructureDir(spec.path, cwd);
    const path = displayPath(resolve(cwd, spec.path), cwd);
    return { files, label: path, source: { type: 'directory', path } };
  }
  const root = repositoryRoot(cwd, env);
  if (root === undefined) throw new UsageError('diff-not-a-repository', { side: spec.given, cwd });
  // `REV:path` follows git: the path is from the repository root unless it starts with ./ or ../.
  const path = spec.path !== undefined ? repositoryPath(root, cwd, spec.path === '' ? '.' : spec.path, false) : repositoryPath(root, cwd, dir, isDirectory(resolve(cwd, dir)));
  const side = readRevision(root, spec.revision, path, env);
  const label = `${spec.revision}:${side.path}`;
  return { files: side.files, label, source: { type: 'git', revision: spec.revision, commit: side.commit, path: side.path } };
}

/** Reads, loads and validates one side. */
function compareSide(ctx: RunContext, spec: SideSpec, dir: string): { side: DiffSide; model: OrgModel } {
  const { files, label, source } = readSide(ctx, spec, dir);
  const { model, diagnostics } = validateStructure(loadStructure(files), ctx.t, { errorsOnly: true });
  const side: DiffSide = {
    label,
    source,
    organization: { id: model.organization.id, name: textsByLanguage(model.organization.name, model.defaultLanguage) },
    errors: diagnostics,
  };
  return { side, model };
}

/** The working tree's structure directory: from the working directory, else from the repository root. */
function workingTreeSide(ctx: RunContext, dir: string): SideSpec {
  const { cwd, env } = ctx.io;
  if (isDirectory(resolve(cwd, dir)) || resolve(cwd, dir) === dir) return { type: 'directory', path: dir };
  let root: string | undefined;
  try {
    root = repositoryRoot(cwd, env);
  } catch {
    // Without git there is no repository root to look in; the directory is simply missing.
  }
  if (root !== undefined && isDirectory(resolve(root, dir))) return { type: 'directory', path: resolve(root, dir) };
  return { type: 'directory', path: dir };
}

export const register: Registrar = (program, run) => {
  program
    .command('diff')
    .description('what a reorganisation changes: units, lineage, functions and assignments between two structures or git revisions')
    .argument('<from>', 'the earlier side: a structure directory, a git revision, or REV:path')
    .argument('[to]', 'the later side (default: the structure directory in the working tree)')
    .option('--dir <path>', 'where the structure directory is, for sides read from git', DEFAULT_DIR)
    .option('-f, --format <format>', 'text, markdown or json', 'text')
    .option('--exit-code', 'exit with 1 when there are changes, 0 when there are none')
    .option('-o, --output <file>', 'write the diff to a file (atomically)')
    .addHelpText(
      'after',
      `
Each side is a directory if one exists at that path, otherwise a git revision of the repository
around the current directory, read at --dir (REV:path reads another path at that revision).
Names are shown in --lang, by default in the organisation's first language.

Examples:
  org diff main                          what this branch does to ./structure
  org diff HEAD~1 HEAD                   what the last commit did
  org diff old-structure new-structure   two directories
  org diff main --format markdown -o reorganisation.md
  org diff main --format json --exit-code`,
    )
    .action((from: string, to: string | undefined, options: Options, command: Command) =>
      run((ctx) => {
        const format = checkFormat(options.format, Object.keys(diffRenderers));
        // Every revision is checked before git is run for either side.
        const specs = [parseSide(ctx, from), to === undefined ? workingTreeSide(ctx, options.dir) : parseSide(ctx, to)] as const;
        const [before, after] = specs.map((spec) => compareSide(ctx, spec, options.dir));
        const diff = diffStructures(before!.model, after!.model);
        const report = { from: before!.side, to: after!.side, diff };
        const language = (command.optsWithGlobals() as { lang?: string }).lang;
        const toFile = options.output !== undefined && options.output !== '-';
        const color = format === 'text' && !toFile && useColor(ctx.io.env, ctx.io.stdoutIsTTY);
        if (format === 'text') {
          const errors = renderSideErrors(report, ctx.t);
          if (errors) ctx.io.stderr(errors);
        }
        emit(ctx, diffRenderers[format]!(report, { t: ctx.t, color, ...(language !== undefined ? { language } : {}) }), options.output);
        return options.exitCode && diff.changes.length > 0 ? 1 : 0;
      }),
    );
};
