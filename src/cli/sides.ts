/**
 * The two sides of a comparison (`org diff`, `org render diff`): each is a directory when one
 * exists at that path, otherwise a git revision of the repository around the working directory,
 * read at the structure's path (`REV:path` reads another). Every revision is checked before git
 * runs for either side, so nothing that could pass for an option ever reaches it.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath, readStructureDir } from '../load/read.js';
import type { RawFile } from '../load/structure.js';
import { UsageError } from '../model/errors.js';
import { textsByLanguage, type OrgModel } from '../model/model.js';
import type { DiffSide, SideSource } from '../diff/types.js';
import { validateStructure } from '../rules/run.js';
import type { RunContext } from './context.js';
import { loadCached } from './cache.js';
import { applyAt, parseAt } from './at.js';
import { checkRevision, readRevision, repositoryPath, repositoryRoot } from './git.js';

/** A side as the user wrote it, before anything is read; `at` cuts it to the structure in force that day. */
type SideSpec = (
  { type: 'directory'; path: string } | { type: 'git'; revision: string; path: string | undefined; given: string }
) & { at?: string };

/** `SIDE@YYYY-MM-DD`: a side as in force on a day (git's own dates are written `REV@{…}`, so they never match). */
const AT_SUFFIX = /^(.+)@(\d{4}-\d{2}-\d{2}|today)$/;

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

function parseSide(ctx: RunContext, given: string): SideSpec {
  if (given !== '' && isDirectory(resolve(ctx.io.cwd, given))) return { type: 'directory', path: given };
  const dated = AT_SUFFIX.exec(given);
  if (dated) return { ...parseSide(ctx, dated[1]!), at: parseAt(dated[2]!) };
  const colon = given.indexOf(':');
  const revision = colon < 0 ? given : given.slice(0, colon);
  checkRevision(revision);
  if (revision === '') throw new UsageError('diff-empty-revision', { side: given });
  return { type: 'git', revision, path: colon < 0 ? undefined : given.slice(colon + 1), given };
}

function readSide(
  ctx: RunContext,
  spec: SideSpec,
  dir: string,
): { files: RawFile[]; label: string; source: SideSource } {
  const { cwd, env } = ctx.io;
  if (spec.type === 'directory') {
    const files = readStructureDir(spec.path, cwd);
    const path = displayPath(resolve(cwd, spec.path), cwd);
    return { files, label: path, source: { type: 'directory', path } };
  }
  const root = repositoryRoot(cwd, env);
  if (root === undefined) throw new UsageError('diff-not-a-repository', { side: spec.given, cwd });
  // `REV:path` follows git: the path is from the repository root unless it starts with ./ or ../.
  const path =
    spec.path !== undefined
      ? repositoryPath(root, cwd, spec.path === '' ? '.' : spec.path, false)
      : repositoryPath(root, cwd, dir, isDirectory(resolve(cwd, dir)));
  const side = readRevision(root, spec.revision, path, env);
  const label = `${spec.revision}:${side.path}`;
  return {
    files: side.files,
    label,
    source: { type: 'git', revision: spec.revision, commit: side.commit, path: side.path },
  };
}

/** Reads, loads and validates one side. */
function compareSide(ctx: RunContext, spec: SideSpec, dir: string): { side: DiffSide; model: OrgModel } {
  const { files, label, source } = readSide(ctx, spec, dir);
  // Files read from git are cached like a directory's: by content, so revisions share entries.
  const loaded = loadCached(ctx.io, files, source.type === 'directory' ? source.path : `git:${source.path}`);
  const { model: full, diagnostics } = validateStructure(loaded, ctx.t, { errorsOnly: true });
  const model = applyAt(ctx, full, spec.at);
  const side: DiffSide = {
    label: spec.at === undefined ? label : `${label}@${spec.at}`,
    source,
    organization: { id: model.organization.id, name: textsByLanguage(model.organization.name, model.defaultLanguage) },
    errors: diagnostics,
    ...(model.organization.basis ? { basis: model.organization.basis } : {}),
    ...(spec.at !== undefined ? { at: spec.at } : {}),
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

/** Both sides of a comparison, read, loaded and validated; `to` defaults to the working tree. */
export function compareSides(
  ctx: RunContext,
  from: string,
  to: string | undefined,
  dir: string,
): [{ side: DiffSide; model: OrgModel }, { side: DiffSide; model: OrgModel }] {
  const specs = [parseSide(ctx, from), to === undefined ? workingTreeSide(ctx, dir) : parseSide(ctx, to)] as const;
  return [compareSide(ctx, specs[0], dir), compareSide(ctx, specs[1], dir)];
}
