/**
 * Dates of validity and legal acts, end to end on a dated structure (tests/fixtures/dated): the
 * structure in force on a day (`--at`) in tree, show, stats, matrix and chart, with golden
 * files; units whose parent is not in force; bad dates; and the dates and acts in every export.
 * Regenerate the golden files with `UPDATE_GOLDEN=1 npx vitest run tests/cli/dates.test.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { structureAt, inForce, isCalendarDate } from '../../src/model/validity.js';
import { buildModel } from '../../src/model/model.js';
import { parseAt } from '../../src/cli/at.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { expectGolden } from '../helpers/golden.js';
import { load, writeStructure } from '../helpers/structure.js';

const DATED = join(ROOT, 'tests', 'fixtures', 'dated');
const DIR = join(DATED, 'structure');
const golden = (name: string): string => join(DATED, 'expected', name);
const PROV = 'http://www.w3.org/ns/prov#';

describe('--at: the structure in force on a day', () => {
  it.each(['2023-06-01', '2024-07-01', '2025-02-01'])('org tree --at %s matches its golden file', async (day) => {
    const r = await runCli(['tree', DIR, '--at', day]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expectGolden(golden(`tree-${day}.txt`), r.stdout);
  });

  it('the day an abolition takes effect the unit is gone, the day before it is there', async () => {
    const ids = async (day: string): Promise<string[]> => {
      const r = await runCli(['tree', DIR, '--at', day, '--format', 'json']);
      const walk = (nodes: Array<{ id: string; children: unknown[] }>): string[] =>
        nodes.flatMap((n) => [n.id, ...walk(n.children as typeof nodes)]);
      return walk(JSON.parse(r.stdout));
    };
    expect(await ids('2024-06-30')).toContain('otdel-byudzheta');
    expect(await ids('2024-06-30')).not.toContain('otdel-kaznacheystva');
    expect(await ids('2024-07-01')).not.toContain('otdel-byudzheta');
    expect(await ids('2024-07-01')).toContain('otdel-kaznacheystva');
    // Without --at every unit of the files is there, whatever its dates.
    expect((await runCli(['tree', DIR, '--format', 'json'])).stdout).toContain('otdel-byudzheta');
  });

  it('org render matrix --at leaves out functions not in force and the units gone', async () => {
    const r = await runCli(['render', 'matrix', DIR, '--at', '2024-08-01', '--format', 'md', '--lang', 'en']);
    expect(r.code).toBe(0);
    expectGolden(golden('matrix-2024-08-01.md'), r.stdout);
    expect(r.stdout).not.toContain('byudzhetnoe-planirovanie');
  });

  it('org show gives the dates and the act, and --at refuses a unit not yet in force', async () => {
    const r = await runCli(['show', 'otdel-kaznacheystva', DIR, '--lang', 'en']);
    expectGolden(golden('show-otdel-kaznacheystva.txt'), r.stdout.replace(DIR, '<dir>'));
    const json = JSON.parse((await runCli(['show', 'otdel-kaznacheystva', DIR, '--format', 'json'])).stdout);
    expect(json.unit.validity).toEqual({ from: '2024-07-01', until: null });
    expect(json.unit.basis).toEqual({
      kind: 'order',
      number: '57-р',
      date: '2024-06-20',
      title: { ru: 'О создании отдела казначейства' },
    });
    const early = await runCli(['show', 'otdel-kaznacheystva', DIR, '--at', '2024-01-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^org: No unit or function "otdel-kaznacheystva"/);
  });

  it('org stats and org render chart count and draw only what is in force', async () => {
    const stats = JSON.parse((await runCli(['stats', DIR, '--at', '2023-06-01', '--format', 'json'])).stdout);
    expect(stats.units.total).toBe(3);
    const all = JSON.parse((await runCli(['stats', DIR, '--format', 'json'])).stdout);
    expect(all.units.total).toBe(6);
    const dot = (await runCli(['render', 'chart', DIR, '--at', '2025-02-01', '--format', 'dot'])).stdout;
    expect(dot).toContain('otdel-tsifrovykh-uslug');
    expect(dot).not.toContain('otdel-byudzheta');
    // The chart's date line says which day it shows.
    expect(dot).toContain('2025-02-01');
  });

  it('a unit in force under a parent that is not is left out with its subtree, and stderr says so', async () => {
    const dir = writeStructure({
      'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' },
      'units/dept.yaml': { id: 'dept', kind: 'department', name: 'Dept', parent: 'root', from: '2024-01-01' },
      'units/early.yaml': { id: 'early', kind: 'division', name: 'Early', parent: 'dept', from: '2023-01-01' },
      'units/other.yaml': { id: 'other', kind: 'department', name: 'Other', parent: 'root' },
    });
    const r = await runCli(['tree', dir, '--at', '2023-06-01', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'Left out: 1 unit in force on 2023-06-01 under a unit that is not, with everything below (early).',
    );
    expect(r.stdout).not.toContain('"early"');
    expect(r.stdout).toContain('"other"');
    const ru = await runCli(['tree', dir, '--at', '2023-06-01', '--lang', 'ru']);
    expect(ru.stderr).toContain(
      'Не показаны подразделения, действующие на 2023-06-01 под недействующим в этот день вышестоящим, со всеми нижестоящими: 1 (early).',
    );
  });

  it('org diff SIDE@DATE compares one dated structure on two days (golden case tests/fixtures/diff/in-force-on-dates)', async () => {
    const cwd = join(ROOT, 'tests', 'fixtures');
    const dir = join(ROOT, 'tests', 'fixtures', 'diff', 'in-force-on-dates');
    for (const [format, file] of [
      ['text', 'expected.txt'],
      ['markdown', 'expected.md'],
      ['json', 'expected.json'],
    ] as const) {
      const r = await runCli(['diff', 'dated/structure@2024-06-30', 'dated/structure@2025-01-01', '--format', format], {
        cwd,
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expectGolden(join(dir, file), r.stdout);
    }
    const same = await runCli(['diff', 'dated/structure@2024-07-01', 'dated/structure@2024-12-31', '--exit-code'], {
      cwd,
    });
    expect(same.code).toBe(0);
    const bad = await runCli(['diff', 'dated/structure@2024-02-30', 'dated/structure'], { cwd });
    expect(bad.code).toBe(2);
  });

  it('refuses a day that is not one, in English and Russian, with exit code 2', async () => {
    for (const bad of ['2024-02-30', '01.03.2024', 'yesterday', '']) {
      const r = await runCli(['tree', DIR, '--at', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`org: --at wants a day as YYYY-MM-DD (or today), not "${bad}".\n`);
    }
    const ru = await runCli(['stats', DIR, '--at', '2024-13-01', '--lang', 'ru']);
    expect(ru.stderr).toBe('org: --at ожидает день в виде ГГГГ-ММ-ДД (или today), а не «2024-13-01».\n');
    expect(parseAt('today', new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });
});

describe('validity in the model', () => {
  it('knows the days of the calendar', () => {
    expect(['2024-02-29', '2000-02-29', '1999-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2023-02-29', '1900-02-29', '2024-04-31', '2024-00-10', '2024-1-01', '24-01-01'].some(isCalendarDate)).toBe(
      false,
    );
  });

  it('takes from as the first day in force and until as the first day out of force', () => {
    expect(inForce({ from: '2024-01-01', until: '2024-02-01' }, '2024-01-01')).toBe(true);
    expect(inForce({ from: '2024-01-01', until: '2024-02-01' }, '2024-01-31')).toBe(true);
    expect(inForce({ from: '2024-01-01', until: '2024-02-01' }, '2024-02-01')).toBe(false);
    expect(inForce({ from: '2024-01-01' }, '2023-12-31')).toBe(false);
    expect(inForce({}, '0001-01-01')).toBe(true);
  });

  it('drops assignments to functions not in force, and leaves the files as they are', () => {
    const model = buildModel(
      load({
        'units/root.yaml': { id: 'root', kind: 'office', name: 'Root', functions: { old: 'lead', kept: 'lead' } },
        'functions/old.yaml': { id: 'old', name: 'Old', until: '2024-01-01' },
        'functions/kept.yaml': { id: 'kept', name: 'Kept' },
      }),
    );
    const at = structureAt(model, '2024-06-01');
    expect(at.model.units.get('root')!.unit.functions).toEqual({ kept: 'lead' });
    expect([...at.model.functions.keys()]).toEqual(['kept']);
    expect(at.outOfForce).toEqual({ units: 0, functions: 1 });
    expect(model.units.get('root')!.unit.functions).toEqual({ old: 'lead', kept: 'lead' });
  });
});

describe('dates and acts in the exports', () => {
  it('JSON carries them and still matches schemas/export.schema.json', async () => {
    const r = await runCli(['export', DIR, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    const ajv = new Ajv2020.default({ strict: true, allErrors: true });
    ajv.addKeyword('x-description-ru');
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'export.schema.json'), 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.organization.basis).toEqual({
      kind: 'resolution',
      number: '118',
      date: '2024-06-14',
      title: {
        ru: 'Об утверждении структуры городской администрации',
        en: 'On the structure of the city administration',
      },
      url: 'https://example.org/acts/118',
    });
    const byId = Object.fromEntries(doc.units.map((u: { id: string }) => [u.id, u]));
    expect([byId['otdel-byudzheta'].from, byId['otdel-byudzheta'].until]).toEqual(['2020-01-01', '2024-07-01']);
    expect(byId.apparat.from).toBeUndefined();
    expect(doc.functions.find((f: { id: string }) => f.id === 'byudzhetnoe-planirovanie').until).toBe('2024-07-01');
  });

  it('org export --at writes the structure in force that day', async () => {
    const doc = JSON.parse((await runCli(['export', DIR, '--at', '2023-06-01'])).stdout);
    expect(doc.units.map((u: { id: string }) => u.id)).toEqual(['apparat', 'upravlenie-finansov', 'otdel-byudzheta']);
    expect(doc.organization.date).toBe('2023-06-01');
  });

  it('CSV has the two date columns, and org import csv reads them back', async () => {
    const r = await runCli(['export', DIR, '--format', 'csv']);
    const rows = parseCsv(r.stdout.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    const budget = rows.find((row) => row.id === 'otdel-byudzheta')!;
    expect([budget['in force from'], budget['in force until']]).toEqual(['2020-01-01', '2024-07-01']);
    // A structure without dates keeps the columns it always had.
    const plain = (await runCli(['export', 'structure', '--format', 'csv'])).stdout.split('\r\n')[0];
    expect(plain).not.toContain('in force');

    const target = writeStructure({});
    const csv = join(target, 'units.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      csv,
      'id,parent,kind,name (en),действует с,действует до\nroot,,office,Root,,\nnew-dept,root,department,New,2025-01-01,2026-01-01\nbad,root,department,Bad,2025-02-30,\n',
    );
    const refused = await runCli(['import', 'csv', csv, target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr + refused.stdout).toContain('"2025-02-30" is not a day as YYYY-MM-DD.');
    writeFileSync(
      csv,
      'id,parent,kind,name (en),действует с,действует до\nroot,,office,Root,,\nnew-dept,root,department,New,2025-01-01,2026-01-01\n',
    );
    const done = await runCli(['import', 'csv', csv, target]);
    expect(done.code).toBe(0);
    const unit = readFileSync(join(target, 'units', 'new-dept.yaml'), 'utf8');
    expect(unit).toContain('from: "2025-01-01"');
    expect(unit).toContain('until: "2026-01-01"');
  });

  it('Turtle states lifetimes in PROV and creations and abolitions as ORG change events', async () => {
    const r = await runCli(['export', DIR, '--format', 'ttl', '--base', 'https://example.org/city/']);
    const quads = new Parser({ format: 'text/turtle' }).parse(r.stdout);
    const objects = (s: string, p: string): string[] =>
      quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    const unit = 'https://example.org/city/unit/otdel-byudzheta';
    expect(objects(unit, `${PROV}generatedAtTime`)).toEqual(['2020-01-01T00:00:00']);
    expect(objects(unit, `${PROV}invalidatedAtTime`)).toEqual(['2024-07-01T00:00:00']);
    const abolition = 'https://example.org/city/change/otdel-byudzheta-abolition';
    expect(objects(abolition, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type')).toEqual([
      'http://www.w3.org/ns/org#ChangeEvent',
    ]);
    expect(objects(abolition, `${PROV}endedAtTime`)).toEqual(['2024-07-01T00:00:00']);
    const creation = 'https://example.org/city/change/otdel-kaznacheystva';
    expect(objects(creation, 'http://www.w3.org/ns/org#originalOrganization')).toEqual([unit]);
    expect(objects(creation, `${PROV}startedAtTime`)).toEqual(['2024-06-20T00:00:00']);
    expect(objects(creation, `${PROV}endedAtTime`)).toEqual(['2024-07-01T00:00:00']);
    const [act] = objects(creation, `${PROV}used`);
    expect(objects(act!, 'http://purl.org/dc/terms/identifier')).toEqual(['57-р']);
    // A structure without dates or acts declares no PROV prefix, as before.
    expect((await runCli(['export', 'structure', '--format', 'ttl'])).stdout).not.toContain('prov:');
  });
});

describe('acts from hostile files', () => {
  it('a title with line breaks and escape sequences stays on one line and reaches no terminal', async () => {
    const base = { 'units/root.yaml': { id: 'root', kind: 'office', name: 'Root' } };
    const before = writeStructure(base);
    const after = writeStructure({
      ...base,
      'units/root.yaml': {
        ...base['units/root.yaml'],
        basis: {
          kind: 'order',
          number: '1\u001b[31m',
          title: 'On\nthe\u001b]0;pwned\u0007 structure\u202e',
          url: 'https://example.org/a)(b',
        },
      },
    });
    for (const format of ['text', 'markdown']) {
      const r = await runCli(['diff', before, after, '--format', format]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
      expect(r.stdout).toContain('On the');
    }
    const md = (await runCli(['diff', before, after, '--format', 'markdown'])).stdout;
    expect(md).toContain('(https://example.org/a%29%28b)');
  });
});
