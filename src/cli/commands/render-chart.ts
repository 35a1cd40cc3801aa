/**
 * `org render chart [dir]`: the org chart as SVG, PDF, PNG, PPTX or DOT. The pure renderers in
 * src/render/chart describe, lay out and draw the chart (and cut it into a book for paper and
 * slides); resvg, pdfkit and pptxgenjs in src/output turn the drawing into PNG, PDF and PPTX. They
 * are loaded only here, when a chart is asked for. Every format measures and draws with one font
 * set (src/output/fonts.ts).
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { translator, wordsLanguage } from '../../i18n/format.js';
import { UsageError } from '../../model/errors.js';
import type { Translate } from '../../model/finding.js';
import type { FontSet } from '../../output/fonts.js';
import { CHART_FORMATS, drawPicture, type ChartFormat, type PictureRequest } from '../../output/picture.js';
import { PAPER } from '../../render/chart/book.js';
import type { ChartOptions, Direction } from '../../render/chart/chart.js';
import type { ChartSpec } from '../../render/chart/dot.js';
import type { TablePage } from '../../render/chart/drawing.js';
import { progress } from '../progress.js';
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
import { AT_OPTION, applyAt } from '../at.js';
import { collect, commandFonts, warnMissingGlyphs } from '../fonts.js';
import { findUnit } from '../lookup.js';

/** Options shared by `render chart` and `render diff`: output, format, pages, engine. */
export interface PictureOptions {
  output?: string;
  format?: string;
  direction: string;
  /** Left out: A4 for PDF, 16:9 for PPTX. */
  page?: string;
  landscape?: boolean;
  portrait?: boolean;
  scale: string;
  engine: string;
  title?: string;
  /** Font files, first choice first (`--font`, repeatable). */
  font?: string[];
  quiet?: boolean;
}

interface Options extends PictureOptions {
  root?: string;
  depth?: string;
  headcount?: boolean;
  functions?: boolean;
  at?: string;
}

/** The format: `--format`, else the extension of `-o`, else SVG. */
function pictureFormat(options: Pick<PictureOptions, 'format' | 'output'>): ChartFormat {
  if (options.format !== undefined) return checkFormat(options.format.toLowerCase(), CHART_FORMATS) as ChartFormat;
  if (options.output === undefined || options.output === '-') return 'svg';
  const ext = extname(options.output).slice(1).toLowerCase();
  if ((CHART_FORMATS as readonly string[]).includes(ext)) return ext as ChartFormat;
  throw new UsageError('chart-unknown-extension', { file: options.output, formats: CHART_FORMATS.join(', ') });
}

function parseDirection(value: string): Direction {
  const upper = value.toUpperCase();
  if (upper !== 'TB' && upper !== 'LR') throw new UsageError('chart-bad-direction', { value });
  return upper;
}

/** Adds the picture options to a command (chart and diff share them). */
export function pictureCommandOptions(command: Command): Command {
  return command
    .option('-o, --output <file>', 'write to a file (atomically); the extension picks the format')
    .option('-f, --format <format>', 'svg, pdf, png, pptx or dot (default: from the extension of -o, else svg)')
    .option('--direction <dir>', 'TB (top to bottom) or LR (left to right)', 'TB')
    .option('--title <text>', "title above the chart (default: the organisation's name and the date of the structure)")
    .option(
      '--page <size>',
      'PDF paper: A4 (default), A3, A2 (a book: an overview, then linked pages per subtree) or fit (one page the size of the chart); PPTX slide: 16:9 (default), A4, A3, A2 or fit',
    )
    .option(
      '--landscape',
      'PDF pages in landscape orientation (default: whichever needs fewer pages; PPTX paper slides are landscape)',
    )
    .option('--portrait', 'PDF pages or PPTX paper slides in portrait orientation')
    .option(
      '--font <file>',
      'a TrueType/OpenType font to draw with, before DejaVu Sans (repeatable: the first font that has a character sets it)',
      collect,
    )
    .option('--scale <n>', 'PNG zoom over 96 dpi (capped for very large charts)', '2')
    .option(
      '--engine <engine>',
      'accepted for old scripts (wasm or dot); charts are laid out and drawn by org itself',
      'wasm',
    )
    .option('-q, --quiet', 'no progress line on the terminal');
}

/** Every piece of text a chart draws: what the fonts must cover. */
function chartTexts(spec: ChartSpec): string[] {
  const out = [spec.title, ...(spec.subtitle !== undefined ? [spec.subtitle] : []), ...spec.legend.map((l) => l.label)];
  for (const box of spec.boxes) out.push(box.name, ...box.lines.map((l) => l.text), ...box.footer);
  return out;
}

/** The picture options as checked: what emitPicture draws and how. */
export interface PictureSettings extends Pick<PictureRequest, 'format' | 'scale' | 'page' | 'slide' | 'orientation'> {
  direction: Direction;
}

/**
 * Checks every picture option (shared by `render chart` and `render diff`) before anything is read
 * or laid out, so a mistyped option is reported at once, whatever the structure. Refuses PDF, PNG
 * and PPTX for a terminal.
 */
