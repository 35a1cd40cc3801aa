/**
 * `org render diff <from> [<to>]`: the reorganisation chart, the later structure with the changes
 * of `org diff` marked on it, in the chart's formats and with its options. The sides are read the
 * way `org diff` reads them: a structure directory when one exists at that path, otherwise a git
 * revision (`main`, `HEAD~1`, `REV:path`); `<to>` defaults to the working tree.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffStructures } from '../../diff/diff.js';
import { translator, wordsLanguage } from '../../i18n/format.js';
import { UsageError } from '../../model/errors.js';
import { parseCount, structureDirOrDefault, type Registrar } from '../context.js';
import { commandFonts } from '../fonts.js';
import { compareSides } from '../sides.js';
import { findUnit } from '../lookup.js';
import { emitPicture, pictureCommandOptions, pictureSettings, type PictureOptions } from './render-chart.js';

interface Options extends PictureOptions {
  dir?: string;
  root?: string;
  depth?: string;
  headcount?: boolean;
  functions?: boolean;
}

export const register: Registrar = (parent, run) => {
  const command = parent
    .command('diff')
    .description('draw a reorganisation: the later structure with added, changed, removed and merged units marked')
    .argument('<from>', 'the earlier side: a structure directory, a git revision, or REV:path')
    .argument('[to]', 'the later side (default: the structure directory in the working tree)')
    .option(
      '--dir <path>',
      'where the structure directory is, for sides read from git (default: the one found from the current directory, else structure)',
    )
    .option(
      '--root <unit>',
      'draw only this unit (id, start of an id, or name, in the later structure) and the units below it',
    )
    .option('--depth <n>', 'number of levels to draw (1 = the top unit only)')
    .option('--headcount', "show each unit's headcount")
    .option('--functions', 'list the functions each unit leads');
  pictureCommandOptions(command)
    .addHelpText(
      'after',
      `
Examples:
  org render diff main -o reorganisation.pdf      the working tree against the main branch
  org render diff HEAD~1 HEAD -o changes.svg
  org render diff old-structure new-structure -o changes.png
  org render diff old-structure new-structure -o changes.pptx   editable slides`,
    )
    .action((from: string, to: string | undefined, options: Options) =>
      run(async (ctx) => {
        const settings = await pictureSettings(ctx, options);
        const { format, direction } = settings;
        const depth = options.depth === undefined ? undefined : parseCount('--depth', options.depth);
        if (depth === 0) throw new UsageError('chart-bad-depth');
        const [before, after] = compareSides(ctx, from, to, options.dir ?? structureDirOrDefault(ctx));
        const beforeModel = before.model;
        const afterModel = after.model;
        const diff = diffStructures(beforeModel, afterModel);
        const lang = ctx.langOption ?? afterModel.defaultLanguage;
        const root = options.root === undefined ? undefined : findUnit(ctx, afterModel, options.root);
        const [{ reorganisationSpec }, { reorganisationTable }] = await Promise.all([
          import('../../render/chart/reorganisation.js'),
          import('../../render/chart/change-table.js'),
        ]);
        // Fonts named in organization.yaml are found beside the later side when it is a directory, else in the working tree's structure.
        const fontBase =
          to !== undefined && statSync(resolve(ctx.io.cwd, to), { throwIfNoEntry: false })?.isDirectory() === true
            ? to
            : (options.dir ?? structureDirOrDefault(ctx));
        const fonts = await commandFonts(ctx, options.font, afterModel, fontBase);
        const chartOptions = {
          lang,
          t: translator(wordsLanguage(lang)),
          direction,
          headcount: options.headcount === true,
          functions: options.functions === true,
          fromLabel: before.side.label,
          toLabel: after.side.label,
          ...(root !== undefined ? { root } : {}),
          ...(depth !== undefined ? { depth } : {}),
          ...(options.title !== undefined ? { title: options.title } : {}),
        };
        // The details the boxes leave out follow the chart as a table, on paper and slides only: a picture is one image.
        const tables =
          format === 'pdf' || format === 'pptx' ? reorganisationTable(diff, { t: chartOptions.t, lang }) : [];
        await emitPicture(
          ctx,
          reorganisationSpec(afterModel, diff, chartOptions, beforeModel),
          settings,
          options,
          chartOptions,
          fonts,
          tables,
        );
        return 0;
      }),
    );
};
