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

  const visit = (absPath: string, rel: string, isTop: boolean): void => {
    const file = displayPath(absPath, cwd);
    let st;
    try {
      st = lstatSync(absPath);
    } catch (e) {
      files.push({ rel, file, problem: { code: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'error' } });
      return;
    }
    let real = absPath;
    if (st.isSymbolicLink()) {
      try {
        real = realpathSync(absPath);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (/\.ya?ml$/i.test(rel) || code === 'ELOOP')
          files.push({ rel, file, problem: code === 'ELOOP' ? { code: 'symlink-loop' } : { code: 'unreadable', reason: code ?? 'error' } });
        return;
      }
      if (real !== root && !real.startsWith(root + sep)) {
        if (/\.ya?ml$/i.test(rel) || !isTop) files.push({ rel, file, problem: { code: 'symlink-outside', target: displayPath(real, cwd) } });
        return;
      }
      try {
        st = statSync(real);
      } catch (e) {
        files.push({ rel, file, problem: { code: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'error' } });
        return;
      }
    }
    if (st.isDirectory()) {
      if (visited.has(real)) {
        if (real !== absPath || st.isSymbolicLink()) files.push({ rel, file, problem: { code: 'symlink-loop' } });
        return;
      }
      visited.add(real);
      let names: string[];
      try {
        names = readdirSync(absPath).sort(byName);
      } catch (e) {
        files.push({ rel, file, problem: { code: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'error' } });
        return;
      }
      for (const name of names) visit(join(absPath, name), `${rel}/${name}`, false);
      return;
    }
    if (!/\.ya?ml$/i.test(rel)) return;
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
      files.push({ rel, file, problem: { code: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? 'error' } });
    }
  };

  const orgPath = join(absDir, orgName);
  if (statSync(orgPath, { throwIfNoEntry: false })?.isFile() === false) files.push({ rel: orgName, file: displayPath(orgPath, cwd), problem: { code: 'not-regular' } });
  else visit(orgPath, orgName, true);
  for (const sub of ['units', 'functions']) {
    const p = join(absDir, sub);
    try {
      lstatSync(p);
    } catch {
      continue;
    }
    visit(p, sub, true);
  }
  return files;
}
