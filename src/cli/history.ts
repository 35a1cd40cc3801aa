/**
 * The structure directory through its git history, for `org log` and `org show --history`: the
 * commits that changed it, and the structure as it was at each. Git is run as in git.ts (an
 * argument array, revisions checked before git sees them, `--end-of-options`). The cost is a
 * handful of git processes whatever the length of the history: one `git log`, one
 * `cat-file --batch-check` that names the directory's tree at every commit, one `ls-tree` per
 * distinct tree and one `cat-file --batch` for every distinct blob. A blob is parsed once per
 * run (and not at all when the parse cache between runs has it), and a tree is loaded once.
 */
import { fileKind, loadStructure, type FileResult, type ParseCache, type RawFile } from '../load/structure.js';
import { MAX_FILE_BYTES } from '../load/scan.js';
import { UsageError } from '../model/errors.js';
import { buildModel, type OrgModel } from '../model/model.js';
import type { Revision } from '../diff/history.js';
import type { FileKind } from '../schema/validate.js';
import { openCache } from './cache.js';
import type { RunContext } from './context.js';
import { checkRevision, git, parseBatch } from './git.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The commits in `range` that changed `path`, newest first. `range` is anything `git log`
 * takes as revisions (`HEAD`, `v1..v2`, `main~10..`), checked like a revision.
 */
export function listCommits(root: string, range: string, path: string, env: Env): Revision[] {
  checkRevision(range);
  const pathspec = path === '.' || path === '' ? '.' : path;
  // One record per commit, fields split by US and records ended by NUL: a subject holds neither.
  const r = git(
    ['log', '-z', '--format=%H%x1f%P%x1f%aI%x1f%an%x1f%s', '--end-of-options', range, '--', pathspec],
    root,
    env,
  );
  if (r.status !== 0) {
    if (/unknown revision|bad revision|ambiguous argument/i.test(r.stderr))
      throw new UsageError('diff-unknown-revision', { side: range });
    throw new UsageError('diff-git-failed', { command: 'log', message: r.stderr.split('\n')[0] ?? '' });
  }
  const out: Revision[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    const fields = record.replace(/^\n/, '').split('\x1f');
    if (fields.length < 5) continue;
    const [commit, parents, date, author, subject] = fields as [string, string, string, string, string];
    out.push({ commit, parents: parents === '' ? [] : parents.split(' '), date, author, subject });
  }
  return out;
}

/** Parse results of this run by blob, over the cache between runs. */
class BlobCache implements ParseCache {
  private readonly seen = new WeakMap<Uint8Array, Map<FileKind, FileResult>>();
  constructor(private readonly next: ParseCache | undefined) {}
  get(kind: FileKind, bytes: Uint8Array): FileResult | undefined {
    const hit = this.seen.get(bytes)?.get(kind);
    if (hit) return hit;
    const stored = this.next?.get(kind, bytes);
    if (stored) this.remember(kind, bytes, stored);
    return stored;
  }
  set(kind: FileKind, bytes: Uint8Array, result: FileResult): void {
    this.remember(kind, bytes, result);
    this.next?.set(kind, bytes, result);
  }
  private remember(kind: FileKind, bytes: Uint8Array, result: FileResult): void {
    let byKind = this.seen.get(bytes);
    if (!byKind) this.seen.set(bytes, (byKind = new Map()));
    byKind.set(kind, result);
  }
}

interface TreeEntry {
  rel: string;
  oid?: string;
  problem?: RawFile['problem'];
}

/**
 * The structure directory at any commit of the repository, read lazily and shared: commits
 * whose directory is the same tree get the same model.
 */
export class StructureHistory {
  private readonly trees = new Map<string, string | null>();
  private readonly models = new Map<string, OrgModel | null>();
  private readonly blobs = new Map<string, Uint8Array>();
  private readonly cache: BlobCache;
  private readonly fileCache;

  constructor(
    private readonly ctx: RunContext,
    private readonly root: string,
    /** The structure directory relative to the repository root ('.' for the root). */
    readonly path: string,
  ) {
    this.fileCache = openCache(ctx.io, `git:${path}`);
    this.cache = new BlobCache(this.fileCache);
  }

