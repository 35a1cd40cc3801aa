/**
 * The font set: user fonts first, DejaVu Sans last, each character in the first font that has it;
 * weights read from the files; widths measured with the face that draws each run; the characters
 * no font has; a file that is not a font reported by name. Uses Noto Sans KR from npm (a dev
 * dependency) and the bundled DejaVu Sans.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultFontSet, loadFontSet } from '../../src/output/fonts.js';
import { byFamily, byIndex, splitTextRuns, svgTexts, visualPieces } from '../../src/output/svg-runs.js';
import { svgToPng } from '../../src/output/png.js';
import { UsageError } from '../../src/model/errors.js';
import { NOTO_BOLD, NOTO_REGULAR } from '../helpers/fonts.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as {
  openSync(path: string): { unitsPerEm: number; layout(text: string): { advanceWidth: number } };
};

const work = mkdtempSync(join(tmpdir(), 'org-fonts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('font set', () => {
  const korean = loadFontSet([NOTO_REGULAR, NOTO_BOLD]);

  it('reads family and weight from each file and keeps DejaVu Sans last', () => {
    expect(korean.faces.map((f) => [f.family, f.bold])).toEqual([
      ['Noto Sans KR', false],
      ['Noto Sans KR', true],
      ['DejaVu Sans', false],
      ['DejaVu Sans', true],
    ]);
    expect(new Set(korean.faces.map((f) => f.pdfName)).size).toBe(4);
    expect(korean.cssFamily).toMatch(/^'Noto Sans KR', 'DejaVu Sans', /);
    expect(loadFontSet([])).toBe(defaultFontSet());
  });

  it('sets each character in the first font that has it, of the asked weight', () => {
    const runs = korean.runs('국립국어원 Θ ∰', true);
    // Noto Sans KR has Hangul, Latin and Greek; DejaVu Sans alone has the contour integral.
    expect(runs.map((r) => [r.text, r.face.family, r.face.bold])).toEqual([
      ['국립국어원 Θ ', 'Noto Sans KR', true],
      ['∰', 'DejaVu Sans', true],
    ]);
    // With only the regular file, bold text takes the family's regular face: nothing is emboldened.
    const regularOnly = loadFontSet([NOTO_REGULAR]);
    expect(regularOnly.runs('국어', true).map((r) => [r.face.family, r.face.bold])).toEqual([['Noto Sans KR', false]]);
  });

  it('measures each run with its own face', () => {
    const noto = fontkit.openSync(NOTO_BOLD);
    const dejavu = fontkit.openSync(defaultFontSet().faces[1]!.path);
    const expected =
      noto.layout('국어 ').advanceWidth / noto.unitsPerEm + dejavu.layout('∰').advanceWidth / dejavu.unitsPerEm;
    expect(korean.measure('국어 ∰', { bold: true, size: 10 })).toBeCloseTo(expected * 10, 6);
    // DejaVu's missing-glyph box is not a width for Hangul: the Korean font's is.
    expect(korean.measure('국립국어원', { bold: false, size: 12 })).not.toBeCloseTo(
      defaultFontSet().measure('국립국어원', { bold: false, size: 12 }),
      1,
    );
  });

  it('names the characters no font has, once each, in order, ignoring spaces and controls', () => {
    expect(defaultFontSet().missing(['국어 국', 'Отдел\u200b ', '원'])).toEqual(['국', '어', '원']);
    expect(korean.missing(['국어 국', 'Отдел', '원'])).toEqual([]);
    expect(korean.missing(['𓀀 and 𓀀'])).toEqual(['𓀀']);
  });

  it('reports a file that is missing or not a font, by name', () => {
    const notFont = join(work, 'not-a-font.ttf');
    writeFileSync(notFont, 'hello');
    for (const file of [notFont, join(work, 'absent.ttf')]) {
      let error: unknown;
      try {
        loadFontSet([file]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).messageId).toBe('font-unreadable');
      expect((error as UsageError).data.file).toBe(file);
    }
  });
});

/** A font collection (.ttc) holding one font: the TTF after a collection header, its table offsets moved past it. */
function collectionOf(ttf: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(1, 8);
  header.writeUInt32BE(16, 12);
  const font = Buffer.from(ttf);
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) font.writeUInt32BE(font.readUInt32BE(12 + i * 16 + 8) + 16, 12 + i * 16 + 8);
  return Buffer.concat([header, font]);
}

