/**
 * `org import csv`: a spreadsheet becomes a structure that passes `org validate`; exporting it
 * again gives back the same spreadsheet; bad rows are reported with their line in the file and
 * nothing is written, unless --partial; existing unit files are updated only with --force.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readCsv, detectSeparator } from '../../src/import/csv-read.js';
import { ROOT, runCli } from '../helpers/cli.js';

const TRICKY = join(ROOT, 'tests', 'fixtures', 'export', 'tricky');
const parseCsvRows = (text: string): string[][] => parse(text, { bom: true }) as string[][];
const temp = (): string => mkdtempSync(join(tmpdir(), 'org-import-'));

const HEADER = 'id,parent,kind,name (ru),name (en),headcount,functions led';

/** What the spreadsheet carries about each unit, from `org export --format json`. */
async function unitFacts(dir: string, cwd: string): Promise<unknown[]> {
  const r = await runCli(['export', dir, '-f', 'json'], { cwd });
  const doc = JSON.parse(r.stdout);
  return doc.units.map((u: Record<string, unknown>) => ({
    id: u.id,
    parent: u.parent,
    kind: u.kind,
    name: u.name,
    short: u.short,
    children: u.children,
    headcount: u.headcount,
    leads: (u.functions as Array<{ function: string; role: string }>)
      .filter((f) => f.role === 'lead')
      .map((f) => f.function),
  }));
}

describe('export csv → import csv → the same model', () => {
  for (const [label, source, args] of [
    ['the Bishkek structure', join(ROOT, 'structure'), []],
    ['the tricky structure, with ";" and Russian headers', TRICKY, ['--separator', ';']],
  ] as const) {
    it(label, async () => {
      const cwd = temp();
      const csv = join(cwd, 'units.csv');
      const lang = args.length > 0 ? ['--lang', 'ru'] : [];
      expect((await runCli([...lang, 'export', source, '-f', 'csv', '-o', csv, ...args], { cwd })).code).toBe(0);
      const imported = await runCli(['import', 'csv', 'units.csv', 'copy'], { cwd });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);

      const validate = await runCli(['validate', 'copy', '--format', 'json'], { cwd });
      expect(validate.code).toBe(0);

      expect(await unitFacts('copy', cwd)).toEqual(await unitFacts(source, cwd));
      const again = await runCli([...lang, 'export', 'copy', '-f', 'csv', ...args], { cwd });
      expect(again.stdout).toBe(readFileSync(csv, 'utf8'));
    });
  }

  it('writes unit files that start with the modeline and sit in their parents’ folders', async () => {
    const cwd = temp();
    await runCli(['export', TRICKY, '-f', 'csv', '-o', join(cwd, 'u.csv')], { cwd });
    await runCli(['import', 'csv', 'u.csv', 'out'], { cwd });
    expect(readdirSync(join(cwd, 'out', 'units')).sort()).toEqual(['audit.yaml', 'end.yaml', 'sector-a.yaml']);
    expect(readFileSync(join(cwd, 'out', 'units', 'audit.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=https://orgcode.dev/schemas/unit.schema.json',
        'id: audit',
        'kind: department',
        'parent: end',
        'name:',
        '  ru: |-',
        '    Управление аудита;',
        '    и контроля',
        '  en: Audit, Control; and Review',
        'description:',
        '  ru: Создано слиянием отделов аудита и контроля.',
        'functions:',
        '  records: lead',
        'positions:',
        '  - title: Аудитор',
        '    count: 4',
        'replaces: [audit-old, control-old]',
        '',
      ].join('\n'),
    );
  });
});

