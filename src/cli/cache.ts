/**
 * Remembers what reading each structure file gave (its parsed value and its syntax and schema
 * findings) between runs, keyed by the file's content, its kind and the build of the tool. An
 * analyst who runs `org validate` dozens of times a day changes a few files between runs; the
 * others are not parsed again. The cache lives in `node_modules/.cache/orgcode` of the project
 * (or the user's cache directory), one file per structure directory holding the entries of the
 * last run, written atomically; any problem with it only means parsing everything again.
 * `ORG_NO_CACHE=1` turns it off.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadStructure, type FileResult, type LoadedStructure, type ParseCache, type RawFile } from '../load/structure.js';
import type { FileKind } from '../schema/validate.js';
import { writeFileAtomic } from '../output/write.js';
import type { Io } from './io.js';

declare const ORG_BUILD_ID: string | undefined;
/** Identifies the build; results from another build are never used. Undefined when running from source. */
const BUILD = typeof ORG_BUILD_ID === 'string' ? ORG_BUILD_ID : undefined;

interface Stored {
  build: string;
  entries: Record<string, FileResult>;
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
  private changed = false;

  constructor(
    private readonly file: string,
    private readonly build: string,
  ) {
    let previous: Record<string, FileResult> = {};
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
      if (stored.build === build && stored.entries && typeof stored.entries === 'object') previous = stored.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    this.previous = previous;
  }

  private key(kind: FileKind, bytes: Uint8Array): string {
    return createHash('sha1').update(kind).update('\u0000').update(bytes).digest('base64url');
  }

  get(kind: FileKind, bytes: Uint8Array): FileResult | undefined {
    const key = this.key(kind, bytes);
    const hit = this.used.get(key) ?? (Object.prototype.hasOwnProperty.call(this.previous, key) ? this.previous[key] : undefined);
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
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify({ build: this.build, entries: Object.fromEntries(this.used) } satisfies Stored));
    } catch {
      // A read-only project or home directory: the next run parses again.
    }
  }
}

/** Loads a structure through the parse cache kept under `key` (a directory, or a path in git). */
export function loadCached(io: Io, files: readonly RawFile[], key: string): LoadedStructure {
  const cache = openCache(io, key);
  const loaded = loadStructure(files, cache ? { cache } : {});
  cache?.save();
  return loaded;
}

/** The cache for one structure directory, or undefined when caching is off or impossible. */
export function openCache(io: Io, structureDir: string): FileCache | undefined {
  if (BUILD === undefined || io.env.ORG_NO_CACHE === '1') return undefined;
  const root = cacheRoot(io);
  if (!root) return undefined;
  const name = createHash('sha1').update(resolve(io.cwd, structureDir)).digest('hex').slice(0, 16);
  return new FileCache(join(root, `${name}.json`), BUILD);
}
