/**
 * The matrix for reports: SVG golden files with text measured in the real DejaVu Sans, every line
 * of text checked to fit its cell, the SVG drawn by resvg (which rejects malformed XML), and the
 * PDF read back with a real text extractor.
 * Regenerate the golden files with `UPDATE_GOLDEN=1 npx vitest run tests/render/matrix`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureText } from '../../../src/output/measure.js';
import { svgToPng } from '../../../src/output/png.js';
import { buildMatrix } from '../../../src/render/matrix/model.js';
import { renderMatrixSvg, wrapMeasured } from '../../../src/render/matrix/svg.js';
import { runCli } from '../../helpers/cli.js';
import { expectGolden } from '../../helpers/golden.js';
import { BISHKEK, golden, modelOf, SMALL, t } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'org-matrix-pdf-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const svgOf = (dir: string, lang: 'en' | 'ru'): string =>
  renderMatrixSvg(buildMatrix(modelOf(dir), { lang }), { t: t(lang), measure: measureText });

/** Text of a PDF: pdftotext when installed, else pdfjs-dist. */
async function pdfText(file: string): Promise<string> {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.status === 0) return r.stdout;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)) }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  }
  return out;
}

describe('SVG matrix', () => {
  it('matches its golden files', () => {
    expectGolden(golden('bishkek', 'matrix.svg'), svgOf(BISHKEK, 'ru'));
    expectGolden(golden('small', 'matrix.svg'), svgOf(SMALL, 'en'));
  });

  it('names DejaVu Sans first and escapes every name', () => {
    const svg = svgOf(SMALL, 'en');
    expect(svg).toMatch(/^<svg [^>]*font-family="DejaVu Sans, sans-serif"/);
    expect(svg).toContain('+Fees &lt;draft&gt; &amp; review | &quot;2026&quot;');
    expect(svg).not.toContain('<draft>');
  });

  it('keeps every function-name line inside the function column', () => {
    const svg = svgOf(BISHKEK, 'ru');
    // The function column ends where the first unit column's line starts.
    const [, start, top, bottom] = /<line x1="([\d.]+)" y1="([\d.]+)" x2="\1" y2="([\d.]+)"/.exec(svg)!;
    const columnStart = Number(start);
    let checked = 0;
    for (const [, x, y, size, bold, body] of svg.matchAll(
      /<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"( font-weight="bold")?[^>]*>([^<]*)<\/text>/g,
    )) {
      if (Number(x) >= columnStart || Number(y) < Number(top) || Number(y) > Number(bottom)) continue;
      checked++;
      const plain = body!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      expect(
        Number(x) + measureText(plain, { bold: bold !== undefined, size: Number(size) }),
        plain,
      ).toBeLessThanOrEqual(columnStart);
    }
    // 3 group labels, 11 names over several lines each, 11 ids, and the column heading.
    expect(checked).toBeGreaterThan(3 + 2 * 11 + 11);
  });

  it('wraps by measured width, never losing a letter', () => {
    const name = 'Информационно-аналитическое и организационное обеспечение деятельности мэрии';
    const lines = wrapMeasured(name, 150, { bold: false, size: 12 }, measureText);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(measureText(l, { bold: false, size: 12 })).toBeLessThanOrEqual(150);
    expect(lines.join(' ').replace(/- /g, '-')).toBe(name);
  });

  it('is drawn by resvg at the size it declares', async () => {
    const svg = svgOf(BISHKEK, 'ru');
    const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
    const png = await svgToPng(svg, { scale: 1 });
    expect([png.width, png.height]).toEqual([Number(w), Number(h)]);
  });
});

describe('PDF matrix', () => {
  it('org render matrix -o matrix.pdf puts the whole table on one readable page', async () => {
    const file = join(work, 'bishkek.pdf');
    const r = await runCli(['render', 'matrix', '--lang', 'ru', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    for (const word of [
      'Функциональная матрица',
      'Управление политики развития города',
      'Правовое и кадровое обеспечение',
      'ответственный',
      'privlechenie-investitsiy-i-grantov',
    ]) {
      expect(text).toContain(word);
    }
    if (existsSync('/usr/bin/pdfinfo')) {
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
      expect(info).toMatch(/Pages:\s+1\n/);
    }
  });

  it('refuses to write a PDF to a terminal', async () => {
    const r = await runCli(['render', 'matrix', '--format', 'pdf'], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Not writing pdf to a terminal/);
  });

  it('rejects an unknown page size', async () => {
    const r = await runCli(['render', 'matrix', '-o', join(work, 'x.pdf'), '--page', 'B5']);
    expect(r.code).toBe(2);
    expect(existsSync(join(work, 'x.pdf'))).toBe(false);
  });
});
