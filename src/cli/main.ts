/**
 * The command line: `main(argv, io)` parses the arguments, runs one command and returns the exit
 * code (0 clean, 1 findings, 2 could not run). Commands live in ./commands, one file each, and only
 * the one that runs is loaded (./commands/registry.ts). The global options and the decisions about
 * output are made once, before the command's action runs (the preAction hook), and reach the
 * action in its RunContext. Errors the user can act on print one line; anything unexpected prints
 * one line and a hint to rerun with --debug, which shows the stack.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from '../model/errors.js';
import { saveCaches } from './cache.js';
import { commandEntries, type CommandEntry } from './commands/registry.js';
import { errorReason, makeContext, type Run, type RunContext } from './context.js';
import { helpTexts, localiseHelp, translateCommanderError, translateHelpNotes } from './help.js';
import { nodeIo, type Io } from './io.js';

declare const ORG_VERSION: string | undefined;
const VERSION = typeof ORG_VERSION === 'string' ? ORG_VERSION : '0.0.0-dev';

/** What a first look at the arguments tells before commander has parsed them (see peekArgs). */
export interface FirstLook {
  /** The value of --lang (`--lang ru` or `--lang=ru`), if given. */
  lang: string | undefined;
  debug: boolean;
  /** The first word that is neither an option nor the value of --lang: the command, if any. */
  command: string | undefined;
  /** -h or --help is among the arguments. */
  help: boolean;
}

/**
 * The one place the arguments are looked at by hand, before commander parses them, for two things
 * that must be known earlier: the language (commander's own parse errors are worded in it, before
 * any action runs) and which command's module to load. Commander's parse has the final word on
 * every option: the preAction hook makes the run context again from what it parsed.
 */
export function peekArgs(argv: readonly string[]): FirstLook {
  const langIndex = argv.indexOf('--lang');
  const lang =
    argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length) ??
    (langIndex >= 0 ? argv[langIndex + 1] : undefined);
  let command: string | undefined;
  for (let i = 0; i < argv.length && command === undefined; i++) {
    if (argv[i] === '--lang') i++;
    else if (!argv[i]!.startsWith('-')) command = argv[i];
  }
  return { lang, debug: argv.includes('--debug'), command, help: argv.includes('-h') || argv.includes('--help') };
}

/**
 * The commands to register: the one named, when it is a command and the run is no help. The whole
 * list for help (`org --help`, `org help`), for completion (generated from the whole tree) and when
 * the name is not a command (commander suggests the nearest).
 */
export function commandsFor(first: FirstLook): CommandEntry[] {
  const named = commandEntries.find((c) => c.name === first.command);
  return named === undefined || first.help || named.name === 'completion' ? commandEntries : [named];
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const { code, ctx } = await runMain(argv, io);
  const failure = await io.flush?.();
  if (failure === undefined) return code;
  io.stderr(`org: ${ctx.t('stdout-failed', { reason: errorReason(failure) })}\n`);
  return 2;
}

/** Parses and runs; returns the exit code and the run context as it ended (the language commander parsed). */
async function runMain(argv: readonly string[], rawIo: Io): Promise<{ code: number; ctx: RunContext }> {
  const first = peekArgs(argv);
  let exitCode = 0;
  let ctx = makeContext(rawIo, first.lang, VERSION, { debug: first.debug });
  // From here on, all output goes through the terminal edge (context.ts guardTerminal).
  const io = ctx.io;
  const program = new Command('org');
  // Help is written in the language of the first look at the arguments (commander writes it while parsing).
  const [texts, registrars] = await Promise.all([
    helpTexts(ctx.lang),
    Promise.all(commandsFor(first).map((c) => c.load())),
  ]);

  const fail = (e: unknown): void => {
    if (e instanceof UsageError) {
      io.stderr(`org: ${ctx.t(e.messageId, e.data)}\n`);
    } else {
      const err = e as Error;
      io.stderr(`org: ${ctx.t('internal-error', { message: err?.message ?? String(e) })}\n`);
      if (ctx.debug && err?.stack) io.stderr(`${err.stack}\n`);
    }
    exitCode = 2;
  };
  // Commander waits for the promise an action returns (parseAsync), so the run ends when the action does.
  const run: Run = async (action) => {
    try {
      exitCode = await action(ctx);
    } catch (e) {
      fail(e);
    }
  };

  program
    .description(
      'Organisation structure as code: validate, diff and render org charts and function matrices from YAML.',
    )
    .version(VERSION, '-V, --version')
    .option('--lang <lang>', 'language of messages and names (ru, en); default from LANG')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError(ctx.t('cli-help-after-error', { command: 'org' }))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(translateHelpNotes(s, texts)),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(translateCommanderError(s, ctx.t, ctx.lang)),
    })
    .enablePositionalOptions(false)
    // The global options as commander parsed them, once, for every command.
    .hook('preAction', () => {
      const { lang, debug } = program.opts<{ lang?: string; debug?: boolean }>();
      ctx = makeContext(rawIo, lang, VERSION, { debug: debug === true });
    });
  for (const register of registrars) register(program, run);
  localiseHelp(program, texts, ctx.t);
  const configure = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({
        writeOut: (s) => io.stdout(translateHelpNotes(s, texts)),
        writeErr: (s) => io.stderr(s),
        outputError: (s, write) => write(translateCommanderError(s, ctx.t, ctx.lang)),
      });
      sub.showHelpAfterError(
        ctx.t('cli-help-after-error', { command: `org ${cmd === program ? '' : `${cmd.name()} `}${sub.name()}` }),
      );
      configure(sub);
    }
  };
  configure(program);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with exit code 0; every parse error with 2.
      return { code: e.exitCode === 0 ? 0 : 2, ctx };
    }
    fail(e);
  } finally {
    saveCaches();
  }
  return { code: exitCode, ctx };
}

export { nodeIo };
