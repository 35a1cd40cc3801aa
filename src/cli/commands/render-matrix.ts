/**
 * `org render matrix [dir]`: the function matrix (functions × units, a role code in each cell) in the
 * format the reader needs: a table in the terminal, Markdown, CSV for spreadsheets, a standalone
 * HTML page, SVG or PDF for a report, JSON for scripts. The format comes from `--format` or the
 * extension of `-o`.
 */
import { extname } from 'node:path';
import { UsageError } from '../../model/errors.js';
import type { OrgModel } from '../../model/model.js';
import { renderMatrixCsv } from '../../render/matrix/csv.js';
import { renderMatrixHtml } from '../../render/matrix/html.js';
import { renderMatrixJson } from '../../render/matrix/json.js';
import { renderMatrixMarkdown } from '../../render/matrix/markdown.js';
import { buildMatrix, type MatrixOptions } from '../../render/matrix/model.js';
import { renderMatrixTable } from '../../render/matrix/table.js';
import { namesLanguage } from '../../render/reports/names.js';
import type { PageSize } from '../../output/pdf.js';
import {
  checkFormat,
  emit,
  loadValidated,
  outputTarget,
  parseCount,
  type Registrar,
  resolveDir,
  type RunContext,
} from '../context.js';
import { collect, commandFonts, warnMissingGlyphs } from '../fonts.js';
import { AT_OPTION, applyAt } from '../at.js';
import { findUnit } from '../lookup.js';

interface Options {
  format?: string;
  output?: string;
  by?: string;
  root?: string;
  groupBy: string;
  width?: string;
  page: string;
  at?: string;
  font?: string[];
}

const FORMATS = ['table', 'md', 'csv', 'html', 'svg', 'pdf', 'json'] as const;
const EXTENSIONS: Record<string, string> = {
  '.txt': 'table',
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.html': 'html',
  '.htm': 'html',
  '.svg': 'svg',
  '.pdf': 'pdf',
  '.json': 'json',
};

/** Width for the terminal table: --width, else the terminal's, else COLUMNS, else a common default. */
function terminalWidth(ctx: RunContext, option: string | undefined): number {
  if (option !== undefined) return Math.max(40, parseCount('--width', option));
  const { columns } = outputTarget(ctx, undefined);
  if (columns) return columns;
  const env = Number(ctx.io.env.COLUMNS);
  return Number.isInteger(env) && env >= 40 ? env : 100;
}

/** The options as checked, before the structure is read: a mistyped one fails at once. */
async function matrixSettings(
  ctx: RunContext,
  options: Options,
): Promise<{
  format: (typeof FORMATS)[number];
  groupBy: 'lead' | 'type';
  width: number;
  color: boolean;
  page: PageSize | undefined;
}> {
  const fromExt =
    options.output && options.output !== '-' ? EXTENSIONS[extname(options.output).toLowerCase()] : undefined;
  const format = checkFormat(options.format ?? fromExt ?? 'table', FORMATS) as (typeof FORMATS)[number];
  const groupBy = options.groupBy;
  if (groupBy !== 'lead' && groupBy !== 'type') throw new UsageError('matrix-bad-group-by', { value: groupBy });
  const target = outputTarget(ctx, options.output);
  if (format === 'pdf' && target.terminal) throw new UsageError('matrix-binary-to-terminal', { format });
  const width = terminalWidth(ctx, options.width);
  const page =
    format === 'pdf'
      ? (checkFormat(options.page, (await import('../../output/pdf.js')).PAGE_SIZES) as PageSize)
      : undefined;
  return { format, groupBy, width, color: target.color, page };
}

/** What the matrix shows: names in the reader's language, the columns of --by and --root, the grouping. */
function matrixOptionsOf(ctx: RunContext, model: OrgModel, options: Options, groupBy: 'lead' | 'type'): MatrixOptions {
  const matrixOptions: MatrixOptions = { lang: namesLanguage(model, [ctx.langOption]), groupBy };
  if (options.root !== undefined) matrixOptions.root = findUnit(ctx, model, options.root);
  if (options.by !== undefined) {
    const kinds = model.organization.kinds.map((k) => k.id);
    if (!kinds.includes(options.by))
      throw new UsageError('matrix-unknown-kind', { kind: options.by, kinds: kinds.join(', ') });
    matrixOptions.by = options.by;
  }
  return matrixOptions;
}

export const register: Registrar = (parent, run) => {
  parent
    .command('matrix')
    .description('the function matrix: functions down the side, units across, a role code in each cell')
    .argument('[dir]', 'structure directory (default: the one found from the current directory)')
    .option('-f, --format <format>', `${FORMATS.join(', ')} (default: from the -o extension, else table)`)
    .option('-o, --output <file>', 'write to a file (atomically)')
    .option('--by <kind>', 'one column per unit of this kind; subunits count for it, the strongest role wins')
    .option(
      '--root <unit>',
      'columns: this unit (id, start of an id, or name) and its subunits; rows: the functions they take part in',
    )
    .option('--group-by <what>', 'group functions by their lead unit or by type: lead, type', 'lead')
    .option('--width <n>', 'width of the terminal table in columns')
    .option('--page <size>', 'paper for pdf: A4, A3, A2 or fit (one page the size of the matrix)', 'A4')
    .option(...AT_OPTION)
    .option(
      '--font <file>',
      'for svg and pdf: a TrueType/OpenType font to draw with, before DejaVu Sans (repeatable)',
      collect,
    )
    .addHelpText(
      'after',
      `
Examples:
  org render matrix                                   table in the terminal
  org render matrix --by upravlenie                   one column per управление
  org render matrix -o matrix.csv                     for a spreadsheet (UTF-8 with BOM)
  org render matrix -o matrix.html --lang en          a standalone page in English
  org render matrix --root upravlenie-podgotovki-resheniy --format md`,
    )
    .action((dir: string, options: Options) =>
      run(async (ctx) => {
        const settings = await matrixSettings(ctx, options);
        const model = applyAt(ctx, loadValidated(ctx, dir).model, options.at);
        const matrix = buildMatrix(model, matrixOptionsOf(ctx, model, options, settings.groupBy));
        const { format } = settings;
        const t = ctx.t;
        let content: string | Uint8Array;
        if (format === 'table')
          content = renderMatrixTable(matrix, { t, width: settings.width, color: settings.color });
        else if (format === 'md') content = renderMatrixMarkdown(matrix, { t });
        else if (format === 'csv') content = renderMatrixCsv(matrix, { t });
        else if (format === 'html') content = renderMatrixHtml(matrix, { t });
        else if (format === 'json') content = renderMatrixJson(matrix);
        else {
          // The fonts, fontkit and pdfkit load only here: `org validate` never pays for them.
          const { drawMatrixPicture } = await import('../../output/matrix-picture.js');
          const fonts = await commandFonts(ctx, options.font, model, resolveDir(ctx, dir));
          const page = settings.page ?? 'A4';
          const picture = await drawMatrixPicture(matrix, { format, page, t, lang: matrix.lang, fonts });
          warnMissingGlyphs(ctx, fonts, picture.texts);
          content = picture.content;
        }
        emit(ctx, content, options.output, format === 'table' || format === 'md' ? 'text' : 'data');
        return 0;
      }),
    );
};
