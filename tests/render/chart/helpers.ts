/**
 * Chart test cases: the Bishkek structure read from disk through the real loader, and small
 * in-memory structures for the edge cases (names that look like markup, depth limits).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translator } from '../../../src/i18n/format.js';
import { readStructureDir } from '../../../src/load/read.js';
import { loadStructure } from '../../../src/load/structure.js';
import { buildModel, type OrgModel } from '../../../src/model/model.js';
import type { ChartOptions } from '../../../src/render/chart/chart.js';
import { load } from '../../helpers/structure.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const golden = (caseName: string, file: string): string => join(ROOT, 'tests/fixtures/chart', caseName, file);

export function bishkek(): OrgModel {
  return buildModel(loadStructure(readStructureDir('structure', ROOT)));
}

/** Names that must reach every format intact, and must not be read as markup anywhere. */
export const TRICKY_NAMES = {
  root: 'Аппарат "главы" & <b>штаб</b>',
  a: 'Отдел «ёлочек» № 5 \\N C:\\путь',
  b: '<script>alert(1)</script> сектор',
  c: "Division of O'Brien & Sons > all",
};

export function tricky(): OrgModel {
  return buildModel(
    load({
      'units/root.yaml': { id: 'root', kind: 'office', name: { ru: TRICKY_NAMES.root } },
      'units/a.yaml': { id: 'a', kind: 'department', parent: 'root', name: { ru: TRICKY_NAMES.a } },
      'units/b.yaml': {
        id: 'b',
        kind: 'division',
        parent: 'a',
        name: { ru: TRICKY_NAMES.b },
        positions: [{ title: 'x', count: 3 }],
      },
      'units/c.yaml': {
        id: 'c',
        kind: 'division',
        parent: 'a',
        name: { ru: TRICKY_NAMES.c },
        positions: [{ title: 'y', count: 2 }],
      },
    }),
  );
}

export function options(lang: string, more: Partial<ChartOptions> = {}): ChartOptions {
  return {
    lang,
    t: translator(lang === 'ru' ? 'ru' : 'en'),
    direction: 'TB',
    headcount: false,
    functions: false,
    ...more,
  };
}

/** The names of a model's units in `lang`. */
export function names(model: OrgModel, lang: string): string[] {
  return [...model.units.values()].map(({ unit }) =>
    typeof unit.name === 'string' ? unit.name : (unit.name[lang] ?? Object.values(unit.name)[0]!),
  );
}

/** Undoes XML escaping in SVG text. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Checks that `xml` is well-formed: every tag closed in order, attributes quoted, only known
 * entities. Enough for Graphviz's SVG without a parser dependency; resvg and pdfkit parse it too.
 */
export function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = xml
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!DOCTYPE[^>]*>/, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const token =
    /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/g;
  for (const m of body.matchAll(token)) {
    if (m[0] === '<') problems.push(`stray < at ${m.index}`);
    else if (m[0] === '&') problems.push(`bad entity at ${m.index}`);
    else if (m[1]) {
      if (stack.pop() !== m[2]) problems.push(`unbalanced </${m[2]}> at ${m.index}`);
    } else if (!m[4]) stack.push(m[2]!);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}
