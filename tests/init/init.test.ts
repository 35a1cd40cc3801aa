/**
 * `org init`: the scaffold in each language passes validation as written, every file opens with a
 * modeline that points at the right schema from its own depth, and an existing structure is never
 * overwritten.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/format.js';
import { baseFromRef, parseModeline, schemaRef } from '../../src/init/modeline.js';
import { scaffold } from '../../src/init/scaffold.js';
import { loadStructure } from '../../src/load/structure.js';
import { validateStructure } from '../../src/rules/run.js';
import { ROOT, runCli } from '../helpers/cli.js';

const temps: string[] = [];
const tempDir = (parent = tmpdir()): string => {
  const dir = mkdtempSync(join(parent, '.org-init-test-'));
  temps.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('scaffold', () => {
  for (const lang of ['ru', 'en'] as const) {
    it(`in ${lang} is a valid structure with no findings at all`, () => {
      const files = scaffold({ lang, schemaBase: '../schemas' });
      const loaded = loadStructure(files.map((f) => ({ rel: f.rel, file: f.rel, bytes: Buffer.from(f.text) })));
      const result = validateStructure(loaded, translator('en'));
      expect(result.diagnostics.map((d) => `${d.file}: ${d.message}`)).toEqual([]);
      expect(result.summary).toMatchObject({ units: 1, functions: 1 });
    });
  }

  it('opens every file with a modeline for its own schema, from its own depth', () => {
    const files = scaffold({ lang: 'en', schemaBase: '../schemas' });
    expect(files.map((f) => [f.rel, f.text.split('\n')[0]])).toEqual([
      ['organization.yaml', '# yaml-language-server: $schema=../schemas/organization.schema.json'],
      ['units/head-office.yaml', '# yaml-language-server: $schema=../../schemas/unit.schema.json'],
      ['functions/records-management.yaml', '# yaml-language-server: $schema=../../schemas/function.schema.json'],
    ]);
  });

  it('is written in the chosen language', () => {
    const ru = scaffold({ lang: 'ru', schemaBase: 'x' })
      .map((f) => f.text)
      .join('');
    const en = scaffold({ lang: 'en', schemaBase: 'x' })
      .map((f) => f.text)
      .join('');
    expect(ru).toContain('# Виды подразделений — от крупного к мелкому.');
    expect(ru).toContain('ru: Центральный аппарат');
    expect(en).toContain('# Kinds of units, largest first.');
    expect(en).not.toMatch(/[а-яё]/i);
  });

  it('lists every rule with its default setting, commented out', () => {
    const org = scaffold({ lang: 'en', schemaBase: 'x' })[0]!.text;
    expect(org).toMatch(/^# {3}span-of-control: \[warn, \{max: 10\}\] +# No unit has more/m);
    expect(org).toMatch(/^# {3}unit-has-functions: warn +# /m);
    expect(org).not.toMatch(/^rules:/m);
  });
});

describe('modeline paths', () => {
  it('climb out of nested unit directories and find their way back', () => {
    expect(schemaRef('../schemas', 'unit', 'units/a/b/c.yaml')).toBe('../../../../schemas/unit.schema.json');
    expect(schemaRef('https://example.org/s/', 'function', 'functions/f.yaml')).toBe(
      'https://example.org/s/function.schema.json',
    );
    expect(baseFromRef('../../../../schemas/unit.schema.json', 'units/a/b/c.yaml')).toBe('../schemas');
    expect(baseFromRef('https://example.org/s/unit.schema.json', 'units/c.yaml')).toBe('https://example.org/s');
    expect(baseFromRef('../other.json', 'units/c.yaml')).toBeUndefined();
    expect(parseModeline('# yaml-language-server: $schema=../schemas/unit.schema.json')).toBe(
      '../schemas/unit.schema.json',
    );
    expect(parseModeline('# a comment')).toBeUndefined();
  });
});

describe('org init', () => {
  for (const [how, args, env] of [
    ['--lang ru', ['--lang', 'ru', 'init', 'structure'], {}],
    ['--lang en after the command', ['init', 'structure', '--lang', 'en'], {}],
    ['a Russian locale', ['init', 'structure'], { LANG: 'ru_RU.UTF-8' }],
  ] as const) {
    it(`then org validate passes (${how})`, async () => {
      const cwd = tempDir();
      const init = await runCli([...args], { cwd, env });
      expect(init.stderr).toBe('');
      expect(init.code).toBe(0);
      const validate = await runCli(['validate', 'structure', '--max-warnings', '0'], { cwd });
      expect(validate.stdout).toBe('✔ 1 unit and 1 function: no problems.\n');
      expect(validate.code).toBe(0);
      const ru = readdirSync(join(cwd, 'structure', 'units'))[0] === 'tsentralnyy-apparat.yaml';
      expect(ru).toBe(how !== '--lang en after the command');
    });
  }

  it('tells what it created and what to do next', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', 'org'], { cwd });
    expect(r.stdout).toBe(
      'Created a new structure in org:\n  org/organization.yaml\n  org/units/head-office.yaml\n  org/functions/records-management.yaml\nNext: edit the files, then run `org validate org`.\n',
    );
  });

  it('refuses to overwrite an existing structure and leaves it as it was', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'structure'));
    writeFileSync(join(cwd, 'structure', 'organization.yaml'), 'id: mine\n');
    const r = await runCli(['init'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'org: structure already holds a structure (organization.yaml); `org init` never overwrites one. Choose another directory.\n',
    );
    expect(readFileSync(join(cwd, 'structure', 'organization.yaml'), 'utf8')).toBe('id: mine\n');
    expect(readdirSync(join(cwd, 'structure'))).toEqual(['organization.yaml']);
  });

  it('refuses a directory that already has units/', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'structure', 'units'), { recursive: true });
    const r = await runCli(['--lang', 'ru', 'init'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('уже есть структура (units)');
  });

  it('rejects a scaffold language it does not have', async () => {
    const r = await runCli(['init', '--lang', 'fr'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('org: Unknown scaffold language "fr"; choose ru or en.\n');
  });

  it('points modelines at the published schemas outside a project, and at the local ones inside it', async () => {
    const outside = tempDir();
    await runCli(['init', 's'], { cwd: outside });
    expect(readFileSync(join(outside, 's', 'units', 'head-office.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/orgcode\.dev\/schemas\/unit\.schema\.json\n/,
    );

    const inside = tempDir(ROOT);
    await runCli(['init', 's'], { cwd: inside });
    expect(readFileSync(join(inside, 's', 'units', 'head-office.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schemas\/unit\.schema\.json\n/,
    );

    const chosen = tempDir();
    await runCli(['init', 's', '--schemas', 'vendor/schemas'], { cwd: chosen });
    expect(readFileSync(join(chosen, 's', 'organization.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=vendor\/schemas\/organization\.schema\.json\n/,
    );
  });
});
