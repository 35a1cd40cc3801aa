/**
 * The default structure is the tool's first real data: the central office of the Bishkek mayor's
 * office as the source article describes it. These checks hold it to the article's shape and to
 * the conventions every structure file should follow.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import { readStructureDir } from '../../src/load/read.js';
import { loadStructure } from '../../src/load/structure.js';
import { leadsOf, pickText, treeOrder } from '../../src/model/model.js';
import { validateStructure } from '../../src/rules/run.js';
import { yamlFiles } from '../helpers/structure.js';
import { ROOT, runCli } from '../helpers/cli.js';


const { model, diagnostics } = validateStructure(loadStructure(readStructureDir('structure', ROOT)), translator('en'));
const ofKind = (kind: string): string[] => [...model.units.values()].filter((e) => e.unit.kind === kind).map((e) => e.unit.id);

describe('the Bishkek structure', () => {
  it('has no errors and no warnings (the notes are the article’s gaps)', () => {
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('has the shape the article gives: one root, three управления, seven отделы in them, four standalone отделы, two секторы', () => {
    expect(model.roots).toHaveLength(1);
    const root = model.roots[0]!;
    expect(ofKind('upravlenie')).toHaveLength(3);
    expect(ofKind('otdel')).toHaveLength(3 + 2 + 3 + 4);
    expect(ofKind('sektor')).toHaveLength(2);
    const standalone = (model.children.get(root) ?? []).filter((id) => model.units.get(id)!.unit.kind === 'otdel');
    expect(standalone).toHaveLength(4);
    for (const sektor of ofKind('sektor')) expect(model.units.get(sektor)!.unit.parent).toBe('otdel-kontrolya-ispolneniya-resheniy');
    expect(treeOrder(model)).toHaveLength(18);
  });

  it('has the eleven main tasks, each led by exactly one управление', () => {
    expect(model.functions.size).toBe(11);
    const perUpravlenie = new Map<string, number>();
    for (const fn of model.functions.keys()) {
      const leads = leadsOf(model, fn);
      expect(leads).toHaveLength(1);
      expect(model.units.get(leads[0]!)!.unit.kind).toBe('upravlenie');
      perUpravlenie.set(leads[0]!, (perUpravlenie.get(leads[0]!) ?? 0) + 1);
    }
    expect([...perUpravlenie.values()].sort()).toEqual([3, 4, 4]);
  });

  const articleFile = join(ROOT, '..', 'shared', 'seeds', 'kaktus-493022-bishkek-mayor-office.txt');

  it('names every unit in Russian, capitalised as a proper name', () => {
    for (const { unit } of model.units.values()) {
      const ru = pickText(unit.name, 'ru', 'ru');
      expect(ru[0], unit.id).toBe(ru[0]!.toUpperCase());
    }
  });

  it.skipIf(!existsSync(articleFile))('takes the units’ names from the article (skipped where the article is not beside the checkout)', () => {
    const article = readFileSync(articleFile, 'utf8').toLowerCase();
    for (const { unit } of model.units.values()) {
      if (unit.kind === 'apparatus') continue;
      // "Отдел правовой работы" → the article lists "отдел правовой работы" or "отделы …, правовой работы".
      const words = pickText(unit.name, 'ru', 'ru').toLowerCase().split(' ').slice(1).join(' ').replace(/^по /, '');
      expect(article.includes(words), words).toBe(true);
    }
  });

  it('gives a source for every unit and function', () => {
    for (const { unit } of model.units.values()) expect(unit.source, unit.id).toBeDefined();
    for (const { fn } of model.functions.values()) expect(fn.source, fn.id).toBeDefined();
  });

  it('starts every file with a schema modeline that points at the right schema', () => {
    for (const file of yamlFiles(join(ROOT, 'structure'))) {
      const first = readFileSync(file, 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, file).not.toBeNull();
      const schema = resolve(dirname(file), m![1]!);
      expect(existsSync(schema), `${file} → ${schema}`).toBe(true);
      const expected = file.endsWith('organization.yaml') ? 'organization' : file.includes('/units/') ? 'unit' : 'function';
      expect(schema.endsWith(`schemas/${expected}.schema.json`), file).toBe(true);
    }
  });

  it('is in the canonical form `org fmt` writes', async () => {
    const r = await runCli(['fmt', 'structure', '--check']);
    expect(r.stderr + r.stdout).toMatch(/formatted/);
    expect(r.code).toBe(0);
  });
});
