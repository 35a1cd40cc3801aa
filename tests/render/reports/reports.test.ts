/**
 * `org tree`, `org show` and `org stats` as pure renderers: golden files on the Bishkek structure
 * and on the small case (positions, lineage, a double lead, gaps, a span above its limit), and the
 * figures of the Bishkek structure checked against its files read with the YAML parser alone.
 * Regenerate the golden files with `UPDATE_GOLDEN=1 npx vitest run tests/render/reports`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderShowJson, renderShowText, showDetails, type UnitDetails } from '../../../src/render/reports/show.js';
import { computeStats, renderStatsJson, renderStatsText } from '../../../src/render/reports/stats.js';
import { buildTree, renderTreeJson, renderTreeText } from '../../../src/render/reports/tree.js';
import { displayWidth } from '../../../src/render/text-width.js';
import { buildModel } from '../../../src/model/model.js';
import { expectGolden } from '../../helpers/golden.js';
import { load } from '../../helpers/structure.js';
import { BISHKEK, modelOf, ROOT, SMALL, t } from '../matrix/helpers.js';

const golden = (caseName: string, file: string): string => join(ROOT, 'tests/fixtures/reports', caseName, file);
const bishkek = modelOf(BISHKEK);
const small = modelOf(SMALL);

describe('org tree', () => {
  it('matches its golden files', () => {
    expectGolden(golden('bishkek', 'tree.txt'), renderTreeText(buildTree(bishkek, { lang: 'ru' }), { t: t('ru') }));
    expectGolden(
      golden('bishkek', 'tree-depth-2-en.txt'),
      renderTreeText(buildTree(bishkek, { lang: 'en', depth: 2 }), { t: t('en'), width: 80 }),
    );
    expectGolden(golden('small', 'tree.txt'), renderTreeText(buildTree(small, { lang: 'en' }), { t: t('en') }));
    expectGolden(golden('small', 'tree.json'), renderTreeJson(buildTree(small, { lang: 'en' })));
  });

  it('sums headcount over the subtree, and says "unknown" rather than 0 where no positions are listed', () => {
    const [hall] = buildTree(small, { lang: 'en' });
    expect(hall!.headcount).toBe(1 + 4 + 7);
    expect(hall!.children.map((c) => [c.id, c.headcount])).toEqual([
      ['finance', 4],
      ['audit', null],
      ['licensing', 7],
    ]);
    expect(buildTree(bishkek, { lang: 'ru' })[0]!.headcount).toBeNull();
  });

  it('cuts at --depth and counts what it hid; starts at --root', () => {
    const [top] = buildTree(bishkek, { lang: 'ru', depth: 1 });
    expect(top!.children).toEqual([]);
    expect(top!.hidden).toBe(17);
    const [sub] = buildTree(bishkek, { lang: 'ru', root: 'upravlenie-organizatsionno-kontrolnoy-raboty' });
    expect(sub!.functionsLed).toBe(4);
    // The article's order (`order` in the files), not the alphabet.
    expect(sub!.children.map((c) => c.id)).toEqual([
      'otdel-organizatsionnoy-raboty',
      'otdel-kontrolya-ispolneniya-resheniy',
    ]);
  });

  it('fits the terminal width, cutting names but never the tree lines', () => {
    const text = renderTreeText(buildTree(bishkek, { lang: 'ru' }), { t: t('ru'), width: 70 });
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(70);
    expect(text).toContain('│       ├── Сектор по работе …');
  });
});

describe('org show', () => {
  it('matches its golden files', () => {
    expectGolden(
      golden('bishkek', 'show-unit.txt'),
      renderShowText(showDetails(bishkek, 'otdel-kontrolya-ispolneniya-resheniy', 'ru'), { t: t('ru'), lang: 'ru' }),
    );
    expectGolden(
      golden('bishkek', 'show-function.txt'),
      renderShowText(showDetails(bishkek, 'rassmotrenie-obrashcheniy-grazhdan', 'ru'), {
        t: t('ru'),
        lang: 'ru',
        width: 100,
      }),
    );
    expectGolden(
      golden('small', 'show-unit.txt'),
      renderShowText(showDetails(small, 'finance', 'en'), { t: t('en'), lang: 'en' }),
    );
    expectGolden(golden('small', 'show-function.json'), renderShowJson('permits', showDetails(small, 'permits', 'en')));
  });

  it('gives the chain of parents from the top, children, roles, staff and lineage', () => {
    const [d] = showDetails(bishkek, 'sektor-po-rabote-s-obrashcheniyami-grazhdan', 'ru') as UnitDetails[];
    expect(d!.parents.map((p) => p.id)).toEqual([
      'tsentralnyy-apparat',
      'upravlenie-organizatsionno-kontrolnoy-raboty',
      'otdel-kontrolya-ispolneniya-resheniy',
    ]);
    expect(d!.file).toBe(
      'structure/units/upravlenie-organizatsionno-kontrolnoy-raboty/otdel-kontrolya-ispolneniya-resheniy/sektor-po-rabote-s-obrashcheniyami-grazhdan.yaml',
    );
    const [finance] = showDetails(small, 'finance', 'en') as UnitDetails[];
    expect(finance!.functions.map((f) => [f.id, f.role, f.code])).toEqual([
      ['budget', 'lead', 'L'],
      ['permits', 'participant', 'P'],
    ]);
    expect(finance!.headcount).toEqual({ own: 4, total: 4, recorded: true });
    expect(finance!.replaces).toEqual([{ id: 'old-treasury', name: 'old-treasury' }]);
  });

  it('describes a function that units name but no file describes, and nothing for an unknown id', () => {
    const model = buildModel(
      load({ 'units/root.yaml': { id: 'root', kind: 'office', name: 'Root', functions: { ghost: 'lead' } } }),
    );
    const [ghost] = showDetails(model, 'ghost', 'en');
    expect(ghost).toMatchObject({ type: 'function', file: null, status: 'ok', units: [{ id: 'root', role: 'lead' }] });
    expect(renderShowText([ghost!], { t: t('en'), lang: 'en' })).toContain('no file: units name this function');
    expect(showDetails(small, 'nothing-here', 'en')).toEqual([]);
  });
});

describe('org stats', () => {
  it('matches its golden files', () => {
    expectGolden(
      golden('bishkek', 'stats.txt'),
      renderStatsText(computeStats(bishkek, { lang: 'ru', spanLimit: 10 }), { t: t('ru') }),
    );
    expectGolden(
      golden('bishkek', 'stats.json'),
      renderStatsJson(computeStats(bishkek, { lang: 'ru', spanLimit: 10 })),
    );
    expectGolden(
      golden('small', 'stats.txt'),
      renderStatsText(computeStats(small, { lang: 'en', spanLimit: 2 }), { t: t('en') }),
    );
  });

  it('gives the Bishkek figures that its files state', () => {
    const s = computeStats(bishkek, { lang: 'ru', spanLimit: 10 });
    // Units per kind and functions per type, counted from the files with the YAML parser alone.
    const files = (dir: string): Array<Record<string, unknown>> =>
      readdirSync(join(ROOT, 'structure', dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => parseYaml(readFileSync(join(ROOT, 'structure', dir, f), 'utf8')) as Record<string, unknown>);
    const tally = (items: Array<Record<string, unknown>>, key: string): Record<string, number> => {
      const out: Record<string, number> = {};
      for (const item of items) out[String(item[key])] = (out[String(item[key])] ?? 0) + 1;
      return out;
    };
    const units = files('units');
    expect(s.units.total).toBe(units.length);
    expect(Object.fromEntries(s.units.byKind.filter((k) => k.count > 0).map((k) => [k.kind, k.count]))).toEqual(
      tally(units, 'kind'),
    );
    expect(Object.fromEntries(s.functions.byType.filter((k) => k.count > 0).map((k) => [k.type, k.count]))).toEqual(
      tally(files('functions'), 'type'),
    );
    // The tree: apparatus → управления → отделы → секторы.
    expect(s.depth).toBe(4);
    // Direct subunits: apparatus 7; the управления 2, 3, 3; the control department 2.
    expect(s.span).toMatchObject({ units: 5, min: 2, median: 3, max: 7, limit: 10, over: [] });
    expect(s.functions).toMatchObject({ total: 11, noLead: [], multipleLeads: [] });
    expect(s.functions.unitsLeadingNone).toHaveLength(18 - 3);
    expect(s.headcount.recorded).toBe(false);
  });

  it('names units above the span limit, double leads in tree order, and lineage', () => {
    const s = computeStats(small, { lang: 'en', spanLimit: 2 });
    expect(s.span.over).toEqual([{ id: 'hall', name: 'Small City Hall', count: 3 }]);
    expect(s.span.median).toBe(1);
    expect(s.functions.multipleLeads).toEqual([
      { id: 'permits', name: 'Building permits', leads: ['licensing', 'licensing-desk'] },
    ]);
    expect(s.functions.noLead.map((f) => f.id)).toEqual(['complaints', 'outreach']);
    expect(s.lineage).toEqual([{ id: 'finance', name: 'Finance Department', replaces: ['old-treasury'] }]);
    expect(s.headcount).toMatchObject({ total: 12, recorded: true });
    expect(s.headcount.byTopLevel.map((u) => [u.id, u.headcount])).toEqual([
      ['hall', 1],
      ['finance', 4],
      ['audit', null],
      ['licensing', 7],
    ]);
  });

  it('measures the span against the limit it is given', () => {
    const s = computeStats(bishkek, { lang: 'ru', spanLimit: 2 });
    expect(s.span.over.map((o) => [o.id, o.count])).toEqual([
      ['tsentralnyy-apparat', 7],
      ['upravlenie-podgotovki-resheniy', 3],
      ['upravlenie-politiki-razvitiya-goroda', 3],
    ]);
  });

  it('takes an even median as the mean of the two middle spans', () => {
    const unit = (id: string, parent?: string): object => ({
      id,
      kind: 'office',
      name: id,
      ...(parent ? { parent } : {}),
    });
    const model = buildModel(
      load({
        'units/r.yaml': unit('r'),
        'units/a.yaml': unit('a', 'r'),
        'units/b.yaml': unit('b', 'r'),
        'units/a1.yaml': unit('a1', 'a'),
      }),
    );
    expect(computeStats(model, { lang: 'en', spanLimit: 10 }).span).toMatchObject({ min: 1, median: 1.5, max: 2 });
  });
});
