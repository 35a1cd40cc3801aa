/**
 * Remembers what reading each structure file gave (its parsed value and its syntax and schema
 * findings) between runs, keyed by the file's content, its kind and the build of the tool. An
 * analyst who runs `org validate` dozens of times a day changes a few files between runs; the
 * others are not parsed again. The cache lives in `node_modules/.cache/orgcode` of the project
 * (or the user's cache directory), one file per structure directory holding the entries of the
 * last run, written atomically at the end of the run and checked by a checksum and the shape of
 * every entry when read; any problem with it only means parsing everything again.
 * `ORG_NO_CACHE=1` turns it off.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  loadStructure,
  type FileResult,
  type LoadedStructure,
  type ParseCache,
  type RawFile,
} from '../load/structure.js';
import type { FileKind } from '../schema/validate.js';
import { writeFileAtomic } from '../output/write.js';
import type { Io } from './io.js';

declare const ORG_BUILD_ID: string | undefined;
/** Identifies the build; results from another build are never used. Undefined when running from source. */
const BUILD = typeof ORG_BUILD_ID === 'string' ? ORG_BUILD_ID : undefined;

/**
 * The file is a header line and the entries: `{"format":…,"build":…,"checksum":…}\n{…entries…}`.
 * The checksum (SHA-256 of the build and the entries' exact bytes) makes a damaged or hand-edited
 * cache a cache that is not there; every entry must also have the shape of a FileResult.
 */
const FORMAT = 'orgcode-parse-cache/2';
/** Far above any real structure's cache (100,000 units make about 60 MB); anything larger is not read. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

interface Header {
  format: string;
  build: string;
  checksum: string;
}

const checksumOf = (build: string, body: Buffer | string): string =>
  createHash('sha256').update(build).update('\u0000').update(body).digest('hex');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
const isOptional = (v: unknown, check: (x: unknown) => boolean): boolean => v === undefined || check(v);

function isRange(v: unknown): boolean {
  return (
    isRecord(v) &&
    isPosInt(v.line) &&
    isPosInt(v.column) &&
    isOptional(v.endLine, isPosInt) &&
    isOptional(v.endColumn, isPosInt)
  );
}

function isFinding(v: unknown): boolean {
  return (
    isRecord(v) &&
    typeof v.rule === 'string' &&
    typeof v.messageId === 'string' &&
    isOptional(
      v.data,
      (d) => isRecord(d) && Object.values(d).every((x) => typeof x === 'string' || typeof x === 'number'),
    ) &&
    isOptional(v.path, (p) => Array.isArray(p) && p.every((x) => typeof x === 'string' || Number.isInteger(x))) &&
    isOptional(v.target, (t) => t === 'key' || t === 'value') &&
    isOptional(v.range, isRange)
  );
}

/** The shape loadStructure relies on; anything else means the cache is rebuilt. */
function isFileResult(v: unknown): v is FileResult {
  return isRecord(v) && isOptional(v.value, isRecord) && Array.isArray(v.findings) && v.findings.every(isFinding);
}

/**
 * The cache file's bytes, read only when it is a regular file of bounded size. It is opened
 * without blocking and without following a link, so a FIFO, a device such as /dev/zero or a link
 * put in its place is never read.
 */
