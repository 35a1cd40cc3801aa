/** `org show <id> [dir]`: one unit or function in full, from every file that mentions it. */
import type { Command } from 'commander';
import { UsageError } from '../../model/errors.js';
import { namesLanguage, suggestIds } from '../../render/reports/names.js';
import { renderShowJson, renderShowText, showDetails } from '../../render/reports/show.js';
import { checkFormat, emit, loadValidated, type Registrar } from '../context.js';

interface Options {
  format: string;
  output?: string;
}

export const register: Registrar = (program, run) => {
  program
    .command('show')
    .description('show one unit or function in full: names, place in the tree, roles, staff, lineage, source')
    .argument('<id>', 'id of a unit or a function')
    .argument('[dir]', 'structure directory', 'structure')
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-o, --output <file>', 'write to a file (atomically)')
    .addHelpText(
      'after',
      `
Examples:
  org show upravlenie-podgotovki-resheniy
  org show rassmotrenie-obrashcheniy-grazhdan --lang en
  org show otdel-pravovoy-raboty --format json`,
    )
    .action((id: string, dir: string, options: Options, command: Command) =>
      run((ctx) => {
        const format = checkFormat(options.format, ['text', 'json']);
        const { model } = loadValidated(ctx, dir);
        const lang = namesLanguage(model, [command.optsWithGlobals<{ lang?: string }>().lang]);
        const details = showDetails(model, id, lang);
        if (details.length === 0) {
          const near = suggestIds(id, new Set([...model.units.keys(), ...model.functions.keys(), ...model.assignments.keys()]));
          throw new UsageError('show-unknown-id', { id, hint: near.length > 0 ? ctx.t('show-did-you-mean', { ids: near.join(', ') }) : '' });
        }
        emit(ctx, format === 'json' ? renderShowJson(id, details) : renderShowText(details, ctx.io.stdoutIsTTY && options.output === undefined && ctx.io.columns ? { t: ctx.t, lang, width: ctx.io.columns } : { t: ctx.t, lang }), options.output, format === 'json' ? 'data' : 'text');
        return 0;
      }),
    );
};
