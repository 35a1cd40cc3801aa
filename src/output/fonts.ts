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

/**
 * The fonts a picture is measured and drawn with, in fallback order: each character is set in the
 * first face of its weight that has it. This is the contract between font loading (this module),
 * text measurement and the picture writers (SVG, PNG, PDF, PPTX). Today the set is DejaVu Sans
 * alone; user fonts (`--font`, `fonts:` in organization.yaml) come first when given.
 */
export interface FontFace {
  /** Family name as written in SVG and PPTX, e.g. "DejaVu Sans", "Noto Sans KR". */
  family: string;
  bold: boolean;
  /** Path of the TTF/OTF file. */
  path: string;
  /** Name the face is registered under in a PDF document (unique within the set). */
  pdfName: string;
}

export interface TextRun {
  text: string;
  face: FontFace;
}

export interface FontSet {
  /** Faces in fallback order. */
  faces: FontFace[];
  /** The CSS font-family list for SVG, first choice first. */
  cssFamily: string;
  /** Splits text into runs, each set in the first face of the weight that has its characters. */
  runs(text: string, bold: boolean): TextRun[];
}

/** The bundled set: DejaVu Sans regular and bold. */
export function defaultFontSet(): FontSet {
  const f = fontFiles();
  const regular: FontFace = { family: 'DejaVu Sans', bold: false, path: f.regular, pdfName: 'DejaVu Sans' };
  const bold: FontFace = { family: 'DejaVu Sans', bold: true, path: f.bold, pdfName: 'DejaVu Sans-Bold' };
  return {
    faces: [regular, bold],
    cssFamily: `'DejaVu Sans', Arial, Helvetica, sans-serif`,
    runs: (text, isBold) => (text === '' ? [] : [{ text, face: isBold ? bold : regular }]),
  };
}
