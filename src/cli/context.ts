/**
 * Shared pieces of the command layer: the run context (io, language, translator), loading a
 * structure directory with a one-line error when it cannot be, and writing a result to `-o FILE`
 * or standard output.
 */
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { getSystemErrorMap } from 'node:util';
import type { Command } from 'commander';
import { detectLanguage, translator, type Language, type Translate } from '../i18n/format.js';
import { displayPath } from '../load/read.js';
import { openCache } from './cache.js';
import { readStructureDir } from '../load/read.js';
import { loadStructure, type LoadedStructure } from '../load/structure.js';
import { UsageError } from '../model/errors.js';
import { validateStructure, type ValidationResult } from '../rules/run.js';
import { BatchWriteError, WriteRefused, writeFileAtomic } from '../output/write.js';
import { useColor, type Io } from './io.js';
import { escapeTerminal } from '../render/terminal.js';

export interface RunContext {
  /** The outside world, with every string written to stdout or stderr escaped for a terminal. */
  io: Io;
  /** Standard output as it is, for formats that go out byte-exact (see `emit`). */
  rawStdout: Io['stdout'];
  /** The language of messages: --lang, else the one of the environment (LANG). */
  lang: Language;
  /** --lang as given, undefined when it was not: names then follow the structure's default language. */
  langOption: string | undefined;
  /** --debug: internal errors show their stack. */
  debug: boolean;
  t: Translate;
  version: string;
}

/**
 * Runs a command's action inside the error handling of main(); the action returns the exit code.
 * The returned promise (which the action callback hands back to commander) settles when it is done.
 */
export type Run = (action: (ctx: RunContext) => number | Promise<number>) => Promise<void> | undefined;

/** Each command file exports one of these: it adds its command (or subcommand) to `parent`. */
export type Registrar = (parent: Command, run: Run) => void;

export function makeContext(
  io: Io,
  langOption: string | undefined,
  version: string,
  options: { debug?: boolean } = {},
): RunContext {
  const lang = detectLanguage(langOption, io.env);
  return {
    io: guardTerminal(io),
    rawStdout: (content) => io.stdout(content),
    lang,
    langOption,
    debug: options.debug === true,
    t: translator(lang),
    version,
  };
}

/** Where a command's output goes (`-o FILE` or standard output) and what that allows. */
export interface OutputTarget {
  /** The file of `-o`; undefined for standard output (no `-o`, `-o -` or `-o /dev/stdout`). */
  file: string | undefined;
  /** Standard output, and it is a terminal someone is looking at (no binary formats, widths to fit). */
  terminal: boolean;
  /** Colour may be used: standard output, and NO_COLOR, FORCE_COLOR or the terminal allow it. */
  color: boolean;
  /** The terminal's width in columns, when writing to a terminal that has told it. */
  columns: number | undefined;
}

/** The one decision, for every command that writes, of file or terminal and of colour (see emit). */
export function outputTarget(ctx: RunContext, output: string | undefined): OutputTarget {
  const toStdout = isStdout(output);
  const terminal = toStdout && ctx.io.stdoutIsTTY;
  return {
    file: toStdout ? undefined : output,
    terminal,
    color: toStdout && useColor(ctx.io.env, ctx.io.stdoutIsTTY),
    columns: terminal ? ctx.io.columns : undefined,
  };
}

const isStdout = (output: string | undefined): output is undefined | '-' | '/dev/stdout' =>
  output === undefined || output === '-' || output === '/dev/stdout';

/**
 * The terminal edge: every message and every text written for people passes through one escaping
 * step (render/terminal.ts), whatever command or renderer produced it. Colour codes survive only
 * where org colours the stream itself.
 */
function guardTerminal(io: Io): Io {
  const keepStyles = useColor(io.env, io.stdoutIsTTY);
  // The properties are copied as they are defined: a getter (nodeIo's stderrIsTTY) stays one.
  return Object.defineProperties(Object.defineProperties({}, Object.getOwnPropertyDescriptors(io)), {
    stdout: {
      value: (content: string | Uint8Array) =>
        io.stdout(typeof content === 'string' ? escapeTerminal(content, { keepStyles }) : content),
    },
    stderr: { value: (text: string) => io.stderr(escapeTerminal(text)) },
  }) as Io;
}

