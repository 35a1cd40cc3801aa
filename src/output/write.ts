/**
 * Writes files without losing anything that was there. What a path is decides how it is written:
 * - nothing, or a regular file: the content goes to a short-named temporary file beside it, which
 *   is renamed over it; the replaced file's mode and owner are kept, so a crash or Ctrl-C leaves
 *   the old file or the new one, never half of one;
 * - a device, a FIFO or a descriptor link (`/dev/null`, `/dev/stdout`, `/proc/self/fd/N`): written
 *   in place, as a shell's `>` would, never replaced by a regular file;
 * - a symbolic link: followed, and its target is written as above, so the link stays a link; with
 *   `within`, a link (or a folder link) that leads out of that directory is refused;
 * - a directory or a socket: refused.
 * `writeFilesAtomic` writes several files all or nothing (every temporary first, then the renames).
 *
 * Signals: no signal handler exists until the first temporary file does. Before that, Ctrl-C and
 * SIGTERM keep their default action and end the process at once, even in the middle of a long
 * synchronous computation (a JavaScript handler would only run once that computation ended). While
 * temporary files may exist, a handler removes them and ends the process with the same signal, so
 * the shell sees 130 or 143 as for any command it interrupts. Writes are the last, short step of a
 * command; a command that writes many files yields between them (see `yieldToSignals`).
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Why a write was refused; the command layer turns it into a message naming the file. */
export type WriteRefusal =
  'directory' | 'socket' | 'special' | 'link-outside' | 'changed' | 'owner' | 'name-too-long' | 'link-loop';

export class WriteRefused extends Error {
  constructor(
    readonly reason: WriteRefusal,
    readonly path: string,
  ) {
    super(`${reason}: ${path}`);
  }
}

export interface WriteOptions {
  /** The real path of a directory the written file must stay inside (links out are refused). */
  within?: string;
  /** The bytes the file held when it was read: if it holds anything else now, nothing is written. */
  expect?: Uint8Array;
  /** Create missing parent directories (inside `within`, when given). */
  createDirs?: boolean;
}

const MAX_NAME_BYTES = 255;
const MAX_PATH_BYTES = 4095;
const MAX_LINK_HOPS = 40;

const pending = new Set<string>();
let handlersInstalled = false;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  // End the way an interrupted program should: by the signal itself, so a calling shell script
  // stops too. Should something else still listen, fall back to the conventional exit codes.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function track(tmp: string): void {
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  pending.add(tmp);
}

/** Lets a pending Ctrl-C or SIGTERM act: call between the files of a long series of writes. */
export function yieldToSignals(): Promise<void> {
  return new Promise((done) => setImmediate(done));
}

type Target =
  { how: 'create'; path: string } | { how: 'replace'; path: string; stat: Stats } | { how: 'in-place'; path: string };

const isInside = (path: string, dir: string): boolean =>
  path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
const isDescriptorPath = (path: string): boolean =>
  /^\/(proc|dev\/fd)\//.test(path) || path === '/dev/stdout' || path === '/dev/stderr';

/** The real path of `path`'s deepest existing ancestor-or-self (so a folder link is seen through). */
function realExisting(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...missing.reverse());
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const up = dirname(current);
      if (up === current) throw e;
      missing.push(basename(current));
      current = up;
    }
  }
}

/** The real path `dir` has or will have once created: the `within` of writes into it. */
export function realDirectory(dir: string): string {
  return realExisting(resolve(dir));
}

function checkName(path: string): void {
  if (Buffer.byteLength(basename(path)) > MAX_NAME_BYTES || Buffer.byteLength(path) > MAX_PATH_BYTES)
    throw new WriteRefused('name-too-long', path);
}

/** Decides how `file` is written, following symbolic links one hop at a time. */
function resolveTarget(file: string, options: WriteOptions): Target {
  let path = resolve(file);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    if (isDescriptorPath(path) && !options.within) return { how: 'in-place', path };
    checkName(path);
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      return confined({ how: 'create', path: realExisting(path) }, options);
    }
    if (st.isSymbolicLink()) {
      path = resolve(dirname(path), readlinkSync(path));
      continue;
    }
    if (st.isDirectory()) throw new WriteRefused('directory', path);
    if (st.isSocket()) throw new WriteRefused('socket', path);
    if (!st.isFile()) return confined({ how: 'in-place', path }, options);
    return confined({ how: 'replace', path: join(realpathSync(dirname(path)), basename(path)), stat: st }, options);
  }
  throw new WriteRefused('link-loop', file);
}

function confined(target: Target, options: WriteOptions): Target {
  if (
    options.within !== undefined &&
    !isInside(target.how === 'in-place' ? realExisting(target.path) : target.path, options.within)
  ) {
    throw new WriteRefused('link-outside', target.path);
  }
  return target;
}

function writeAll(fd: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

function writeInPlace(path: string, content: string | Uint8Array): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY);
  } catch (e) {
    // A socket cannot be opened again by name (ENXIO), but this process's own descriptor can be written.
    const own =
      /^\/(?:proc\/self\/fd|dev\/fd)\/(\d+)$/.exec(path) ??
      (/^\/dev\/(stdout|stderr)$/.exec(path) && [path, path.endsWith('out') ? '1' : '2']);
    if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || !own) throw e;
    writeAll(Number(own[1]), content);
    return;
  }
  try {
    // A descriptor link may lead to a regular file (`-o /dev/stdout > out.txt`): replace its content as `>` does.
    if (fstatSync(fd).isFile()) ftruncateSync(fd, 0);
    writeAll(fd, content);
  } finally {
    closeSync(fd);
  }
}

