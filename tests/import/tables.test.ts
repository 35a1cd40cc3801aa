/**
 * Import beyond one units sheet: ids made from names, the three tables, checks as organization.yaml
 * sets them, and Backstage catalogs.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { idFromName, IdMaker } from '../../src/import/ids.js';
import { readBackstage } from '../../src/import/backstage.js';
import { runCli } from '../helpers/cli.js';
import { writeStructure } from '../helpers/structure.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'org-tables-'));
const unit = (dir: string, rel: string): Record<string, unknown> =>
  parse(readFileSync(join(dir, rel), 'utf8')) as Record<string, unknown>;

describe('ids from names', () => {
  it('transliterates Cyrillic and Hangul (Revised Romanization by syllable)', () => {
    expect(idFromName('Отдел правовой работы')).toBe('otdel-pravovoy-raboty');
    expect(idFromName('Управление общественных связей и щедрости')).toBe(
      'upravlenie-obshchestvennykh-svyazey-i-shchedrosti',
    );
    expect(idFromName('Өнүгүү бөлүмү')).toBe('onuguu-bolumu');
    expect(idFromName('운영지원과')).toBe('unyeongjiwongwa');
    expect(idFromName('국세청')).toBe('guksecheong');
    expect(idFromName('서울지방국세청 조사1국')).toBe('seouljibangguksecheong-josa1guk');
    expect(idFromName('Café Zürich')).toBe('cafe-zurich');
  });

  it('is stable and never hands out an id twice', () => {
    const ids = new IdMaker(['otdel']);
    expect([
      ids.make('Отдел', 'unit'),
      ids.make('Отдел', 'unit'),
      ids.make('!!!', 'unit'),
      ids.make('', 'unit'),
    ]).toEqual(['otdel-2', 'otdel-3', 'unit', 'unit-2']);
    expect(new IdMaker([]).make('Отдел', 'unit')).toBe('otdel');
  });
});

describe('org import csv with three tables', () => {
  it('makes ids from names, reads functions and assignments, and writes every role', async () => {
    const cwd = temp();
    writeFileSync(
      join(cwd, 'units.csv'),
      'id,parent,kind,название\nmeriya,,office,Мэрия\n,meriya,department,Юридический отдел\n',
    );
    writeFileSync(
      join(cwd, 'functions.csv'),
      'id,название,тип,описание\n,Правовая экспертиза,,Проверка проектов решений\n',
    );
    writeFileSync(
      join(cwd, 'assignments.csv'),
      'подразделение,функция,роль\nyuridicheskiy-otdel,pravovaya-ekspertiza,lead\nmeriya,pravovaya-ekspertiza,approver\n',
    );
    const r = await runCli(['import', 'csv', 'units.csv', 'functions.csv', 'assignments.csv', 'out'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(unit(join(cwd, 'out'), 'units/yuridicheskiy-otdel.yaml')).toMatchObject({
      id: 'yuridicheskiy-otdel',
      parent: 'meriya',
      functions: { 'pravovaya-ekspertiza': 'lead' },
    });
    expect(unit(join(cwd, 'out'), 'units/meriya.yaml')).toMatchObject({
      functions: { 'pravovaya-ekspertiza': 'approver' },
    });
    expect(unit(join(cwd, 'out'), 'functions/pravovaya-ekspertiza.yaml')).toMatchObject({
      name: { ru: 'Правовая экспертиза' },
      description: { ru: 'Проверка проектов решений' },
    });
    expect((await runCli(['validate', 'out'], { cwd })).code).toBe(0);
  });

  it('accepts any nesting where organization.yaml turns kind-rank off, and refuses it where the rule is on', async () => {
    const csv =
      'id,parent,kind,name\nhq,,office,HQ\nteam,hq,division,Team\nbig,team,department,Big department under a team\n';
    for (const [rule, code] of [
      ['off', 0],
      ['error', 1],
    ] as const) {
      const dir = writeStructure(
        {
          'organization.yaml': {
            id: 'o',
            name: 'O',
            languages: ['en'],
            kinds: [
              { id: 'office', name: 'office' },
              { id: 'department', name: 'department' },
              { id: 'division', name: 'division' },
            ],
            rules: { 'kind-rank': rule },
          },
        },
        false,
      );
      writeFileSync(join(dir, 'u.csv'), csv);
      const r = await runCli(['import', 'csv', 'u.csv', dir], { cwd: dir });
      expect(r.code, `kind-rank ${rule}: ${r.stderr}`).toBe(code);
      expect(existsSync(join(dir, 'units', 'team', 'big.yaml'))).toBe(code === 0);
      if (code === 1) expect(r.stderr).toMatch(/^u\.csv:4: a unit of kind "department" cannot be under "team"/);
    }
  });

  it('reports many bad rows as a few lines and a count', async () => {
    const cwd = temp();
    const rows = Array.from({ length: 300 }, (_, i) => `u${i},nowhere,office,Unit ${i}`).join('\n');
    writeFileSync(join(cwd, 'u.csv'), `id,parent,kind,name\n${rows}\n`);
    const r = await runCli(['import', 'csv', 'u.csv', 'out'], { cwd });
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(60);
    expect(lines.at(-2)).toBe('… and 250 more problems.');
    expect(lines.at(-1)).toBe('300 bad rows: nothing was written (use --partial to import the good rows).');
  });
});

describe('org import backstage', () => {
  const catalog = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: acme, description: The whole company }
spec: { type: organization, profile: { displayName: ACME Corp }, children: [group:default/finance, engineering] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: finance, title: Finance }
spec: { type: department, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: Engineering }
spec: { type: department, parent: acme, profile: { displayName: "Engineering & Platform" } }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform_team }
spec: { type: team, parent: group:default/engineering }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: jdoe }
spec: { memberOf: [finance] }
`;

  it('turns Group entities into units: type, parent or children, display name', () => {
    const { rows, groups, skipped } = readBackstage(catalog, 'catalog.yaml');
    expect([groups, skipped]).toEqual([4, 1]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['id', 'parent', 'kind', 'name', 'description'],
      ['acme', '', 'organization', 'ACME Corp', 'The whole company'],
      ['finance', 'acme', 'department', 'Finance', ''],
      ['engineering', 'acme', 'department', 'Engineering & Platform', ''],
      ['platform-team', 'engineering', 'team', 'platform_team', ''],
    ]);
    expect(rows[4]!.line).toBe(16);
  });

  it('writes a structure that validates', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'catalog.yaml'), catalog);
    const r = await runCli(['import', 'backstage', 'catalog.yaml', 'org'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(unit(join(cwd, 'org'), 'units/engineering/platform-team.yaml')).toMatchObject({
      kind: 'team',
      parent: 'engineering',
    });
    const v = await runCli(['validate', 'org', '--format', 'json'], { cwd });
    expect(JSON.parse(v.stdout).summary.errors).toBe(0);
  });

  it('says where a catalog does not parse', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'bad.yaml'), 'kind: Group\nmetadata: { name: [\n');
    const r = await runCli(['import', 'backstage', 'bad.yaml', 'org'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^org: bad\.yaml:\d+:\d+: /);
  });
});
