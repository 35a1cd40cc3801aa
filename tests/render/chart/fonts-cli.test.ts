/**
 * Charts and matrices of a Korean structure, as users draw them: without a Korean font the command
 * works and warns once, naming the characters; with `--font` or a `fonts:` list in
 * organization.yaml every name reads back from the PDF (pdftotext) and from the PPTX's slides; a
 * font that cannot be used stops the command with one line naming it.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { hasTool, KOREAN, koreanNames, NOTO_BOLD, NOTO_REGULAR, sofficeConvert } from '../../helpers/fonts.js';
import { readZip } from '../../helpers/zip.js';

const work = mkdtempSync(join(tmpdir(), 'org-fonts-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FONTS = ['--font', NOTO_REGULAR, '--font', NOTO_BOLD];
const havePdftotext = hasTool('pdftotext');
if (!havePdftotext)
  console.warn(
    'skipping the PDF text checks of Korean charts: pdftotext is not installed (apt-get install -y poppler-utils)',
  );
const haveSoffice = hasTool('soffice');
if (!haveSoffice)
  console.warn(
    'skipping reading PPTX back with LibreOffice: soffice is not installed (apt-get install -y libreoffice-impress)',
  );

function pdfText(file: string): string {
  return spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
}

/** Names may wrap inside a box: compare without spaces and line breaks. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

function slideXml(file: string): string {
  const zip = readZip(readFileSync(file));
  return [...zip]
    .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .map(([, data]) => data.toString('utf8'))
    .join('\n');
}

/** A later version of the fixture: one unit renamed, one removed. */
function laterVersion(): string {
  const dir = join(work, 'later');
  rmSync(dir, { recursive: true, force: true });
  cpSync(KOREAN, dir, { recursive: true });
  const renamed = join(dir, 'units/gukripgukeo-won/eomunyeongu-sil/eoneojeongbo-gwa.yaml');
  writeFileSync(renamed, readFileSync(renamed, 'utf8').replace('언어정보과', '언어데이터과'));
  rmSync(join(dir, 'units/gukripgukeo-won/gukripgukeo-won-gihoekyeonsu-bu/gukjegyoryuhongbo-tim.yaml'));
  return dir;
}

