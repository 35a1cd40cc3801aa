/**
 * Fonts and tools the font and PPTX tests share: Noto Sans KR from npm (a dev dependency), the
 * Korean fixture, and LibreOffice for reading PPTX back, with a fontconfig file that lets it find
 * the Korean font without installing it on the system.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT } from './cli.js';

const require = createRequire(import.meta.url);
const NOTO = dirname(require.resolve('@expo-google-fonts/noto-sans-kr/package.json'));
export const NOTO_REGULAR = join(NOTO, '400Regular/NotoSansKR_400Regular.ttf');
export const NOTO_BOLD = join(NOTO, '700Bold/NotoSansKR_700Bold.ttf');
export const KOREAN = join(ROOT, 'tests/fixtures/fonts/korean');

/** The names of the Korean fixture's units (read from its files, not copied here). */
export function koreanNames(): string[] {
  const out = spawnSync('grep', ['-rh', '^  ko:', join(KOREAN, 'units')], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(/^ {2}ko:\s*/, '').replace(/^"|"$/g, ''));
}

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Converts a file with LibreOffice headless into `dir`; its fonts include Noto Sans KR. */
export function sofficeConvert(file: string, to: string, dir: string): { status: number | null; stderr: string } {
  mkdirSync(join(dir, 'fc-cache'), { recursive: true });
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${dirname(NOTO_REGULAR)}</dir><dir>${dirname(NOTO_BOLD)}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>`,
  );
  const r = spawnSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--convert-to',
      to,
      '--outdir',
      dir,
      file,
    ],
    {
      env: { ...process.env, FONTCONFIG_FILE: conf, HOME: dir },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { status: r.status, stderr: r.stderr };
}
