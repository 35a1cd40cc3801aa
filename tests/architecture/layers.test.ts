/**
 * The layers of docs/architecture.md, enforced: each folder of src/ may import only from the
 * folders listed for it, so the pure core never reaches into the shell and no two layers form a
 * cycle. The table here and the one in the document are the same; a new folder must be added to
 * both.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeScriptFiles } from '../helpers/source-files.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** What each layer may import, besides itself. Lower layers first; `index` is the library entry (src/index.ts). */
const ALLOWED: Record<string, string[]> = {
  model: [],
  schema: ['model'],
  load: ['model', 'schema'],
  rules: ['model', 'load', 'schema'],
  i18n: ['model', 'rules'],
  diff: ['model', 'load'],
  render: ['model', 'i18n', 'diff', 'rules'],
  export: ['model', 'render'],
  init: ['model', 'rules'],
  fmt: ['model', 'load', 'init'],
  import: ['model', 'load', 'export', 'fmt', 'init', 'render'],
  output: ['model', 'i18n', 'render'],
  index: ['model', 'i18n', 'schema', 'load', 'rules', 'diff', 'render', 'export', 'fmt', 'init', 'import', 'output'],
  cli: [
    'model',
    'i18n',
    'schema',
    'load',
    'rules',
    'diff',
    'render',
    'export',
    'fmt',
    'init',
    'import',
    'output',
    'index',
  ],
};

/** The layer of a path under src/: its top folder, or `index` for the files at the top (the library entry). */
const layerOf = (rel: string): string => {
  const [top] = rel.split(sep);
  return top === undefined || /\.[jt]s$/.test(top) ? 'index' : top;
};

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The src/ folders a file imports from, with the specifier. */
function imports(file: string): Array<{ layer: string; specifier: string }> {
  const text = readFileSync(file, 'utf8');
  const out: Array<{ layer: string; specifier: string }> = [];
  for (const m of text.matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2]!;
    const target = relative(SRC, normalize(join(dirname(file), specifier)));
    if (target.startsWith('..')) continue;
    out.push({ layer: layerOf(target), specifier });
  }
  return out;
}

describe('layers', () => {
  const all = typeScriptFiles(SRC);
  it('every folder of src/ has a place in the table', () => {
    const layers = new Set(all.map((f) => layerOf(relative(SRC, f))));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it('imports go only downwards', () => {
    const wrong: string[] = [];
    for (const file of all) {
      const from = layerOf(relative(SRC, file));
      const allowed = ALLOWED[from]!;
      for (const { layer, specifier } of imports(file)) {
        if (layer !== from && !allowed.includes(layer)) wrong.push(`${relative(SRC, file)} → ${specifier}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the table has no cycles', () => {
    const seen = new Set<string>();
    const order: string[] = [];
    // Kahn's algorithm: a layer is placed once everything it imports is placed.
    while (order.length < Object.keys(ALLOWED).length) {
      const next = Object.keys(ALLOWED).find((l) => !seen.has(l) && ALLOWED[l]!.every((d) => seen.has(d)));
      expect(
        next,
        `cycle among ${Object.keys(ALLOWED)
          .filter((l) => !seen.has(l))
          .join(', ')}`,
      ).toBeDefined();
      seen.add(next!);
      order.push(next!);
    }
  });
});
