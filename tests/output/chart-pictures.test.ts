/**
 * The chart as pictures, through the real pipeline: Graphviz WASM for SVG, resvg for PNG, pdfkit
 * for PDF. Checks what a reader would notice: every name present and whole, every line of text
 * centred inside its own box, well-formed SVG, the same bytes every time, PNG of the expected
 * size, PDF text that reads back, and a 3,000-unit chart that completes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dotToSvg } from '../../src/output/graphviz.js';
import { measureText } from '../../src/output/measure.js';
import { MAX_PAGE_SIDE, planTiling, slices, svgToPdf, cropSvg } from '../../src/output/pdf.js';
import { cappedScale, svgSize, svgToPng } from '../../src/output/png.js';
import { buildModel, type OrgModel } from '../../src/model/model.js';
import { chartDot, type ChartOptions } from '../../src/render/chart/chart.js';
import { cleanText } from '../../src/render/chart/text.js';
import { finishSvg, keepTogether } from '../../src/render/chart/svg.js';
import { load } from '../helpers/structure.js';
import { bishkek, names, options, TRICKY_NAMES, tricky, unescapeXml, wellFormedProblems } from '../render/chart/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'org-chart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function svgOf(model: OrgModel, opts: ChartOptions): Promise<string> {
  return finishSvg(await dotToSvg(chartDot(model, opts, measureText)), { title: 'chart' });
}

interface NodeText {
  id: string;
  box: { left: number; right: number; top: number; bottom: number };
  lines: Array<{ text: string; x: number; y: number; anchor: string; size: number; bold: boolean }>;
}

/** Each unit's box and the text lines drawn in it, from Graphviz's one-element-per-line SVG. */
function nodeTexts(svg: string): NodeText[] {
  const out: NodeText[] = [];
  for (const group of svg.split('<g id="unit').slice(1)) {
    const body = group.slice(0, group.indexOf('</g>'));
    const id = unescapeXml(/^&#45;([^"]*)"/.exec(body)![1]!);
    const d = /<path fill="[^"]*" stroke="[^"]*"[^>]* d="([^"]*)"/.exec(body)![1]!;
    const xs = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
    const ys = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
    const lines = [...body.matchAll(/<text [^>]*text-anchor="(\w+)" x="([-\d.]+)" y="([-\d.]+)"[^>]*?(font-weight="bold" )?font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      anchor: m[1]!,
      x: Number(m[2]),
      y: Number(m[3]),
      bold: m[4] !== undefined,
      size: Number(m[5]),
      text: unescapeXml(m[6]!),
    }));
    out.push({ id, box: { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) }, lines });
  }
  return out;
}

function expectTextInsideBoxes(svg: string): void {
  for (const node of nodeTexts(svg)) {
    const centre = (node.box.left + node.box.right) / 2;
    for (const line of node.lines) {
      expect(line.anchor, `${node.id}: "${line.text}"`).toBe('middle');
      expect(Math.abs(line.x - centre), `${node.id}: "${line.text}" is centred`).toBeLessThan(0.6);
      const width = measureText(line.text, { bold: line.bold, size: line.size });
      // Inside the box with room for the rounded corners.
      expect(width, `${node.id}: "${line.text}" fits`).toBeLessThanOrEqual(node.box.right - node.box.left - 12);
      expect(line.y).toBeGreaterThan(node.box.top + line.size * 0.7);
      expect(line.y).toBeLessThan(node.box.bottom - 2);
    }
  }
}

