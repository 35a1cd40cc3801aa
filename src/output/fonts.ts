/**
 * The fonts every picture is measured and drawn with. DejaVu Sans regular and bold from the npm
 * package `dejavu-fonts-ttf` are always there: they cover Latin, Greek and Cyrillic, ship with
 * `npm install`, and are passed explicitly to the PNG and PDF renderers (system fonts are never
 * consulted), so a chart looks the same on every machine. Fonts the user names (`--font FILE`,
 * `fonts:` in organization.yaml) come first, in the order given, for the scripts DejaVu lacks
 * (Hangul, Han, Kana, Arabic, Devanagari…): each character is set in the first font that has it.
 *
 * Fonts are read with fontkit, the font engine pdfkit embeds with, so a width measured here is
 * the width pdfkit draws. A face's weight comes from its own OS/2 table (usWeightClass 600 and
 * above, or the bold bit, counts as bold): `--font Regular.ttf --font Bold.ttf` gives a family
 * both weights, and nothing is ever emboldened artificially.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../model/errors.js';
import type { Measure, TextStyle } from '../render/chart/text.js';

interface FontFiles {
  regular: string;
  bold: string;
}

let files: FontFiles | undefined;
const bytes = new Map<string, Buffer>();

/** Paths of the bundled DejaVu TTF files, resolved from this module's installation. */
function fontFiles(): FontFiles {
  if (files) return files;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  files = { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
  return files;
}

function readOnce(path: string): Buffer {
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
 * text measurement and the picture writers (SVG, PNG, PDF, PPTX).
 */
export interface FontFace {
  /** Family name as written in SVG and PPTX, e.g. "DejaVu Sans", "Noto Sans KR". */
  family: string;
  bold: boolean;
  /** Path of the TTF/OTF file. */
  path: string;
  /** Name the face is registered under in a PDF document (unique within the set). */
  pdfName: string;
  /** PostScript name of the face inside a font collection (.ttc), which pdfkit needs to pick it. */
  collectionFace?: string;
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
  /** Width in points of text set in this font set (each run in its own face, kerning within a run). */
  measure: Measure;
  /** The characters of `texts` that no face has, each once, in order of first appearance. */
  missing(texts: Iterable<string>): string[];
}

/** The little of fontkit's API used here. */
interface FontkitFont {
  unitsPerEm: number;
  familyName: string;
  postscriptName: string;
  'OS/2'?: { usWeightClass?: number; fsSelection?: { bold?: boolean } };
  getName?(key: string): string | null;
  layout(text: string): { advanceWidth: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface Fontkit {
  create(data: Buffer): FontkitFont | { fonts: FontkitFont[] };
}

let fontkit: Fontkit | undefined;
function engine(): Fontkit {
  fontkit ??= createRequire(import.meta.url)('fontkit') as Fontkit;
  return fontkit;
}

interface Loaded {
  face: FontFace;
  font: FontkitFont;
}

interface Opened {
  font: FontkitFont;
  /** The file is a collection (.ttc) and `font` its first face. */
  collection: boolean;
}

const opened = new Map<string, Opened>();

/** Opens a font file (the first face of a collection); a file that is not a font is a usage error naming it. */
function open(path: string): Opened {
  const known = opened.get(path);
  if (known) return known;
  let result: Opened;
  try {
    const created = engine().create(readOnce(path));
    const collection = 'fonts' in created;
    const first = collection ? created.fonts[0] : created;
    if (!first || typeof first.hasGlyphForCodePoint !== 'function') throw new Error('no font inside');
    result = { font: first, collection };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError('font-unreadable', { file: path, reason: code ?? 'not a TrueType or OpenType font' });
  }
  opened.set(path, result);
  return result;
}

/** True for characters that are not drawn as glyphs of their own (spaces, controls, joiners, selectors). */
function invisible(ch: string): boolean {
  return /^[\p{Cc}\p{Cf}\p{Z}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u.test(ch);
}

/** A combining mark stays with the character before it, so shaping sees them together. */
function joinsPrevious(ch: string): boolean {
  // A class of single code points (combining marks, joiners, variation selectors), each tested alone.
  // eslint-disable-next-line no-misleading-character-class
  return /^[\p{M}\u200C\u200D\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u.test(ch);
}

function buildSet(loaded: Loaded[]): FontSet {
  const faces = loaded.map((l) => l.face);
  const fontOf = new Map(loaded.map((l) => [l.face, l.font]));
  // Families in order of first appearance, each with its regular and bold face (when given).
  const families: Array<{ name: string; regular?: Loaded; bold?: Loaded }> = [];
  for (const l of loaded) {
    let family = families.find((f) => f.name === l.face.family);
    if (!family) {
      family = { name: l.face.family };
      families.push(family);
    }
    const slot = l.face.bold ? 'bold' : 'regular';
    family[slot] ??= l;
  }
  // As CSS does: go through the families in order, take the face of the asked weight (or the
  // family's other one), and use it if it has the character. Browsers and resvg then pick what
  // was measured.
  const candidates = (bold: boolean): Loaded[] =>
    families.map((f) => (bold ? (f.bold ?? f.regular) : (f.regular ?? f.bold))!);
  const order = { regular: candidates(false), bold: candidates(true) };
  const chosen = { regular: new Map<number, Loaded | null>(), bold: new Map<number, Loaded | null>() };
  const lookup = (codePoint: number, bold: boolean): Loaded | null => {
    const cache = bold ? chosen.bold : chosen.regular;
    let hit = cache.get(codePoint);
    if (hit === undefined) {
      hit = (bold ? order.bold : order.regular).find((l) => l.font.hasGlyphForCodePoint(codePoint)) ?? null;
      cache.set(codePoint, hit);
    }
    return hit;
  };

  const runs = (text: string, bold: boolean): TextRun[] => {
    const out: TextRun[] = [];
    const fallback = (bold ? order.bold : order.regular)[0]!.face;
    for (const ch of text) {
      const last = out[out.length - 1];
      let face: FontFace;
      if (last && joinsPrevious(ch)) face = last.face;
      else {
        const found = lookup(ch.codePointAt(0)!, bold);
        // A space or joiner no face has still belongs to the text around it.
        face = found ? found.face : last && invisible(ch) ? last.face : fallback;
      }
      if (last && last.face === face) last.text += ch;
      else out.push({ text: ch, face });
    }
    return out;
  };

  const widths = new Map<string, number>();
  const measure = (text: string, style: TextStyle): number => {
    const key = `${style.bold ? 'b' : 'r'}${text}`;
    let units = widths.get(key);
    if (units === undefined) {
      units = 0;
      for (const run of runs(text, style.bold)) {
        const font = fontOf.get(run.face)!;
        units += font.layout(run.text).advanceWidth / font.unitsPerEm;
      }
      widths.set(key, units);
    }
    return units * style.size;
  };

  const missing = (texts: Iterable<string>): string[] => {
    const found = new Set<string>();
    for (const text of texts) {
      for (const ch of text) {
        if (found.has(ch) || invisible(ch) || joinsPrevious(ch)) continue;
        const cp = ch.codePointAt(0)!;
        if (!lookup(cp, false) && !lookup(cp, true)) found.add(ch);
      }
    }
    return [...found];
  };

  const quoted = families.map((f) => `'${f.name.replace(/['\\]/g, '')}'`);
  return { faces, cssFamily: [...quoted, 'Arial', 'Helvetica', 'sans-serif'].join(', '), runs, measure, missing };
}

function dejavu(): Loaded[] {
  const f = fontFiles();
  return [
    {
      face: { family: 'DejaVu Sans', bold: false, path: f.regular, pdfName: 'DejaVu Sans' },
      font: open(f.regular).font,
    },
    { face: { family: 'DejaVu Sans', bold: true, path: f.bold, pdfName: 'DejaVu Sans-Bold' }, font: open(f.bold).font },
  ];
}

let bundled: FontSet | undefined;

/** The bundled set: DejaVu Sans regular and bold. */
export function defaultFontSet(): FontSet {
  bundled ??= buildSet(dejavu());
  return bundled;
}

/** The family a face belongs to: the typographic family (name 16) when the file has one, so "Medium" and "Bold" files join their family. */
function familyOf(font: FontkitFont, path: string): string {
  const typographic = font.getName?.('preferredFamily');
  const name = (typographic || font.familyName || basename(path)).replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return name === '' ? basename(path) : name;
}

/**
 * The font set for `userFontPaths` (absolute paths, in order), with DejaVu Sans last. Reads each
 * file now, so a missing or broken font is reported before anything is drawn. A path named twice
 * counts once.
 */
export function loadFontSet(userFontPaths: readonly string[]): FontSet {
  if (userFontPaths.length === 0) return defaultFontSet();
  const loaded: Loaded[] = [];
  const names = new Set<string>(['DejaVu Sans', 'DejaVu Sans-Bold']);
  for (const path of new Set(userFontPaths)) {
    const { font, collection } = open(path);
    const os2 = font['OS/2'];
    const bold = (os2?.usWeightClass ?? 400) >= 600 || os2?.fsSelection?.bold === true;
    const family = familyOf(font, path);
    let pdfName = `${family}${bold ? '-Bold' : ''}`;
    for (let n = 2; names.has(pdfName); n++) pdfName = `${family}${bold ? '-Bold' : ''}#${n}`;
    names.add(pdfName);
    const face: FontFace = {
      family,
      bold,
      path,
      pdfName,
      ...(collection ? { collectionFace: font.postscriptName } : {}),
    };
    loaded.push({ face, font });
  }
  return buildSet([...loaded, ...dejavu()]);
}

/** The little of pdfkit's document used to register fonts. */
interface FontRegistry {
  registerFont(name: string, src: string, family?: string): unknown;
}

/** Registers every face of the set in a pdfkit document under its `pdfName`. */
export function registerFaces(doc: FontRegistry, fonts: FontSet): void {
  for (const face of fonts.faces) {
    if (face.collectionFace !== undefined) doc.registerFont(face.pdfName, face.path, face.collectionFace);
    else doc.registerFont(face.pdfName, face.path);
  }
}
