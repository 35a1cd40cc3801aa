/**
 * The fonts every picture is drawn with: DejaVu Sans regular and bold from the npm package
 * `dejavu-fonts-ttf`. They cover Cyrillic, ship with `npm install`, and are passed explicitly to
 * the PNG and PDF renderers (system fonts are never consulted), so a chart looks the same on
 * every machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FontFiles {
  regular: string;
  bold: string;
}

let files: FontFiles | undefined;
const bytes = new Map<string, Buffer>();

/** Paths of the TTF files, resolved from this module's installation. */
export function fontFiles(): FontFiles {
  if (files) return files;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  files = { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
  return files;
}

/** The bytes of a font file, read once. */
export function fontBytes(bold: boolean): Buffer {
  const path = bold ? fontFiles().bold : fontFiles().regular;
  let data = bytes.get(path);
  if (!data) {
    data = readFileSync(path);
    bytes.set(path, data);
  }
  return data;
}