/** Text of a PDF in content order: pdftotext when installed, else pdfjs-dist. */
async function pdfText(file: string): Promise<string> {
  const r = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\f`;
  }
  return text;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('SVG', () => {
  it('Bishkek: well-formed, every name whole, every line centred inside its box', async () => {
    const model = bishkek();
    const svg = await svgOf(model, options('ru', { headcount: true, functions: true }));
    expect(wellFormedProblems(svg)).toEqual([]);
    const nodes = nodeTexts(svg);
    expect(nodes).toHaveLength(model.units.size);
    for (const { unit } of model.units.values()) {
      const node = nodes.find((n) => n.id === unit.id)!;
      const name = cleanText(typeof unit.name === 'string' ? unit.name : unit.name.ru!);
      const drawn = node.lines.filter((l) => l.bold).map((l) => l.text);
      expect(drawn.join(' ').replace(/- /g, '-')).toBe(name);
    }
    expectTextInsideBoxes(svg);
    expect(svg).toContain(`font-family="'DejaVu Sans', Arial, Helvetica, sans-serif"`);
  });

  it('the same input gives the same bytes', async () => {
    const a = await svgOf(bishkek(), options('en'));
    const b = await svgOf(bishkek(), options('en'));
    expect(a).toBe(b);
    expect(a).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
  });

  it('names that look like markup stay text', async () => {
    const svg = await svgOf(tricky(), options('ru'));
    expect(wellFormedProblems(svg)).toEqual([]);
    expect(svg).not.toMatch(/<script|<b>/);
    const all = nodeTexts(svg)
      .flatMap((n) => n.lines)
      .filter((l) => l.bold)
      .map((l) => l.text)
      .join(' ');
    for (const name of Object.values(TRICKY_NAMES)) expect(squash(all)).toContain(squash(name));
    expectTextInsideBoxes(svg);
  });

  it('a 3,000-unit chart completes', { timeout: 120_000 }, async () => {
    const files: Record<string, object> = {};
    const fanOut = [12, 10, 8, 3];
    const queue: Array<{ id: string; depth: number }> = [{ id: 'u0', depth: 0 }];
    files['units/u0.yaml'] = { id: 'u0', kind: 'office', name: 'Аппарат' };
    let count = 1;
    while (count < 3000 && queue.length > 0) {
      const { id, depth } = queue.shift()!;
      for (let i = 0; i < fanOut[Math.min(depth, 3)]! && count < 3000; i++, count++) {
        const child = `u${count}`;
        files[`units/${child}.yaml`] = { id: child, kind: depth === 0 ? 'department' : 'division', parent: id, name: `Отдел № ${count} по «особо важным» вопросам` };
        queue.push({ id: child, depth: depth + 1 });
      }
    }
    const model = buildModel(load(files));
    expect(model.units.size).toBe(3000);
    const svg = await svgOf(model, options('ru'));
    expect(wellFormedProblems(svg)).toEqual([]);
    expect(svg.split('<g id="unit').length - 1).toBe(3000);
    expect(svg).toContain('Отдел № 2999 по');
  });
});

describe('PNG', () => {
  it('has the size of the SVG at the asked zoom, and caps huge charts', async () => {
    const svg = await svgOf(bishkek(), options('ru'));
    const png = await svgToPng(svg, { scale: 1.5 });
    const bytes = Buffer.from(png.bytes);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = svgSize(svg);
    expect(bytes.readUInt32BE(16)).toBe(Math.ceil(size.width * 1.5));
    expect(bytes.readUInt32BE(20)).toBe(Math.ceil(size.height * 1.5));
    expect(png.width).toBe(bytes.readUInt32BE(16));
    expect(cappedScale({ width: 100_000, height: 500 }, { scale: 2 })).toBeCloseTo(16_384 / 100_000);
    expect(cappedScale({ width: 20_000, height: 20_000 }, { scale: 2 }) * 20_000).toBeLessThanOrEqual(Math.sqrt(64_000_000) + 1);
  });

  it('draws the text (fonts are passed explicitly, not looked up on the system)', async () => {
    const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"></svg>';
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="30" font-family="'DejaVu Sans', Arial, sans-serif" font-size="20">Отдел ёж №</text></svg>`;
    const a = await svgToPng(blank, { scale: 1 });
    const b = await svgToPng(text, { scale: 1 });
    // A picture with letters compresses far worse than a white one.
    expect(b.bytes.length).toBeGreaterThan(a.bytes.length * 3);
  });
});

