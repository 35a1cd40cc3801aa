/**
 * `org render chart [dir]`: the org chart as SVG, PDF, PNG or DOT. The chart is described and
 * written as DOT by the pure renderer (src/render/chart); Graphviz (WASM), resvg and pdfkit in
 * src/output turn it into pictures. They are loaded only here, when a chart is asked for.
 */
import { extname } from 'node:path';
import { translator } from '../../i18n/format.js';
import { UsageError } from '../../model/errors.js';
import type { ChartOptions, Direction } from '../../render/chart/chart.js';
import { checkFormat, emit, loadValidated, parseCount, type Registrar, type RunContext } from '../context.js';

export const CHART_FORMATS = ['svg', 'pdf', 'png', 'dot'] as const;
export type ChartFormat = (typeof CHART_FORMATS)[number];

/** Options shared by `render chart` and `render diff`: output, format, pages, engine. */
export interface PictureOptions {
  output?: string;
  format?: string;
  direction: string;
  page: string;
  landscape?: boolean;
  portrait?: boolean;
  scale: string;
  engine: string;
  title?: string;
}

interface Options extends PictureOptions {
  root?: string;
  depth?: string;
  headcount?: boolean;
  functions?: boolean;
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
export function pictureCommandOptions<T extends { option(flags: string, description: string, defaultValue?: string): T }>(command: T): T {
  return command
    .option('-o, --output <file>', 'write to a file (atomically); the extension picks the format')
    .option('-f, --format <format>', 'svg, pdf, png or dot (default: from the extension of -o, else svg)')
    .option('--direction <dir>', 'TB (top to bottom) or LR (left to right)', 'TB')
    .option('--title <text>', "title above the chart (default: the organisation's name and the date of the structure)")
    .option('--page <size>', 'PDF page: A4, A3, A2 or fit (one page the size of the chart)', 'A4')
    .option('--landscape', 'PDF pages in landscape orientation (default: whichever needs fewer pages)')
    .option('--portrait', 'PDF pages in portrait orientation')
    .option('--scale <n>', 'PNG zoom over 96 dpi (capped for very large charts)', '2')
    .option('--engine <engine>', 'layout engine: wasm (built in) or dot (a Graphviz installed on this system)', 'wasm');
}

/**
 * Turns DOT into the asked format and writes it: shared by `render chart` and `render diff`.
 * Refuses to write PDF or PNG to a terminal.
 */
export async function emitPicture(ctx: RunContext, dot: string, format: ChartFormat, options: PictureOptions, title: string, lang: string): Promise<void> {
  const toStdout = options.output === undefined || options.output === '-';
  if ((format === 'pdf' || format === 'png') && toStdout && ctx.io.stdoutIsTTY) throw new UsageError('chart-binary-to-terminal', { format: format.toUpperCase() });
  if (format === 'dot') {
    emit(ctx, dot, options.output, 'data');
    return;
  }
  const engine = options.engine.toLowerCase();
  if (engine !== 'wasm' && engine !== 'dot') throw new UsageError('chart-bad-engine', { value: options.engine });
  const page = options.page.toUpperCase() === 'FIT' ? 'fit' : options.page.toUpperCase();
  const { PAGE_SIZES } = await import('../../output/pdf.js');
  if (!(PAGE_SIZES as readonly string[]).includes(page)) throw new UsageError('chart-bad-page', { value: options.page });
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
  const svg = finishSvg(raw, { title });
  if (format === 'svg') {
    emit(ctx, svg, options.output, 'data');
    return;
  }
  if (format === 'png') {
    const { svgToPng } = await import('../../output/png.js');
    const png = await svgToPng(svg, { scale });
    if (png.scale < scale) ctx.io.stderr(`${ctx.t('chart-png-capped', { width: png.width, height: png.height })}\n`);
    emit(ctx, png.bytes, options.output);
    return;
  }
  const [{ svgToPdf }, { keepTogether }, { measure }] = await Promise.all([import('../../output/pdf.js'), import('../../render/chart/svg.js'), import('../../output/measure.js')]);
  const words = translator(wordsLanguage(lang));
  const pdf = await svgToPdf(svg, {
    page: page as 'A4' | 'A3' | 'A2' | 'fit',
    ...(options.landscape === true ? { landscape: true } : options.portrait === true ? { landscape: false } : {}),
    title,
    pageLabel: (n, pages) => words('chart-page', { page: n, pages }),
    lang,
    keep: keepTogether(svg, measure),
    // The chart draws its own title; a header would repeat it on a single page.
    titleOnSinglePage: false,
  });
  emit(ctx, pdf, options.output);
}

export const register: Registrar = (parent, run) => {
  const command = parent
    .command('chart')
    .description('draw the org chart as SVG, PDF, PNG or DOT')
    .argument('[dir]', 'structure directory', 'structure')
    .option('--root <id>', 'draw only this unit and the units below it')
    .option('--depth <n>', 'number of levels to draw (1 = the top unit only)')
    .option('--headcount', "show each unit's headcount (and the total below it)")
    .option('--functions', 'list the functions each unit leads');
  pictureCommandOptions(command)
    .addHelpText(
      'after',
      `
Names are in the language of --lang (default: the organisation's first language).

Examples:
  org render chart -o chart.svg
  org render chart -o chart.pdf --page A3 --landscape
  org render chart -o chart.png --headcount --functions
  org render chart --root upravlenie-podgotovki-resheniy --depth 2 -o part.pdf
  org render chart --format dot | dot -Tpdf > chart.pdf`,
    )
    .action((dir: string, options: Options, cmd: CommandLike) =>
      run(async (ctx) => {
        const format = pictureFormat(options);
        const direction = parseDirection(options.direction);
        const depth = options.depth === undefined ? undefined : parseCount('--depth', options.depth);
        if (depth === 0) throw new UsageError('chart-bad-depth');
        const model = loadValidated(ctx, dir).model;
        if (options.root !== undefined && !model.units.has(options.root)) throw new UsageError('chart-no-such-unit', { id: options.root });
        const lang = cmd.optsWithGlobals().lang ?? model.defaultLanguage;
        const [{ chartDot, chartHeading }, { measure }] = await Promise.all([import('../../render/chart/chart.js'), import('../../output/measure.js')]);
        const chartOptions: ChartOptions = {
          lang,
          t: translator(wordsLanguage(lang)),
          direction,
          headcount: options.headcount === true,
          functions: options.functions === true,
          ...(options.root !== undefined ? { root: options.root } : {}),
          ...(depth !== undefined ? { depth } : {}),
          ...(options.title !== undefined ? { title: options.title } : {}),
        };
        const dot = chartDot(model, chartOptions, measure);
        await emitPicture(ctx, dot, format, options, chartHeading(model, chartOptions).title, lang);
        return 0;
      }),
    );
};
