/**
 * Units and functions named as people name them, wherever an id is expected: exact names in any
 * language (case, Unicode composition and spacing aside), unique starts of ids, and for a near
 * miss the closest ids with their names, exit code 2.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance, lookup, normaliseName } from '../../src/model/lookup.js';
import { buildModel } from '../../src/model/model.js';
import { distance } from '../../src/rules/suggest.js';
import { runCli } from '../helpers/cli.js';
import { load, writeStructure } from '../helpers/structure.js';

describe('lookup in the model', () => {
  const model = buildModel(
    load({
      'units/root.yaml': { id: 'root', kind: 'office', name: { en: 'City Hall', ru: 'Мэрия' } },
      'units/tax-a.yaml': {
        id: 'tax-a',
        kind: 'department',
        name: { en: 'Tax Office', ru: 'Налоговый отдел' },
        parent: 'root',
      },
      'units/tax-b.yaml': { id: 'tax-b', kind: 'department', name: { en: 'Tax Office' }, parent: 'root' },
      'units/seoul.yaml': {
        id: 'seouljibanggukse-cheong',
        kind: 'department',
        name: { en: '서울지방국세청' },
        short: { en: '서울청' },
        parent: 'root',
      },
      'functions/audit.yaml': { id: 'audit', name: { en: 'Мэрия' } },
    }),
  );

  it('finds by id, by a name in any language, by a short name, and by a unique start of an id', () => {
    expect(lookup(model, 'tax-a')).toEqual({ found: [{ type: 'unit', id: 'tax-a', name: 'Tax Office' }], how: 'id' });
    expect(lookup(model, '  налоговый   ОТДЕЛ ')).toMatchObject({ found: [{ id: 'tax-a' }], how: 'name' });
    expect(lookup(model, '서울청')).toMatchObject({ found: [{ id: 'seouljibanggukse-cheong' }], how: 'name' });
    expect(lookup(model, 'seoul')).toMatchObject({ found: [{ id: 'seouljibanggukse-cheong' }], how: 'prefix' });
  });

  it('reads a name typed in decomposed Unicode as the same name', () => {
    const decomposed = '서울지방국세청'.normalize('NFD');
    expect(decomposed).not.toBe('서울지방국세청');
    expect(lookup(model, decomposed)).toMatchObject({ found: [{ id: 'seouljibanggukse-cheong' }] });
    expect(normaliseName('Ёлка  \u0438\u0306')).toBe('елка й');
  });

  it('says when a name or a prefix fits several, and never guesses', () => {
    expect(lookup(model, 'tax office')).toEqual({
      ambiguous: [expect.objectContaining({ id: 'tax-a' }), expect.objectContaining({ id: 'tax-b' })],
    });
    expect(lookup(model, 'tax')).toEqual({
      ambiguous: [expect.objectContaining({ id: 'tax-a' }), expect.objectContaining({ id: 'tax-b' })],
    });
  });

  it('finds a unit and a function that share a name together, when both are asked for', () => {
    expect(lookup(model, 'мэрия', ['unit', 'function'])).toMatchObject({
      found: [
        { type: 'unit', id: 'root' },
        { type: 'function', id: 'audit' },
      ],
    });
    expect(lookup(model, 'мэрия')).toMatchObject({ found: [{ type: 'unit', id: 'root' }] });
  });

  it('offers the closest ids and names for a near miss', () => {
    expect(lookup(model, 'Налоговый отдл')).toEqual({ suggestions: [expect.objectContaining({ id: 'tax-a' })] });
    expect(lookup(model, 'rot')).toEqual({ suggestions: [expect.objectContaining({ id: 'root' })] });
    expect(lookup(model, 'something else entirely')).toEqual({ suggestions: [] });
  });

  it('bounded edit distance agrees with the full one up to its bound', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.integer({ min: 0, max: 6 }),
        (a, b, limit) => {
          const full = distance(a, b);
          expect(boundedDistance(a, b, limit)).toBe(full <= limit ? full : limit + 1);
        },
      ),
    );
  });
});

describe('names wherever an id is expected', () => {
  it('org show takes a Russian name in any case and spacing, an English one, and a name in decomposed form', async () => {
    for (const query of [
      'Отдел правовой работы',
      '  отдел ПРАВОВОЙ\tработы ',
      'legal department',
      'Отдел правовой работы'.normalize('NFD'),
    ]) {
      const r = await runCli(['show', query, '--format', 'json']);
      expect(r.code, query).toBe(0);
      expect(JSON.parse(r.stdout).unit.id).toBe('otdel-pravovoy-raboty');
    }
    const fn = await runCli(['show', 'Обеспечение надлежащего рассмотрения обращений граждан', '--format', 'json']);
    expect(JSON.parse(fn.stdout).function.id).toBe('rassmotrenie-obrashcheniy-grazhdan');
  });

  it('takes a unique start of an id, and lists the candidates of an ambiguous one', async () => {
    expect(JSON.parse((await runCli(['show', 'otdel-prav', '--format', 'json'])).stdout).unit.id).toBe(
      'otdel-pravovoy-raboty',
    );
    const several = await runCli(['show', 'upravlenie-p']);
    expect(several.code).toBe(2);
    expect(several.stderr).toBe(
      'org: "upravlenie-p" could mean several: upravlenie-podgotovki-resheniy (Управление по подготовке решений), upravlenie-politiki-razvitiya-goroda (Управление политики развития города). Give the id.\n',
    );
    const ru = await runCli(['show', 'upravlenie-p', '--lang', 'ru']);
    expect(ru.stderr).toMatch(
      /^org: «upravlenie-p» подходит к нескольким: upravlenie-podgotovki-resheniy \(Управление по подготовке решений\), .*\. Укажите идентификатор\.\n$/,
    );
  });

  it('a near miss gets suggestions with names, and exit code 2', async () => {
    const r = await runCli(['show', 'Отдел правовой рабты']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'org: No unit or function "Отдел правовой рабты". Did you mean: otdel-pravovoy-raboty (Отдел правовой работы)?\n',
    );
    const none = await runCli(['tree', '--root', 'Совсем другое название']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('org: No unit "Совсем другое название" (option --root).\n');
  });

  it('--root takes a name in tree, render chart, render matrix and render diff', async () => {
    const name = 'Управление политики развития города';
    const tree = JSON.parse((await runCli(['tree', '--root', name.toLowerCase(), '--format', 'json'])).stdout);
    expect(tree[0].id).toBe('upravlenie-politiki-razvitiya-goroda');
    const chart = await runCli(['render', 'chart', '--root', name, '--format', 'dot']);
    expect(chart.code).toBe(0);
    expect(chart.stdout).toContain('upravlenie-politiki-razvitiya-goroda');
    expect(chart.stdout).not.toContain('otdel-pravovoy-raboty');
    const matrix = JSON.parse(
      (await runCli(['render', 'matrix', '--root', 'upravlenie-polit', '--format', 'json'])).stdout,
    );
    expect(JSON.stringify(matrix)).toContain('upravlenie-politiki-razvitiya-goroda');
    expect(JSON.stringify(matrix)).not.toContain('otdel-pravovoy-raboty');
    const diff = await runCli([
      'render',
      'diff',
      'structure',
      'structure',
      '--root',
      'city development policy',
      '--format',
      'dot',
    ]);
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(0);
    const wrong = await runCli(['render', 'chart', '--root', 'upravlenie-polytiki', '--format', 'dot']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'Did you mean: upravlenie-politiki-razvitiya-goroda (Управление политики развития города)',
    );
  });

  it('works on a Korean structure, and a control character in the query reaches no terminal', async () => {
    const dir = writeStructure(
      {
        'organization.yaml': {
          id: 'nts',
          name: '국세청',
          languages: ['ko'],
          kinds: [
            { id: 'agency', name: '청' },
            { id: 'office', name: '세무서' },
          ],
        },
        'units/gukse-cheong.yaml': { id: 'gukse-cheong', kind: 'agency', name: '국세청' },
        'units/seouljibanggukse-cheong.yaml': {
          id: 'seouljibanggukse-cheong',
          kind: 'office',
          name: '서울지방국세청',
          parent: 'gukse-cheong',
        },
      },
      false,
    );
    const r = await runCli(['show', '서울지방국세청', dir, '--format', 'json']);
    expect(JSON.parse(r.stdout).unit.parents).toEqual([{ id: 'gukse-cheong', name: '국세청' }]);
    const hostile = await runCli(['show', '서울\u001b[2J', dir]);
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).not.toContain('\u001b');
  });
});
