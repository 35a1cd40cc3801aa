/**
 * The JSON Schemas speak both languages: every `description` has an `x-description-ru` beside it
 * (and no Russian text stands alone), so editors and generated documentation can show either.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const dir = join(ROOT, 'schemas');

/** JSON paths of schema nodes whose description is missing its pair, either way round. */
function unpaired(node: unknown, path = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => unpaired(item, `${path}/${i}`));
  if (typeof node !== 'object' || node === null) return [];
  const o = node as Record<string, unknown>;
  const out: string[] = [];
  const en = typeof o.description === 'string';
  const ru = typeof o['x-description-ru'] === 'string';
  if (en !== ru) out.push(path);
  if (ru && !/[а-яё]/i.test(o['x-description-ru'] as string)) out.push(`${path} (not Russian)`);
  for (const [key, value] of Object.entries(o))
    if (key !== 'description' || typeof value === 'object') out.push(...unpaired(value, `${path}/${key}`));
  return out;
}

describe('schema descriptions', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) {
    it(`${file} describes everything in English and Russian`, () => {
      expect(unpaired(JSON.parse(readFileSync(join(dir, file), 'utf8')))).toEqual([]);
    });
  }
});
