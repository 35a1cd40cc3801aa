/**
 * `org show <unit> [dir]`: one unit or function in full, from every file that mentions it; the
 * unit is named by its id, the start of its id or its name. `--at DATE` shows it as it was in
 * force that day; `--history` tells its story through the git history of the structure.
 */
import { unitHistory } from '../../diff/history.js';
import { lookup } from '../../model/lookup.js';
import { pickText } from '../../model/model.js';
import { renderUnitHistoryJson, renderUnitHistoryText } from '../../render/log.js';
import { namesLanguage } from '../../render/reports/names.js';
import { renderShowJson, renderShowText, showDetails } from '../../render/reports/show.js';
import { AT_OPTION, applyAt } from '../at.js';
import { checkFormat, emit, loadValidated, outputTarget, type Registrar, resolveDir } from '../context.js';
import { findShown } from '../lookup.js';
import { readLog } from './log.js';

interface Options {
  format: string;
  output?: string;
  at?: string;
  history?: boolean;
  range: string;
}

export const register: Registrar = (program, run) => {
  program
    .command('show')
    .description('show one unit or function in full: names, place in the tree, roles, staff, lineage, dates, source')
    .argument('<unit>', 'a unit or a function: its id, the start of its id, or its name in any language')
    .argument('[dir]', 'structure directory (default: the one found from the current directory)')
    .option('-f, --format <format>', 'text or json', 'text')
    .option(...AT_OPTION)
    .option('--history', "the unit's names, parents and lineage through the git history of the structure")
    .option('--range <revisions>', 'with --history: the git revisions to look at', 'HEAD')
    .option('-o, --output <file>', 'write to a file (atomically)')
    .addHelpText(
      'after',
      `
Examples:
  org show upravlenie-podgotovki-resheniy
  org show "Отдел правовой работы"
  org show upravlenie-podg                         a unique start of an id
  org show rassmotrenie-obrashcheniy-grazhdan --lang en
  org show otdel-pravovoy-raboty --format json
  org show otdel-pravovoy-raboty --at 2024-01-01
  org show otdel-pravovoy-raboty --history`,
    )
    .action((query: string, dir: string, options: Options) =>
      run((ctx) => {
        const format = checkFormat(options.format, ['text', 'json']);
        const { columns } = outputTarget(ctx, options.output);
        const structureDir = resolveDir(ctx, dir);
        const loaded = loadValidated(ctx, structureDir);
        const model = applyAt(ctx, loaded.model, options.at);
        const language = ctx.langOption;
        const lang = namesLanguage(model, [language]);
        if (options.history) {
          const { path, entries } = readLog(ctx, structureDir, options.range);
          // A unit is looked up in the working tree; one that is gone from it is still found by its id in the history.
          const known = lookup(model, query, ['unit']);
          let id: string;
          if ('found' in known) id = known.found[0]!.id;
          else if (entries.some((e) => Object.hasOwn(e.diff.names.units, query))) id = query;
          else id = findShown(ctx, model, query, ['unit'])[0]!.id;
          const entry = model.units.get(id);
          const lastName = entries.find((e) => Object.hasOwn(e.diff.names.units, id))?.diff.names.units[id];
          const name = entry
            ? pickText(entry.unit.name, lang, model.defaultLanguage)
            : pickText(lastName, lang, model.defaultLanguage);
          const report = { id, name, path, steps: unitHistory(entries, id) };
          const renderOptions = { t: ctx.t, ...(language !== undefined ? { language } : {}) };
          emit(
            ctx,
            format === 'json'
              ? renderUnitHistoryJson(report, renderOptions)
              : renderUnitHistoryText(report, renderOptions),
            options.output,
            format === 'json' ? 'data' : 'text',
          );
          return 0;
        }
        const found = findShown(ctx, model, query);
        const details = found.flatMap((c) => showDetails(model, c.id, lang).filter((d) => d.type === c.type));
        const id = found[0]!.id;
        const textOptions = { t: ctx.t, lang, defaultLanguage: model.defaultLanguage };
        emit(
          ctx,
          format === 'json'
            ? renderShowJson(id, details)
            : renderShowText(details, columns !== undefined ? { ...textOptions, width: columns } : textOptions),
          options.output,
          format === 'json' ? 'data' : 'text',
        );
        return 0;
      }),
    );
};
