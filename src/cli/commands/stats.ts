/** `org stats [dir]`: the figures a functional review starts from. */
import { namesLanguage } from '../../render/reports/names.js';
import { computeStats, renderStatsJson, renderStatsText } from '../../render/reports/stats.js';
import { ruleConfig, validateStructure } from '../../rules/run.js';
import { checkFormat, emit, loadDir, type Registrar } from '../context.js';
import { AT_OPTION, applyAt } from '../at.js';

interface Options {
  format: string;
  output?: string;
  at?: string;
}

export const register: Registrar = (program, run) => {
  program
    .command('stats')
    .description(
      'figures for a functional review: units per kind, layers, span of control, headcount, function coverage',
    )
    .argument('[dir]', 'structure directory (default: the one found from the current directory)')
    .option('-f, --format <format>', 'text or json', 'text')
    .option(...AT_OPTION)
    .option('-o, --output <file>', 'write to a file (atomically)')
    .addHelpText(
      'after',
      `
Examples:
  org stats
  org stats --lang en --format json
  org stats --at 2025-01-01`,
    )
    .action((dir: string, options: Options) =>
      run((ctx) => {
        const format = checkFormat(options.format, ['text', 'json']);
        const loaded = loadDir(ctx, dir);
        const { model: full, summary } = validateStructure(loaded, ctx.t);
        if (summary.errors > 0) ctx.io.stderr(`${ctx.t('structure-has-errors', { count: summary.errors })}\n`);
        // The limit is the one `org validate` applies, so the two commands never disagree.
        const spanOption = ruleConfig(loaded).config.get('span-of-control')?.options.max;
        const spanLimit = typeof spanOption === 'number' ? spanOption : 10;
        const model = applyAt(ctx, full, options.at);
        const lang = namesLanguage(model, [ctx.langOption]);
        const stats = computeStats(model, { lang, spanLimit });
        emit(
          ctx,
          format === 'json' ? renderStatsJson(stats) : renderStatsText(stats, { t: ctx.t }),
          options.output,
          format === 'json' ? 'data' : 'text',
        );
        return 0;
      }),
    );
};
