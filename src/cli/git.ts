/**
 * Reads a structure directory as it was at a git revision, through the `git` program itself
 * (never a shell, always an argument array). A revision that git could take for an option
 * (`--upload-pack=…`, `-o…`) or that holds control characters is refused before git is run, and
 * `--end-of-options` guards every command that accepts it. The revision is resolved to a commit
 * once; everything after that reads by object id, listing the tree with `git ls-tree` and reading
 * all blobs through one `git cat-file --batch`.
 */
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileKind, type RawFile } from '../load/structure.js';
import { MAX_FILE_BYTES } from '../load/scan.js';
import { UsageError } from '../model/errors.js';

export interface GitRevisionSide {
  /** The revision as given (`HEAD~1`, `main`, a commit id). */
  revision: string;
  /** The commit it resolved to. */
  commit: string;
  /** The structure directory, relative to the repository root, forward slashes. */
  path: string;
  files: RawFile[];
}

type Env = Readonly<Record<string, string | undefined>>;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Refuses a revision git could read as an option, before git ever sees it. */
export function checkRevision(rev: string): void {
  if (rev.startsWith('-') || CONTROL.test(rev))
    throw new UsageError('diff-bad-revision', { rev: JSON.stringify(rev).slice(1, -1) });
}

export function git(
  args: readonly string[],
  cwd: string,
  env: Env,
  input?: Buffer,
): { status: number; stdout: Buffer; stderr: string } {
  const r = spawnSync('git', args, {
    cwd,
    env: { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    input,
    maxBuffer: 1024 * 1024 * 1024,
    windowsHide: true,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError('diff-no-git', { reason: 'git not found' });
    throw new UsageError('diff-no-git', { reason: code ?? r.error.message });
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/** The top of the working tree around `cwd`, or undefined outside any repository. */
export function repositoryRoot(cwd: string, env: Env): string | undefined {
  const r = git(['rev-parse', '--show-toplevel'], cwd, env);
  if (r.status !== 0) return undefined;
  return r.stdout.toString('utf8').replace(/\n$/, '');
}

/**
 * The structure directory relative to the repository root. A path that exists relative to the
 * working directory is taken as it is; otherwise a relative path is read from the root, so the
 * default `structure` works from any folder of the repository.
 */
export function repositoryPath(root: string, cwd: string, dir: string, existsHere: boolean): string {
  const realRoot = realpathSync(root);
  let abs: string;
  if (isAbsolute(dir)) abs = dir;
  else if (existsHere || dir.startsWith('./') || dir.startsWith('../')) abs = resolve(cwd, dir);
  else abs = resolve(realRoot, dir);
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    // Absent from the working tree (deleted since): the path still names it at the revision.
    real = resolve(realpathSync(cwd), relative(cwd, abs));
  }
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError('diff-path-outside', { path: dir, repo: root });
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Parses `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n` per object, in order. */
export function parseBatch(out: Buffer): Map<string, Buffer> {
  const blobs = new Map<string, Buffer>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('latin1').split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    blobs.set(header[0]!, out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}

/**
 * Reads the structure directory `path` (relative to the repository root) at `revision`. The raw
 * files carry display paths of the form `REV:path/units/x.yaml`, so findings say where they are.
 */
export function readRevision(root: string, revision: string, path: string, env: Env): GitRevisionSide {
  checkRevision(revision);
  const resolved = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root, env);
  if (resolved.status !== 0) throw new UsageError('diff-unknown-revision', { side: revision });
  const commit = resolved.stdout.toString('utf8').trim();

  const prefix = path === '' || path === '.' ? '' : `${path.replace(/\/+$/, '')}/`;
  const listing = git(
    ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', ...(prefix ? [prefix] : [])],
    root,
    env,
  );
  if (listing.status !== 0) throw new UsageError('diff-git-failed', { command: 'ls-tree', message: listing.stderr });

  const shown = `${revision}:${prefix}`;
  const files: RawFile[] = [];
  const wanted: Array<{ file: RawFile; oid: string }> = [];
  let hasOrganization = false;
  for (const entry of listing.stdout.toString('utf8').split('\0')) {
    if (entry === '') continue;
    const tab = entry.indexOf('\t');
    const [mode, type, oid, sizeText] = entry.slice(0, tab).split(/ +/);
    const full = entry.slice(tab + 1);
    if (!full.startsWith(prefix)) continue;
    const rel = full.slice(prefix.length);
    if (!fileKind(rel)) continue;
    if (rel === 'organization.yaml' || rel === 'organization.yml') hasOrganization = true;
    const file: RawFile = { rel, file: `${shown}${rel}` };
    files.push(file);
    // A symbolic link or a submodule is not a file of the structure; its target is not read.
    if (type !== 'blob' || mode === '120000') file.problem = { code: 'not-regular' };
    else if (Number(sizeText) > MAX_FILE_BYTES) file.problem = { code: 'too-large', size: Number(sizeText) };
    else wanted.push({ file, oid: oid! });
  }
  if (!hasOrganization) {
    const exists = prefix === '' || git(['cat-file', '-e', `${commit}:${prefix}`], root, env).status === 0;
    throw new UsageError(exists ? 'diff-no-organization-at' : 'diff-not-at-revision', {
      path: prefix.replace(/\/$/, '') || '.',
      rev: revision,
    });
  }

  if (wanted.length > 0) {
    const batch = git(['cat-file', '--batch'], root, env, Buffer.from(`${wanted.map((w) => w.oid).join('\n')}\n`));
    if (batch.status !== 0) throw new UsageError('diff-git-failed', { command: 'cat-file', message: batch.stderr });
    const blobs = parseBatch(batch.stdout);
    for (const { file, oid } of wanted) {
      const bytes = blobs.get(oid);
      if (bytes) file.bytes = new Uint8Array(bytes);
      else file.problem = { code: 'unreadable', reason: 'missing object' };
    }
  }
  // The organisation file first, as on disk, so that it is known before the units.
  files.sort(
    (a, b) =>
      Number(fileKind(b.rel) === 'organization') - Number(fileKind(a.rel) === 'organization') ||
      (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0),
  );
  return { revision, commit, path: prefix.replace(/\/$/, '') || '.', files };
}
