/** `org validate [dir]`: every problem of a structure at once, in the format the reader needs. */
import { formatters } from '../../render/diagnostics/index.js';
import { checkFormat, emit, loadValidated, parseCount, type Registrar } from '../context.js';
import { useColor } from '../io.js';

interface Options {
  format: string;
  quiet?: boolean;
  maxWarnings?: string;
  output?: string;
}

export const register: Registrar = (program, run) => {
  program
    .command('validate')
    .description('check a structure directory: schemas, references, the tree and the function matrix')
    .argument('[dir]', 'structure directory', 'structure')
    .option('-f, --format <format>', 'stylish, json, github or sarif', 'stylish')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this')
    .option('-o, --output <file>', 'write the report to a file (atomically)')
    .addHelpText(
      'after',
      `
Examples:
  org validate                          check ./structure
  org validate path/to/structure --format json
  org validate --format github          annotations in GitHub Actions
  org validate --format sarif -o org.sarif
  org validate --max-warnings 0         fail on warnings too`,
    )
    .action((dir: string, options: Options) =>
      run((ctx) => {
        const format = checkFormat(options.format, Object.keys(formatters));
        const maxWarnings = options.maxWarnings === undefined ? undefined : parseCount('--max-warnings', options.maxWarnings);
        const result = loadValidated(ctx, dir, false);
        const diagnostics = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
        const summary = options.quiet ? { ...result.summary, warnings: 0, infos: 0 } : result.summary;
        const toFile = options.output !== undefined && options.output !== '-';
        const color = format === 'stylish' && !toFile && useColor(ctx.io.env, ctx.io.stdoutIsTTY);
        emit(ctx, formatters[format]!({ diagnostics, summary }, { color, t: ctx.t, version: ctx.version }), options.output, format === 'stylish' ? 'text' : format === 'github' ? 'annotations' : 'data');
        if (result.summary.errors > 0) return 1;
        if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) {
          ctx.io.stderr(`${ctx.t('max-warnings', { count: result.summary.warnings, max: maxWarnings })}\n`);
          return 1;
        }
        return 0;
      }),
    );
};
