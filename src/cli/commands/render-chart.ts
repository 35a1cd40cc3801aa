/**
 * `org render chart [dir]`: the org chart as SVG, PDF, PNG, PPTX or DOT. The chart is described
 * and written as DOT by the pure renderer (src/render/chart); Graphviz (WASM), resvg, pdfkit and
 * pptxgenjs in src/output turn it into pictures and slides. They are loaded only here, when a
 * chart is asked for. Every format measures and draws with one font set (src/output/fonts.ts).
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { translator } from '../../i18n/format.js';
import { UsageError } from '../../model/errors.js';
import type { FontSet } from '../../output/fonts.js';
import type { ChartOptions, Direction } from '../../render/chart/chart.js';
import type { ChartSpec } from '../../render/chart/dot.js';
import type { TablePage } from '../../render/chart/drawing.js';
import { checkFormat, emit, loadValidated, parseCount, type Registrar, type RunContext } from '../context.js';
import { AT_OPTION, applyAt } from '../at.js';
import { collect, commandFonts, warnMissingGlyphs } from '../fonts.js';
import { findUnit } from '../lookup.js';

export const CHART_FORMATS = ['svg', 'pdf', 'png', 'pptx', 'dot'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

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
}

interface Options extends PictureOptions {
  root?: string;
  depth?: string;
  headcount?: boolean;
  functions?: boolean;
  at?: string;
}

type CommandLike = { optsWithGlobals(): { lang?: string } };

/** The format: `--format`, else the extension of `-o`, else SVG. */
export function pictureFormat(options: Pick<PictureOptions, 'format' | 'output'>): ChartFormat {
  if (options.format !== undefined) return checkFormat(options.format.toLowerCase(), CHART_FORMATS) as ChartFormat;
  if (options.output === undefined || options.output === '-') return 'svg';
  const ext = extname(options.output).slice(1).toLowerCase();
  if ((CHART_FORMATS as readonly string[]).includes(ext)) return ext as ChartFormat;
  throw new UsageError('chart-unknown-extension', { file: options.output, formats: CHART_FORMATS.join(', ') });
}

export function parseDirection(value: string): Direction {
  const upper = value.toUpperCase();
  if (upper !== 'TB' && upper !== 'LR') throw new UsageError('chart-bad-direction', { value });
  return upper;
}

/** The language of the chart's own words: Russian for Russian and Kyrgyz charts, else English. */
export function wordsLanguage(lang: string): 'ru' | 'en' {
  return /^(ru|ky)\b/i.test(lang) ? 'ru' : 'en';
}

/** Adds the picture options to a command (chart and diff share them). */
export function pictureCommandOptions(command: Command): Command {
  return command
    .option('-o, --output <file>', 'write to a file (atomically); the extension picks the format')
    .option('-f, --format <format>', 'svg, pdf, png, pptx or dot (default: from the extension of -o, else svg)')
    .option('--direction <dir>', 'TB (top to bottom) or LR (left to right)', 'TB')
    .option('--title <text>', "title above the chart (default: the organisation's name and the date of the structure)")
    .option('--page <size>', 'PDF page: A4 (default), A3, A2 or fit (one page the size of the chart); PPTX slide: 16:9 (default), A4, A3, A2 or fit')
    .option('--landscape', 'PDF pages in landscape orientation (default: whichever needs fewer pages; PPTX paper slides are landscape)')
    .option('--portrait', 'PDF pages or PPTX paper slides in portrait orientation')
    .option('--font <file>', 'a TrueType/OpenType font to draw with, before DejaVu Sans (repeatable: the first font that has a character sets it)', collect)
    .option('--scale <n>', 'PNG zoom over 96 dpi (capped for very large charts)', '2')
    .option('--engine <engine>', 'layout engine: wasm (built in) or dot (a Graphviz installed on this system)', 'wasm');
}

/** Every piece of text a chart draws: what the fonts must cover. */
export function chartTexts(spec: ChartSpec): string[] {
  const out = [spec.title, ...(spec.subtitle !== undefined ? [spec.subtitle] : []), ...spec.legend.map((l) => l.label)];
  for (const box of spec.boxes) out.push(box.name, ...box.lines.map((l) => l.text), ...box.footer);
  return out;
}

/**
 * Draws a chart in the asked format and writes it: shared by `render chart` and `render diff`.
 * Refuses to write PDF, PNG or PPTX to a terminal. Warns once when some text is in none of the fonts.
 */