export async function pictureSettings(ctx: RunContext, options: PictureOptions): Promise<PictureSettings> {
  const format = pictureFormat(options);
  const direction = parseDirection(options.direction);
  if ((format === 'pdf' || format === 'png' || format === 'pptx') && outputTarget(ctx, options.output).terminal)
    throw new UsageError('chart-binary-to-terminal', { format: format.toUpperCase() });
  const engine = options.engine.toLowerCase();
  if (engine !== 'wasm' && engine !== 'dot') throw new UsageError('chart-bad-engine', { value: options.engine });
  const scale = Number(options.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 16)
    throw new UsageError('chart-bad-scale', { value: options.scale });
  let slide: PictureSettings['slide'];
  let page = 'A4';
  if (format === 'pptx') {
    const { SLIDE_SIZES } = await import('../../output/pptx.js');
    slide = (
      options.page === undefined ? '16:9' : options.page.toUpperCase() === 'FIT' ? 'fit' : options.page.toUpperCase()
    ) as (typeof SLIDE_SIZES)[number];
    if (!SLIDE_SIZES.includes(slide)) throw new UsageError('chart-pptx-bad-page', { value: options.page ?? '' });
  } else if (options.page !== undefined && format !== 'dot') {
    page = options.page.toUpperCase() === 'FIT' ? 'fit' : options.page.toUpperCase();
    if (page !== 'fit' && !(page in PAPER)) throw new UsageError('chart-bad-page', { value: options.page });
  }
  const orientation = options.landscape === true ? 'landscape' : options.portrait === true ? 'portrait' : undefined;
  return { format, direction, scale, page, slide, ...(orientation !== undefined ? { orientation } : {}) };
}

/**
 * Draws a chart description (src/output/picture.ts) and writes it: shared by `render chart` and
 * `render diff`. Warns once when some text is in none of the fonts, shows progress on a terminal,
 * and says when a PNG had to be made smaller than asked. The settings are checked (pictureSettings).
 */
export async function emitPicture(
  ctx: RunContext,
  spec: ChartSpec,
  settings: PictureSettings,
  options: PictureOptions,
  words: { lang: string; t: Translate },
  fonts: FontSet,
  tables: TablePage[] = [],
): Promise<void> {
  if (settings.format !== 'dot') warnMissingGlyphs(ctx, fonts, chartTexts(spec));
  const shown = progress(ctx.io, { quiet: options.quiet === true || settings.format === 'dot' });
  try {
    const picture = await drawPicture(spec, {
      ...settings,
      lang: words.lang,
      words: words.t,
      fonts,
      tables,
      onProgress: (messageId, data) => shown.update(ctx.t(messageId, data)),
    });
    shown.end();
    if (picture.pngCapped) ctx.io.stderr(`${ctx.t('chart-png-capped', picture.pngCapped)}\n`);
    emit(ctx, picture.content, options.output, picture.binary ? 'text' : 'data');
  } finally {
    shown.end();
  }
}

export const register: Registrar = (parent, run) => {
  const command = parent
    .command('chart')
    .description('draw the org chart as SVG, PDF, PNG, PPTX (editable slides) or DOT')
    .argument('[dir]', 'structure directory (default: the one found from the current directory)')
    .option('--root <unit>', 'draw only this unit (id, start of an id, or name) and the units below it')
    .option('--depth <n>', 'number of levels to draw (1 = the top unit only)')
    .option('--headcount', "show each unit's headcount (and the total below it)")
    .option('--functions', 'list the functions each unit leads')
    .option(...AT_OPTION);
  pictureCommandOptions(command)
    .addHelpText(
      'after',
      `
Names are in the language of --lang (default: the organisation's first language).

Examples:
  org render chart -o chart.svg
  org render chart -o chart.pdf --page A3 --landscape
  org render chart -o chart.png --headcount --functions
  org render chart -o chart.pptx                                editable slides
  org render chart -o chart.pdf --font NotoSansKR-Regular.ttf --font NotoSansKR-Bold.ttf
  org render chart ../ministry -o ministry.pdf      an overview page, then a page per subtree
  org render chart --root upravlenie-podgotovki-resheniy --depth 2 -o part.pdf
  org render chart --at 2024-01-01 -o before-2024.svg
  org render chart --format dot | dot -Tpdf > chart.pdf`,
    )
    .action((dir: string, options: Options) =>
      run(async (ctx) => {
        const settings = await pictureSettings(ctx, options);
        const depth = options.depth === undefined ? undefined : parseCount('--depth', options.depth);
        if (depth === 0) throw new UsageError('chart-bad-depth');
        const model = applyAt(ctx, loadValidated(ctx, dir).model, options.at);
        const root = options.root === undefined ? undefined : findUnit(ctx, model, options.root);
        const lang = ctx.langOption ?? model.defaultLanguage;
        const { chartSpec } = await import('../../render/chart/chart.js');
        const fonts = await commandFonts(ctx, options.font, model, resolveDir(ctx, dir));
        const chartOptions: ChartOptions = {
          lang,
          t: translator(wordsLanguage(lang)),
          direction: settings.direction,
          headcount: options.headcount === true,
          functions: options.functions === true,
          ...(root !== undefined ? { root } : {}),
          ...(depth !== undefined ? { depth } : {}),
          ...(options.title !== undefined ? { title: options.title } : {}),
        };
        await emitPicture(ctx, chartSpec(model, chartOptions), settings, options, chartOptions, fonts);
        return 0;
      }),
    );
};