  /** Names the directory's tree at each of the commits in one git process. */
  prepare(commits: readonly string[]): void {
    const wanted = [...new Set(commits)].filter((c) => !this.trees.has(c));
    if (wanted.length === 0) return;
    const spec = (c: string): string => (this.path === '.' ? `${c}^{tree}` : `${c}:${this.path}`);
    const r = git(
      ['cat-file', '--batch-check'],
      this.root,
      this.ctx.io.env,
      Buffer.from(`${wanted.map(spec).join('\n')}\n`),
    );
    if (r.status !== 0) throw new UsageError('diff-git-failed', { command: 'cat-file', message: r.stderr });
    const lines = r.stdout.toString('utf8').split('\n');
    wanted.forEach((c, i) => {
      const [oid, type] = (lines[i] ?? '').split(' ');
      this.trees.set(c, type === 'tree' && oid ? oid : null);
    });
  }

  /** The structure at `commit`, or null when the directory (or its organization.yaml) is not there. */
  modelAt(commit: string): OrgModel | null {
    this.prepare([commit]);
    const tree = this.trees.get(commit) ?? null;
    if (tree === null) return null;
    const known = this.models.get(tree);
    if (known !== undefined) return known;
    const model = this.load(tree);
    this.models.set(tree, model);
    return model;
  }

  /** Keeps the parse results of this run for the next one. */
  save(): void {
    this.fileCache?.save();
  }

  private load(tree: string): OrgModel | null {
    const listing = git(['ls-tree', '-r', '-z', '-l', '--end-of-options', tree], this.root, this.ctx.io.env);
    if (listing.status !== 0) throw new UsageError('diff-git-failed', { command: 'ls-tree', message: listing.stderr });
    const entries: TreeEntry[] = [];
    for (const entry of listing.stdout.toString('utf8').split('\0')) {
      if (entry === '') continue;
      const tab = entry.indexOf('\t');
      const [mode, type, oid, sizeText] = entry.slice(0, tab).split(/ +/);
      const rel = entry.slice(tab + 1);
      if (!fileKind(rel)) continue;
      // As in git.ts: links and submodules are not files of the structure, and big files are not read.
      if (type !== 'blob' || mode === '120000') entries.push({ rel, problem: { code: 'not-regular' } });
      else if (Number(sizeText) > MAX_FILE_BYTES)
        entries.push({ rel, problem: { code: 'too-large', size: Number(sizeText) } });
      else entries.push({ rel, oid: oid! });
    }
    if (!entries.some((e) => fileKind(e.rel) === 'organization')) return null;
    const missing = [
      ...new Set(entries.flatMap((e) => (e.oid !== undefined && !this.blobs.has(e.oid) ? [e.oid] : []))),
    ];
    if (missing.length > 0) {
      const batch = git(['cat-file', '--batch'], this.root, this.ctx.io.env, Buffer.from(`${missing.join('\n')}\n`));
      if (batch.status !== 0) throw new UsageError('diff-git-failed', { command: 'cat-file', message: batch.stderr });
      for (const [oid, bytes] of parseBatch(batch.stdout)) this.blobs.set(oid, new Uint8Array(bytes));
    }
    const shown = this.path === '.' ? '' : `${this.path}/`;
    const files: RawFile[] = entries.map((e) => {
      const file: RawFile = { rel: e.rel, file: `${shown}${e.rel}` };
      if (e.problem) file.problem = e.problem;
      else {
        const bytes = this.blobs.get(e.oid!);
        if (bytes) file.bytes = bytes;
        else file.problem = { code: 'unreadable', reason: 'missing object' };
      }
      return file;
    });
    files.sort(
      (a, b) =>
        Number(fileKind(b.rel) === 'organization') - Number(fileKind(a.rel) === 'organization') ||
        (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0),
    );
    return buildModel(loadStructure(files, { cache: this.cache }));
  }
}