describe('PDF', () => {
  const pageLabel = (n: number, m: number): string => `страница ${n} из ${m}`;

  it('Bishkek on A4 landscape: one page, every name reads back', async () => {
    const model = bishkek();
    const svg = await svgOf(model, options('ru'));
    const file = join(work, 'bishkek-landscape.pdf');
    writeFileSync(file, await svgToPdf(svg, { page: 'A4', landscape: true, title: 'Центральный аппарат мэрии Бишкека', pageLabel, lang: 'ru', keep: keepTogether(svg, measureText) }));
    const text = await pdfText(file);
    expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(1);
    for (const name of names(model, 'ru')) expect(squash(text)).toContain(squash(name));
  });

  it('Bishkek with no orientation given: the one that needs fewer pages, here one landscape page', () => {
    const portrait = planTiling({ width: 1224, height: 575 }, { page: 'A4', landscape: false });
    const chosen = planTiling({ width: 1224, height: 575 }, { page: 'A4' });
    expect(portrait.columns.length * portrait.rows.length).toBeGreaterThan(1);
    expect(chosen.columns.length * chosen.rows.length).toBe(1);
    expect(chosen.page.width).toBeGreaterThan(chosen.page.height);
    const tall = planTiling({ width: 500, height: 2400 }, { page: 'A4' });
    expect(tall.page.height).toBeGreaterThan(tall.page.width);
  });

  it('Bishkek with functions on A4 portrait: spread over pages cut between boxes, each with the title and its number', async () => {
    const model = bishkek();
    const svg = await svgOf(model, options('ru', { functions: true }));
    const file = join(work, 'bishkek.pdf');
    writeFileSync(file, await svgToPdf(svg, { page: 'A4', landscape: false, title: 'Центральный аппарат мэрии Бишкека', pageLabel, lang: 'ru', keep: keepTogether(svg, measureText) }));
    const text = await pdfText(file);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const [i, page] of pages.entries()) {
      expect(page).toContain('Центральный аппарат мэрии Бишкека');
      if (pages.length > 1) expect(page).toContain(pageLabel(i + 1, pages.length));
    }
    for (const name of names(model, 'ru')) expect(squash(text)).toContain(squash(name));
  });

  it('`fit` gives one page the size of the chart, never over the PDF limit', async () => {
    const svg = await svgOf(bishkek(), options('ru'));
    const pdf = Buffer.from(await svgToPdf(svg, { page: 'fit', title: 't', pageLabel }));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    const huge = planTiling({ width: 60_000, height: 900 }, { page: 'fit' });
    expect(huge.page.width).toBeLessThanOrEqual(MAX_PAGE_SIDE);
    expect(huge.rows.length * huge.columns.length).toBe(1);
  });

  it('spreads a chart over pages only when one page would make it unreadable', () => {
    const small = planTiling({ width: 700, height: 400 }, { page: 'A4', landscape: true });
    expect(small.columns.length * small.rows.length).toBe(1);
    const wide = planTiling({ width: 3000, height: 600 }, { page: 'A4', landscape: true });
    expect(wide.columns.length).toBeGreaterThan(1);
    expect(wide.rows).toEqual([[0, 600]]);
    expect(wide.scale).toBeGreaterThanOrEqual(0.55);
    // The slices cover the chart end to end, each fits a page.
    expect(wide.columns[0]![0]).toBe(0);
    expect(wide.columns[wide.columns.length - 1]![1]).toBe(3000);
    for (const [i, [a, b]] of wide.columns.entries()) {
      expect((b - a) * wide.scale).toBeLessThanOrEqual(wide.area.width + 0.01);
      if (i > 0) expect(a).toBe(wide.columns[i - 1]![1]);
    }
  });

  it('moves page edges into the gaps between boxes', () => {
    // Boxes 200 wide with 20 between them: no cut may fall inside one.
    const keep = Array.from({ length: 14 }, (_, i) => ({ left: i * 220, right: i * 220 + 200, top: 0, bottom: 100 }));
    const tiling = planTiling({ width: 14 * 220, height: 100 }, { page: 'A4', landscape: true, keep });
    expect(tiling.columns.length).toBeGreaterThan(1);
    for (const [, cut] of tiling.columns.slice(0, -1)) for (const k of keep) expect(cut <= k.left || cut >= k.right).toBe(true);
    expect(slices(100, 40, [[35, 60]])).toEqual([[0, 32], [32, 72], [72, 100]]);
  });
});

describe('cropSvg', () => {
  const svg = [
    '<svg width="300pt" height="100pt" viewBox="0.00 0.00 300.00 100.00">',
    '<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 96)">',
    '<text x="150" y="-80">Title</text>',
    '<g id="unit-a" class="node unit">\n<polygon points="0,-10 90,-10 90,-40 0,-40 0,-10"/>\n<text x="45" y="-25">A</text>\n</g>',
    '<g id="unit-b" class="node unit">\n<polygon points="200,-10 290,-10 290,-40 200,-40 200,-10"/>\n<text x="245" y="-25">B</text>\n</g>',
    '<g id="edge1" class="edge">\n<path d="M45,-40C45,-60 245,-60 245,-40"/>\n</g>',
    '</g>',
    '</svg>',
  ].join('\n');

  it('keeps on a page only the boxes and lines that reach into it', () => {
    const left = cropSvg(svg, { left: 0, right: 150, top: 0, bottom: 100 });
    expect(left).toContain('>A<');
    expect(left).not.toContain('>B<');
    expect(left).toContain('id="edge1"');
    expect(left).toContain('Title');
    const right = cropSvg(svg, { left: 150, right: 300, top: 0, bottom: 100 });
    expect(right).toContain('>B<');
    expect(right).not.toContain('>A<');
  });

  it('leaves an SVG it does not recognise as it is', () => {
    expect(cropSvg('<svg><g id="x" class="node"><rect x="1" y="2"/></g></svg>', { left: 100, right: 200, top: 100, bottom: 200 })).toContain('id="x"');
  });
});
