/**
 * A chart description made into each format by src/output/picture.ts: the same text as the
 * renderers it calls, PDF pages with the extra table pages after the chart, progress reported with
 * messages the command line can word, and the orientation chosen or forced.
 */
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import { defaultFontSet } from '../../src/output/fonts.js';
import { drawPicture, type PictureRequest } from '../../src/output/picture.js';
import { chartSpec } from '../../src/render/chart/chart.js';
import { writeDot } from '../../src/render/chart/dot.js';
import { chartDrawing } from '../../src/render/chart/draw.js';
import type { TablePage } from '../../src/render/chart/drawing.js';
import { drawingSvg } from '../../src/render/chart/svg.js';
import { bishkek, options } from '../render/chart/helpers.js';

const fonts = defaultFontSet();
const spec = chartSpec(bishkek(), options('ru'));
const base: PictureRequest = {
  format: 'svg',
  scale: 1,
  page: 'A4',
  slide: undefined,
  lang: 'ru',
  words: translator('ru'),
  fonts,
};

/** The page sizes of a PDF, in points, from its page objects. */
function mediaBoxes(pdf: Uint8Array): Array<[number, number]> {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('drawPicture', () => {
  it('DOT and SVG are the text of the chart renderers, as text data', async () => {
    const dot = await drawPicture(spec, { ...base, format: 'dot' });
    expect(dot).toEqual({ content: writeDot(spec, fonts.measure), binary: false });
    const svg = await drawPicture(spec, { ...base, format: 'svg' });
    expect(svg.binary).toBe(false);
    expect(svg.content).toBe(
      drawingSvg(chartDrawing(spec, fonts.measure), { measure: fonts.measure, fontFamily: fonts.cssFamily }),
    );
  });

  it('a PDF: landscape for the wide Bishkek chart unless portrait is forced, table pages last, progress in catalogue words', async () => {
    const steps: string[] = [];
    const t = translator('en');
    const table: TablePage = {
      kind: 'table',
      title: 'Changes',
      columns: [
        { header: 'What', width: 1 },
        { header: 'Detail', width: 3 },
      ],
      rows: [['a', 'b']],
    };
    const chosen = await drawPicture(spec, {
      ...base,
      format: 'pdf',
      tables: [table],
      onProgress: (id, data) => steps.push(t(id, data)),
    });
    expect(chosen.binary).toBe(true);
    expect(
      Buffer.from(chosen.content as Uint8Array)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const pages = mediaBoxes(chosen.content as Uint8Array);
    expect(pages.length).toBe(2);
    expect(pages[0]![0]).toBeGreaterThan(pages[0]![1]);
    expect(steps.some((s) => /PDF/.test(s))).toBe(true);

    const portrait = await drawPicture(spec, { ...base, format: 'pdf', orientation: 'portrait' });
    const first = mediaBoxes(portrait.content as Uint8Array)[0]!;
    expect(first[0]).toBeLessThan(first[1]);
  });
});
