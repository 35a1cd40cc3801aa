/**
 * `order` and `staff` on units, through everything that reads them: the model's sibling order,
 * `org tree` and `org stats`, `org diff`, the exports and `org fmt`, on small structures built for
 * each case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'n3';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { diffStructures } from '../../src/diff/diff.js';
import { renderJson } from '../../src/export/json.js';
import { renderMermaid } from '../../src/export/mermaid.js';
import { renderTurtle } from '../../src/export/rdf.js';
import { formatStructureFile } from '../../src/fmt/format.js';
import { translator } from '../../src/i18n/format.js';
import { buildModel, isStaff, treeOrder } from '../../src/model/model.js';
import { renderDiffText } from '../../src/render/diff/text.js';
import { computeStats, renderStatsText } from '../../src/render/reports/stats.js';
import { buildTree, renderTreeText } from '../../src/render/reports/tree.js';
import { runCli } from '../helpers/cli.js';
import { load, writeStructure, type Files } from '../helpers/structure.js';

const unit = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  kind: 'department',
  name: { en: id },
  parent: 'root',
  ...extra,
});
const files = (units: Array<Record<string, unknown>>): Files => {
  const out: Files = { 'units/root.yaml': { id: 'root', kind: 'office', name: { en: 'Root' } } };
  for (const u of units) out[`units/${u.id as string}.yaml`] = u;
  return out;
};
const modelOf = (units: Array<Record<string, unknown>>) => buildModel(load(files(units)));

describe('order', () => {
  it('sorts siblings by order; ties and units without one fall back to kind, then name, after the numbered ones', () => {
    const model = modelOf([
      unit('alpha'),
      unit('bravo', { order: 2 }),
      unit('charlie', { order: 1 }),
      unit('delta', { order: 2, kind: 'office' }),
      unit('echo', { order: 2 }),
      unit('aardvark', { kind: 'division' }),
      unit('foxtrot', { order: -1.5 }),
    ]);
    expect(model.children.get('root')).toEqual(['foxtrot', 'charlie', 'delta', 'bravo', 'echo', 'alpha', 'aardvark']);
    expect(treeOrder(model).map((e) => e.id)).toEqual([
      'root',
      'foxtrot',
      'charlie',
      'delta',
      'bravo',
      'echo',
      'alpha',
      'aardvark',
    ]);
  });

  it('is a number in the schema: anything else is reported with its place', async () => {
    const dir = writeStructure(files([unit('alpha', { order: 'first' }), unit('bravo', { staff: 'yes' })]));
    const r = await runCli(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const findings = (
      JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; rule: string; line: number; column: number }> }
    ).diagnostics.map((d) => ({
      file: d.file.replace(/.*\//, ''),
      rule: d.rule,
      line: d.line,
      column: d.column,
    }));
    // id, kind, name (two lines), parent, then the bad value.
    expect(findings).toContainEqual({ file: 'alpha.yaml', rule: 'schema', line: 6, column: 8 });
    expect(findings).toContainEqual({ file: 'bravo.yaml', rule: 'schema', line: 6, column: 8 });
  });
});

describe('staff units', () => {
  const model = modelOf([
    unit('audit', { staff: true }),
    unit('finance', { order: 1 }),
    { id: 'lonely', kind: 'office', name: 'Lonely', staff: true },
  ]);

  it('is staff only under a parent that exists', () => {
    expect(isStaff(model, 'audit')).toBe(true);
    expect(isStaff(model, 'finance')).toBe(false);
    expect(isStaff(model, 'lonely')).toBe(false);
  });

  it('hangs on a dashed branch in org tree, marked in the reader’s language', () => {
    const text = renderTreeText(buildTree(model, { lang: 'en', root: 'root' }), { t: translator('ru') });
    expect(text).toMatch(/├── finance/);
    expect(text).toMatch(/└╌╌ audit {2}\(штабное\)/);
    expect(buildTree(model, { lang: 'en', root: 'root' })[0]!.children.map((c) => [c.id, c.staff])).toEqual([
      ['finance', false],
      ['audit', true],
    ]);
  });

  it('is counted apart in org stats', () => {
    const stats = computeStats(model, { lang: 'en', spanLimit: 8 });
    expect(stats.units.total).toBe(4);
    expect(stats.units.staff).toEqual([{ id: 'audit', name: 'audit', parent: { id: 'root', name: 'Root' } }]);
    const text = renderStatsText(stats, { t: translator('en') });
    expect(text).toContain('line units: 3, staff (advisory) units: 1');
    expect(text).toContain('audit → Root (root)');
    // A structure without staff units says nothing about them.
    expect(
      renderStatsText(computeStats(modelOf([unit('a')]), { lang: 'en', spanLimit: 8 }), { t: translator('en') }),
    ).not.toContain('staff (advisory)');
  });

  it('is exported: JSON fields, a dotted Mermaid link, orgcode:staffUnit and orgcode:order in Turtle', () => {
    const doc = JSON.parse(renderJson(model)) as { units: Array<{ id: string; staff: boolean; order?: number }> };
    expect(doc.units.find((u) => u.id === 'audit')).toMatchObject({ staff: true });
    expect(doc.units.find((u) => u.id === 'finance')).toMatchObject({ staff: false, order: 1 });
    expect(doc.units.find((u) => u.id === 'audit')!.order).toBeUndefined();
    const mermaid = renderMermaid(model, { lang: 'en' });
    expect(mermaid).toContain('u_root -.-> u_audit');
    expect(mermaid).toContain('u_root --> u_finance');
    const quads = new Parser().parse(renderTurtle(model));
    const value = (subject: string, predicate: string): string[] =>
      quads
        .filter(
          (q) =>
            q.subject.value.endsWith(`/unit/${subject}`) && q.predicate.value === `https://orgcode.dev/ns#${predicate}`,
        )
        .map((q) => q.object.value);
    expect(value('audit', 'staffUnit')).toEqual(['true']);
    expect(value('finance', 'staffUnit')).toEqual([]);
    expect(value('finance', 'order')).toEqual(['1']);
  });
});

describe('org diff', () => {
  it('reports a changed order or staff mark as a field change', () => {
    const before = modelOf([unit('audit'), unit('finance', { order: 2 }), unit('legal', { order: 1 })]);
    const after = modelOf([unit('audit', { staff: true }), unit('finance', { order: 1 }), unit('legal')]);
    const diff = diffStructures(before, after);
    expect(diff.changes).toEqual([
      { type: 'unit-field-changed', unit: 'audit', name: { en: 'audit' }, field: 'staff', from: false, to: true },
      { type: 'unit-field-changed', unit: 'finance', name: { en: 'finance' }, field: 'order', from: 2, to: 1 },
      { type: 'unit-field-changed', unit: 'legal', name: { en: 'legal' }, field: 'order', from: 1, to: null },
    ]);
    expect(diff.summary.counts['unit-field-changed']).toBe(3);
    const text = renderDiffText({ from: { label: 'a', errors: [] }, to: { label: 'b', errors: [] }, diff } as never, {
      t: translator('en'),
    });
    expect(text).toContain('~ audit [audit]: staff unit no → yes');
    expect(text).toContain('~ finance [finance]: order 2 → 1');
    expect(text).toContain('~ legal [legal]: order 1 → (none)');
    expect(text).toContain('3 units changed order or staff mark');
  });
});

describe('org fmt and the CSV round trip', () => {
  it('puts staff and order right after parent', () => {
    const text = 'name: { en: A }\norder: 3\nid: a\nstaff: true\nkind: department\nparent: root\n';
    const result = formatStructureFile(text, { kind: 'unit', rel: 'units/a.yaml' });
    expect(result.ok && result.text).toBe(
      'id: a\nkind: department\nparent: root\nstaff: true\norder: 3\nname:\n  en: A\n',
    );
  });

  it('carries order and staff through export csv and import csv', async () => {
    const dir = writeStructure(files([unit('audit', { staff: true }), unit('finance', { order: 1.5 })]));
    const csv = join(dir, 'units.csv');
    expect((await runCli(['export', dir, '-f', 'csv', '-o', csv])).code).toBe(0);
    const rows = parseCsv(readFileSync(csv, 'utf8'), { bom: true }) as string[][];
    const header = rows[0]!;
    const cell = (id: string, column: string): string => rows.find((r) => r[0] === id)![header.indexOf(column)]!;
    expect([
      cell('audit', 'staff unit'),
      cell('finance', 'staff unit'),
      cell('finance', 'order'),
      cell('audit', 'order'),
    ]).toEqual(['yes', '', '1.5', '']);
    const copy = join(dir, 'copy');
    const imported = await runCli(['import', 'csv', csv, copy]);
    expect(imported.code).toBe(0);
    expect(readFileSync(join(copy, 'units/audit.yaml'), 'utf8')).toMatch(/^staff: true$/m);
    expect(readFileSync(join(copy, 'units/finance.yaml'), 'utf8')).toMatch(/^order: 1\.5$/m);
  });
});
