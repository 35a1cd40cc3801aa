/**
 * Reads a structure directory from disk into raw files, without trusting it: symlinks are followed
 * only inside the structure directory and never twice (no loops), files that are not regular (a
 * FIFO would block the read forever) or too large are reported without being opened, and errors of
 * one file never stop the others.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../model/errors.js';
import { MAX_FILE_BYTES } from './scan.js';
import type { RawFile, ReadProblem } from './structure.js';

/** The path as the user sees it: relative to the working directory, with forward slashes. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The structure directory's real path and the spelling of its organization file, or a usage error. */
function structureRoot(absDir: string, dir: string): { root: string; orgName: string } {
  let stat;
  try {
    stat = statSync(absDir);
  } catch {
    throw new UsageError('no-such-dir', { dir });
  }
  if (!stat.isDirectory()) throw new UsageError('not-a-dir', { dir });
  for (const name of ['organization.yaml', 'organization.yml']) {
    try {
      lstatSync(join(absDir, name));
      return { root: realpathSync(absDir), orgName: name };
    } catch {
      /* try the next spelling */
    }
  }
  throw new UsageError('no-organization', { dir });
}

const isYaml = (rel: string): boolean => /\.ya?ml$/i.test(rel);

const unreadable = (rel: string, file: string, e: unknown): RawFile => ({
  rel,
  file,
  problem: { code: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'error' },
});

/** What one path of the walk is: a file read (or a problem with it), a folder to go into, or nothing to read. */
type Entry = { raw: RawFile } | { folder: string; real: string } | undefined;

/**
 * Looks at one path: follows a link only inside the structure, refuses what is not a regular file
 * or is too large without opening it, and reads a structure file.
 */
function readEntry(absPath: string, rel: string, file: string, root: string, cwd: string): Entry {
  let st;
  try {
    st = lstatSync(absPath);
  } catch (e) {
    return { raw: unreadable(rel, file, e) };
  }
  let real = absPath;
  if (st.isSymbolicLink()) {
    try {
      real = realpathSync(absPath);
      st = statSync(real);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { raw: { rel, file, problem: { code: 'symlink-loop' } } };
      return isYaml(rel) ? { raw: unreadable(rel, file, e) } : undefined;
    }
    if (real !== root && !real.startsWith(root + sep)) {
      // Only what would have been read matters: a structure file, or a folder that may hold some.
      if (isYaml(rel) || st.isDirectory())
        return { raw: { rel, file, problem: { code: 'symlink-outside', target: displayPath(real, cwd) } } };
      return undefined;
    }
  }
  if (st.isDirectory()) return { folder: absPath, real };
  if (!isYaml(rel)) return undefined;
  let problem: ReadProblem | undefined;
  if (!st.isFile()) problem = { code: 'not-regular' };
  else if (st.size > MAX_FILE_BYTES) problem = { code: 'too-large', size: st.size };
  if (problem) return { raw: { rel, file, problem } };
  try {
    return { raw: { rel, file, bytes: readFileSync(real) } };
  } catch (e) {
    return { raw: unreadable(rel, file, e) };
  }
}

/**
 * Reads organization.yaml, then units/ and functions/ depth first in name order. The walk keeps its
 * own stack, so however deep the folders nest, it never runs out of call stack.
 */
export function readStructureDir(dir: string, cwd: string): RawFile[] {
  const absDir = resolve(cwd, dir);
  const { root, orgName } = structureRoot(absDir, dir);
  const files: RawFile[] = [];
  const visited = new Set<string>([root]);
  const walk = (start: string, startRel: string): void => {
    const stack: Array<[string, string]> = [[start, startRel]];
    while (stack.length > 0) {
      const [absPath, rel] = stack.pop()!;
      const file = displayPath(absPath, cwd);
      const entry = readEntry(absPath, rel, file, root, cwd);
      if (entry === undefined) continue;
      if ('raw' in entry) {
        files.push(entry.raw);
        continue;
      }
      // A directory reached twice can only be reached through a link: following it again would loop.
      if (visited.has(entry.real)) {
        files.push({ rel, file, problem: { code: 'symlink-loop' } });
        continue;
      }
      visited.add(entry.real);
      let names: string[];
      try {
        names = readdirSync(entry.folder).sort(byName);
      } catch (e) {
        files.push(unreadable(rel, file, e));
        continue;
      }
      for (let i = names.length - 1; i >= 0; i--) stack.push([join(entry.folder, names[i]!), `${rel}/${names[i]}`]);
    }
  };

  const orgPath = join(absDir, orgName);
  if (statSync(orgPath, { throwIfNoEntry: false })?.isFile() === false)
    files.push({ rel: orgName, file: displayPath(orgPath, cwd), problem: { code: 'not-regular' } });
  else walk(orgPath, orgName);
  for (const sub of ['units', 'functions']) {
    const p = join(absDir, sub);
    try {
      lstatSync(p);
    } catch {
      continue;
    }
    walk(p, sub);
  }
  return files;
}
