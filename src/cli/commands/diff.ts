/**
 * `org diff <from> [<to>]`: what a reorganisation does to the organisation. Each side is a
 * structure directory when one exists at that path, otherwise a git revision (`main`, `HEAD~1`,
 * `REV:path`) read at the structure directory's path; `<to>` defaults to the working tree. Both
 * sides go through the same loader and rules; a side with errors is still compared, and its
 * errors are shown above the diff.
 */
import type { Command } from 'commander';
import { diffStructures } from '../../diff/diff.js';
import { diffRenderers, renderSideErrors } from '../../render/diff/index.js';
import { checkFormat, DEFAULT_DIR, emit, type Registrar } from '../context.js';
import { useColor } from '../io.js';
import { compareSides } from '../sides.js';

interface Options {
  dir: string;
  format: string;
  exitCode?: boolean;
  output?: string;
}

export const register: Registrar = (program, run) => {
  program
    .command('diff')
    .description('what a reorganisation changes: units, lineage, functions and assignments between two structures or git revisions')
    .argument('<from>', 'the earlier side: a structure directory, a git revision, or REV:path')
    .argument('[to]', 'the later side (default: the structure directory in the working tree)')
    .option('--dir <path>', 'where the structure directory is, for sides read from git', DEFAULT_DIR)
    .option('-f, --format <format>', 'text, markdown or json', 'text')
    .option('--exit-code', 'exit with 1 when there are changes, 0 when there are none')
    .option('-o, --output <file>', 'write the diff to a file (atomically)')
    .addHelpText(
      'after',
      `
Each side is a directory if one exists at that path, otherwise a git revision of the repository
around the current directory, read at --dir (REV:path reads another path at that revision).
Names are shown in --lang, by default in the organisation's first language.

Examples:
  org diff main                          what this branch does to ./structure
  org diff HEAD~1 HEAD                   what the last commit did
  org diff old-structure new-structure   two directories
  org diff main --format markdown -o reorganisation.md
  org diff main --format json --exit-code`,
    )
    .action((from: string, to: string | undefined, options: Options, command: Command) =>
      run((ctx) => {
        const format = checkFormat(options.format, Object.keys(diffRenderers));
        const [before, after] = compareSides(ctx, from, to, options.dir);
        const diff = diffStructures(before.model, after.model);
        const report = { from: before.side, to: after.side, diff };
        const language = (command.optsWithGlobals() as { lang?: string }).lang;
        const toFile = options.output !== undefined && options.output !== '-';
        const color = format === 'text' && !toFile && useColor(ctx.io.env, ctx.io.stdoutIsTTY);
        if (format === 'text') {
          const errors = renderSideErrors(report, ctx.t);
          if (errors) ctx.io.stderr(errors);
        }
        emit(ctx, diffRenderers[format]!(report, { t: ctx.t, color, ...(language !== undefined ? { language } : {}) }), options.output, format === 'json' ? 'data' : 'text');
        return options.exitCode && diff.changes.length > 0 ? 1 : 0;
      }),
    );
};