export async function emitPicture(
  ctx: RunContext,
  spec: ChartSpec,
  format: ChartFormat,
  options: PictureOptions,
  lang: string,
  fonts: FontSet,
  extra: { tables?: TablePage[] } = {},
): Promise<void> {
  const toStdout = options.output === undefined || options.output === '-';
  if ((format === 'pdf' || format === 'png' || format === 'pptx') && toStdout && ctx.io.stdoutIsTTY) throw new UsageError('chart-binary-to-terminal', { format: format.toUpperCase() });
  const title = spec.title;
  const words = translator(wordsLanguage(lang));
  if (format !== 'dot') warnMissingGlyphs(ctx, fonts, chartTexts(spec));
  if (format === 'pptx') {
    const [{ bookToPptx, drawingArea, SLIDE_SIZES }, { singlePageBook, tiledBook }] = await Promise.all([import('../../output/pptx.js'), import('../../render/chart/single-page.js')]);
    const slide = (options.page === undefined ? '16:9' : options.page.toUpperCase() === 'FIT' ? 'fit' : options.page.toUpperCase()) as (typeof SLIDE_SIZES)[number];
    if (!SLIDE_SIZES.includes(slide)) throw new UsageError('chart-pptx-bad-page', { value: options.page ?? '' });
    const orientation = options.portrait === true ? { landscape: false } : {};
    // A chart too large to read on one slide is tiled over slides, names at 60% of their size or more (12 pt names at 7.2 pt).
    const book = slide === 'fit' ? singlePageBook(spec, fonts.measure) : tiledBook(spec, fonts.measure, drawingArea({ slide, ...orientation }), 0.6);
    const pptx = await bookToPptx(book, fonts, {
      slide,
      ...orientation,
      lang,
      linkLabel: (page) => words('pptx-link-page', { page }),
    });
    emit(ctx, pptx, options.output);
    return;
  }
  const { writeDot } = await import('../../render/chart/dot.js');
  const dot = writeDot(spec, fonts.measure);
  if (format === 'dot') {
    emit(ctx, dot, options.output);
    return;
  }
  const engine = options.engine.toLowerCase();
  if (engine !== 'wasm' && engine !== 'dot') throw new UsageError('chart-bad-engine', { value: options.engine });
  const page = options.page === undefined ? 'A4' : options.page.toUpperCase() === 'FIT' ? 'fit' : options.page.toUpperCase();
  const { PAGE_SIZES } = await import('../../output/pdf.js');
  if (!(PAGE_SIZES as readonly string[]).includes(page)) throw new UsageError('chart-bad-page', { value: options.page ?? '' });
  const scale = Number(options.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 16) throw new UsageError('chart-bad-scale', { value: options.scale });

  const { dotToSvg } = await import('../../output/graphviz.js');
  const { finishSvg } = await import('../../render/chart/svg.js');
  let raw: string;
  try {
    raw = await dotToSvg(dot, { engine: engine === 'dot' ? 'system' : 'wasm', onFallback: () => ctx.io.stderr(`${ctx.t('chart-polyline-fallback')}\n`) });
  } catch (e) {
    if ((e as { code?: string }).code === 'no-dot') throw new UsageError('chart-no-dot');
    throw e;
  }
  const svg = finishSvg(raw, { title, fontFamily: fonts.cssFamily });
  if (format === 'svg') {
    emit(ctx, svg, options.output);
    return;
  }
  if (format === 'png') {
    const { svgToPng } = await import('../../output/png.js');
    const png = await svgToPng(svg, { scale, fonts });
    if (png.scale < scale) ctx.io.stderr(`${ctx.t('chart-png-capped', { width: png.width, height: png.height })}\n`);
    emit(ctx, png.bytes, options.output);
    return;
  }
  const [{ svgToPdf }, { keepTogether }] = await Promise.all([import('../../output/pdf.js'), import('../../render/chart/svg.js')]);
  const pdf = await svgToPdf(svg, {
    page: page as 'A4' | 'A3' | 'A2' | 'fit',
    ...(options.landscape === true ? { landscape: true } : options.portrait === true ? { landscape: false } : {}),
    title,
    pageLabel: (n, pages) => words('chart-page', { page: n, pages }),
    lang,
    keep: keepTogether(svg, fonts.measure),
    fonts,
    // The chart draws its own title; a header would repeat it on a single page.
    titleOnSinglePage: false,
    ...(extra.tables ? { tables: extra.tables, tableContinued: (t: string) => words('chart-table-continued', { title: t }) } : {}),
  });
  emit(ctx, pdf, options.output);
}

export const register: Registrar = (parent, run) => {
  const command = parent
    .command('chart')
    .description('draw the org chart as SVG, PDF, PNG, PPTX (editable slides) or DOT')
    .argument('[dir]', 'structure directory', 'structure')
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
  org render chart --root upravlenie-podgotovki-resheniy --depth 2 -o part.pdf
  org render chart --at 2024-01-01 -o before-2024.svg
  org render chart --format dot | dot -Tpdf > chart.pdf`,
    )
    .action((dir: string, options: Options, cmd: CommandLike) =>
      run(async (ctx) => {
        const format = pictureFormat(options);
        const direction = parseDirection(options.direction);
        const depth = options.depth === undefined ? undefined : parseCount('--depth', options.depth);
        if (depth === 0) throw new UsageError('chart-bad-depth');
        const model = applyAt(ctx, loadValidated(ctx, dir).model, options.at);
        const root = options.root === undefined ? undefined : findUnit(ctx, model, options.root);
        const lang = cmd.optsWithGlobals().lang ?? model.defaultLanguage;
        const { chartSpec } = await import('../../render/chart/chart.js');
        const fonts = await commandFonts(ctx, options.font, model, dir);
        const chartOptions: ChartOptions = {
          lang,
          t: translator(wordsLanguage(lang)),
          direction,
          headcount: options.headcount === true,
          functions: options.functions === true,
          ...(root !== undefined ? { root } : {}),
          ...(depth !== undefined ? { depth } : {}),
          ...(options.title !== undefined ? { title: options.title } : {}),
        };
        await emitPicture(ctx, chartSpec(model, chartOptions), format, options, lang, fonts);
        return 0;
      }),
    );
};