function readBounded(file: string): Buffer | undefined {
  let fd: number;
  try {
    // Windows has neither flag (nor FIFOs); fstat below still refuses anything but a regular file.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return undefined;
    const bytes = Buffer.alloc(st.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === bytes.length ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The entries of a cache file, or undefined when it is missing, foreign, damaged or edited. */
function readCacheFile(file: string, build: string): Record<string, FileResult> | undefined {
  const bytes = readBounded(file);
  if (!bytes) return undefined;
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return undefined;
  try {
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Header;
    if (!isRecord(header) || header.format !== FORMAT || header.build !== build) return undefined;
    const body = bytes.subarray(newline + 1);
    if (header.checksum !== checksumOf(build, body)) return undefined;
    const entries = JSON.parse(body.toString('utf8')) as unknown;
    if (!isRecord(entries)) return undefined;
    for (const [key, entry] of Object.entries(entries))
      if (!/^[\w-]{27}$/.test(key) || !isFileResult(entry)) return undefined;
    return entries as Record<string, FileResult>;
  } catch {
    return undefined;
  }
}

/** Where caches go: the project's node_modules/.cache, else the user's cache directory. */
function cacheRoot(io: Io): string | undefined {
  if (io.env.ORG_CACHE_DIR) return resolve(io.cwd, io.env.ORG_CACHE_DIR);
  for (let dir = io.cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'orgcode');
    if (dirname(dir) === dir) break;
  }
  const home = io.env.XDG_CACHE_HOME ?? (io.env.HOME ? join(io.env.HOME, '.cache') : undefined);
  return home ? join(home, 'orgcode') : undefined;
}

export class FileCache implements ParseCache {
  private readonly previous: Record<string, FileResult>;
  private readonly used = new Map<string, FileResult>();
  private changed: boolean;

  constructor(
    private readonly file: string,
    private readonly build: string,
  ) {
    const previous = readCacheFile(file, build);
    this.previous = previous ?? {};
    // A damaged, edited or foreign cache is replaced by this run's, even when nothing else changed.
    this.changed = previous === undefined;
  }

  private key(kind: FileKind, bytes: Uint8Array): string {
    return createHash('sha1').update(kind).update('\u0000').update(bytes).digest('base64url');
  }

  get(kind: FileKind, bytes: Uint8Array): FileResult | undefined {
    const key = this.key(kind, bytes);
    const hit =
      this.used.get(key) ?? (Object.prototype.hasOwnProperty.call(this.previous, key) ? this.previous[key] : undefined);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(kind: FileKind, bytes: Uint8Array, result: FileResult): void {
    this.used.set(this.key(kind, bytes), result);
    this.changed = true;
  }

  /** Keeps the entries this run used, when anything changed. Never fails the run. */
  save(): void {
    if (!this.changed && this.used.size === Object.keys(this.previous).length) return;
    if (this.used.size === 0 && !existsSync(this.file)) return;
    try {
      // Only a regular file (or nothing) is replaced: whatever else stands there is left alone.
      const st = lstatSync(this.file, { throwIfNoEntry: false });
      if (st && !st.isFile()) return;
      mkdirSync(dirname(this.file), { recursive: true });
      const body = JSON.stringify(Object.fromEntries(this.used));
      const header: Header = { format: FORMAT, build: this.build, checksum: checksumOf(this.build, body) };
      writeFileAtomic(this.file, `${JSON.stringify(header)}\n${body}`);
    } catch {
      // A read-only project or home directory: the next run parses again.
    }
  }
}

/** Caches opened during this run, saved by `saveCaches` once the command's work is done. */
const unsaved = new Set<FileCache>();

/**
 * Loads a structure through the parse cache kept under `key` (a directory, or a path in git).
 * The cache is written at the end of the run (saveCaches), not here: writing is the one step
 * that holds off Ctrl-C, and it must not come before the long part of a command.
 */
export function loadCached(io: Io, files: readonly RawFile[], key: string): LoadedStructure {
  const cache = openCache(io, key);
  return loadStructure(files, cache ? { cache } : {});
}

/** Writes every cache this run used. */
export function saveCaches(): void {
  for (const cache of unsaved) cache.save();
  unsaved.clear();
}

/** The cache for one structure directory, or undefined when caching is off or impossible. */
export function openCache(io: Io, structureDir: string): FileCache | undefined {
  if (BUILD === undefined || io.env.ORG_NO_CACHE === '1') return undefined;
  const root = cacheRoot(io);
  if (!root) return undefined;
  const name = createHash('sha1').update(resolve(io.cwd, structureDir)).digest('hex').slice(0, 16);
  const cache = new FileCache(join(root, `${name}.json`), BUILD);
  unsaved.add(cache);
  return cache;
}