describe('font collections', () => {
  it('a .ttc gives its first face, which the PDF writer registers by its PostScript name', async () => {
    const ttc = join(work, 'NotoSansKR.ttc');
    writeFileSync(ttc, collectionOf(readFileSync(NOTO_REGULAR)));
    const fonts = loadFontSet([ttc]);
    expect(fonts.faces[0]).toMatchObject({ family: 'Noto Sans KR', bold: false, collectionFace: 'NotoSansKR-Regular' });
    expect(fonts.missing(['국어'])).toEqual([]);
    const { svgToPdf } = await import('../../src/output/pdf.js');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40"><text x="4" y="24" font-size="16">국립국어원</text></svg>';
    const pdf = await svgToPdf(svg, { title: '국어', pageLabel: () => '', fonts });
    const out = join(work, 'ttc.pdf');
    writeFileSync(out, pdf);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    if (text.error) return void console.warn('skipping the PDF text check of a .ttc: pdftotext is not installed');
    expect(text.stdout).toContain('국립국어원');
  });
});

describe('right-to-left text in PDF', () => {
  it('words of a right-to-left line go to pdfkit in visual order; other text is untouched', () => {
    expect(visualPieces('وزارة المالية')).toEqual(['المالية', ' ', 'وزارة']);
    expect(visualPieces('Отдел кадров')).toEqual(['Отдел кадров']);
    expect(visualPieces('وزارة IT')).toEqual(['وزارة IT']);
    expect(visualPieces('وزارة')).toEqual(['وزارة']);
  });

  it('pdftotext reads an Arabic name back in its own order, spaces kept', async () => {
    const { svgToPdf } = await import('../../src/output/pdf.js');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40" viewBox="0 0 300 40"><text x="150" y="24" text-anchor="middle" font-size="16">إدارة الميزانية العامة</text></svg>';
    const out = join(work, 'arabic.pdf');
    writeFileSync(out, await svgToPdf(svg, { title: 'وزارة المالية', pageLabel: () => '', fonts: defaultFontSet() }));
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    if (text.error) return void console.warn('skipping the PDF text check of Arabic: pdftotext is not installed');
    const plain = text.stdout.replace(/[\u202A-\u202E]/g, '');
    expect(plain).toContain('إدارة الميزانية العامة');
    expect(plain).toContain('وزارة المالية');
  });
});

describe('text runs in SVG', () => {
  const korean = loadFontSet([NOTO_REGULAR, NOTO_BOLD]);
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="24" font-family="x" font-weight="bold" font-size="16">국어 &amp; ∰</text></svg>';

  it('names the face of every run, for the PDF writer and for resvg', () => {
    expect(splitTextRuns(svg, korean, byIndex)).toContain(
      '<text x="4" y="24" font-size="16"><tspan font-family="org-face-1">국어 &amp; </tspan><tspan font-family="org-face-3">∰</tspan></text>',
    );
    expect(splitTextRuns(svg, korean, byFamily)).toContain(
      `<tspan font-family="'Noto Sans KR'" font-weight="bold">국어 &amp; </tspan>`,
    );
    expect(svgTexts(splitTextRuns(svg, korean, byIndex))).toEqual(['국어 & ∰']);
  });

  it('PNG: Hangul is drawn with its glyphs, not as the same empty box', async () => {
    const glyph = (ch: string): string =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text x="20" y="30" text-anchor="middle" font-size="28">${ch}</text></svg>`;
    const draw = async (ch: string, fonts = korean): Promise<string> =>
      Buffer.from((await svgToPng(glyph(ch), { scale: 1, fonts })).bytes).toString('base64');
    // Without a Korean font, two different syllables come out as the same missing-glyph box.
    expect(await draw('국', defaultFontSet())).toBe(await draw('립', defaultFontSet()));
    expect(await draw('국')).not.toBe(await draw('립'));
    expect(await draw('국')).not.toBe(await draw('국', defaultFontSet()));
  });
});
