/**
 * The function matrix as a picture: SVG for the web, or PDF for a report — one page while the
 * matrix stays readable on it, else pages cut by rows and columns, each with its own headers. The
 * command line checks the options, warns about characters no font has (the texts returned here)
 * and writes the result.
 */
import type { Translate } from '../model/finding.js';
import { matrixTitle } from '../render/matrix/labels.js';
import type { FunctionMatrix } from '../render/matrix/model.js';
import { drawMatrixSvg, layoutMatrix } from '../render/matrix/svg.js';
import type { FontSet } from './fonts.js';
import type { PageSize } from './pdf.js';
import { svgTexts } from './svg-runs.js';

export interface MatrixPictureRequest {
  format: 'svg' | 'pdf';
  /** PDF paper (A4, A3, A2, or fit: one page the size of the matrix). */
  page: PageSize;
  t: Translate;
  /** Language of names (a BCP 47 tag), for the document's metadata. */
  lang: string;
  fonts: FontSet;
}

export interface MatrixPicture {
  content: string | Uint8Array;
  /** Every text the picture sets: what the fonts must cover. */
  texts: string[];
}

/** Draws the matrix as SVG or PDF. */
export async function drawMatrixPicture(matrix: FunctionMatrix, request: MatrixPictureRequest): Promise<MatrixPicture> {
  const { t, fonts, lang, page } = request;
  const measure = fonts.measure;
  const title = matrixTitle(matrix, t);
  if (request.format === 'svg') {
    const { svg } = drawMatrixSvg(matrix, { t, measure, fontFamily: fonts.cssFamily });
    return { content: svg, texts: svgTexts(svg) };
  }
  const paged = await import('./matrix-pdf.js');
  const layout = layoutMatrix(matrix, { t, measure });
  // Room under the table for the legend and the lists of findings, as the SVG draws them.
  const extra = 60 + (matrix.noLead.length + matrix.multipleLeads.length) * 17;
  const pageLabel = (n: number, pages: number): string => t('matrix-page', { page: n, pages });
  if (page !== 'fit' && !paged.fitsOnePage(layout, page, extra)) {
    // The texts the pages set, from the matrix itself: drawing the SVG only to list them would double the work.
    const texts = [
      title,
      ...matrix.columns.map((c) => c.label),
      ...matrix.groups.flatMap((g) => g.rows.map((r) => r.name)),
    ];
    const plan = paged.planMatrixPages(matrix, layout, { t, measure, page });
    const pdf = await paged.pagedMatrixPdf(matrix, layout, plan, { t, measure, page, title, lang, fonts, pageLabel });
    return { content: pdf, texts };
  }
  const { svgToPdf } = await import('./pdf.js');
  const drawn = drawMatrixSvg(matrix, { t, measure, fontFamily: fonts.cssFamily, heading: false, scalable: true });
  const pdf = await svgToPdf(drawn.svg, {
    title,
    pageLabel,
    page,
    size: { width: drawn.width, height: drawn.height },
    // A wide matrix (many units) goes on a landscape page, a tall one (many functions) on a portrait one.
    landscape: drawn.width > drawn.height,
    lang,
    fonts,
  });
  return { content: pdf, texts: [...svgTexts(drawn.svg), title] };
}
