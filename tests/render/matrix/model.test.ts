/**
 * The matrix model: which rows and columns there are, what each cell holds, and which functions
 * are findings. Small in-memory structures name only what each case is about.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/model/model.js';
import { buildMatrix, matrixRows, roleCode, type FunctionMatrix } from '../../../src/render/matrix/model.js';
import { BASE_ORGANIZATION, load, type Files } from '../../helpers/structure.js';
import { modelOf, SMALL } from './helpers.js';

const matrixOf = (files: Files, options: Partial<Parameters<typeof buildMatrix>[1]> = {}): FunctionMatrix =>
  buildMatrix(buildModel(load(files)), { lang: 'en', ...options });

/** The role id in the cell of function `fn` and unit column `unit`. */
const cell = (m: FunctionMatrix, fn: string, unit: string): string | undefined => {
  const row = matrixRows(m).find((r) => r.id === fn);
  const col = m.columns.findIndex((c) => c.id === unit);
  if (!row || col < 0) throw new Error(`no cell ${fn} × ${unit}`);
  return row.cells[col]?.role;
};

const unit = (
  id: string,
  kind: string,
  parent: string | undefined,
  functions: Record<string, string> = {},
): object => ({
  id,
  kind,
  name: { en: `Unit ${id}` },
  ...(parent ? { parent } : {}),
  functions,
});

