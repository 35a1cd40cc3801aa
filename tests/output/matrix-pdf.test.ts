/**
 * The paged matrix PDF: a matrix too large for one page is cut by rows and columns, and every page
 * carries the header row and the function column of its own part, read back page by page with a
 * real PDF text extractor (pdfjs-dist). The small Bishkek matrix keeps its one-page picture.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import { buildModel } from '../../src/model/model.js';
import { defaultFontSet, type FontFace, type FontSet } from '../../src/output/fonts.js';
import { fitsOnePage, pagedMatrixPdf, planMatrixPages } from '../../src/output/matrix-pdf.js';
import { measureText } from '../../src/output/measure.js';
import { buildMatrix } from '../../src/render/matrix/model.js';
import { layoutMatrix } from '../../src/render/matrix/svg.js';
import { runCli } from '../helpers/cli.js';
import { load, writeStructure, type Files } from '../helpers/structure.js';

/** The text items of each page. */
async function pageItems(file: string): Promise<string[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  const out: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(content.items.map((item) => ('str' in item ? item.str : '')));
  }
  return out;
}
const pageTexts = async (file: string): Promise<string[]> => (await pageItems(file)).map((items) => items.join(' '));

const UNITS = 60;
const FUNCTIONS = 50;

/** Departments under a root, divisions under them; functions led round the divisions, a few with no lead. */
function matrixFiles(): Files {
  const files: Files = { 'units/root.yaml': { id: 'root', kind: 'office', name: { en: 'Head office' } } };
  for (let d = 0; d < 4; d++)
    files[`units/dep-${d}.yaml`] = {
      id: `dep-${d}`,
      kind: 'department',
      parent: 'root',
      name: { en: `Department ${d}` },
    };
  const divisions = Array.from({ length: UNITS - 5 }, (_, i) => `div-${i}`);
  const roles: Record<string, Record<string, string>> = Object.fromEntries(divisions.map((id) => [id, {}]));
  for (let f = 0; f < FUNCTIONS; f++) {
    const id = `fn-${f}`;
    files[`functions/${id}.yaml`] = { id, name: { en: `Function number ${f} about a matter of state` } };
    if (f % 15 !== 7) roles[divisions[f % divisions.length]!]![id] = 'lead';
    roles[divisions[(f * 7 + 3) % divisions.length]!]![id] ??= 'participant';
  }
  divisions.forEach((id, i) => {
    files[`units/${id}.yaml`] = {
      id,
      kind: 'division',
      parent: `dep-${i % 4}`,
      name: { en: `Division ${i}` },
      functions: roles[id],
    };
  });
  return files;
}

