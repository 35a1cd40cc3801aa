/**
 * `org render matrix [dir]`: the function matrix (functions × units, a role code in each cell) in the
 * format the reader needs: a table in the terminal, Markdown, CSV for spreadsheets, a standalone
 * HTML page, SVG or PDF for a report, JSON for scripts. The format comes from `--format` or the
 * extension of `-o`.
 */
import { extname } from 'node:path';
import { UsageError } from '../../model/errors.js';
import { renderMatrixCsv } from '../../render/matrix/csv.js';
import { renderMatrixHtml } from '../../render/matrix/html.js';
import { renderMatrixJson } from '../../render/matrix/json.js';
import { matrixTitle } from '../../render/matrix/labels.js';
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
        const fromExt =
          options.output && options.output !== '-' ? EXTENSIONS[extname(options.output).toLowerCase()] : undefined;
        const format = checkFormat(options.format ?? fromExt ?? 'table', FORMATS);
        if (options.groupBy !== 'lead' && options.groupBy !== 'type')
          throw new UsageError('matrix-bad-group-by', { value: options.groupBy });
        const target = outputTarget(ctx, options.output);
        if (format === 'pdf' && target.terminal) throw new UsageError('matrix-binary-to-terminal', { format });
        const width = terminalWidth(ctx, options.width);
        const pdfPage =
          format === 'pdf'
            ? (checkFormat(options.page, (await import('../../output/pdf.js')).PAGE_SIZES) as PageSize)
            : undefined;

        const model = applyAt(ctx, loadValidated(ctx, dir).model, options.at);
        const lang = namesLanguage(model, [ctx.langOption]);
        const matrixOptions: MatrixOptions = { lang, groupBy: options.groupBy };
        if (options.root !== undefined) matrixOptions.root = findUnit(ctx, model, options.root);
        if (options.by !== undefined) {
          const kinds = model.organization.kinds.map((k) => k.id);
          if (!kinds.includes(options.by))
            throw new UsageError('matrix-unknown-kind', { kind: options.by, kinds: kinds.join(', ') });
          matrixOptions.by = options.by;
        }
        const matrix = buildMatrix(model, matrixOptions);
        const t = ctx.t;
        let content: string | Uint8Array;
        if (format === 'table')
          content = renderMatrixTable(matrix, {
            t,
            width,
            color: target.color,
          });
        else if (format === 'md') content = renderMatrixMarkdown(matrix, { t });
        else if (format === 'csv') content = renderMatrixCsv(matrix, { t });
        else if (format === 'html') content = renderMatrixHtml(matrix, { t });
        else if (format === 'json') content = renderMatrixJson(matrix);
        else {
          // The fonts, fontkit and pdfkit load only here: `org validate` never pays for them.
          const [{ renderMatrixSvg }, { svgTexts }] = await Promise.all([
            import('../../render/matrix/svg.js'),
            import('../../output/svg-runs.js'),
          ]);
          const fonts = await commandFonts(ctx, options.font, model, resolveDir(ctx, dir));
          const measure = fonts.measure;
          const drawing = { t, measure, fontFamily: fonts.cssFamily };
          if (format === 'svg') {
            content = renderMatrixSvg(matrix, drawing);
            warnMissingGlyphs(ctx, fonts, svgTexts(content));
          } else {
            const [{ svgToPdf }, { svgSize }, { layoutMatrix }, paged] = await Promise.all([
              import('../../output/pdf.js'),
              import('../../output/png.js'),
              import('../../render/matrix/svg.js'),
              import('../../output/matrix-pdf.js'),
            ]);
            const page = pdfPage!;
            const layout = layoutMatrix(matrix, { t, measure });
            // Room under the table for the legend and the lists of findings, as the SVG draws them.
            const extra = 60 + (matrix.noLead.length + matrix.multipleLeads.length) * 17;
            if (page !== 'fit' && !paged.fitsOnePage(layout, page, extra)) {
              // Too large for one readable page: cut by rows and columns, each page with its own headers.
              const pageLabel = (n: number, pages: number): string => t('matrix-page', { page: n, pages });
              // The texts the pages set, from the matrix itself: rendering the SVG only to list them would double the work.
              const texts = [
                matrixTitle(matrix, t),
                ...matrix.columns.map((c) => c.label),
                ...matrix.groups.flatMap((g) => g.rows.map((r) => r.name)),
              ];
              warnMissingGlyphs(ctx, fonts, texts);
              const pdfOptions = { t, measure, page, title: matrixTitle(matrix, t), lang, fonts };
              const plan = paged.planMatrixPages(matrix, layout, { t, measure, page });
              content = await paged.pagedMatrixPdf(matrix, layout, plan, { ...pdfOptions, pageLabel });
              emit(ctx, content, options.output);
              return 0;
            }
            const svg = renderMatrixSvg(matrix, { ...drawing, heading: false });
            warnMissingGlyphs(ctx, fonts, [...svgTexts(svg), matrixTitle(matrix, t)]);
            const size = svgSize(svg);
            // Without width and height on the root element svg-to-pdfkit scales the viewBox into the
            // box svgToPdf asks for; with them it draws at full size and the page cuts the table off.
            const scalable = svg.replace(/^(<svg\b[^>]*?) width="[\d.]+" height="[\d.]+"/, '$1');
            content = await svgToPdf(scalable, {
              title: matrixTitle(matrix, t),
              pageLabel: (page, pages) => t('matrix-page', { page, pages }),
              page,
              // A wide matrix (many units) goes on a landscape page, a tall one (many functions) on a portrait one.
              landscape: size.width > size.height,
              lang,
              fonts,
            });
          }
        }
        emit(ctx, content, options.output, format === 'table' || format === 'md' ? 'text' : 'data');
        return 0;
      }),
    );
};
