/**
 * The quick locator must agree with the exact one wherever it answers: checked on the Bishkek
 * structure and on random documents, for every path into them and both targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { exactLocator } from '../../src/load/locate.js';
import { quickLocate } from '../../src/load/quick-locate.js';
import { yamlFiles } from '../helpers/structure.js';
import { ROOT } from '../helpers/cli.js';

function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...paths(v, [...prefix, k]));
  return out;
}

function agree(text: string, value: unknown): number {
  const exact = exactLocator(text);
  let answered = 0;
  for (const path of paths(value)) {
    for (const target of ['key', 'value'] as const) {
      const quick = quickLocate(text, path, target);
      if (quick === undefined) continue;
      answered++;
      expect(quick, `${JSON.stringify(path)} ${target} in\n${text}`).toEqual(exact(path, target));
    }
  }
  return answered;
}

describe('quick locator', () => {
  it('agrees with the exact locator on every path of the Bishkek structure', async () => {
    const { parse } = await import('yaml');
    let answered = 0;
    for (const file of yamlFiles(join(ROOT, 'structure'))) {
      const text = readFileSync(file, 'utf8');
      answered += agree(text, parse(text));
    }
    expect(answered).toBeGreaterThan(100);
  });

  const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
  const scalar = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom('Отдел № 1 «Ёлка»', 'a: b', '# not a comment', 'x #y', "it's", '"q"', ''),
  );
  const tree = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  test.prop([fc.dictionary(key, tree, { minKeys: 1, maxKeys: 5 }), fc.boolean(), fc.constantFrom(0, 20)], {
    numRuns: 300,
  })('agrees on random documents', (value, flow, lineWidth) => {
    const text = stringify(value, { collectionStyle: flow ? 'any' : 'block', lineWidth, minContentWidth: 0 });
    agree(text, value);
  });
});
