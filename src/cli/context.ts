/**
 * Shared pieces of the command layer: the run context (io, language, translator), loading a
 * structure directory with a one-line error when it cannot be, and writing a result to `-o FILE`
 * or standard output.
 */
import { resolve } from 'node:path';
import { getSystemErrorMap } from 'node:util';
import type { Command } from 'commander';
import { detectLanguage, translator, type Language, type Translate } from '../i18n/format.js';
import { readStructureDir } from '../load/read.js';
import { loadCached } from './cache.js';
import type { LoadedStructure } from '../load/structure.js';
import { UsageError } from '../model/errors.js';
import { validateStructure, type ValidationResult } from '../rules/run.js';
import { BatchWriteError, WriteRefused, writeFileAtomic } from '../output/write.js';
import type { Io } from './io.js';

export interface RunContext {
  io: Io;
  lang: Language;
  t: Translate;
  version: string;
}

/** Runs a command's action inside the error handling of main(); the action returns the exit code. */
export type Run = (action: (ctx: RunContext) => number | Promise<number>) => void;

/** Each command file exports one of these: it adds its command (or subcommand) to `parent`. */
export type Registrar = (parent: Command, run: Run) => void;

export function makeContext(io: Io, langOption: string | undefined, version: string): RunContext {
  const lang = detectLanguage(langOption, io.env);
  return { io, lang, t: translator(lang), version };
}

export const DEFAULT_DIR = 'structure';

export function loadDir(ctx: RunContext, dir: string | undefined): LoadedStructure {
  return loadCached(ctx.io, readStructureDir(dir ?? DEFAULT_DIR, ctx.io.cwd), dir ?? DEFAULT_DIR);
}

/** Loads and validates; tells the user on stderr when the structure has errors (for commands other than validate). */
export function loadValidated(ctx: RunContext, dir: string | undefined, warn = true): ValidationResult {
  const result = validateStructure(loadDir(ctx, dir), ctx.t);
  if (warn && result.summary.errors > 0) ctx.io.stderr(`${ctx.t('structure-has-errors', { count: result.summary.errors })}\n`);
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
 * Writes to standard output, or to `-o FILE` (atomically when it is a file; devices, FIFOs and
 * descriptor links such as /dev/stdout are written in place; a link is followed to its target).
 */
export function emit(ctx: RunContext, content: string | Uint8Array, output: string | undefined): void {
  if (output === undefined || output === '-' || output === '/dev/stdout') {
    ctx.io.stdout(content);
    return;
  }
  try {
    writeFileAtomic(resolve(ctx.io.cwd, output), content);
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