describe('Korean charts', () => {
  const names = koreanNames();

  it('the fixture has the names the checks look for', () => {
    expect(names.length).toBe(10);
    expect(names).toContain('국립국어원');
  });

  it('without a Korean font: exit 0 and one warning naming the characters and how to add a font, in English and Russian', async () => {
    const out = join(work, 'none.pdf');
    const r = await runCli(['render', 'chart', KOREAN, '-o', out]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Warning: \d+ characters are in none of the fonts/);
    // The title comes first: its first syllable is named first.
    expect(lines[0]).toContain('문 (U+BB38)');
    expect(lines[0]).toMatch(/--font FILE .*fonts: list in organization\.yaml/);
    expect(lines[0]).toMatch(/and \d+ more/);
    const ru = await runCli(['--lang', 'ru', 'render', 'chart', KOREAN, '-o', join(work, 'none-ru.svg')]);
    // Without user fonts the SVG asks for DejaVu Sans, which it was measured with.
    expect(readFileSync(join(work, 'none-ru.svg'), 'utf8')).toContain(
      `font-family="&apos;DejaVu Sans&apos;, Arial, Helvetica, sans-serif"`,
    );
    expect(ru.code).toBe(0);
    expect(ru.stderr.trim().split('\n')).toHaveLength(1);
    expect(ru.stderr).toMatch(/^Внимание: \d+ символов нет ни в одном шрифте.*--font ФАЙЛ.*fonts:/);
  });

  it.skipIf(!havePdftotext)('with --font: no warning, and pdftotext finds every unit name in the PDF', async () => {
    const out = join(work, 'kr.pdf');
    const r = await runCli(['render', 'chart', KOREAN, '-o', out, ...FONTS]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const text = squeeze(pdfText(out));
    for (const name of names) expect(text).toContain(squeeze(name));
    // The SVG names the Korean font first, then DejaVu Sans: what the boxes were measured with.
    const svg = await runCli(['render', 'chart', KOREAN, ...FONTS]);
    expect(svg.stdout).toContain(
      `font-family="&apos;Noto Sans KR&apos;, &apos;DejaVu Sans&apos;, Arial, Helvetica, sans-serif"`,
    );
    const fonts = spawnSync('pdffonts', [out], { encoding: 'utf8' }).stdout;
    expect(fonts).toMatch(/NotoSansKR-Bold/);
    expect(fonts).toMatch(/NotoSansKR-Regular/);
  });

  it.skipIf(!havePdftotext)(
    'a fonts: list in organization.yaml, relative to it, serves chart, diff and matrix',
    async () => {
      const dir = join(work, 'configured');
      rmSync(dir, { recursive: true, force: true });
      cpSync(KOREAN, dir, { recursive: true });
      appendFileSync(
        join(dir, 'organization.yaml'),
        `fonts:\n  - ${relative(dir, NOTO_REGULAR)}\n  - ${relative(dir, NOTO_BOLD)}\n`,
      );
      const chart = await runCli(['render', 'chart', dir, '-o', join(work, 'configured.pdf')]);
      expect(chart.code).toBe(0);
      expect(chart.stderr).toBe('');
      expect(squeeze(pdfText(join(work, 'configured.pdf')))).toContain('국립국어원');

      const later = laterVersion();
      appendFileSync(join(later, 'organization.yaml'), `fonts:\n  - ${relative(later, NOTO_REGULAR)}\n`);
      const diff = await runCli(['render', 'diff', dir, later, '-o', join(work, 'diff.pdf')]);
      expect(diff.code).toBe(0);
      expect(diff.stderr).toBe('');
      const diffText = squeeze(pdfText(join(work, 'diff.pdf')));
      for (const name of ['언어데이터과', '국제교류홍보팀', '국립국어원']) expect(diffText).toContain(name);

      const matrix = await runCli(['render', 'matrix', dir, '-o', join(work, 'matrix.pdf')]);
      expect(matrix.code).toBe(0);
      expect(matrix.stderr).toBe('');
      expect(squeeze(pdfText(join(work, 'matrix.pdf')))).toContain(squeeze('국어와 관련된 각종 사전의 편찬ㆍ발간'));
    },
  );

  it('a font that cannot be used: exit 2, one line naming the file (and organization.yaml when listed there)', async () => {
    const option = await runCli([
      'render',
      'chart',
      KOREAN,
      '-o',
      join(work, 'x.svg'),
      '--font',
      join(work, 'absent.ttf'),
    ]);
    expect(option.code).toBe(2);
    expect(option.stderr.trim().split('\n')).toHaveLength(1);
    expect(option.stderr).toContain('absent.ttf');
    const dir = join(work, 'broken');
    rmSync(dir, { recursive: true, force: true });
    cpSync(KOREAN, dir, { recursive: true });
    writeFileSync(join(dir, 'not-a-font.ttf'), 'not a font');
    appendFileSync(join(dir, 'organization.yaml'), 'fonts:\n  - not-a-font.ttf\n');
    const listed = await runCli(['render', 'matrix', dir, '-o', join(work, 'x.pdf')]);
    expect(listed.code).toBe(2);
    expect(listed.stderr.trim().split('\n')).toHaveLength(1);
    expect(listed.stderr).toMatch(/not-a-font\.ttf.*organization\.yaml/);
    expect(listed.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('PPTX', () => {
  const names = koreanNames();

  it('org render chart -o chart.pptx: one slide, each unit a named shape with its name as text in the Korean font', async () => {
    const out = join(work, 'chart.pptx');
    const r = await runCli(['render', 'chart', KOREAN, '-o', out, ...FONTS]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const zip = readZip(readFileSync(out));
    expect([...zip.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k))).toEqual(['ppt/slides/slide1.xml']);
    const xml = slideXml(out);
    expect(xml.match(/name="unit-[^"]+"/g)).toHaveLength(names.length);
    const runs = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
    for (const name of names) expect(squeeze(runs)).toContain(squeeze(name));
    expect(xml).toContain('typeface="Noto Sans KR"');
    expect(xml).toMatch(/prst="line"/);
    // 16:9 unless asked otherwise.
    expect(zip.get('ppt/presentation.xml')!.toString()).toMatch(
      /<p:sldSz cx="12191695" cy="6858000"|<p:sldSz cx="1219\d{4}" cy="6858000"/,
    );
  });

  it('org render diff -o diff.pptx: removed units dashed; --page A4 --portrait gives a portrait A4 slide', async () => {
    const out = join(work, 'diff.pptx');
    const r = await runCli([
      'render',
      'diff',
      KOREAN,
      laterVersion(),
      '-o',
      out,
      '--page',
      'A4',
      '--portrait',
      ...FONTS,
    ]);
    expect(r.code).toBe(0);
    const xml = slideXml(out);
    expect(xml).toContain('name="unit-gukjegyoryuhongbo-tim"');
    const removed = xml.slice(xml.indexOf('name="unit-gukjegyoryuhongbo-tim"'));
    expect(removed.slice(0, removed.indexOf('</p:sp>'))).toContain('<a:prstDash val="dash"/>');
    const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(
      readZip(readFileSync(out)).get('ppt/presentation.xml')!.toString(),
    )!;
    expect(Number(size[1]) / 914400).toBeCloseTo(8.27, 1);
    expect(Number(size[2]) / 914400).toBeCloseTo(11.69, 1);
    const bad = await runCli(['render', 'chart', KOREAN, '-o', join(work, 'bad.pptx'), '--page', 'B5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('16:9');
  });

  it.skipIf(!haveSoffice || !havePdftotext)('LibreOffice reads the slides back: every unit name is text', () => {
    const dir = join(work, 'lo');
    const result = sofficeConvert(join(work, 'chart.pptx'), 'pdf', dir);
    expect(result.status).toBe(0);
    const text = squeeze(pdfText(join(dir, 'chart.pdf')));
    for (const name of names) expect(text).toContain(squeeze(name));
  });
});
