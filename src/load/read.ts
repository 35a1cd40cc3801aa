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

export function readStructureDir(dir: string, cwd: string): RawFile[] {
  const absDir = resolve(cwd, dir);
  let stat;
  try {
    stat = statSync(absDir);
  } catch {
    throw new UsageError('no-such-dir', { dir });
  }
  if (!stat.isDirectory()) throw new UsageError('not-a-dir', { dir });
  const root = realpathSync(absDir);
  const files: RawFile[] = [];
  let orgName: string | undefined;
  for (const name of ['organization.yaml', 'organization.yml']) {
    try {
      lstatSync(join(absDir, name));
      orgName = name;
      break;
    } catch {
      /* try the next spelling */
    }
  }
  if (!orgName) throw new UsageError('no-organization', { dir });
  const visited = new Set<string>([root]);

  const isYaml = (rel: string): boolean => /\.ya?ml$/i.test(rel);
  const unreadable = (rel: string, file: string, e: unknown): void =>
    void files.push({
      rel,
      file,
      problem: { code: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'error' },
    });

  const visit = (absPath: string, rel: string): void => {
    const file = displayPath(absPath, cwd);
    let st;
    try {
      st = lstatSync(absPath);
    } catch (e) {
      unreadable(rel, file, e);
      return;
    }
    let real = absPath;
    if (st.isSymbolicLink()) {
      try {
        real = realpathSync(absPath);
        st = statSync(real);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') files.push({ rel, file, problem: { code: 'symlink-loop' } });
        else if (isYaml(rel)) unreadable(rel, file, e);
        return;
      }
      if (real !== root && !real.startsWith(root + sep)) {
        // Only what would have been read matters: a structure file, or a folder that may hold some.
        if (isYaml(rel) || st.isDirectory())
          files.push({ rel, file, problem: { code: 'symlink-outside', target: displayPath(real, cwd) } });
        return;
      }
    }
    if (st.isDirectory()) {
      // A directory reached twice can only be reached through a link: following it again would loop.
      if (visited.has(real)) {
        files.push({ rel, file, problem: { code: 'symlink-loop' } });
        return;
      }
      visited.add(real);
      let names: string[];
      try {
        names = readdirSync(absPath).sort(byName);
      } catch (e) {
        unreadable(rel, file, e);
        return;
      }
      for (const name of names) visit(join(absPath, name), `${rel}/${name}`);
      return;
    }
    if (!isYaml(rel)) return;
    let problem: ReadProblem | undefined;
    if (!st.isFile()) problem = { code: 'not-regular' };
    else if (st.size > MAX_FILE_BYTES) problem = { code: 'too-large', size: st.size };
    if (problem) {
      files.push({ rel, file, problem });
      return;
    }
    try {
      files.push({ rel, file, bytes: readFileSync(real) });
    } catch (e) {
      unreadable(rel, file, e);
    }
  };

  const orgPath = join(absDir, orgName);
  if (statSync(orgPath, { throwIfNoEntry: false })?.isFile() === false)
    files.push({ rel: orgName, file: displayPath(orgPath, cwd), problem: { code: 'not-regular' } });
  else visit(orgPath, orgName);
  for (const sub of ['units', 'functions']) {
    const p = join(absDir, sub);
    try {
      lstatSync(p);
    } catch {
      continue;
    }
    visit(p, sub);
  }
  return files;
}