/**
 * What a command writes, for the terminal edge: `text` is for people (escaped); `annotations` are
 * CI workflow commands (control characters escaped, the commands themselves kept); `data` is a
 * machine format (JSON, CSV, SVG, DOT…) that goes out byte-exact when piped or written to a file,
 * and escaped only when standard output is a terminal someone is looking at.
 */
export type OutputKind = 'text' | 'annotations' | 'data';

/** The folder a structure is looked for in, beside each folder on the way up (a repository's root). */
export const DEFAULT_DIR = 'structure';

const kindOf = (abs: string): 'file' | 'dir' | undefined => {
  const st = statSync(abs, { throwIfNoEntry: false });
  return st === undefined ? undefined : st.isDirectory() ? 'dir' : 'file';
};
const isStructureRoot = (abs: string): boolean =>
  kindOf(join(abs, 'organization.yaml')) === 'file' || kindOf(join(abs, 'organization.yml')) === 'file';

/** The structure an absolute path belongs to: the nearest folder at or above it with organization.yaml. */
function structureRootOf(abs: string): string | undefined {
  for (let dir = abs; ; dir = dirname(dir)) {
    if (isStructureRoot(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Where a command finds its structure when given none, as a linter finds its configuration: the
 * nearest folder at or above the working directory that has organization.yaml, or a `structure/`
 * folder with one beside a folder on the way (the repository's root, usually). Undefined when
 * there is none up to the file system's root.
 */
function findStructure(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (isStructureRoot(dir)) return dir;
    if (isStructureRoot(join(dir, DEFAULT_DIR))) return join(dir, DEFAULT_DIR);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The one place a command's directory argument is decided. Given nothing: the structure found
 * from the working directory (findStructure). Given a structure directory: that. Given a folder
 * or file inside a structure: the structure it belongs to. Anything else is returned as given, so
 * reading it reports what is wrong (no such directory, no organization.yaml). The result is as
 * the user would write it: relative to the working directory when below it.
 */
export function resolveDir(ctx: RunContext, dir: string | undefined): string {
  const { cwd } = ctx.io;
  if (dir === undefined) {
    const found = findStructure(cwd);
    if (found === undefined) throw new UsageError('no-structure-found', { dir: DEFAULT_DIR });
    return displayPath(found, cwd);
  }
  const abs = resolve(cwd, dir);
  if (isStructureRoot(abs) || kindOf(abs) === undefined) return dir;
  const root = structureRootOf(kindOf(abs) === 'dir' ? abs : dirname(abs));
  return root === undefined ? dir : displayPath(root, cwd);
}

/** A structure named by paths, and which of its files they name (all when `whole`). */
export interface PathTarget {
  dir: string;
  whole: boolean;
  files: Set<string>;
  folders: string[];
}

/**
 * Paths as linters take them, grouped by the structure each belongs to: a structure directory
 * stands for all of it, a file or folder inside one for those files (pre-commit and lint-staged
 * pass the changed files). No paths: the structure found from the working directory.
 */
export function pathTargets(ctx: RunContext, paths: readonly string[]): PathTarget[] {
  if (paths.length === 0) return [{ dir: resolveDir(ctx, undefined), whole: true, files: new Set(), folders: [] }];
  const { cwd } = ctx.io;
  const byDir = new Map<string, PathTarget>();
  const target = (dir: string, key: string): PathTarget => {
    const t = byDir.get(key) ?? { dir, whole: false, files: new Set<string>(), folders: [] };
    byDir.set(key, t);
    return t;
  };
  for (const path of paths) {
    const abs = resolve(cwd, path);
    const st = statSync(abs, { throwIfNoEntry: false });
    const root = st === undefined ? undefined : structureRootOf(st.isDirectory() ? abs : dirname(abs));
    if (root === undefined) {
      // Reading it says what is wrong: no such directory, or no organization.yaml in it.
      if (st === undefined || st.isDirectory()) target(path, abs).whole = true;
      else throw new UsageError('validate-outside-structure', { path });
    } else if (root === abs) target(path, abs).whole = true;
    else if (st!.isDirectory()) target(displayPath(root, cwd), root).folders.push(`${displayPath(abs, cwd)}/`);
    else target(displayPath(root, cwd), root).files.add(displayPath(abs, cwd));
  }
  return [...byDir.values()];
}

/** The structure directory found from the working directory, else `structure` (which may exist only in git). */
export function structureDirOrDefault(ctx: RunContext): string {
  const found = findStructure(ctx.io.cwd);
  return found === undefined ? DEFAULT_DIR : displayPath(found, ctx.io.cwd);
}

/** Reads a structure as the library's readStructure does, with the parse cache kept between runs. */
export function loadDir(ctx: RunContext, dir: string | undefined): LoadedStructure {
  const resolved = resolveDir(ctx, dir);
  const cache = openCache(ctx.io, resolved);
  // The cache is written at the end of the run (saveCaches in main), after the long part of the command.
  return loadStructure(readStructureDir(resolved, ctx.io.cwd), cache ? { cache } : {});
}

/**
 * Loads and validates, errors only; tells the user on stderr when the structure has errors (for
 * commands other than validate, which need the model, not the diagnostics).
 */
export function loadValidated(ctx: RunContext, dir: string | undefined, warn = true): ValidationResult {
  // Only the count of errors is ever shown here, so warnings are never located or worded.
  const result = validateStructure(loadDir(ctx, dir), ctx.t, { errorsOnly: true });
  if (warn && result.summary.errors > 0)
    ctx.io.stderr(`${ctx.t('structure-has-errors', { count: result.summary.errors })}\n`);
  return result;
}

/** An operating-system error as a short reason: "no space left on device (ENOSPC)". */
export function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const described = typeof err?.errno === 'number' ? getSystemErrorMap().get(err.errno)?.[1] : undefined;
  if (err?.code && described) return `${described} (${err.code})`;
  return err?.code ?? err?.message ?? String(e);
}

/**
 * The one-line error for a write that failed or was refused. `file` is the path as the user gave
 * it, `dir` the directory a refused link led out of.
 */
export function writeError(e: unknown, file: string, dir = '.'): UsageError {
  if (e instanceof BatchWriteError) return writeError(e.error, file, dir);
  if (e instanceof UsageError) return e;
  if (e instanceof WriteRefused) return new UsageError(`write-refused-${e.reason}`, { file, dir });
  return new UsageError('write-failed', { file, reason: errorReason(e) });
}

/**
 * Writes to standard output (through the terminal edge, see OutputKind), or to `-o FILE`
 * (atomically when it is a file; devices, FIFOs and descriptor links such as /dev/stdout are
 * written in place; a link is followed to its target).
 */
export function emit(
  ctx: RunContext,
  content: string | Uint8Array,
  output: string | undefined,
  kind: OutputKind = 'text',
): void {
  if (isStdout(output)) {
    if (typeof content !== 'string' || kind === 'text' || (kind === 'data' && ctx.io.stdoutIsTTY))
      ctx.io.stdout(content);
    else if (kind === 'annotations') ctx.rawStdout(escapeTerminal(content, { commands: true }));
    else ctx.rawStdout(content);
    return;
  }
  try {
    // Text for people is escaped in a file too: it is read with `cat` in the same terminals and logs.
    writeFileAtomic(
      resolve(ctx.io.cwd, output),
      typeof content === 'string' && kind === 'text' ? escapeTerminal(content) : content,
    );
  } catch (e) {
    throw writeError(e, output);
  }
}

export function parseCount(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError('bad-number', { option, value });
  return Number(value);
}

export function checkFormat(format: string, formats: readonly string[]): string {
  if (!formats.includes(format)) throw new UsageError('bad-format', { format, formats: formats.join(', ') });
  return format;
}