describe('bad rows', () => {
  const csv = [
    HEADER,
    'root,,office,Аппарат,Office,2,records',
    'dept,root,department,"Отдел ""A""',
    'на двух строках",Dept,x,',
    'Bad_Id,root,department,Плохой,,,',
    'dept,root,department,Дубль,,,',
    'orphan,nowhere,department,Сирота,,,',
    'kid,bad-parent,division,Ребёнок,,,',
    'bad-parent,root,department,,,,',
    'sub,root,department,Подотдел,,-3,not_an_id',
    '',
  ].join('\r\n');

  it('are all reported with the line they start on, and nothing is written', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'units.csv'), csv);
    const r = await runCli(['import', 'csv', 'units.csv', 'out'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'units.csv:3: "x" is not a whole number of staff positions.',
        'units.csv:5: "Bad_Id" is not a valid id: use lower-case Latin letters, digits and single hyphens (kebab-case).',
        'units.csv:6: unit "dept" is already on line 3.',
        'units.csv:7: parent "nowhere" is neither a row of the spreadsheet nor a unit of the structure.',
        'units.csv:8: its parent "bad-parent" is on line 9, which is bad.',
        'units.csv:9: the unit has no name in any language.',
        'units.csv:10: "-3" is not a whole number of staff positions.',
        'units.csv:10: "not_an_id" is not a valid function id.',
        '7 bad rows: nothing was written (use --partial to import the good rows).',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('are reported in Russian with --lang ru', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'units.csv'), csv);
    const r = await runCli(['--lang', 'ru', 'import', 'csv', 'units.csv', 'out'], { cwd });
    expect(r.stderr).toContain('units.csv:6: подразделение «dept» уже есть в строке 3.\n');
    expect(r.stderr).toContain(
      '7 строк с ошибками: ничего не записано (чтобы импортировать остальные, добавьте --partial).\n',
    );
  });

  it('are left out with --partial, and the good rows are written', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'units.csv'), csv);
    const r = await runCli(['import', 'csv', 'units.csv', 'out', '--partial'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Imported 1 unit into out: 1 new, 0 updated.\n');
    expect(r.stdout).toContain('7 bad rows were left out.\n');
    expect(readdirSync(join(cwd, 'out', 'units'))).toEqual(['root.yaml']);
    expect((await runCli(['validate', 'out'], { cwd })).code).toBe(0);
  });
});

