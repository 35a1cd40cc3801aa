/**
 * The command line: `main(argv, io)` parses the arguments, runs one command and returns the exit
 * code (0 clean, 1 findings, 2 could not run). Commands live in ./commands, one file each. Errors
 * the user can act on print one line; anything unexpected prints one line and a hint to rerun with
 * --debug, which shows the stack.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from '../model/errors.js';
import { saveCaches } from './cache.js';
import { commands } from './commands/index.js';
import { errorReason, makeContext, type RunContext } from './context.js';
import { localiseHelp, translateCommanderError, translateHelpNotes } from './help.js';
import { nodeIo, type Io } from './io.js';

declare const ORG_VERSION: string | undefined;
export const VERSION = typeof ORG_VERSION === 'string' ? ORG_VERSION : '0.0.0-dev';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const code = await runMain(argv, io);
  const failure = await io.flush?.();
  if (failure === undefined) return code;
  const langIndex = argv.indexOf('--lang');
  const { t } = makeContext(
    io,
    argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? (langIndex >= 0 ? argv[langIndex + 1] : undefined),
    VERSION,
  );
  io.stderr(`org: ${t('stdout-failed', { reason: errorReason(failure) })}\n`);
  return 2;
}

async function runMain(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  let pending: Promise<void> | undefined;
  const program = new Command('org');
  const debug = argv.includes('--debug');
  const langIndex = argv.indexOf('--lang');
  const langArg =
    argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? (langIndex >= 0 ? argv[langIndex + 1] : undefined);
  const ctx = makeContext(io, langArg, VERSION);
  // From here on, all output goes through the terminal edge (context.ts guardTerminal).
  io = ctx.io;

  const fail = (e: unknown): void => {
    if (e instanceof UsageError) {
      io.stderr(`org: ${ctx.t(e.messageId, e.data)}\n`);
      exitCode = 2;
    } else {
      const err = e as Error;
      io.stderr(`org: ${ctx.t('internal-error', { message: err?.message ?? String(e) })}\n`);
      if (debug && err?.stack) io.stderr(`${err.stack}\n`);
      exitCode = 2;
    }
  };
  const run = (action: (ctx: RunContext) => number | Promise<number>): void => {
    pending = (async () => {
      try {
        exitCode = await action(ctx);
      } catch (e) {
        fail(e);
      }
    })();
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
      writeOut: (s) => io.stdout(translateHelpNotes(s, ctx.lang)),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(translateCommanderError(s, ctx.t, ctx.lang)),
    })
    .enablePositionalOptions(false);
  for (const register of commands) register(program, run);
  localiseHelp(program, ctx.lang, ctx.t);
  const configure = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub.exitOverride().configureOutput({
        writeOut: (s) => io.stdout(translateHelpNotes(s, ctx.lang)),
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
    await pending;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with exit code 0; every parse error with 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    fail(e);
  } finally {
    saveCaches();
  }
  return exitCode;
}

export { nodeIo };