describe('function matrix model', () => {
  const small = modelOf(SMALL);

  it('puts every unit in tree order as a column and every function as a row', () => {
    const m = buildMatrix(small, { lang: 'en' });
    expect(m.columns.map((c) => c.id)).toEqual([
      'hall',
      'finance',
      'budget-planning',
      'audit',
      'licensing',
      'licensing-desk',
    ]);
    expect(
      matrixRows(m)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['budget', 'complaints', 'fees', 'outreach', 'permits']);
    expect(cell(m, 'permits', 'finance')).toBe('participant');
    expect(cell(m, 'permits', 'audit')).toBeUndefined();
  });

  it('groups rows by their lead unit, then the doubly led, then the unled', () => {
    const m = buildMatrix(small, { lang: 'en' });
    expect(m.groups.map((g) => [g.kind, g.id ?? '', g.rows.map((r) => r.id)])).toEqual([
      ['unit', 'finance', ['budget']],
      ['unit', 'budget-planning', ['fees']],
      ['multiple-leads', '', ['permits']],
      ['no-lead', '', ['complaints', 'outreach']],
    ]);
    expect(m.noLead.map((r) => r.id)).toEqual(['complaints', 'outreach']);
    expect(m.multipleLeads.map((r) => [r.id, r.leads.map((l) => l.id).sort()])).toEqual([
      ['permits', ['licensing', 'licensing-desk']],
    ]);
  });

  it('groups by type in the order organization.yaml declares the types, untyped last', () => {
    const m = buildMatrix(small, { lang: 'en', groupBy: 'type' });
    expect(m.groups.map((g) => [g.kind, g.id ?? '', g.rows.map((r) => r.id)])).toEqual([
      ['type', 'policy', ['fees', 'budget']], // by name: "+Fees…" sorts before "City budget"
      ['type', 'service', ['permits', 'complaints']],
      ['no-type', '', ['outreach']],
    ]);
  });

  it('with `by`, counts a subunit for its unit of that kind and keeps the strongest role', () => {
    const m = buildMatrix(small, { lang: 'en', by: 'department' });
    expect(m.columns.map((c) => c.id)).toEqual(['finance', 'audit', 'licensing']);
    // budget: finance leads, its division participates → lead; fees: only the division leads → lead.
    expect(cell(m, 'budget', 'finance')).toBe('lead');
    expect(cell(m, 'fees', 'finance')).toBe('lead');
    // complaints: only the permit desk approves → its department shows approver.
    expect(cell(m, 'complaints', 'licensing')).toBe('approver');
    const permits = matrixRows(m).find((r) => r.id === 'permits')!;
    expect(permits.cells[2]).toEqual({ role: 'lead', units: ['licensing', 'licensing-desk'] });
    // The finding stays a fact about the structure, not about the aggregated view.
    expect(permits.status).toBe('multiple-leads');
  });

  it('takes the strength of roles from the order of organization.roles', () => {
    const roles = [
      { id: 'approver', name: 'approver', code: 'A' },
      { id: 'lead', name: 'lead', code: 'L' },
    ];
    const m = matrixOf(
      {
        'organization.yaml': { ...BASE_ORGANIZATION, roles },
        'units/root.yaml': unit('root', 'office', undefined),
        'units/dept.yaml': unit('dept', 'department', 'root', { f: 'lead' }),
        'units/div.yaml': unit('div', 'division', 'dept', { f: 'approver' }),
        'functions/f.yaml': { id: 'f', name: 'F' },
      },
      { by: 'department' },
    );
    expect(cell(m, 'f', 'dept')).toBe('approver');
  });

  it('keeps a unit outside every unit of the `by` kind as its own column when it plays a role', () => {
    const m = matrixOf(
      {
        'units/root.yaml': unit('root', 'office', undefined, { f: 'approver' }),
        'units/dept.yaml': unit('dept', 'department', 'root', { f: 'lead' }),
        'units/lone.yaml': unit('lone', 'division', 'root'),
        'functions/f.yaml': { id: 'f', name: 'F' },
      },
      { by: 'department' },
    );
    expect(m.columns.map((c) => c.id)).toEqual(['root', 'dept']);
    expect(cell(m, 'f', 'root')).toBe('approver');
  });

  it('with `root`, limits columns to the subtree and rows to the functions it takes part in', () => {
    const m = buildMatrix(small, { lang: 'en', root: 'licensing' });
    expect(m.columns.map((c) => [c.id, c.depth])).toEqual([
      ['licensing', 0],
      ['licensing-desk', 1],
    ]);
    expect(
      matrixRows(m)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['budget', 'complaints', 'permits']);
  });

  it('shows functions that units name but no file describes, and roles nobody declared', () => {
    const m = matrixOf({
      'units/root.yaml': unit('root', 'office', undefined, { ghost: 'lead', f: 'chairs' }),
      'functions/f.yaml': { id: 'f', name: 'F' },
    });
    const ghost = matrixRows(m).find((r) => r.id === 'ghost')!;
    expect(ghost).toMatchObject({ defined: false, status: 'ok', name: 'ghost' });
    expect(cell(m, 'f', 'root')).toBe('chairs');
    expect(m.roles.find((r) => r.id === 'chairs')).toMatchObject({ code: 'C', strength: 4 });
  });

  it('does not loop on a cycle of parents', () => {
    const m = matrixOf(
      {
        'units/a.yaml': unit('a', 'department', 'b', { f: 'lead' }),
        'units/b.yaml': unit('b', 'department', 'a'),
        'functions/f.yaml': { id: 'f', name: 'F' },
      },
      { by: 'department' },
    );
    expect(matrixRows(m)).toHaveLength(1);
  });

  it('names rows and columns in the chosen language', () => {
    const m = buildMatrix(small, { lang: 'ru' });
    expect(m.columns[0]!.label).toBe('Мэрия');
    expect(matrixRows(m).find((r) => r.id === 'budget')!.name).toBe('Городской бюджет');
  });
});

describe('role codes', () => {
  it('prefers the code in the language, then the first letter of the name in it', () => {
    const role = { id: 'lead', name: { ru: 'ответственный', en: 'lead', ky: 'жооптуу' }, code: { ru: 'О', en: 'L' } };
    expect(roleCode(role, 'ru', 'ru')).toBe('О');
    expect(roleCode(role, 'en', 'ru')).toBe('L');
    expect(roleCode(role, 'ky', 'ru')).toBe('Ж');
    expect(roleCode(role, 'de', 'ru')).toBe('О');
  });

  it('takes a plain-string code as the code in every language, and falls back to the name', () => {
    expect(roleCode({ id: 'x', name: { en: 'executes' }, code: 'E' }, 'ru', 'en')).toBe('E');
    expect(roleCode({ id: 'x', name: 'согласует' }, 'ru', 'ru')).toBe('С');
  });
});