describe('an existing structure', () => {
  async function initialised(): Promise<string> {
    const cwd = temp();
    await runCli(['--lang', 'en', 'init', 's'], { cwd });
    return cwd;
  }

  it('gets new units under its own root, with its kinds', async () => {
    const cwd = await initialised();
    writeFileSync(
      join(cwd, 'u.csv'),
      'id;parent;kind;name\nlegal;head-office;department;Legal Department\nclerks;legal;division;Clerks\n',
    );
    const r = await runCli(['import', 'csv', 'u.csv', 's'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 's', 'units', 'legal', 'clerks.yaml'))).toBe(true);
    expect(readFileSync(join(cwd, 's', 'units', 'legal.yaml'), 'utf8')).toBe(
      '# yaml-language-server: $schema=https://orgcode.dev/schemas/unit.schema.json\nid: legal\nkind: department\nparent: head-office\nname:\n  en: Legal Department\n',
    );
    expect((await runCli(['validate', 's'], { cwd })).code).toBe(0);
  });

  it('rejects kinds it does not declare and a second root', async () => {
    const cwd = await initialised();
    writeFileSync(join(cwd, 'u.csv'), 'id,parent,kind,name\nx,head-office,bureau,X\ny,,office,Y\n');
    const r = await runCli(['import', 'csv', 'u.csv', 's'], { cwd });
    expect(r.stderr).toContain(
      'u.csv:2: kind "bureau" is not declared in organization.yaml (kinds: office, directorate, department, division).\n',
    );
    expect(r.stderr).toContain(
      'u.csv:3: unit "y" has no parent, but "head-office" is already the root; give it a parent.\n',
    );
  });

  it('never overwrites a unit file without --force, and with it keeps what the row does not carry', async () => {
    const cwd = await initialised();
    const file = join(cwd, 's', 'units', 'head-office.yaml');
    const before = readFileSync(file, 'utf8');
    writeFileSync(
      join(cwd, 'u.csv'),
      'id,parent,kind,name (en),short name (en),headcount,functions led\nhead-office,,office,Main Office,,1,records-management\n',
    );
    const refused = await runCli(['import', 'csv', 'u.csv', 's'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'u.csv:2: unit "head-office" already exists in s/units/head-office.yaml; use --force to update it.\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(before);

    const forced = await runCli(['import', 'csv', 'u.csv', 's', '--force'], { cwd });
    expect(forced.stdout).toContain('Imported 1 unit into s: 0 new, 1 updated.');
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# The root unit: the only one without a parent.'); // the comment stays
    expect(after).toContain('  en: Main Office\n');
    expect(after).not.toContain('short:'); // the spreadsheet's empty short name clears it
    expect(after).toContain('  - title:\n      en: Head of Office\n    count: 1\n'); // same headcount: positions kept
    expect((await runCli(['validate', 's'], { cwd })).code).toBe(0);
  });
});

describe('reading the spreadsheet', () => {
  it('accepts Russian headers, ";" and a byte-order mark, or none', async () => {
    for (const [bom, sep] of [
      ['\uFEFF', ';'],
      ['', ';'],
      ['\uFEFF', ','],
      ['', ','],
    ] as const) {
      const cwd = temp();
      const rows = [
        ['идентификатор', 'вышестоящее', 'вид', 'название', 'краткое название'],
        ['apparat', '', 'apparat', 'Аппарат', 'А'],
        ['otdel', 'apparat', 'otdel', 'Отдел; «кадры»', ''],
      ];
      writeFileSync(
        join(cwd, 't.csv'),
        bom + rows.map((r) => r.map((c) => (c.includes(sep) ? `"${c}"` : c)).join(sep)).join('\n') + '\n',
      );
      const r = await runCli(['import', 'csv', 't.csv', 'out'], { cwd });
      expect(r.code, `${JSON.stringify(bom)} ${sep}`).toBe(0);
      const otdel = readFileSync(join(cwd, 'out', 'units', 'otdel.yaml'), 'utf8');
      expect(otdel).toContain('  ru: Отдел; «кадры»\n');
      expect(readFileSync(join(cwd, 'out', 'organization.yaml'), 'utf8')).toContain('languages: [ru]');
      expect((await runCli(['validate', 'out'], { cwd })).code).toBe(0);
    }
  });

  it('warns about columns it does not know and refuses a sheet without the required ones', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'a.csv'), 'id,kind,name,примечание\na,office,A,заметка\n');
    const a = await runCli(['import', 'csv', 'a.csv', 'out'], { cwd });
    expect(a.stderr).toBe('a.csv: ignoring columns this format does not have: "примечание".\n');
    expect(a.code).toBe(0);
    writeFileSync(join(cwd, 'b.csv'), 'id,parent,name\na,,A\n');
    const b = await runCli(['import', 'csv', 'b.csv', 'out2'], { cwd });
    expect({ code: b.code, stderr: b.stderr }).toEqual({
      code: 2,
      stderr: 'org: The spreadsheet lacks the columns: kind (the first row names the columns).\n',
    });
  });

  it('refuses text that is not UTF-8, with the way out', async () => {
    const cwd = temp();
    writeFileSync(join(cwd, 'cp1251.csv'), Buffer.from([0x69, 0x64, 0x0a, 0xc0, 0xef, 0xef, 0x0a]));
    const r = await runCli(['--lang', 'ru', 'import', 'csv', 'cp1251.csv', 'out'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'org: Файл cp1251.csv не в кодировке UTF-8 (возможно, Windows-1251); сохраните его в UTF-8 (в Excel — «CSV UTF-8»).\n',
    );
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('does not write into a directory whose unit file is in the way', async () => {
    const cwd = temp();
    mkdirSync(join(cwd, 'out', 'units'), { recursive: true });
    writeFileSync(join(cwd, 'out', 'units', 'a.yaml'), 'id: a\n# mine\n');
    writeFileSync(join(cwd, 'a.csv'), 'id,kind,name\na,office,A\n');
    const r = await runCli(['import', 'csv', 'a.csv', 'out'], { cwd });
    expect(r.code).toBe(1);
    expect(readFileSync(join(cwd, 'out', 'units', 'a.yaml'), 'utf8')).toBe('id: a\n# mine\n');
    expect(existsSync(join(cwd, 'out', 'organization.yaml'))).toBe(false);
  });

  it('tracks lines through quoted line breaks and detects the separator from the header', () => {
    const table = readCsv('\uFEFFa;b\r\n"x\r\ny";"1;2"\r\n\r\nz;w\n');
    expect(table.separator).toBe(';');
    expect(table.rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\r\ny', '1;2'] },
      { line: 4, cells: [''] },
      { line: 5, cells: ['z', 'w'] },
    ]);
    expect(detectSeparator('"a,b";c;d\n')).toBe(';');
    expect(detectSeparator('id\n')).toBe(',');
    expect(readCsv('a,"open\nb\n').unclosedQuote).toBe(1);
  });
});

