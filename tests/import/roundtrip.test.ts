/**
 * export → import loses nothing: the Bishkek structure and subsets of two real structures (a
 * Korean tax service, a ministry with its statutory duties as functions) go out as the three CSV
 * tables and as an xlsx workbook, come back into a directory that keeps organization.yaml, and
 * every unit and function compares equal field by field (names in every language, kinds, parents,
 * roles, positions, replaces, sources, descriptions, sibling order, staff marks, dates of
 * validity, the acts behind units), in the same tree order.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStructure } from '../../src/index.js';
import { buildModel, textsByLanguage, treeOrder } from '../../src/model/model.js';
import type { Text } from '../../src/model/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

/** Every fact of a structure's units and functions, with texts as language → string whatever their spelling in the file. */
function facts(dir: string): unknown {
  const model = buildModel(readStructure(dir));
  const text = (t: Text | undefined): Record<string, string> | undefined =>
    t === undefined ? undefined : textsByLanguage(t, model.defaultLanguage);
  const units = treeOrder(model).map(({ id }) => {
    const u = model.units.get(id)!.unit;
    return {
      id: u.id,
      kind: u.kind,
      parent: u.parent,
      name: text(u.name),
      short: text(u.short),
      description: text(u.description),
      functions: u.functions ?? {},
      positions: (u.positions ?? []).map((p) => ({ title: text(p.title), count: p.count })),
      replaces: u.replaces ?? [],
      source: u.source,
      order: u.order,
      staff: u.staff === true,
      from: u.from,
      until: u.until,
      basis: u.basis,
    };
  });
  const functions = [...model.functions.values()]
    .map(({ fn }) => ({
      id: fn.id,
      name: text(fn.name),
      type: fn.type,
      description: text(fn.description),
      source: fn.source,
      replaces: fn.replaces ?? [],
      from: fn.from,
      until: fn.until,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { units, functions };
}

const CASES = [
  ['the Bishkek structure', join(ROOT, 'structure')],
  ['the Korean National Tax Service (156 units)', join(ROOT, 'tests/fixtures/import/kr-nts')],
  ['the Korean ministry of culture (68 units, 331 functions)', join(ROOT, 'tests/fixtures/import/kr-mcst')],
  // Staff units, negative and fractional order, dates of units and functions, acts, a function
  // that replaces another, cells a spreadsheet would run as formulas.
  ['a dated structure with staff units and ordered siblings', join(ROOT, 'tests/fixtures/import/columns')],
] as const;

describe('export → import → the same structure', () => {
  for (const [label, source] of CASES) {
    it(`${label}, through CSV and through xlsx`, async () => {
      const cwd = mkdtempSync(join(tmpdir(), 'org-roundtrip-'));
      const expected = facts(source);
      for (const table of ['units', 'functions', 'assignments']) {
        expect(
          (await runCli(['export', source, '-f', 'csv', '--table', table, '-o', join(cwd, `${table}.csv`)], { cwd }))
            .code,
        ).toBe(0);
      }
      expect((await runCli(['export', source, '-o', join(cwd, 'structure.xlsx')], { cwd })).code).toBe(0);
      for (const [target, args] of [
        ['from-csv', ['csv', 'units.csv', 'functions.csv', 'assignments.csv']],
        ['from-xlsx', ['xlsx', 'structure.xlsx']],
      ] as const) {
        mkdirSync(join(cwd, target));
        cpSync(join(source, 'organization.yaml'), join(cwd, target, 'organization.yaml'));
        const r = await runCli(['import', ...args, target], { cwd });
        expect(r.stderr, target).toBe('');
        expect(r.code).toBe(0);
        expect(
          r.stdout.split('\n').every((line) => line.length < 200),
          'a summary, not one huge line',
        ).toBe(true);
        expect(facts(join(cwd, target)), target).toEqual(expected);
      }
    }, 60_000);
  }
});
