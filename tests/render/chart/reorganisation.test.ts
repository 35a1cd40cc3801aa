/**
 * The reorganisation chart: the marks of each kind of change on a small reorganisation (a merge,
 * a rename, a move, an added and a removed unit), as a DOT golden file and through the command.
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run tests/render/chart` and read the diff.
 */
import { describe, expect, it } from 'vitest';
import { diffStructures } from '../../../src/diff/diff.js';
import { readStructureDir } from '../../../src/load/read.js';
import { loadStructure } from '../../../src/load/structure.js';
import { buildModel } from '../../../src/model/model.js';
import { measureText } from '../../../src/output/measure.js';
import { reorganisationDot, reorganisationSpec } from '../../../src/render/chart/reorganisation.js';
import { runCli } from '../../helpers/cli.js';
import { expectGolden } from '../../helpers/golden.js';
import { load } from '../../helpers/structure.js';
import { golden, options, ROOT, unescapeXml } from './helpers.js';

const CASE = 'tests/fixtures/chart/reorganisation';
const side = (name: string) => buildModel(loadStructure(readStructureDir(`${CASE}/${name}`, ROOT)));

describe('reorganisation chart', () => {
  const before = side('before');
  const after = side('after');
  const diff = diffStructures(before, after);
  const opts = { ...options('ru'), fromLabel: 'before', toLabel: 'after' };

  it('marks each change on the later structure', () => {
    const spec = reorganisationSpec(after, diff, opts, before);
    const box = (id: string) => spec.boxes.find((b) => b.id === id)!;
    expect(box('tsifra').classes).toContain('change-added');
    expect(box('kadry').lines.map((l) => l.text)).toContain('прежнее название: Отдел кадров');
    expect(box('arkhiv').lines.map((l) => l.text)).toContain('перемещено из: Отдел кадров');
    // Gone units are drawn dashed where they were: the merged department under the office, its sector under it.
    expect(box('svyaz').dashed).toBe(true);
    expect(spec.edges).toContainEqual({ from: 'svyaz', to: 'pressa', kind: 'tree' });
    expect(box('pressa').lines.map((l) => l.text)).toContain('упразднено');
    // The merge: the new unit says how many it merges (the table names them), and arrows lead to it from each.
    expect(box('uchet-i-svyaz').lines.map((l) => l.text)).toContain('слияние 2 подразделений');
    expect(box('uchet').lines.map((l) => l.text)).toContain('преемник: Отдел учёта и связи с общественно…');
    // Every box carries at most one mark line under its kind; an unchanged one none.
    for (const b of spec.boxes) expect(b.lines.filter((l) => l.style === 'note').length, b.id).toBeLessThanOrEqual(1);
    expect(box('apparat').lines.filter((l) => l.style === 'note')).toEqual([]);
    const links = spec.edges
      .filter((e) => e.kind === 'link')
      .map((e) => `${e.from}->${e.to}`)
      .sort();
    expect(links).toEqual(['svyaz->uchet-i-svyaz', 'uchet->uchet-i-svyaz']);
    expect(box('apparat').classes).toContain('change-none');
    expect(spec.legend.map((l) => l.label)).toContain('упразднено');
  });

  it('with headcounts, gives each unit of the later structure its own staff and that of all below it', () => {
    const staff = (count: number) => ({ positions: [{ title: { en: 'Staff' }, count }] });
    const unit = (id: string, parent: string | undefined, count: number) => ({
      [`units/${id}.yaml`]: {
        id,
        kind: parent === undefined ? 'office' : 'department',
        name: { en: `Unit ${id}` },
        ...(parent === undefined ? {} : { parent }),
        ...staff(count),
      },
    });
    const earlier = buildModel(
      load({ ...unit('root', undefined, 2), ...unit('a', 'root', 3), ...unit('gone', 'root', 5) }),
    );
    const later = buildModel(load({ ...unit('root', undefined, 2), ...unit('a', 'root', 3), ...unit('b', 'a', 4) }));
    const spec = reorganisationSpec(
      later,
      diffStructures(earlier, later),
      { ...options('en', { headcount: true }), fromLabel: 'before', toLabel: 'after' },
      earlier,
    );
    const staffLine = (id: string): string | undefined =>
      spec.boxes.find((b) => b.id === id)!.lines.find((l) => l.text.startsWith('staff'))?.text;
    expect(staffLine('root')).toBe('staff: 2, with units below: 9');
    expect(staffLine('a')).toBe('staff: 3, with units below: 7');
    expect(staffLine('b')).toBe('staff: 4');
    // A unit that is gone is drawn as it was, without the later structure's counts.
    expect(staffLine('gone')).toBeUndefined();
  });

  it('DOT golden file', () => {
    expectGolden(golden('reorganisation', 'expected.dot'), reorganisationDot(after, diff, opts, measureText, before));
  });

  it('`org render diff` draws it as SVG with every name, old and new', async () => {
    const r = await runCli(['render', 'diff', `${CASE}/before`, `${CASE}/after`]);
    expect(r.code, r.stderr).toBe(0);
    for (const text of ['Отдел цифрового', 'Пресс-сектор', 'прежнее название: Отдел кадров', 'реорганизация'])
      expect(unescapeXml(r.stdout)).toContain(text);
  });

  it('`org render diff -o x.pdf` is a book like the chart: the name of every box, old and new, reads back', async () => {
    const r = await runCli(['render', 'diff', `${CASE}/before`, `${CASE}/after`, '--format', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(r.bytes) }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++)
      text += (await (await doc.getPage(i)).getTextContent()).items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ');
    const spec = reorganisationSpec(after, diff, opts, before);
    const squash = (x: string): string => x.replace(/[\s-]+/g, '');
    for (const box of spec.boxes) expect(squash(text)).toContain(squash(box.name));
    expect(text).toContain('реорганизация');
  });

  it('counts transferred functions on the unit that gives them up and the one that takes them', () => {
    const bishkek = buildModel(loadStructure(readStructureDir('structure', ROOT)));
    const moved = buildModel(loadStructure(readStructureDir('structure', ROOT)));
    const fn = 'privlechenie-investitsiy-i-grantov';
    const from = 'upravlenie-politiki-razvitiya-goroda';
    const to = 'otdel-strategicheskogo-razvitiya-i-privlecheniya-investitsiy';
    delete moved.units.get(from)!.unit.functions![fn];
    moved.units.get(to)!.unit.functions = { [fn]: 'lead' };
    const rebuilt = buildModel({
      ...loadStructure([]),
      organization: moved.organization,
      hasOrganization: true,
      units: [...moved.units.values()],
      functions: [...moved.functions.values()],
    });
    const spec = reorganisationSpec(
      rebuilt,
      diffStructures(bishkek, rebuilt),
      { ...opts, fromLabel: 'a', toLabel: 'b' },
      bishkek,
    );
    const text = (id: string) =>
      spec.boxes
        .find((b) => b.id === id)!
        .lines.map((l) => l.text)
        .join(' ');
    expect(text(from)).toContain('функции: −1');
    expect(text(to)).toContain('функции: +1');
    expect(text(from)).not.toContain('Привлечение');
    expect(spec.boxes.find((b) => b.id === to)!.classes).toContain('change-changed');
  });

  it('keeps one short line on a unit with many changes: the first, the functions, and how many more', () => {
    const unit = (id: string, extra: Record<string, unknown>) => ({
      id,
      kind: 'department',
      name: { en: id, ru: id },
      parent: 'root',
      ...extra,
    });
    const files = (units: Array<Record<string, unknown>>) => ({
      'units/root.yaml': { id: 'root', kind: 'office', name: { en: 'Root', ru: 'Корень' } },
      'units/other.yaml': unit('other', {}),
      ...Object.fromEntries(units.map((u) => [`units/${u.id as string}.yaml`, u])),
      ...Object.fromEntries(
        ['a', 'b', 'c'].map((f) => [
          `functions/${f}.yaml`,
          { id: f, name: { en: `Function ${f}`, ru: `Функция ${f}` } },
        ]),
      ),
    });
    const earlier = buildModel(
      load(
        files([
          unit('busy', { name: { en: 'Busy', ru: 'Старое имя' }, functions: { c: 'lead' } }),
          unit('gains', { parent: 'other', functions: { a: 'lead', b: 'lead' } }),
        ]),
      ),
    );
    const later = buildModel(
      load(
        files([
          unit('busy', {
            name: { en: 'Busy', ru: 'Новое имя' },
            parent: 'other',
            kind: 'division',
            functions: { a: 'lead', b: 'lead' },
          }),
          unit('gains', { parent: 'other', functions: { c: 'lead' } }),
        ]),
      ),
    );
    const spec = reorganisationSpec(
      later,
      diffStructures(earlier, later),
      { ...opts, fromLabel: 'a', toLabel: 'b' },
      earlier,
    );
    const notes = (id: string) =>
      spec.boxes
        .find((b) => b.id === id)!
        .lines.filter((l) => l.style === 'note')
        .map((l) => l.text);
    expect(notes('busy')).toEqual(['прежнее название: Старое имя · функции: +2 / −1 · и ещё 2']);
    expect(notes('gains')).toEqual(['функции: +1 / −2']);
  });
});