describe('paged matrix PDF', () => {
  it('repeats the header row and the function column on every page and draws each cell once', async () => {
    const dir = writeStructure(matrixFiles());
    const file = join(mkdtempSync(join(tmpdir(), 'org-matrix-')), 'matrix.pdf');
    const r = await runCli(['render', 'matrix', dir, '-o', file, '--page', 'A4']);
    expect(r.code, r.stderr).toBe(0);

    const model = buildModel(load(matrixFiles()));
    const matrix = buildMatrix(model, { lang: 'en' });
    const layout = layoutMatrix(matrix, { t: translator('en'), measure: measureText });
    expect(fitsOnePage(layout, 'A4', 0)).toBe(false);
    const plan = planMatrixPages(matrix, layout, { t: translator('en'), measure: measureText, page: 'A4' });
    const items = await pageItems(file);
    const pages = items.map((i) => i.join(' '));
    expect(pages).toHaveLength(plan.grid.length + plan.flow.length);
    const bands = new Set(plan.grid.map((p) => p.columns.join('-'))).size;
    expect(bands).toBeGreaterThan(1);
    expect(plan.grid.length / bands).toBeGreaterThan(1);

    plan.grid.forEach((page, i) => {
      const text = pages[i]!;
      expect(text).toContain('Function matrix: Test organisation');
      expect(text).toContain(`page ${i + 1} of ${pages.length}`);
      expect(text).toContain('Function');
      // The unit names of this page's band, and no other band's.
      for (let c = 0; c < matrix.columns.length; c++) {
        const inBand = c >= page.columns[0] && c < page.columns[1];
        const label = matrix.columns[c]!.label;
        if (inBand) expect(text, `page ${i + 1}: ${label}`).toContain(label);
      }
      // The functions of this page's rows.
      for (const item of page.items) if (item.kind === 'row') expect(text).toContain(item.row.row.id);
    });
    // Every function is named once per band of units, and every filled cell is drawn once.
    const grid = pages.slice(0, plan.grid.length);
    for (const g of matrix.groups)
      for (const row of g.rows) expect(grid.filter((p) => p.includes(`${row.name} `)).length, row.id).toBe(bands);
    const cells = matrix.groups.flatMap((g) => g.rows).reduce((n, row) => n + row.cells.filter(Boolean).length, 0);
    // Every page has the role legend in its footer; the codes left are the cells'.
    const legend = /L\s+lead\s+P\s+participant\s+A\s+approver\s+I\s+informed/;
    for (const p of grid) expect(p).toMatch(legend);
    const codes = items
      .slice(0, plan.grid.length)
      .reduce((n, page) => n + page.filter((s) => s === 'L' || s === 'P').length - 2, 0);
    expect(codes).toBe(cells);
    // The functions nobody leads are listed after the grid.
    expect(pages.slice(plan.grid.length).join(' ')).toContain('Functions without a lead (3)');
  });

  it('sets each run in the face the font set picks, on repeated parts too', async () => {
    // A set whose last face takes one word that only function names have: those pages need the face
    // also where their column is written again from the first band's operators.
    const base = defaultFontSet();
    const mono: FontFace = {
      family: 'DejaVu Sans Mono',
      bold: false,
      path: join(dirname(base.faces[0]!.path), 'DejaVuSansMono.ttf'),
      pdfName: 'DejaVu Sans Mono',
    };
    const fonts: FontSet = {
      faces: [...base.faces, mono],
      cssFamily: base.cssFamily,
      runs: (text, bold) =>
        text
          .split(/(matter)/)
          .filter(Boolean)
          .flatMap((piece) => (piece === 'matter' ? [{ text: piece, face: mono }] : base.runs(piece, bold))),
      measure: base.measure,
      missing: base.missing,
    };
    const t = translator('en');
    const matrix = buildMatrix(buildModel(load(matrixFiles())), { lang: 'en' });
    const layout = layoutMatrix(matrix, { t, measure: measureText });
    const plan = planMatrixPages(matrix, layout, { t, measure: measureText, page: 'A4' });
    const pdf = await pagedMatrixPdf(matrix, layout, plan, {
      t,
      measure: measureText,
      fonts,
      page: 'A4',
      title: 'Matrix 1',
      pageLabel: (n, m) => `page ${n} of ${m}`,
    });
    const file = join(mkdtempSync(join(tmpdir(), 'org-matrix-')), 'fonts.pdf');
    writeFileSync(file, pdf);
    const pages = await pageTexts(file);
    const fnPages = plan.grid.map((p, i) => ({ p, text: pages[i]!.replace(/\s+/g, '') }));
    for (const { p, text } of fnPages)
      for (const item of p.items)
        if (item.kind === 'row') expect(text).toContain(item.row.row.name.replace(/\s+/g, ''));
    expect(readFileSync(file, 'latin1')).toMatch(/DejaVuSansMono/);
  });

  it('keeps the Bishkek matrix on one page', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'org-matrix-')), 'bishkek.pdf');
    expect((await runCli(['render', 'matrix', '-o', file])).code).toBe(0);
    expect(await pageTexts(file)).toHaveLength(1);
  });
});