/** Creates the missing directories above `path`, returning those it created (deepest last). */
function makeParents(path: string, within: string | undefined): string[] {
  const missing: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      lstatSync(dir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(dir) === dir) throw e;
      missing.push(dir);
    }
  }
  const created: string[] = [];
  for (const dir of missing.reverse()) {
    if (within !== undefined && !isInside(realExisting(dir), within)) throw new WriteRefused('link-outside', dir);
    mkdirSync(dir);
    created.push(dir);
  }
  return created;
}

/** A file written beside its target, ready to be renamed over it. */
interface Staged {
  tmp: string;
  target: Extract<Target, { how: 'create' | 'replace' }>;
}

function stage(target: Staged['target'], content: string | Uint8Array): Staged {
  // Short and fixed in length, so that any name the file system accepts for the target works.
  const tmp = join(dirname(target.path), `.org-${randomBytes(6).toString('hex')}.tmp`);
  track(tmp);
  try {
    const fd = openSync(tmp, 'wx', target.how === 'replace' ? 0o600 : 0o666);
    try {
      if (target.how === 'replace') {
        const { mode, uid, gid } = target.stat;
        const own = fstatSync(fd);
        if (own.uid !== uid || own.gid !== gid) {
          try {
            fchownSync(fd, uid, gid);
          } catch {
            throw new WriteRefused('owner', target.path);
          }
        }
        fchmodSync(fd, mode & 0o7777);
      }
      writeAll(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    discard(tmp);
    throw e;
  }
  return { tmp, target };
}

function discard(tmp: string): void {
  rmSync(tmp, { force: true });
  pending.delete(tmp);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.length === b.length &&
    Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length))
  );
}

/** The last check before a rename: the file is still what it was when it was read. */
function checkUnchanged(staged: Staged, expect: Uint8Array | undefined): void {
  if (expect === undefined) return;
  const path = staged.target.path;
  let now: Stats;
  try {
    now = lstatSync(path);
  } catch {
    throw new WriteRefused('changed', path);
  }
  const before = staged.target.how === 'replace' ? staged.target.stat : undefined;
  if (!now.isFile() || !before || now.ino !== before.ino || now.size !== expect.length)
    throw new WriteRefused('changed', path);
  if (!sameBytes(readFileSync(path), expect)) throw new WriteRefused('changed', path);
}

function commit(staged: Staged): void {
  try {
    renameSync(staged.tmp, staged.target.path);
  } finally {
    discard(staged.tmp);
  }
}

/** Writes one file as described above. */
export function writeFileAtomic(file: string, content: string | Uint8Array, options: WriteOptions = {}): void {
  const target = resolveTarget(file, options);
  if (target.how === 'in-place') {
    writeInPlace(target.path, content);
    return;
  }
  if (options.createDirs) makeParents(target.path, options.within);
  const staged = stage(target, content);
  try {
    checkUnchanged(staged, options.expect);
  } catch (e) {
    discard(staged.tmp);
    throw e;
  }
  commit(staged);
}

/** A write of `writeFilesAtomic` that failed, naming the file it was about. */
export class BatchWriteError extends Error {
  constructor(
    readonly file: string,
    readonly error: unknown,
  ) {
    super((error as Error)?.message ?? String(error));
  }
}

/**
 * Writes several files all or nothing: every target is checked and every temporary file written
 * (creating missing folders) before the first rename. On any error the temporaries, the files
 * created so far and the folders made for them are removed, and a `BatchWriteError` names the file.
 */
export function writeFilesAtomic(
  files: ReadonlyArray<{ file: string; content: string | Uint8Array }>,
  options: Omit<WriteOptions, 'expect'> = {},
): void {
  const staged: Array<Staged & { file: string }> = [];
  const createdDirs: string[] = [];
  const createdFiles: string[] = [];
  let current = '';
  try {
    const targets = files.map(({ file }) => {
      current = file;
      const target = resolveTarget(file, options);
      // Devices are written as they come; they have no place in an all-or-nothing set of files.
      if (target.how === 'in-place') throw new WriteRefused('special', target.path);
      return target;
    });
    files.forEach(({ file, content }, i) => {
      current = file;
      const target = targets[i]!;
      if (options.createDirs) createdDirs.push(...makeParents(target.path, options.within));
      staged.push({ ...stage(target, content), file });
    });
    for (const s of staged) {
      current = s.file;
      renameSync(s.tmp, s.target.path);
      pending.delete(s.tmp);
      if (s.target.how === 'create') createdFiles.push(s.target.path);
    }
  } catch (e) {
    for (const s of staged) discard(s.tmp);
    for (const f of createdFiles) rmSync(f, { force: true });
    for (const d of createdDirs.reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // Not empty: something else put a file there meanwhile; leave it.
      }
    }
    throw new BatchWriteError(current, e);
  }
}
