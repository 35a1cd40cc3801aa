/**
 * The HTML matrix in a real browser: headless Chromium parses the page and the DOM it builds must
 * hold the table as written (every function a row, every unit a column, hostile names as text),
 * and the page must print to PDF. Skips with a message when Debian's `chromium` is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMatrixHtml } from '../../../src/render/matrix/html.js';
import { buildMatrix } from '../../../src/render/matrix/model.js';
import { BISHKEK, modelOf, SMALL, t } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(
    `skipping the browser tests of the HTML matrix: ${CHROMIUM} is not installed (apt-get install -y chromium)`,
  );

const work = mkdtempSync(join(tmpdir(), 'org-matrix-browser-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function chromium(args: string[]): { stdout: string; status: number | null } {
  const profile = mkdtempSync(join(work, 'profile-'));
  const r = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { stdout: r.stdout, status: r.status };
}

function page(dir: string, lang: 'en' | 'ru'): string {
  const file = join(work, `${lang}-${dir.replace(/\W/g, '_')}.html`);
  writeFileSync(file, renderMatrixHtml(buildMatrix(modelOf(dir), { lang }), { t: t(lang) }));
  return file;
}

const count = (html: string, re: RegExp): number => html.match(re)?.length ?? 0;

describe.skipIf(!hasChromium)('HTML matrix in headless Chromium', () => {
  it('builds the Bishkek table: 11 function rows, 3 group rows, 18 unit columns', () => {
    const { stdout, status } = chromium(['--dump-dom', `file://${page(BISHKEK, 'ru')}`]);
    expect(status).toBe(0);
    expect(count(stdout, /<tr class="fn /g)).toBe(11);
    expect(count(stdout, /<tr class="group"/g)).toBe(3);
    expect(count(stdout, /<th scope="col" class="unit/g)).toBe(18);
    expect(count(stdout, /<td class="cell[^"]*role-lead/g)).toBe(11);
    expect(stdout).toContain('Управление политики развития города');
  });

  it('keeps hostile names as text and marks the findings', () => {
    const { stdout } = chromium(['--dump-dom', `file://${page(SMALL, 'en')}`]);
    expect(stdout).not.toMatch(/<draft/);
    expect(stdout).toContain('+Fees &lt;draft&gt; &amp; review | "2026"');
    expect(count(stdout, /<tr class="fn no-lead">/g)).toBe(2);
    expect(count(stdout, /<tr class="fn multiple-leads">/g)).toBe(1);
  });

  it('prints to PDF', () => {
    const pdf = join(work, 'matrix.pdf');
    chromium(['--no-pdf-header-footer', `--print-to-pdf=${pdf}`, `file://${page(BISHKEK, 'ru')}`]);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
