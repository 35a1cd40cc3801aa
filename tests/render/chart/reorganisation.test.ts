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
    expect(box('kadry').lines.map((l) => l.text)).toContain('было: Отдел кадров');
    expect(box('arkhiv').lines.map((l) => l.text)).toContain('перемещено из: Отдел кадров');
    // Gone units are drawn dashed where they were: the merged department under the office, its sector under it.
    expect(box('svyaz').dashed).toBe(true);
    expect(spec.edges).toContainEqual({ from: 'svyaz', to: 'pressa', kind: 'tree' });
    expect(box('pressa').lines.map((l) => l.text)).toContain('упразднено');
    // The merge: the new unit names its predecessors, and arrows lead to it from each.
    expect(box('uchet-i-svyaz').lines.some((l) => l.text.startsWith('образовано слиянием: '))).toBe(true);
    const links = spec.edges.filter((e) => e.kind === 'link').map((e) => `${e.from}->${e.to}`).sort();
    expect(links).toEqual(['svyaz->uchet-i-svyaz', 'uchet->uchet-i-svyaz']);
    expect(box('apparat').classes).toContain('change-none');
    expect(spec.legend.map((l) => l.label)).toContain('упразднено');
  });

  it('DOT golden file', () => {
    expectGolden(golden('reorganisation', 'expected.dot'), reorganisationDot(after, diff, opts, measureText, before));
  });

  it('`org render diff` draws it as SVG with every name, old and new', async () => {
    const r = await runCli(['render', 'diff', `${CASE}/before`, `${CASE}/after`]);
    expect(r.code, r.stderr).toBe(0);
    for (const text of ['Отдел цифрового', 'Пресс-сектор', 'было: Отдел кадров', 'реорганизация']) expect(unescapeXml(r.stdout)).toContain(text);
  });

  it('`org render diff -o x.pdf` is a book like the chart: the name of every box, old and new, reads back', async () => {
    const r = await runCli(['render', 'diff', `${CASE}/before`, `${CASE}/after`, '--format', 'pdf']);
    expect(r.code, r.stderr).toBe(0);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(r.bytes) }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) text += (await (await doc.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    const spec = reorganisationSpec(after, diff, opts, before);
    const squash = (x: string): string => x.replace(/[\s-]+/g, '');
    for (const box of spec.boxes) expect(squash(text)).toContain(squash(box.name));
    expect(text).toContain('реорганизация');
  });

  it('marks a transferred function on the unit that gives it up and the one that takes it', () => {
    const bishkek = buildModel(loadStructure(readStructureDir('structure', ROOT)));
    const moved = buildModel(loadStructure(readStructureDir('structure', ROOT)));
    const fn = 'privlechenie-investitsiy-i-grantov';
    const from = 'upravlenie-politiki-razvitiya-goroda';
    const to = 'otdel-strategicheskogo-razvitiya-i-privlecheniya-investitsiy';
    delete moved.units.get(from)!.unit.functions![fn];
    moved.units.get(to)!.unit.functions = { [fn]: 'lead' };
    const rebuilt = buildModel({ ...loadStructure([]), organization: moved.organization, hasOrganization: true, units: [...moved.units.values()], functions: [...moved.functions.values()] });
    const spec = reorganisationSpec(rebuilt, diffStructures(bishkek, rebuilt), { ...opts, fromLabel: 'a', toLabel: 'b' }, bishkek);
    const text = (id: string) => spec.boxes.find((b) => b.id === id)!.lines.map((l) => l.text).join(' ');
    expect(text(from)).toContain('передаёт функцию: Привлечение инвестиций и грантов в экономику Бишкека');
    expect(text(to)).toContain('принимает функцию: Привлечение инвестиций и грантов в экономику Бишкека');
    expect(spec.boxes.find((b) => b.id === to)!.classes).toContain('change-changed');
  });
});
