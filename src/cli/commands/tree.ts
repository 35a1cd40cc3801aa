/** `org tree [dir]`: the structure as an indented tree, with kind, headcount and functions led. */
import { namesLanguage } from '../../render/reports/names.js';
import { buildTree, renderTreeJson, renderTreeText, type TreeOptions } from '../../render/reports/tree.js';
import { checkFormat, emit, loadValidated, outputTarget, parseCount, type Registrar } from '../context.js';
import { AT_OPTION, applyAt } from '../at.js';
import { findUnit } from '../lookup.js';

interface Options {
  format: string;
  root?: string;
  depth?: string;
  width?: string;
  output?: string;
  at?: string;
}

export const register: Registrar = (program, run) => {
  program
    .command('tree')
    .description('show the structure as a tree: kind, headcount and functions led for each unit')
    .argument('[dir]', 'structure directory (default: the one found from the current directory)')
    .option('-f, --format <format>', 'text or json', 'text')
    .option('--root <unit>', 'start from this unit: its id, the start of its id, or its name')
    .option('--depth <n>', 'show this many levels (1 = only the top)')
    .option('--width <n>', 'cut long names to fit this many columns (default: the terminal width)')
    .option(...AT_OPTION)
    .option('-o, --output <file>', 'write to a file (atomically)')
    .addHelpText(
      'after',
      `
Examples:
  org tree
  org tree --depth 2 --lang en
  org tree --root upravlenie-politiki-razvitiya-goroda
  org tree --root "Управление политики развития города"
  org tree --at 2025-01-01
  org tree --format json`,
    )
    .action((dir: string, options: Options) =>
      run((ctx) => {
        const format = checkFormat(options.format, ['text', 'json']);
        const depth = options.depth === undefined ? undefined : parseCount('--depth', options.depth);
        const width =
          options.width !== undefined
            ? parseCount('--width', options.width)
            : outputTarget(ctx, options.output).columns;
        const model = applyAt(ctx, loadValidated(ctx, dir).model, options.at);
        const lang = namesLanguage(model, [ctx.langOption]);
        const treeOptions: TreeOptions = { lang };
        if (options.root !== undefined) treeOptions.root = findUnit(ctx, model, options.root);
        if (depth !== undefined) treeOptions.depth = Math.max(1, depth);
        const tree = buildTree(model, treeOptions);
        emit(
          ctx,
          format === 'json'
            ? renderTreeJson(tree)
            : renderTreeText(tree, width === undefined ? { t: ctx.t } : { t: ctx.t, width }),
          options.output,
          format === 'json' ? 'data' : 'text',
        );
        return 0;
      }),
    );
};