describe('sibling order, staff units and dates of validity', () => {
  it('refuses cells that are not a number, a yes or no, a day or an act, each by its line', async () => {
    const cwd = temp();
    const rows = [
      'id,parent,kind,name,order,staff unit,in force from,in force until,basis',
      'root,,office,Root,,,,,"{""kind"":""order"",""number"":""12-р"",""date"":""2024-06-20""}"',
      'a,root,department,A,first,maybe,2025-13-01,,"{""kind"":""edict""}"',
      'b,root,department,B,2000000,да,,2025-02-29,',
    ];
    writeFileSync(join(cwd, 'u.csv'), `${rows.join('\n')}\n`);
    const r = await runCli(['import', 'csv', 'u.csv', 'out'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'u.csv:3: "first" is not a number (column order).',
        'u.csv:3: "maybe" is neither yes nor no (column staff unit).',
        'u.csv:3: "2025-13-01" is not a day as YYYY-MM-DD.',
        'u.csv:3: "{"kind":"edict"}" is not an act: write JSON with kind, number, date, title, url (column basis).',
        'u.csv:4: "2000000" is not a number (column order).',
        'u.csv:4: "2025-02-29" is not a day as YYYY-MM-DD.',
        '2 bad rows: nothing was written (use --partial to import the good rows).',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('reads the words people write for yes and no, and a decimal comma', async () => {
    const cwd = temp();
    const cells: Array<[string, string, boolean]> = [
      ['x', '1,5', true],
      ['Да', '-2', true],
      ['+', '3', true],
      ['TRUE', '', true],
      ['нет', '1e2', false],
      ['-', '', false],
      ['', '0', false],
    ];
    const rows = ['идентификатор;вышестоящее;вид;название;порядок;штабное', 'root;;office;Root;;'];
    cells.forEach(([staff, order], i) => rows.push(`u${i};root;department;U${i};${order};${staff}`));
    writeFileSync(join(cwd, 'u.csv'), `${rows.join('\n')}\n`);
    const r = await runCli(['import', 'csv', 'u.csv', 'out'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse((await runCli(['export', 'out'], { cwd })).stdout) as {
      units: Array<{ id: string; staff: boolean; order?: number }>;
    };
    const byId = Object.fromEntries(doc.units.map((u) => [u.id, u]));
    expect(cells.map((_, i) => [byId[`u${i}`]!.staff, byId[`u${i}`]!.order])).toEqual([
      [true, 1.5],
      [true, -2],
      [true, 3],
      [true, undefined],
      [false, 100],
      [false, undefined],
      [false, 0],
    ]);
    // The staff mark goes back out as a word in the language of the headers.
    const ru = parseCsvRows((await runCli(['--lang', 'ru', 'export', 'out', '-f', 'csv'], { cwd })).stdout);
    expect(ru.find((row) => row[0] === 'u1')![ru[0]!.indexOf('штабное')]).toBe('да');
  });

  it('with --force: an empty cell removes the order, the staff mark or the date; a missing column keeps it', async () => {
    const cwd = temp();
    await runCli(['--lang', 'en', 'init', 's'], { cwd });
    const file = join(cwd, 's', 'units', 'legal.yaml');
    writeFileSync(
      file,
      'id: legal\nkind: department\nparent: head-office\nstaff: true\norder: 3\nname: { en: Legal }\nfunctions: { records-management: participant }\nfrom: "2020-01-01"\nuntil: "2030-01-01"\n',
    );
    expect((await runCli(['validate', 's'], { cwd })).code).toBe(0);

    writeFileSync(join(cwd, 'keep.csv'), 'id,parent,kind,name (en)\nlegal,head-office,department,Legal Service\n');
    expect((await runCli(['import', 'csv', 'keep.csv', 's', '--force'], { cwd })).code).toBe(0);
    const kept = readFileSync(file, 'utf8');
    expect(kept).toContain('  en: Legal Service\n');
    for (const line of ['staff: true', 'order: 3', 'from: "2020-01-01"', 'until: "2030-01-01"'])
      expect(kept).toContain(`${line}\n`);

    writeFileSync(
      join(cwd, 'clear.csv'),
      'id,parent,kind,name (en),order,staff unit,in force from\nlegal,head-office,department,Legal Service,,,\n',
    );
    expect((await runCli(['import', 'csv', 'clear.csv', 's', '--force'], { cwd })).code).toBe(0);
    const cleared = readFileSync(file, 'utf8');
    expect(cleared).not.toMatch(/^(staff|order|from):/m);
    expect(cleared).toContain('until: "2030-01-01"\n'); // no until column: kept
    expect(cleared).toContain('records-management: participant'); // roles other than lead: kept

    writeFileSync(
      join(cwd, 'set.csv'),
      'id,parent,kind,name (en),order,staff unit,in force until\nlegal,head-office,department,Legal Service,7,yes,2031-01-01\n',
    );
    expect((await runCli(['import', 'csv', 'set.csv', 's', '--force'], { cwd })).code).toBe(0);
    const set = readFileSync(file, 'utf8');
    for (const line of ['staff: true', 'order: 7', 'until: "2031-01-01"']) expect(set).toContain(`${line}\n`);
    expect((await runCli(['validate', 's'], { cwd })).code).toBe(0);
  });
});
