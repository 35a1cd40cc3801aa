/**
 * Shared pieces of the command layer: the run context (io, language, translator), loading a
 * structure directory with a one-line error when it cannot be, and writing a result to `-o FILE`
 * or standard output.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { detectLanguage, translator, type Language, type Translate } from '../i18n/format.js';
import { readStructureDir } from '../load/read.js';
import { loadCached } from './cache.js';
import type { LoadedStructure } from '../load/structure.js';
import { UsageError } from '../model/errors.js';
import { validateStructure, type ValidationResult } from '../rules/run.js';
import { writeFileAtomic } from '../output/write.js';
import { useColor, type Io } from './io.js';
import { escapeTerminal } from '../render/terminal.js';

export interface RunContext {
  /** The outside world, with every string written to stdout or stderr escaped for a terminal. */
  io: Io;
  /** Standard output as it is, for formats that go out byte-exact (see `emit`). */
  rawStdout: Io['stdout'];
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
  return { io: guardTerminal(io), rawStdout: (content) => io.stdout(content), lang, t: translator(lang), version };
}

/**
 * The terminal edge: every message and every text written for people passes through one escaping
 * step (render/terminal.ts), whatever command or renderer produced it. Colour codes survive only
 * where org colours the stream itself.
 */
export function guardTerminal(io: Io): Io {
  const keepStyles = useColor(io.env, io.stdoutIsTTY);
  return {
    ...io,
    stdout: (content) => io.stdout(typeof content === 'string' ? escapeTerminal(content, { keepStyles }) : content),
    stderr: (text) => io.stderr(escapeTerminal(text)),
  };
}

/**
 * What a command writes, for the terminal edge: `text` is for people (escaped); `annotations` are
 * CI workflow commands (control characters escaped, the commands themselves kept); `data` is a
 * machine format (JSON, CSV, SVG, DOT…) that goes out byte-exact when piped or written to a file,
 * and escaped only when standard output is a terminal someone is looking at.
 */
export type OutputKind = 'text' | 'annotations' | 'data';

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

/** Writes to `-o FILE` atomically, or to standard output (through the terminal edge, see OutputKind). */
export function emit(ctx: RunContext, content: string | Uint8Array, output: string | undefined, kind: OutputKind = 'text'): void {
  if (output === undefined || output === '-') {
    if (typeof content !== 'string' || kind === 'text' || (kind === 'data' && ctx.io.stdoutIsTTY)) ctx.io.stdout(content);
    else if (kind === 'annotations') ctx.rawStdout(escapeTerminal(content, { commands: true }));
    else ctx.rawStdout(content);
    return;
  }
  try {
    // Text for people is escaped in a file too: it is read with `cat` in the same terminals and logs.
    writeFileAtomic(resolve(ctx.io.cwd, output), typeof content === 'string' && kind === 'text' ? escapeTerminal(content) : content);
  } catch (e) {
    throw new UsageError('write-failed', { file: output, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
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
